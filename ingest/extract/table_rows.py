"""Row labels of ablation tables: what a row's method is called, and whether the row is an ablation.

A table taking a method apart prints its rows as option letters ("(c) FPN"), set notation
("RPN, {Pk}") and changes of the row above ("+ cosine decay", "w/o lateral"): none of that is
part of a method's name. A change row is the base it changes (the method its column names, else
the nearest row above that is no change, else the paper's method) with that change:
"ResNet-50-D + mixup w/o distill". Rows of a table whose caption or group row says it is an
ablation ("ablation", "ablative", "effect of"), and change rows, are marked as ablations: a
variant of the paper's method, kept off leaderboards unless asked for (kg/leaderboards.py).
"""

from __future__ import annotations

import re

from papergraph.core.canonical import known_type
from papergraph.core.model import EntityType, Table, fold
from papergraph.ingest.extract.answer_rows import answered_name
from papergraph.ingest.extract.chains import ADDS, chain
from papergraph.ingest.extract.cited import cites, uncite
from papergraph.ingest.extract.label_columns import METHOD_COLUMN
from papergraph.ingest.extract.metric_names import read_metric
from papergraph.ingest.extract.own_versions import family
from papergraph.ingest.extract.row_twins import (
    bracketed,
    group_setting,
    marked_settings,
    marks,
)
from papergraph.ingest.extract.sentences import CAPTION_SENTENCE_END
from papergraph.ingest.extract.table_context import TableContext
from papergraph.ingest.extract.table_grid import Grid, Row, clean, parse_number, strip_marks
from papergraph.ingest.extract.table_headers import SETTING
from papergraph.ingest.extract.table_names import own_row, ticked, without_marks

#: An option letter or roman numeral before a row's label: "(c) FPN", "b) baseline", "(iv) ...".
_OPTION = re.compile(r"^\s*\(?(?:[a-z]|[ivx]{1,4})\)\s+")
#: The paper marking a row its own: it tells which row is the paper's, it is no part of the name.
_OURS = re.compile(
    r"\s*\((?:ours|this work|proposed)\)|^\s*ours\s*[,:]\s*|^\s*ours?\s+(?=(?-i:[A-Z0-9]))",
    re.IGNORECASE,
)  # "BIDAF (Ours)", "ours, Faster R-CNN", "Our ViT-G/14"
#: A label that is only the paper's mark, with the setting run ("Ours", "Ours (X = CC-News)").
_OURS_ONLY = re.compile(r"^\s*ours\b(?=\s*(?:\(|$))", re.IGNORECASE)
#: Set notation the label columns print ("RPN, {Pk}", "{P2, P3}"): a symbol, not a name.
_SET = re.compile(r"\s*,?\s*\{[^{}]*\}")
#: A row that changes the one above: "+ cosine", "w/o distill", "w/ mixup", "- lateral".
_CHANGE = re.compile(r"^\s*(?:\+|w/o\b|w/(?=\s)|without\b|[-−–]\s)", re.IGNORECASE)
#: A word printed twice in a row: two label columns holding one value ("RPN ResNet-101
#: ResNet-101", its localisation and its classification network), read once.
_TWICE = re.compile(r"(?<!\S)(\S*[A-Za-z]\S*)(?:\s+\1)+(?!\S)")
#: A label taking a part out: "w/o lateral", "No char embedding".
_REMOVES = re.compile(r"\b(?:w/o|without)\b|^\s*no\s", re.IGNORECASE)
#: Captions and group rows of ablation studies.
STUDY = re.compile(r"\bablat\w*|\b(?:effect|impact|influence|contribution)s? of\b", re.IGNORECASE)
#: Captions of tables that take the method apart (its variants are no result of the paper), or
#: that list settings or counts. (A caption saying so after its first sentence marks the
#: table's rows as ablations: `table_study`.)
_NO_RESULTS = re.compile(
    rf"{STUDY.pattern}|"
    r"\bhyper-?param\w*|\b(?:data ?set|corpus|corpora) statistics\b|\bstatistics of\b|"
    r"\b(?:training|fine-?tuning) settings?\b",  # "End-to-end IN-1K fine-tuning setting"
    re.IGNORECASE,
)
#: The hyperparameters runs were made with, which a caption of results states as it states their
#: data: "..., using those libraries' default hyperparameters".
_RUN_WITH = re.compile(
    r"\b(?:using|with|under)\s+(?:[\w'’-]+\s+){0,3}hyper-?param\w*", re.IGNORECASE
)
#: What says so in a caption's later sentences, which explain rather than title the table
#: ("... showing the impact of pre-training" under a main-results table is no ablation).
_ABLATION = re.compile(r"\bablat\w*", re.IGNORECASE)
SENTENCE_END = CAPTION_SENTENCE_END  # where a caption's sentence ends
#: A row label that is a variant of a method printed once above it: "44", "110", "B0".
_VARIANT_LABEL = re.compile(r"^[A-Za-z]?\d{1,4}[A-Za-z]?$")
_DEPTH = re.compile(r"\b(?:layers|depth)\b", re.IGNORECASE)
#: A label that is only a setting's value: "4", "0.5", "32x32", "1/3".
_SETTING_VALUE = re.compile(r"^\d+(?:[.,/]\d+)?(?:\s*[x×]\s*\d+)?[kKmMbB%]?:?$")
MAX_GROUP_WORDS = 2  # a group row naming one method, not a setting ("Single-task models on dev")
#: A caption describing sub-tables: "(1a) ...", "(b) ...".
_SUBTABLES = re.compile(r"\((?:\d+)?[a-d]\)")
#: Setting headers that measure the model (its size, cost, speed), no part of its name; an
#: image size, a depth or the pre-training data tell variants apart and stay.
MEASUREMENT = re.compile(
    r"#\s*param|\b(?:params?|parameters|flops|macs|latency|throughput|fps|memory|compute|"
    r"steps?|time|speed|speed-?up|hours?|days?|cost|ms|sec|seconds|[gt]pu\w*)\b",
    re.IGNORECASE,
)
#: A label of plain words, as a sentence prints a way of running a method: "Few-shot", "finetuned".
_PLAIN_WORDS = re.compile(r"^[A-Za-z][a-z]+(?:[- ][a-z]+)*$")
_INPUT_SETTING = re.compile(r"\b(?:image|input|resolution)s?\b", re.IGNORECASE)
#: An image size printed squared ("224²") whose raised 2 the text layer set on the line: "2242".
_SQUARED = re.compile(r"^(\d{2,4})2$")
_SIZE_HEADER = re.compile(r"\b(?:image|input|resolution|res|size)\b", re.IGNORECASE)
MAX_SETTING_ROWS = 4  # rows of a table of settings that are results, not a sweep


def clean_label(label: str) -> str:
    """The label less option letters, set notation, citations and a word printed twice over
    ("(c) FPN RPN, {Pk} {Pk}": "FPN RPN"; "RepLKNet-31B UperNet [102]": "RepLKNet-31B UperNet";
    "RPN ResNet-101 ResNet-101": "RPN ResNet-101")."""
    return _TWICE.sub(r"\1", clean(_SET.sub(" ", _OPTION.sub("", uncite(label)))))


def unmarked(label: str, own: str) -> str:
    """The label without the mark of the paper's own row ("BIDAF (Ours)", "ours, Faster R-CNN
    on FPN") where what is left names the paper's method (`own`); elsewhere the mark says what
    the name does not ("ResNet-50 (ours)": the paper's own run of another's model), and stays.
    A label saying only "Ours" (and its setting) is the paper's method: "REALM (X = CC-News)"."""
    if own and _OURS_ONLY.match(label):
        return _OURS_ONLY.sub(own, label, count=1)
    rest = clean(_OURS.sub(" ", label))
    return rest if rest and own and own_row(rest, [fold(own)]) else label


def is_change(label: str) -> bool:
    """Whether the row is a change of the row above ("+ mixup w/o distill", "w/o lateral")."""
    return bool(_CHANGE.match(label))


def change_base(rows: list[Row], row: Row, header: str, fallback: str) -> str:
    """What a change row changes: the method the column header names ("ResNet-50-D Top-1"),
    else the nearest row above that is no change, else `fallback` (the paper's method)."""
    named = column_method(header)
    if named:
        return named
    above = rows[: rows.index(row)] if row in rows else []
    base = next((r.label for r in reversed(above) if r.label and not is_change(r.label)), "")
    return clean_label(base) or fallback


def column_method(header: str) -> str:
    """The method a column header names before its metric ("ResNet-50-D Top-1"), or ""."""
    words = header.split()
    for size in range(len(words), 0, -1):
        name = " ".join(words[:size])
        if read_metric(name) is None and _method_shaped(name) and read_metric(header):
            return name
    return ""


def _method_shaped(name: str) -> bool:
    """A known method, or a name with a hyphened variant ("ResNet-50-D") of a known one."""
    if known_type(name) is EntityType.METHOD:
        return True
    head = name.split("-")[0]
    return "-" in name and " " not in name and known_type(head) is EntityType.METHOD


def with_change(base: str, change: str) -> str:
    """The base's name with the change: "ResNet-50-D" and "+ mixup": "ResNet-50-D + mixup"."""
    change = clean_label(change)
    return f"{base} {change}" if base else change


def no_results(first: str) -> bool:
    """Whether a caption's first sentence `first` says its table takes the method apart, or lists
    hyperparameters or a dataset's statistics (numbers that are no result); the hyperparameters
    its runs were made with ("... on LM1B, using the libraries' default hyperparameters") are
    a setting of results, no list of them."""
    return bool(_NO_RESULTS.search(_RUN_WITH.sub(" ", first)))


def table_study(table: Table, grid: Grid) -> bool:
    """Whether the table is an ablation study: a sub-caption printed under its rows says so
    ("(b) Ablations on the SQuAD dev set", one of two tables side by side), or its caption
    does where the caption speaks of no sub-tables ("(1a) ... (1b) ablations ...")."""
    last = max((row.index for row in grid.rows), default=-1)
    if any(STUDY.search(cell.text) for cell in table.cells if cell.row > last):
        return True
    return _caption_study(table.caption) and not _SUBTABLES.search(table.caption)


def _caption_study(caption: str) -> bool:
    """Whether the caption titles an ablation study: its first sentence says so in any of
    STUDY's words, a later one only by naming an ablation."""
    first, *rest = SENTENCE_END.split(caption, maxsplit=1)
    return bool(STUDY.search(first) or _ABLATION.search(" ".join(rest)))


def ablation_reason(study: bool, row: Row, names: list[str]) -> str | None:
    """Why a row's values are an ablation (a variant of the method, no leaderboard row), or
    None: the table is an ablation study (`study`) and the row is not the paper's full method
    by its plain name ("BIDAF (single)" among "No char embedding", "Dynamic attention"), the
    group row above it says the rows below are one, or it is a change of the row above."""
    if is_change(row.label):
        return f'the row "{row.label}" is a change of the row above'
    if STUDY.search(row.group):
        return f'the group row "{row.group}" says the rows are an ablation study'
    full = own_row(row.label, names) and not _REMOVES.search(row.label)
    return "the table is an ablation study" if study and not full else None


def method_name(context: TableContext, row: Row, header: str = "") -> str:
    """The row label with the settings printed beside it before the first result column
    ("RWKV-4" with "Params B" 0.17: "RWKV-4 (Params B: 0.17)"), which tell its variants apart,
    and what its label columns print to qualify it ("OPT-175B (Unsup.)"); a
    variant printed under its method's group row is both ("ResNet" above "110": "ResNet-110"),
    and so is a method and its depth column ("ResNet" at "# layers" 110); footnote and check
    marks are no part of it ("BERT*"), but what the caption says a mark means is ("XLNet∗",
    "∗ indicates using ensembles": XLNet (ensembles)), and a tick names the setting its column heads
    ("DetectoRS ResNet-50 X" under "Method Backbone TTA": "DetectoRS ResNet-50 (TTA)"); option
    letters and set notation are none either ("(c) FPN RPN, {Pk}": "FPN RPN"), and a change
    row is the base it changes with the change ("ResNet-50-D + mixup w/o distill"). A row
    another row of the table names alike takes what tells them apart (`told_apart`)."""
    name = _name(context, row, header)
    marked = marked_settings(_marks(context, row), context.table.caption)
    apart = list(dict.fromkeys([*marked, *told_apart(context, row, header, name)]))
    return bracketed(name, apart) if apart else name


def told_apart(context: TableContext, row: Row, header: str, name: str) -> list[str]:
    """What the group row over the row names that those over the other rows of its table
    whose name is `name` too do not (ingest/extract/row_twins.py): the split ("dev" under
    "Single-task single models on dev", "test" under "... ensembles on test"), else the words
    they differ in ("64x64" over a repeated header row); [] where no row is named alike. A
    group row naming a dataset tells rows on different data apart, not variants of the method."""
    if _on_data(row):
        return []
    headers = list(context.grid.column_headers.values())
    found: list[str] = []
    for twin in (r for r in context.grid.rows if r is not row and r.label and r.cells):
        if _on_data(twin) or _name(context, twin, header) != name:
            continue
        found += group_setting(_group(context, row), _group(context, twin), headers)
    return list(dict.fromkeys(found))


def _marks(context: TableContext, row: Row) -> frozenset[str]:
    """The marks the row's label prints, and those of a line of marks only right above it
    (its group row, the row the first under it: "‡" set above "RepLKNet-31B"), which the
    reader took for a line of its own; the rows further below are not marked by it."""
    rows = context.grid.rows
    above = rows[rows.index(row) - 1].group if row in rows and rows.index(row) > 0 else ""
    first = row.group != above
    only_marks = first and not without_marks(row.group)
    return marks(row.label) | (marks(row.group) if only_marks else frozenset())


def _group(context: TableContext, row: Row) -> str:
    """The group row over the row; above the first group row, the label column's header
    (a block's setting leads it there: "32x32 | Model")."""
    return without_marks(row.group) or context.grid.label_header


def _on_data(row: Row) -> bool:
    return known_type(row.group) is EntityType.DATASET


def _name(context: TableContext, row: Row, header: str) -> str:
    """The row's name as `method_name` reads it, before what tells it from its twins."""
    settings = list(row.qualifiers)  # "OPT-175B" run "Unsup.", "T5-11B" under "Closed Book"
    label = clean_label(without_marks(row.label) or without_marks(row.group))  # "BERT*", "†"
    label = answered_name(context, row) or unmarked(label, context.method)  # "share features?"
    if is_change(label):
        base = change_base(context.grid.rows, row, header, context.method)
        label = with_change(clean_label(without_marks(base)), chain(context, row, label))
    if tick := ticked(row.label, context.grid.label_header):
        settings.append(tick)  # "DetectoRS ResNet-50 X" under "Method Backbone TTA"
    label = f"{row.group}-{label}" if variant_of_group(row) else _run_of(context, label)
    label = caption_run(context, label) or label  # "Few-shot": "PaLM-540B (few-shot)"
    printed = printed_settings(context, row)
    measures = any(MEASUREMENT.search(header) for header, _ in printed)
    measured = measures and _told_apart_by_measures(context, row)  # every row's, only if asked
    for header, value in printed:
        if _DEPTH.search(header) and value.isdigit() and "-" not in label:
            label = f"{label}-{value}"  # "ResNet" at "# layers" 110: ResNet-110
        elif measured or not MEASUREMENT.search(header):
            header = _OPTION.sub("", header)  # a sub-table's mark: "(a) Attn. Heads"
            settings.append(f"{header}: {value}" if header else value)
    return f"{label} ({', '.join(settings)})" if settings and label else label


def printed_settings(context: TableContext, row: Row) -> list[tuple[str, str]]:
    """The (header, value) pairs of the setting columns the row prints before its first
    result column ("Params" 110M, "Image size" 384)."""
    found: list[tuple[str, str]] = []
    for col, cell in sorted(row.cells.items()):
        header = row.header(context.grid, col)
        if not SETTING.search(header) or context.header_metric(header):
            break
        found.append((header, squared(header, clean(cell.text))))
    return found


def squared(header: str, value: str) -> str:
    """A size under a size header as printed: "2242" is 224² (the side a multiple of 16 from 64,
    the run-on number none), not an image 2,242 pixels wide; "482" stays (no 48² image)."""
    found = _SQUARED.match(value)
    side = int(found.group(1)) if found else 0
    if found and _SIZE_HEADER.search(header) and side >= 64 and side % 16 == 0 and int(value) % 16:
        return f"{side}²"
    return value


def _told_apart_by_measures(context: TableContext, row: Row) -> bool:
    """Whether only the row's measurements tell it from another row on the same data ("RWKV-4"
    at 0.17B and at 14.2B parameters, "ViT-g/14" trained 120K and 5M steps): then they name
    it. Rows under different group rows are told apart by those: on different data ("C4",
    "PG19") or run otherwise ("Tensor2Tensor, TPUv2", "T5, V100": `told_apart`)."""

    def key(other: Row) -> tuple[object, ...]:
        kept = [
            pair for pair in printed_settings(context, other) if not MEASUREMENT.search(pair[0])
        ]
        meant = marked_settings(_marks(context, other), context.table.caption)  # "†": a setup
        return (clean_label(without_marks(other.label)), other.qualifiers, other.group, kept, meant)

    mine = key(row)
    return sum(key(other) == mine for other in context.grid.rows) > 1


def _run_of(context: TableContext, label: str) -> str:
    """A label that is only a value of the setting its column heads ("Rank r" over "4",
    "Image size" over "32x32") names the paper's method run so: "LoRA (Rank r: 4)"."""
    header = context.grid.label_header
    if not (context.method and _SETTING_VALUE.match(label) and header):
        return label
    value = label.rstrip(":")
    return label if METHOD_COLUMN.match(header) else f"{context.method} ({header}: {value})"


def caption_runs(context: TableContext) -> list[Row]:
    """Rows each labelled only by a way the caption's first sentence says the paper's method was
    run ("Few-shot", "Finetuned" under "Results on SuperGLUE dev set comparing PaLM-540B
    few-shot and finetuned"): the method's own; [] where any row is labelled otherwise."""
    rows = [row for row in context.grid.rows if row.cells]
    return rows if rows and all(caption_run(context, row.label) for row in rows) else []


def caption_run(context: TableContext, label: str) -> str:
    """The paper's method as the caption's first sentence names it, run as `label` says, where
    the sentence prints the label's words after that name ("PaLM-540B (few-shot)"); else ""."""
    words = clean(without_marks(label))
    if not context.method or not _PLAIN_WORDS.match(words):
        return ""
    first = SENTENCE_END.split(context.table.caption, maxsplit=1)[0]
    named = re.search(rf"\b{re.escape(context.method)}[\w.-]*", first, re.IGNORECASE)
    after = first[named.end() :] if named else ""
    if not re.search(rf"\b{re.escape(words)}\b", after, re.IGNORECASE):
        return ""
    return f"{named.group()} ({words.lower()})" if named else ""


def variant_of_group(row: Row) -> bool:
    """Whether the row's label is only a variant (a depth "110", "B0") of the method named once
    in the group row above it, a short name ("ResNet", "EfficientNet")."""
    short = 0 < len(row.group.split()) <= MAX_GROUP_WORDS and not parse_number(row.group)
    return short and bool(_VARIANT_LABEL.match(strip_marks(row.label)))


def uncited_rows(rows: list[Row]) -> list[Row]:
    """In a table that names none of the paper's methods but cites a source on its baselines
    ("DRAW [9]"), the rows after the last cited one, printed without a source and no more of
    them than cited ones, are the paper's own ("Row LSTM"); so are the uncited rows of their
    family set between the baselines, each size beside those it matches ("PoolFormer-S12"
    after "ResNet-18 [24]", ..., "PoolFormer-M48" last)."""
    cited = [index for index, row in enumerate(rows) if cites(row.label)]
    after = [row for row in rows[cited[-1] + 1 :] if row.label] if cited else []
    if len(cited) < 2 or len(after) > len(cited):
        return []
    kin = {family(row.label) for row in after} - {None}
    return [
        row for row in rows[: cited[-1]] if family(row.label) in kin and not cites(row.label)
    ] + after


def stacked_additions(rows: list[Row]) -> list[Row]:
    """In a table whose rows cite no source, the rows that each add to the one above ("+ cosine",
    "+ smooth" after "D-efficient"), two or more, or one added to the row the table calls its
    "Baseline" ("+ 61 Specialist models"): the paper's refinements stacked one by one, its own
    runs (a row taking a part out, "w/o lateral", is an ablation's)."""
    added = [row for row in rows if ADDS.match(row.label)]
    stacked = len(added) >= 2 or any(_on_baseline(rows, row) for row in added)
    return added if stacked and not any(cites(row.label) for row in rows) else []


def _on_baseline(rows: list[Row], row: Row) -> bool:
    """Whether `row` adds to the row right above it, labelled "Baseline" (the paper's own)."""
    above = rows.index(row) - 1
    return above >= 0 and fold(clean_label(rows[above].label)) == "baseline"


def setting_rows(grid: Grid) -> list[Row]:
    """Rows labelled by the input the label column's header names ("Image size": "32x32",
    "64x64"; a resolution), none citing a source: the method run on each, the paper's own; a
    longer sweep (data sizes by training steps) is a study of the method, not its results, and
    so is a table of the method's own settings ("Kernel size": 3x3, 7x7)."""
    header = grid.label_header
    if not _INPUT_SETTING.search(header) or read_metric(header):
        return []
    if len(grid.rows) > MAX_SETTING_ROWS:
        return []
    return [] if any(cites(row.label) for row in grid.rows) else grid.rows
