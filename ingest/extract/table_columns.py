"""Results from tables printed the other way round: methods in the columns, datasets in the rows.

A table comparing agents game by game ("alien", "amidar", ... down the side; "DQN", "Rainbow",
"MuZero" across the top) names the paper's own method in a column header, not in a row label.
Each row is then a dataset: one the row label names (or abbreviates), else a part of the
benchmark the caption names ("Atari" and "bank heist": Atari 2600 Bank Heist), a benchmark
and not a single dataset (no "LM Winograd" where a caption's "LMs" reads as one). The metric
comes from the column header, the row label ("DROP f1"), the group row or the caption; a table
naming none gives nothing.
"""

from __future__ import annotations

import re
from dataclasses import replace

from papergraph.core.canonical import known_type
from papergraph.core.model import EntityType, Result, fold
from papergraph.ingest.extract.block_labels import block_dataset, block_metric, without_dataset
from papergraph.ingest.extract.category_rows import by_category, category_dataset
from papergraph.ingest.extract.dataset_measures import dataset_metric
from papergraph.ingest.extract.matcher import NameMatcher
from papergraph.ingest.extract.metric_names import Metric, read_metric
from papergraph.ingest.extract.prompt_rows import prompt_setting
from papergraph.ingest.extract.recipe_names import MODEL_SIZE
from papergraph.ingest.extract.row_datasets import (
    block_datasets,
    family_datasets,
    named_before_metric,
)
from papergraph.ingest.extract.row_languages import languages_kept
from papergraph.ingest.extract.row_twins import bracketed
from papergraph.ingest.extract.section_datasets import task_opening
from papergraph.ingest.extract.short_form_tasks import label_short_forms, printed_short_form
from papergraph.ingest.extract.shot_rows import SHOTS, shot_setting
from papergraph.ingest.extract.sweep_columns import swept_columns
from papergraph.ingest.extract.table_context import (
    TableContext,
    alternative,
    cell_result,
    label_metric,
)
from papergraph.ingest.extract.table_datasets import spelled_out
from papergraph.ingest.extract.table_grid import Number, Row, clean, parse_number, strip_marks
from papergraph.ingest.extract.table_headers import (
    AGGREGATE,
    HeaderKind,
    expand_abbreviation,
    header_kind,
    names_unknown_metric,
)
from papergraph.ingest.extract.table_names import (
    dataset_named,
    is_benchmark,
    own_row,
    part_of,
    without_marks,
)
from papergraph.ingest.extract.text_test_sets import pair_test_set
from papergraph.ingest.extract.usual_metrics import for_score, plausible, usual_metric

#: The shots a model is run with, printed over its columns: "0-shot", "few-shot"; or that it
#: was finetuned ("Finetuning PaLM 8B" beside "1-shot PaLM 8B").
_SHOTS = re.compile(rf"\b(?:{SHOTS}|fine-?tun(?:ed|ing))\b", re.IGNORECASE)
#: A word after a method's name that is part of it: a size ("540B"), a bracketed variant.
_PART_OF_NAME = re.compile(rf"^\(|^{MODEL_SIZE}$")
_SIZE = re.compile(rf"^{MODEL_SIZE}$")  # a model's size: "540B", "1.3B"
_OUR_MARK = re.compile(r"\((?:ours|proposed)\)", re.IGNORECASE)
#: A name-shaped word before "results" or "scores": "MoverScore results", "GLUE scores".
_MEASURED = re.compile(r"\b(?P<name>[A-Z][\w-]*[A-Z0-9][\w-]*)\s+(?:results|scores?)\b")
#: A minus sign before a number: "-29,968.36", "−1.00".
_MINUS = re.compile(r"^[-−–]\s*(?=[\d.])")
#: A label column of metrics: "Task | Metric | Prompt" over the row labels.
_METRIC_COLUMN = re.compile(r"\bmetrics?\b", re.IGNORECASE)
#: A unit printed after a column's name: "[%]", "(%)".
_UNIT = re.compile(r"\s*[\[(]\s*%\s*[\])]")


def own_columns(context: TableContext, names: list[str]) -> list[int]:
    """The value columns whose header names the paper's own method (or says "ours"), not one
    of its settings or metrics ("XLNet params", "BERT F1"); a group header over the name is
    not the name's ("Raw score" over "PaLM 540B")."""
    headers = context.grid.column_headers
    return [
        col
        for col, header in sorted(headers.items())
        if header
        and own_row(header, names)
        and header_kind(_from_name(header, names)) not in (HeaderKind.SETTING, HeaderKind.METRIC)
    ] or list(swept_columns(context))  # "512 1024 ..." under "... using FlashAttention"


def _from_name(header: str, names: list[str]) -> str:
    """The header from the word naming the paper's method on ("Raw score PaLM 540B": PaLM 540B);
    a bracketed "(Ours)" after the name marks the column the paper's and names nothing ("7B
    Baseline (Ours)", RETRO's Table 15: 7B Baseline); a size printed before the name is kept
    after it ("7.5B Retro": Retro 7.5B, as the paper's other tables print it)."""
    words = without_marks(clean(header)).split()
    start = next((i for i, word in enumerate(words) if own_row(word, names)), 0)
    if start and _OUR_MARK.fullmatch(words[start]):
        return " ".join(words[:start] + words[start + 1 :])
    if start and _SIZE.match(words[start - 1]):  # "7.5B Retro": Retro 7.5B
        return " ".join([words[start], words[start - 1], *words[start + 1 :]])
    return " ".join(words[start:])


def column_results(
    context: TableContext, matcher: NameMatcher, columns: list[int], names: list[str]
) -> list[Result]:
    """One result per row and own column, the first own column's where several give a row the
        same method, dataset and metric ("MuZero" before "MuZero normalized"), rows whose labels print
    two tasks' short forms two results ("SciERC ... NER", "SciERC ... REL"); a model size or a
        number of shots over the columns tells methods apart ("PaLM 8B (0-shot)", "PaLM 540B")."""
    headers = {col: context.grid.column_headers.get(col, "") for col in columns}
    swept = swept_columns(context)
    methods = {
        col: swept.get(col) or _paper_spelling(column_method(header, names), matcher)
        for col, header in headers.items()
    }
    plain = _column_keys(
        {col: column_method(header, names, False) for col, header in headers.items()}, methods
    )
    found: dict[tuple[str, ...], Result] = {}
    categories = by_category(context)  # "Prof.": StereoSet's part, no prompt
    for row, dataset in zip(context.grid.rows, row_datasets(context, matcher), strict=True):
        labelled = bool(dataset_named(clean(strip_marks(row.label)), matcher))
        stripped = row if labelled else without_dataset(context, row, dataset, matcher)
        from_block = stripped is not row  # "QuAC" | "f1": the data's, no setting
        row = stripped
        block = None if labelled else block_metric(context, row, dataset)  # none of "RACE"
        printed = printed_short_form(row.label, context.table.caption) or ""  # "REL"
        setting = shot_setting(row.label)  # "Zero-shot", "One-shot": two results
        kept = from_block and not categories
        prompt = prompt_setting(row.label, dataset, block is not None) if kept else ()
        for col in columns:
            result = _result(context, row, col, dataset, methods[col], block)
            if result is not None:
                task = printed or label_short_forms(row.label, result.dataset or "")
                result.method = qualified(result.method or "", prompt) or None  # "QA prompt"
                key = (plain[col], *row.qualifiers, *setting, *prompt, result.dataset or "")
                key = (*key, result.metric or "", task)
                found.setdefault(key, result)
    return list(found.values())


def _column_keys(plain: dict[int, str], methods: dict[int, str]) -> dict[int, str]:
    """Each own column's method without its plain words, where one column of the method prints
    it bare ("MuZero" before "MuZero normalized": the second is the first's score again); where
    every column of it names words of its own ("FLAN 137B zero-shot" over "average template" and
    "best dev template"), each is the method run its own way and keeps them."""
    bare = {plain[col] for col in plain if methods[col] == plain[col]}
    return {col: name if name in bare else methods[col] for col, name in plain.items()}


def column_method(header: str, names: list[str], qualified: bool = True) -> str:
    """The method an own column's header names: its words from the paper's name on, a unit
    ("[%]") left out, a size or a bracketed variant kept ("Raw score PaLM 540B": PaLM 540B),
    the shots it was run with and the other words after the name as qualifiers ("Few-shot PaLM
    540B": PaLM 540B (few-shot); "RWKV-4" over "GPT [%]": RWKV-4 (GPT)); without `qualified`,
    plain words are left out ("MuZero normalized" is MuZero's column again)."""
    text = _UNIT.sub(" ", header)
    shots = [found.group().lower() for found in _SHOTS.finditer(text)]
    words = _from_name(_SHOTS.sub(" ", text), names).split()
    own = bool(words) and own_row(words[0], names)
    sized = next((i for i, w in enumerate(words) if _SIZE.match(w)), 0) if own else 0
    kept = [
        not own or i <= sized or bool(_PART_OF_NAME.search(w)) for i, w in enumerate(words)
    ]  # "PaLM Coder 540B": the words up to the size name the model
    name = " ".join(word for word, keep in zip(words, kept, strict=True) if keep)
    rest = [w for w, keep in zip(words, kept, strict=True) if not keep]
    qualifiers = shots + [word for word in rest if qualified or not word.islower()]
    return f"{name} ({' '.join(qualifiers)})" if qualifiers else name


def _paper_spelling(method: str, matcher: NameMatcher) -> str:
    """`method` with its leading words as the paper spells the method they name, where a
    header prints them apart or glued ("PaLM Coder 540B" in a paper naming PaLM-Coder:
    "PaLM-Coder 540B"); the words as printed where no method name folds alike, and a size
    as a word of its own ("PaLM 540B", though the paper writes "PaLM-540B" too)."""
    words = method.split()
    for end in range(len(words), 1, -1):  # a size stays a word apart ("PaLM 540B")
        if _SIZE.match(words[end - 1]):
            continue
        head = " ".join(words[:end])
        entry = matcher.lookup(head)
        if entry and entry.type is EntityType.METHOD and fold(entry.label) == fold(head):
            return " ".join([entry.label, *words[end:]])
    return method


def row_datasets(context: TableContext, matcher: NameMatcher) -> list[str | None]:
    """Each row's dataset, a stray row named as most rows are: "frostbite" among rows read as
    "Atari 2600 <game>" is Atari 2600 Frostbite, not the bare "Frostbite" (table_datasets)."""
    rows = context.grid.rows
    labels = [clean(strip_marks(row.label)) for row in rows]
    read = [row_dataset(context, matcher, row) for row in rows]
    read = block_datasets(labels, read, [row.qualifiers for row in rows])
    read = languages_kept(labels, read)  # "MLSum (de)", "MLSum (es)": two rows, not one
    return family_datasets(list(zip(labels, read, strict=True)), matcher)


def row_dataset(context: TableContext, matcher: NameMatcher, row: Row) -> str | None:
    """The dataset a row label names, abbreviates, or is a part of the caption's benchmark."""
    caption = context.table.caption
    label = clean(strip_marks(row.label))
    category = category_dataset(context, row, matcher)  # "Gender": CrowS-Pairs (Gender)
    if category:
        return category
    named = (
        pair_test_set(label, context.test_sets, caption)  # "de-fr": the text's WMT'19 fr-de
        or dataset_named(label, matcher, caption, last=True)
        or expand_abbreviation(label, context.datasets)
        or (None if AGGREGATE.match(label) else block_dataset(context, row, matcher))
    )
    if named or not label or AGGREGATE.match(label):
        return named
    before = named_before_metric(f"{label} {metric_cell(context, row)}", caption)  # CommonGen
    if before or context.caption_dataset is None:
        return before
    if shot_setting(label):  # "Few-shot (binary)": the caption's data, prompted so
        return None if task_opening(context, matcher) else context.caption_dataset
    kind = header_kind(label)
    if kind not in (HeaderKind.NAME, HeaderKind.WORDS):
        return None  # "Mean", "Params", "Speedup": no part of a benchmark
    if not is_benchmark(context.caption_dataset, matcher):
        # a dataset has no parts: "Winograd" under PaLM's caption (whose "LMs" reads as a
        # dataset "LM") is Winograd, not "LM Winograd"
        own_name = kind is HeaderKind.NAME or (label[:1].isupper() and " " not in label)
        return label if own_name else None
    return part_of(context.caption_dataset, label, matcher)


def _result(
    context: TableContext,
    row: Row,
    col: int,
    dataset: str | None,
    header_method: str,
    block: Metric | None = None,
) -> Result | None:
    """The row's result in the own column `col`, whose header names `header_method`, `block`
    the metric its block prints (`block_metric`) where nothing closer names one."""
    cell = row.cells.get(col)
    header = context.grid.column_headers.get(col, "")
    number = signed_number(cell.text, _column(context, col)) if cell is not None else None
    if cell is None or number is None or dataset is None:
        return None
    metric = _metric(context, header, row, dataset) or block
    inferred = metric is None
    metric = metric or _usual_metric(context, header, dataset, number.value)
    if metric is None:
        return None
    metric = _or_usual(context, row, metric, dataset)
    shots = shot_setting(row.label) or tuple(m.group().lower() for m in _SHOTS.finditer(row.label))
    qualifiers = () if by_category(context) else row.qualifiers  # a category: the dataset's
    method = qualified(header_method, (*shots, *qualifiers)) or None  # "BoolQ 0-shot"
    caption = metric is context.caption_metric and not AGGREGATE.match(row.label)
    usual = for_score(metric, dataset, number.value) if caption else None
    metric = usual or metric  # a caption's "scores": HellaSwag's accuracy
    inferred = inferred or bool(usual)
    return cell_result(context, row, header, cell, number, metric, method, dataset, inferred)


def _or_usual(context: TableContext, row: Row, metric: Metric, dataset: str) -> Metric:
    """The caption's other metric ("accuracy (or exact match)") for a row given the caption's
    metric on a dataset usually measured in the other (Natural Questions: exact match)."""
    other = alternative(context.table.caption)
    if other is None or metric != _caption_row_metric(context, row, dataset):
        return metric
    usual = usual_metric(spelled_out(dataset, context.datasets))  # "TQA": TriviaQA's
    return other if usual and usual.label == other.label else metric


def _usual_metric(context: TableContext, header: str, dataset: str, value: float) -> Metric | None:
    """Where no header, row or caption names a metric (MuZero's Table S2 of game scores), the
    dataset's usual one (Atari 2600 Alien: Score), as rows of methods take it (table_results)."""
    if context.caption_names_metric or names_unknown_metric(header):
        return None
    if _metric_column(context.grid.label_header):
        return None  # a "Metric" label column printed one ("entropy"), no list's: not the usual
    if _unknown_measure(context.table.caption):
        return None  # "MoverScore results" over XSum are no ROUGE of XSum
    usual = usual_metric(dataset)
    return usual if usual and plausible(usual, value) else None


def _metric_column(label_header: str) -> bool:
    """Whether the label columns' header, read as one ("Task | Metric | Prompt": "Task Metric
    Prompt"), is of more than one word and holds "metric(s)": most often a column of metrics
    beside others, though a lone column headed "Eval metric" counts too. A lone "Metric" over
    labels that print a dataset and its metric ("CommonGen Rouge-1") does not."""
    return len(label_header.split()) > 1 and bool(_METRIC_COLUMN.search(label_header))


def _unknown_measure(caption: str) -> bool:
    """Whether the caption names its results by a name no list knows ("MoverScore results"):
    a measure the metric names do not hold, so no usual metric is the table's."""
    return any(known_type(found.group("name")) is None for found in _MEASURED.finditer(caption))


def _column(context: TableContext, col: int) -> list[str]:
    return [row.cells[col].text for row in context.grid.rows if col in row.cells]


def signed_number(text: str, column: list[str]) -> Number | None:
    """The value a cell prints, a minus sign included where its column prints signed scores
    (an Atari game's "-29,968.36" among unsigned scores): a column that prints values without a
    sign and none with a "+" prints no changes, so its "-" is the value's sign."""
    number = parse_number(text)
    minus = _MINUS.match(clean(text))
    if number is not None or minus is None:
        return number
    if any(clean(other).startswith("+") for other in column):
        return None  # a column of changes: "+1.2", "-0.3"
    if not any(parse_number(other) for other in column):
        return None  # every value signed: drops, not scores
    unsigned = parse_number(clean(text)[minus.end() :])
    return replace(unsigned, value=-unsigned.value) if unsigned else None


def qualified(method: str, qualifiers: tuple[str, ...]) -> str:
    """The method with what the row's label columns qualify it by ("ViT-L/16" in the rows
    under "JFT-300M": ViT-L/16 (JFT-300M)), inside its own brackets if it has some."""
    return bracketed(method, qualifiers) if method and qualifiers else method


def _metric(context: TableContext, header: str, row: Row, dataset: str = "") -> Metric | None:
    """The column's metric, else the one the row label prints after its dataset ("DROP f1",
    "TriviaQA acc", in a column of its own or not), the group row's, or the caption's."""
    label = row.printed or row.label
    found = context.header_metric(header) or read_metric(label)
    found = found or dataset_metric(context.caption_dataset or dataset, label)  # "SS" on StereoSet
    found = found or read_metric(metric_cell(context, row))  # "HumanEval" | "pass@1" | 36.0
    found = found or read_metric(row.group) or _caption_row_metric(context, row, dataset)
    return found or context.caption_metric


def _caption_row_metric(context: TableContext, row: Row, dataset: str = "") -> Metric | None:
    """The metric the caption gives the row's dataset ("All values shown are for accuracy
    (or exact match) except DROP ..., which are F1": DROP's F1, BoolQ's accuracy), or None."""
    return label_metric(context.table.caption, clean(strip_marks(row.label)), dataset)


def metric_cell(context: TableContext, row: Row) -> str:
    """The metric the row prints in a column of no header ("HumanEval" | "pass@100" | values:
    Codex-style tables of code benchmarks, one row per dataset and k), or ""."""
    headers = context.grid.column_headers
    return next(
        (
            cell.text
            for col, cell in sorted(row.cells.items())
            if not headers.get(col, "").strip() and read_metric(cell.text)
        ),
        "",
    )
