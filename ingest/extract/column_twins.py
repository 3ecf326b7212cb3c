"""Two columns of one row that give the same dataset and metric: told apart by their headers.

A row's results are one per dataset and metric; where two columns give the same pair, a test
column wins over a validation one (`table_results._row_results`), and an average stands for
the dataset beside its parts, each then the method run one way ("DetectGPT (GPT-2)").
Where neither wins, the words the two headers differ in are what tells the values apart:
BiDAF's "Single Model EM" and "Ensemble EM" are the model run two ways ("BIDAF (Single Model)",
"BIDAF (Ensemble)"), QANet's TriviaQA "Full" and "Verified" two subsets of the data
("TriviaQA (Wikipedia, Verified)"), Primer's "Baseline Compute @525K PPLX" and "@1M" two
training budgets. Headers that differ by a metric's own words ("AP" beside "AP (%)"), by
a threshold or code with no word in it ("@.5", "R2"), or not at all, tell no setting (a
setting printed as its value, "BS=256" beside "BS=1024", does): the first column's value stays
the row's, as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from papergraph.core.canonical import known_type
from papergraph.core.model import EntityType, Result
from papergraph.ingest.extract.ap_scripts import BOX_LETTER, BOX_WORDS, MASK_LETTER, MASK_WORDS
from papergraph.ingest.extract.header_codes import part_codes
from papergraph.ingest.extract.metric_names import read_metric
from papergraph.ingest.extract.row_tasks import AVERAGE
from papergraph.ingest.extract.row_twins import differing, with_setting
from papergraph.ingest.extract.table_grid import Grid, parse_number

#: Words naming a part of a dataset, not a way of running the method.
SUBSET = re.compile(
    r"^(?:full|verified|middle|high|easy|hard|challenge|matched|mismatched|seen|unseen|"
    r"in-domain|out-of-domain|overall|all|web|wikipedia)$",
    re.IGNORECASE,
)
#: Words naming a part of a dataset that a column of its own reports beside the whole's.
_PART = re.compile(
    r"^(?:middle|high|easy|hard|challenge|matched|mismatched|seen|unseen|in-domain|"
    r"out-of-domain)$",
    re.IGNORECASE,
)
_WHOLE = re.compile(r"^(?:all|overall)$", re.IGNORECASE)  # the whole data, no part of it
#: Words naming where a number comes from ("Published" beside "LeaderBoard"): one fact printed
#: as two sources give it, no setting of the method.
_SOURCE = re.compile(r"^(?:published|reported|leaderboard|paper|ours)$", re.IGNORECASE)
#: A word, a setting printed as its value ("BS=256") or a duration ("80ms": a forecast horizon).
_WORD = re.compile(r"[A-Za-z]{3,}|^[A-Za-z]+\s*=\s*\d|(?:^|\s)\d+(?:\.\d+)?\s?m?s(?:\s|$)")
#: Words that say which kind of a metric a column holds (COCO's box and mask AP, "AP^b"; the
#: words ap_scripts.py reads): the metric differs, no setting.
_METRIC_KIND = re.compile(
    rf"^(?:{'|'.join((*BOX_WORDS, *MASK_WORDS, BOX_LETTER, MASK_LETTER))})$", re.IGNORECASE
)
#: "Mask R-CNN": a detector's name, whose "Mask" is no kind of metric.
_DETECTOR_AFTER = re.compile(r"^R-?CNN", re.IGNORECASE)
_MASK = re.compile(rf"^(?:{'|'.join(MASK_WORDS)})$", re.IGNORECASE)
_BOX = re.compile(rf"^(?:{'|'.join(BOX_WORDS)})$", re.IGNORECASE)
_AP = re.compile(r"^AP(?:50|75|S|M|L)?$")  # the AP family a box/mask table prints
#: A statistic over runs, seeds or games that a header prints alone ("Median", "Mean").
_STATISTIC = re.compile(r"^(?:mean|median)$", re.IGNORECASE)
_STATISTIC_FIRST = re.compile(r"^(?:mean|median)\s+", re.IGNORECASE)
#: A thing a method ran with, and without: "w/ val edges", "w/o val edges".
_WITH_WITHOUT = ({"w/", "w/o"}, {"with", "without"})
#: A model's name as a header prints it: a capital, then a digit or another capital somewhere
#: ("GPT-2", "OPT-2.7", "Neo-2.7", "GPT-J", "NeoX"), one word; "Short", "Zero-shot" are no model.
_MODEL_SHAPE = re.compile(r"^[A-Z][\w.]*(?:-[\w.]+)*$")
_MODEL_MARK = re.compile(r"\d|.[A-Z]")
#: A setting's value printed bare ("10%", "512", "4x"), and a word of a setting's name.
_BARE_VALUE = re.compile(r"^[~≈<>≤≥]?\d[\d.,]*\s*(?:[kKmMbB%]|x|×)?$")
_NAME_WORD = re.compile(r"^[^\W\d_]{2,}$")


def part_column(header: str) -> bool:
    """Whether a column's header names only a part of the data ("Middle", "High" beside RACE's
    "Accuracy"): the column reports the metric the table gives the whole, on that part."""
    words = header.split()
    return bool(words) and all(_PART.match(word) for word in words)


def told_apart(
    results: list[Result],
    rank: Callable[[Result], tuple[bool, ...]],
    grid: Grid | None = None,
    caption: str = "",
) -> list[Result]:
    """Of `results`, all of one row giving one dataset and metric, those of the best `rank`:
    an average and the parts it averages, each part qualified (`_averaged_parts`), or each
    qualified by what its header says the first's does not, or the first alone where nothing
    does. One value printed under two headers is one fact, the first's, unless the `grid`'s
    other rows print different values in those columns (`_apart_elsewhere`) and the headers
    differ in no word naming a source of the number ("Published", "LeaderBoard"): then the
    columns are two settings ("XSum top-p", "XSum top-k" of DetectGPT's Table 3, both 0.98), each
    holding the value. A one-letter header code the `caption` explains as a part of the data
    ("U" indicates unseen categories: header_codes.py) reads as that part's word."""
    codes = part_codes(caption, SUBSET) if caption else {}
    top = max(rank(result) for result in results)
    best = [result for result in results if rank(result) == top]
    if len(best) == 1:  # "BLEU U" alone in its row: the unseen part, still
        _qualify(best[0], [codes[word] for word in _header(best[0]).split() if word in codes])
        return best
    averages = [result for result in best if AVERAGE.search(_header(result))]
    if len(averages) == 1 and len(best) > 1:  # "XSum Avg." after a column per source model
        return _averaged_parts(averages[0], [result for result in best if result not in averages])
    first, *others = averages or best
    if all(other.value == first.value for other in others) and not (
        grid
        and all(
            _apart_elsewhere(grid, first, other) and not _sources(first, other) for other in others
        )
    ):
        return _coded_or_first(first, [first, *others], codes)  # one value printed twice
    if _masked([first, *others]) or _by_statistic([first, *others]):
        return [first, *others]
    pairs = [_setting(first, other, codes) for other in others]
    found = [pair for pair in pairs if pair is not None]
    if not found or len(found) != len(others):
        return _coded_or_first(first, [first, *others], codes)  # "CUB H" beside "CUB U"
    if len(others) == 1:
        _qualify(first, found[0][0])
        _qualify(others[0], found[0][1])
        return [first, *others]
    group = [first, *others]
    for result, setting in zip(group, _each_apart(group, codes), strict=True):
        _qualify(result, setting)
    return group


def _coded_or_first(first: Result, group: list[Result], codes: Mapping[str, str]) -> list[Result]:
    """Where the headers tell no setting apart, the columns whose header prints a code the
    caption explains as a part of the data ("CUB U", "CUB S" beside "CUB H", the caption saying
    "U: unseen classes, S: seen classes, H: harmonic mean"), each qualified by its part; the
    first column too where it prints none; the first alone where none does (the unseen part
    never stands for the dataset)."""
    coded = [(r, [codes[w] for w in _header(r).split() if w in codes]) for r in group]
    parts = [(result, words) for result, words in coded if words]
    if not parts or len({" ".join(words) for _, words in parts}) != len(parts):
        return [first]
    for result, words in parts:
        _qualify(result, words)
    whole = [] if coded[0][1] else [first]  # "BLEU" beside "BLEU U": the whole, and a part
    return whole + [result for result, _ in parts]


def _apart_elsewhere(grid: Grid, first: Result, other: Result) -> bool:
    """Whether some row of the grid prints two different numbers under the two results'
    headers: the columns then measure two things, whatever value one row prints in both."""
    columns = {header: col for col, header in sorted(grid.column_headers.items(), reverse=True)}
    one, two = columns.get(_header(first)), columns.get(_header(other))
    if one is None or two is None or one == two:
        return False
    for row in grid.rows:
        cells = [row.cells.get(col) for col in (one, two)]
        numbers = [parse_number(cell.text) if cell else None for cell in cells]
        if numbers[0] and numbers[1] and numbers[0].value != numbers[1].value:
            return True
    return False


def _sources(first: Result, other: Result) -> bool:
    """Whether two headers differ in a word naming where a number comes from ("SQuAD Published"
    beside "SQuAD LeaderBoard"): other rows' numbers may differ there, but one value printed
    under both is one fact of one method, not the method run two ways."""
    one, two = ({word.lower() for word in _header(result).split()} for result in (first, other))
    return any(_SOURCE.match(word) for word in one ^ two)


def _averaged_parts(average: Result, parts: list[Result]) -> list[Result]:
    """A column averaging the columns beside it ("XSum GPT-2 | ... | XSum NeoX | XSum Avg.",
    DetectGPT's Table 1 of detectors run on five source models' texts): the average is the
    row's result on the dataset, as Papers with Code lists it, and each part a result of its
    own, qualified by what its header says the others' do not ("DetectGPT (GPT-2)"). Only where
    every part's header names a model (`_model_name`), decided once for all parts: "Easy |
    Medium | Hard | Avg", "Short | Long | Avg" or "Zero-shot | Few-shot | Avg" give the average
    alone, as where the parts' headers tell no setting."""
    settings = _each_apart(parts, {}) if len(parts) > 1 else [[]]
    texts = {" ".join(setting).lower() for setting in settings}
    if len(texts) != len(parts) or not all(
        _names_setting(setting) and _model_name(setting) for setting in settings
    ):
        return [average]
    for result, setting in zip(parts, settings, strict=True):
        _qualify(result, setting)
    return [average, *parts]


def _model_name(setting: list[str]) -> bool:
    """Whether a part's setting is one model's name: one the lists know as a method ("GPT-2"),
    or one word shaped like one ("OPT-2.7", "GPT-J", "NeoX") that the lists know as nothing
    else ("EN-DE" is a dataset's part)."""
    if len(setting) != 1:
        return False
    kind = known_type(setting[0])
    if kind is not None:
        return kind == EntityType.METHOD
    return bool(_MODEL_SHAPE.match(setting[0]) and _MODEL_MARK.search(setting[0]))


def _each_apart(results: list[Result], codes: Mapping[str, str]) -> list[list[str]]:
    """Of three or more columns, each one's header words that differ from any other's, in its
    header's order: CAD-120's "Detection F1-score Sub-activity (%)" beside "Detection ...
    Object Affordance" and "Anticipation ... Sub-activity" is "Detection Sub-activity", not
    only what it differs in from the first column."""
    words = [_header_words(result, codes) for result in results]
    settings = []
    for mine in words:
        apart = {
            word
            for theirs in words
            if theirs is not mine and (found := differing(mine, theirs))
            for word in found[0]
        }
        settings.append(_named_value(mine, [word for word in mine if word in apart]))
    return settings


def _named_value(header: list[str], setting: list[str]) -> list[str]:
    """A setting that is a bare value ("10%") after its name in the header ("Mask ratio 10%",
    a labelled sweep's column: sweep_header.py) is the name and the value, for a bare "10%"
    says nothing of what was 10%; any other setting stays as it is."""
    name = header[:-1]
    if len(setting) != 1 or not _BARE_VALUE.match(setting[0]) or header[-1:] != setting:
        return setting
    if not name or not all(map(_NAME_WORD.match, name)) or read_metric(" ".join(name)):
        return setting
    return header


def _masked(results: list[Result]) -> bool:
    """Whether two columns are one AP of boxes and of masks ("box AP50", "mask AP50", ConvNeXt
    V2's Table 6): then the mask one is "mask AP50", a metric of its own (changed in place)."""
    kinds = [_kind(_header_words(result)) for result in results]
    if len(results) != 2 or sorted(kinds) != ["box", "mask"]:
        return False
    if not all(_AP.match(result.metric or "") for result in results):
        return False
    mask = results[kinds.index("mask")]
    mask.metric = f"mask {mask.metric}"
    return True


def _by_statistic(results: list[Result]) -> bool:
    """Whether the columns are one metric summarised by different statistics, each header
    naming one ("Median" beside "Mean": MuZero's Table 1 of human-normalised scores over 57
    Atari games): each is then a metric of its own ("Median Score", "Mean Score"; changed in
    place), where the first column alone stood for both."""
    stats = [_statistic(_header_words(result)) for result in results]
    if None in stats or len(set(stats)) != len(stats):
        return False
    for result, stat in zip(results, stats, strict=True):
        base = _STATISTIC_FIRST.sub("", result.metric or "")
        result.metric = f"{stat} {base}" if base else stat
    return True


def _statistic(words: list[str]) -> str | None:
    found = {word.capitalize() for word in words if _STATISTIC.match(word)}
    return next(iter(found)) if len(found) == 1 else None


def _kind(words: list[str]) -> str:
    if any(_MASK.match(word) for word in words):
        return "mask"
    return "box" if any(_BOX.match(word) for word in words) else ""


def _setting(
    first: Result, other: Result, codes: Mapping[str, str]
) -> tuple[list[str], list[str]] | None:
    """What tells two columns apart: settings each header names, or a part of the data one
    names where the other names the whole or the metric alone ("Middle" beside RACE's
    "Accuracy", "Accuracy Middle" beside "Accuracy All"): the metric's words are then no part
    of either setting."""
    if coded := _coded_parts(_header_words(first), _header_words(other), codes):
        return coded
    words = [_header_words(first, codes), _header_words(other, codes)]
    if marked := _with_and_without(words[0], words[1]):
        return marked
    found = differing(words[0], words[1])
    if found is None:
        return None
    found = (
        _unkinded(_named_value(words[0], found[0]), words[0]),
        _unkinded(_named_value(words[1], found[1]), words[1]),
    )
    sides = [
        [word for word in side if not _measures([word], result)]
        for side, result in zip(found, (first, other), strict=True)
    ]
    if not any(side and all(SUBSET.match(word) for word in side) for side in sides):
        sides = list(found)  # no part of the data: a metric's words tell no setting
    if not all(_names_setting(side) for side in sides if side) or not any(sides):
        return None
    return sides[0], sides[1]


def _coded_parts(
    first: list[str], other: list[str], codes: Mapping[str, str]
) -> tuple[list[str], list[str]] | None:
    """Headers alike but for one code each that the caption explains as a part of the data
    ("BLEU U" and "BLEU S": unseen and seen categories), each side that part's word; read
    spelt out, "unseen" and "seen" would pass for one word spelt twice."""
    if len(first) != len(other):
        return None
    apart = [(one, two) for one, two in zip(first, other, strict=True) if one != two]
    if len(apart) != 1 or not all(code in codes for code in apart[0]):
        return None
    return [codes[apart[0][0]]], [codes[apart[0][1]]]


def _with_and_without(first: list[str], other: list[str]) -> tuple[list[str], list[str]] | None:
    """Headers alike but for "w/" and "w/o" (or "with" and "without") before the same words:
    the method run with a thing and without it (GATv2's "ogbl-collab w/o val edges" and "w/ val
    edges"), each setting the marker and the words after it; spelled alike, they tell no
    setting otherwise."""
    if len(first) != len(other):
        return None
    apart = [i for i, (one, two) in enumerate(zip(first, other, strict=True)) if one != two]
    if len(apart) != 1 or {first[apart[0]].lower(), other[apart[0]].lower()} not in _WITH_WITHOUT:
        return None
    return first[apart[0] :], other[apart[0] :]


def _measures(words: list[str], result: Result) -> bool:
    """Whether the words name the result's own metric ("Accuracy"): no setting of it."""
    metric = read_metric(" ".join(words))
    return metric is not None and metric.label == result.metric


def _header(result: Result) -> str:
    return (result.evidence[0].column_header if result.evidence else "") or ""


def _header_words(result: Result, codes: Mapping[str, str] | None = None) -> list[str]:
    header = _header(result)
    dataset = {word.lower() for word in (result.dataset or "").split()}
    spelt = [(codes or {}).get(word, word) for word in header.split()]
    return [word for word in spelt if word.lower() not in dataset]


def _names_setting(words: list[str]) -> bool:
    text = " ".join(words)
    named = len(words) > 1 and bool(_BARE_VALUE.match(words[-1]))  # "Mask ratio 10%"
    kind = _unkinded(words) != words and not named
    return bool(_WORD.search(text)) and read_metric(text) is None and not kind


def _unkinded(words: list[str], header: list[str] | None = None) -> list[str]:
    """The words less those naming a metric's kind ("b" of a flattened AP^b, "box", "mask")
    beside a metric in the `header` they come from, before it or after it ("b AP50", "AP50 b"):
    "RetinaNet AP50" beside "Mask R-CNN 1× b AP50" (PoolFormer's Table 3) are two detectors, the
    "b" no setting. Elsewhere the word is a name's ("Mask R-CNN", "Mask DINO") or a unit's
    ("range 50 m") and stays. A word goes by its place, not its spelling: in "Mask R-CNN 1×
    Mask AP" the detector's "Mask" stays while the one beside "AP" goes."""
    whole = words if header is None else header
    places = _places(words, whole)
    return [
        word
        for word, at in zip(words, places, strict=True)
        if at is None or not _kind_word(whole, at)
    ]


def _places(words: list[str], header: list[str]) -> list[int | None]:
    """Where each of the words stands in the header they were taken from, in order (the
    leftmost place after the previous word's; None for a word the header does not print)."""
    places: list[int | None] = []
    start = 0
    for word in words:
        at = next((i for i in range(start, len(header)) if header[i] == word), None)
        places.append(at)
        start = start if at is None else at + 1
    return places


def _kind_word(words: list[str], index: int) -> bool:
    if not _METRIC_KIND.match(words[index]):
        return False
    beside = [words[i] for i in (index - 1, index + 1) if 0 <= i < len(words)]
    if _DETECTOR_AFTER.match(words[index + 1] if index + 1 < len(words) else ""):
        return False
    return any(read_metric(word) is not None for word in beside)


def _qualify(result: Result, setting: list[str]) -> None:
    """Qualify the result by its setting: a part of the data its dataset, anything else its
    method; the metric's own words and the whole's ("All", "Overall") qualify nothing."""
    setting = [word for word in setting if not _measures([word], result)]
    if not setting or all(_WHOLE.match(word) for word in setting):
        return
    text = " ".join(setting)
    if all(SUBSET.match(word) for word in setting):
        result.dataset = with_setting(result.dataset or "", text)
    else:
        result.method = with_setting(result.method or "", text)
