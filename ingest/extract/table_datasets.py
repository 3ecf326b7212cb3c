"""Datasets a table names with a qualifier: a header's "Dataset: X" fragment, a size, a subset.

A header fragment "Dataset: QQP 50K" names the dataset QQP; the size after it (50K training
pairs) is a setting of that dataset, kept as a qualifier ("Quora Question Pairs (50K)"), never
the dataset. A caption naming a domain or subset of a dataset ("the Wikipedia domain of
TriviaQA") names that dataset with the subset as qualifier ("TriviaQA (Wikipedia)"), and so
does a column whose header names a domain (a common word printed as one: "Wikipedia", "Web")
under a caption naming one dataset and not that domain.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

from papergraph.core.canonical import known_type
from papergraph.core.model import EntityType, fold
from papergraph.ingest.extract.dataset_tasks import dataset_tasks, opened_by, task_key
from papergraph.ingest.extract.gazetteer import word_frequency
from papergraph.ingest.extract.matcher import Match, NameMatcher
from papergraph.ingest.extract.metric_names import backbone_measure, read_metric
from papergraph.ingest.extract.row_datasets import named_before_metric
from papergraph.ingest.extract.sentences import CAPTION_LABEL
from papergraph.ingest.extract.shot_rows import SHOTS
from papergraph.ingest.extract.suite_tasks import suite_task
from papergraph.ingest.extract.table_context import TableContext, without_exceptions
from papergraph.ingest.extract.table_grid import Grid, Row
from papergraph.ingest.extract.table_headers import (
    expand_abbreviation,
)
from papergraph.ingest.extract.table_names import (
    DATASET_TYPES,
    SIZE,
    SPLIT,
    dataset_named,
    full_name,
    is_benchmark,
)

#: "Dataset: QQP 50K" up to the next "Word:" or the end.
_FRAGMENT = re.compile(
    r"\b(?:data ?set|corpus|benchmark)\s*:\s*(?P<name>.+?)\s*(?=\b[A-Za-z]+\s*:|$)", re.IGNORECASE
)
#: A capitalised word opening a sentence ("A subset of ImageNet", "The Wikipedia domain of")
#: names no part.
_DETERMINER = r"(?:A|An|The|Each|Every|One|Our|This|That|These|Those|Its|Their|Any|All|Some)\b"
#: "the Wikipedia domain of TriviaQA", "the verified subset of the TriviaQA dataset".
_SUBSET_OF = re.compile(
    rf"\b(?!{_DETERMINER})(?P<part>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+"
    r"(?:domain|subset|portion|part|section|"
    r"split|track)s?\s+of\s+(?:the\s+)?(?P<whole>[A-Z][\w.-]*)",
)
#: An evaluation setting printed where a dataset stands ("Zero-shot", "One-shot", "Few-shot
#: (binary)", "5-shot" rows under columns of models): how a model was run, not the data.
_SHOTS = re.compile(rf"^{SHOTS}\b", re.I)
COMMON = 3.5  # wordfreq Zipf frequency from which a word is a common English word
_PLAIN_WORD = re.compile(r"^[A-Z]?[a-z]+$")  # "Wikipedia", "Web"; not "SQuAD", "COCO"
#: What a caption says models were trained on ("models pre-trained on C4", "trained on IMDb").
_TRAINED_ON = re.compile(
    r"\b(?:pre-?)?train(?:ed|ing)\s+(?:\w+\s+){0,3}?on\s+(?:the\s+)?(?P<on>[^.;:]+)",
    re.IGNORECASE,
)


def fragment_dataset(header: str, matcher: NameMatcher) -> str | None:
    """The dataset a header's "Dataset: X" fragment names, its size as a qualifier
    ("Dataset: QQP 50K": "Quora Question Pairs (50K)"), or None."""
    found = _FRAGMENT.search(header)
    if found is None:
        return None
    words = found.group("name").strip("*† ").split()
    name = " ".join(w for w in words if not _size(w))
    sizes = [w for w in words if _size(w)]
    if not name:
        return None
    dataset = full_name(dataset_named(name, matcher) or name)
    return f"{dataset} ({' '.join(sizes)})" if sizes else dataset


def _size(word: str) -> bool:
    """Whether a header word is a size with its unit ("50K", "10%"): a bare number is part of
    the name ("Dataset: CIFAR 10", "Dataset: COCO 2017")."""
    return bool(SIZE.match(word)) and not word[-1].isdigit()


def body_renamed(grid: Grid, row: Row, header: str) -> str:
    """The header with its "Dataset: X" fragment renamed for the row by a body row above it
    that prints as many fragments as the headers do ("Method Dataset: ParaSCI ACL Dataset:
    MSRPC" half-way down a table headed "Dataset: QQP 140K", "Dataset: QQP 50K"): the k-th
    fragment of the headers is the body row's k-th for the rows below it."""
    own = _FRAGMENT.search(header)
    if own is None or row not in grid.rows:
        return header
    columns = [grid.column_headers[col] for col in sorted(grid.column_headers)]
    printed = list(dict.fromkeys(f.group("name") for h in columns for f in _FRAGMENT.finditer(h)))
    if own.group("name") not in printed:
        return header  # a header row in the body printed it: it is the rows' own already
    for above in reversed(grid.rows[: grid.rows.index(row) + 1]):
        names = [found.group("name") for found in _FRAGMENT.finditer(above.group)]
        if names and len(names) == len(printed):
            renamed = names[printed.index(own.group("name"))]
            return f"{header[: own.start('name')]}{renamed}{header[own.end('name') :]}"
    return header


def sized(dataset: str | None, caption: str) -> str | None:
    """The caption's dataset with the size the caption prints after it ("... on QQP 140K":
    "QQP (140K)"), as a header's "Dataset: QQP 140K" gives it; else as it is."""
    if not dataset:
        return dataset
    found = re.search(rf"\b{re.escape(dataset)}\s+(?P<size>\S+)", caption)
    size = found.group("size").rstrip(".,;:") if found else ""
    if not (size and SIZE.match(size) and size[-1].isalpha()):
        return dataset
    named = f"{dataset} {size}"  # "ImageNet 1K" is a dataset of its own name, not ImageNet sized
    return named if known_type(named) is EntityType.DATASET else f"{dataset} ({size})"


def caption_subset(caption: str, matcher: NameMatcher) -> str | None:
    """The dataset a caption names by a domain or subset of it, qualified ("... on the
    Wikipedia domain of TriviaQA dataset": "TriviaQA (Wikipedia)"), or None."""
    for found in _SUBSET_OF.finditer(caption):
        whole = dataset_named(found.group("whole"), matcher, data=False)
        if whole and fold(whole) != fold(found.group("part")):
            return f"{whole} ({found.group('part')})"
    return None


def column_subset(
    caption_dataset: str | None, column: str, caption: str, matcher: NameMatcher
) -> str | None:
    """The caption's dataset qualified by the domain a column names ("TriviaQA (Wikipedia)"
    for a "Wikipedia" column under a TriviaQA caption), or None: the column's name is one common
    word the caption does not print, and the caption's dataset is no benchmark of parts
    (GLUE's columns are datasets of their own)."""
    whole = SPLIT.sub("", caption_dataset or "")  # "TriviaQA dev": TriviaQA, then its split
    if not whole or "(" in whole or is_benchmark(whole, matcher):
        return None
    word = column.strip()
    if not _PLAIN_WORD.match(word) or fold(word) in fold(caption):
        return None
    if any(whole in on for on in trained_on(caption)):
        return None  # the models were trained on the caption's dataset, the columns are others
    if word_frequency(word.lower()) < COMMON:
        return None
    split = caption_dataset[len(whole) :] if caption_dataset else ""
    return f"{whole} ({word}){split}"


#: Words before a dataset saying models were only trained on it ("pre-trained on JFT-300M",
#: "intermediately fine-tuned on ImageNet-22K"); a plain "fine-tuned on"/"trained on" is not:
#: a table of models fine-tuned on SQuAD is most often evaluated on it too.
_TRAINED_BEFORE = re.compile(
    r"\b(?:pre-?train(?:ed|ing)|intermediate(?:ly)?\s+fine-?tun(?:ed|ing))\s+"
    r"(?:\w+\s+){0,2}?on\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: Words after a dataset saying the same ("ImageNet-22K intermediate fine-tuning results",
#: "JFT-300M pre-training", "using IN-21K labels").
_TRAINED_AFTER = re.compile(
    r"^[\s-]*(?:intermediate(?:ly)?\s+fine-?tun\w*|pre-?train\w*|labels\b)", re.IGNORECASE
)


def untrained(text: str, matcher: NameMatcher) -> str:
    """The text with the datasets it names as training data blanked: a caption's "ImageNet-22K
    intermediate fine-tuning results" or "... using IN-21K labels" names what the models were
    trained on, not the data its values are on (ImageNet-1K's "Val acc.")."""
    blanked = text
    for match in training_data(text, matcher):
        blanked = blanked[: match.start] + " " * (match.end - match.start) + blanked[match.end :]
    return blanked


def training_data(text: str, matcher: NameMatcher) -> list[Match]:
    """The datasets the text names as what models were trained on ("ImageNet-22K intermediate
    fine-tuning results", "pre-trained on JFT-300M", "using IN-21K labels")."""
    return [
        match
        for match in matcher.find(text)
        if match.entry.type in DATASET_TYPES and _trained(text, match.start, match.end)
    ]


#: "Results on CAD-120 [29]": a name-shaped name (a digit or two capitals) that results are
#: on, cited, is the data a caption's table is on, known to the lists or not.
_CITED_DATA = re.compile(
    r"^(?:\w+\s+)?results\s+on\s+(?:the\s+)?"
    r"(?P<name>(?-i:(?=\S*(?:\d|[A-Z]\S*[A-Z]))[A-Z][\w.-]*\w))\s*\[\d[,\s\d]*\]",
    re.IGNORECASE,
)


def evaluated(caption: str, matcher: NameMatcher) -> str | None:
    """The dataset a caption names that is no training data (ingest/extract/table_names.py)
    nor an exception to its metric ("... except DROP, which are F1"), or a cited name its
    opening says results are on ("Results on CAD-120 [29]")."""
    named = dataset_named(untrained(without_exceptions(caption), matcher), matcher)
    cited = _CITED_DATA.match(CAPTION_LABEL.sub("", caption))
    return named or (cited.group("name") if cited else None)


def group_dataset(group: str, matcher: NameMatcher, caption: str) -> str | None:
    """The dataset a group row names for its rows: none where it says what the models were
    trained on ("Pretrained on BookCorpus and Wikipedia", "ImageNet-22K pre-trained")."""
    return None if trained_on(group) else dataset_named(untrained(group, matcher), matcher, caption)


def borrowed(
    contexts: list[TableContext | None], matcher: NameMatcher
) -> list[TableContext | None]:
    """The paper's table contexts, one whose caption names no data its values are on (only
    training data, "ImageNet-22K intermediate fine-tuning results", or none) taking the dataset
    its metric columns are on in the paper's other tables ("Val acc." under Table 5's
    "ImageNet-1K fine-tuning results"; "top-1" as "Top-1" under "... ImageNet validation
    accuracy"), where those agree on one; the others as they are."""
    return [_borrowing(context, contexts, matcher) for context in contexts]


def _borrowing(
    context: TableContext | None, contexts: list[TableContext | None], matcher: NameMatcher
) -> TableContext | None:
    if context is None or context.caption_dataset or evaluated(context.table.caption, matcher):
        return context  # the caption names the data its values are on
    headers = [h for h in context.grid.column_headers.values() if read_metric(h)]
    on_data = any(dataset_named(h, matcher) for h in context.grid.column_headers.values())
    measured = {fold(h) for h in headers} | {t for h in headers if not on_data for t in _tails(h)}
    found = {
        other.caption_dataset
        for other in contexts
        if other
        and other is not context
        and other.caption_dataset
        and measured & _measured_on_caption_data(other)
    }
    return replace(context, caption_dataset=found.pop()) if len(found) == 1 else context


def _tails(header: str) -> set[str]:
    """The header and its word-final parts, folded: "Efficient Top-1", a "Top-1" column under
    a group header, measures what another table's "Top-1" does (where no header of its table
    names data of its own: "BLEU Dataset: QQP 50K" is on that)."""
    words = header.split()
    return {fold(" ".join(words[i:])) for i in range(len(words))} - {""}


def _measured_on_caption_data(context: TableContext) -> set[str]:
    """The table's metric headers (folded) on its caption's data: not a top-k column beside a
    dense measure ("Top-1 | mAP" under "... on Pascal VOC": the backbone's ImageNet score)."""
    kinds = context.metric_kinds
    headers = context.grid.column_headers.values()
    return {fold(h) for h in headers if (m := read_metric(h)) and not backbone_measure(m, kinds)}


def _trained(text: str, start: int, end: int) -> bool:
    return bool(_TRAINED_BEFORE.search(text[:start]) or _TRAINED_AFTER.match(text[end:]))


def trained_on(text: str) -> list[str]:
    """What the text says models were trained on, each as printed ("Pretrained on BookCorpus and
    Wikipedia" as a group row over SuperGLUE columns names no dataset of its rows' values)."""
    return [found.group("on") for found in _TRAINED_ON.finditer(text)]


def names_setting(dataset: str | None) -> bool:
    """Whether a result's "dataset" is an evaluation setting ("Zero-shot", "5-shot"): such a row
    gives no result rather than one on a dataset named "Zero-shot"."""
    return bool(dataset and _SHOTS.match(dataset.strip()))


#: A short name printed as a header: two to five letters, capitals first ("TQA", "AG", "WQ").
_SHORT = re.compile(r"^[A-Z][A-Za-z]{0,3}[A-Z]$")
_BRACKETED = re.compile(r"^(?P<name>\S.*?) (?P<part>\([^()]+\))$")  # "TQA (wiki)"


def spelled_out(dataset: str, datasets: Mapping[str, str]) -> str:
    """A short name the lists know only as itself ("TQA", Papers with Code's Textbook QA) that
    abbreviates a dataset the paper names in full ("TriviaQA": T, Q, A) is that dataset: the
    paper's own words say what its table shortens, a bracketed subset kept ("TQA (wiki)":
    TriviaQA (wiki)); other names as they are."""
    bracket = _BRACKETED.match(dataset)
    if bracket:
        return f"{spelled_out(bracket['name'], datasets)} {bracket['part']}"
    if not _SHORT.match(dataset):
        return unclipped_name(dataset, datasets)
    full = expand_abbreviation(dataset, {n: d for n, d in datasets.items() if n != dataset})
    return full if full and fold(full) != fold(dataset) else dataset


#: A clipped name: two letters or more of a name's start, then more of its letters, mixed case.
_CLIPPED = re.compile(r"^[A-Z][a-z]+[A-Z][A-Za-z]*$")


def unclipped_name(short: str, datasets: Mapping[str, str]) -> str:
    """The one dataset the paper names in full that a header no list knows clips: it opens
    with the name's first letters and takes the rest of its letters in order from the name
    ("WritingP": WritingPrompts, "HoPo": HotpotQA); else `short` as it is."""
    if not _CLIPPED.match(short) or known_type(short) is not None:
        return short
    found = {label for name, label in datasets.items() if _clips(short, name)}
    return found.pop() if len(found) == 1 else short


def _clips(short: str, name: str) -> bool:
    if len(name) <= len(short) or not name.startswith(short[:2]) or " " in name:
        return False
    if name.startswith(short) and not name[len(short)].islower():  # "PubMed" in "PubMedQA"
        return False  # is a name of its own, cut where a part of the name ends
    letters = iter(name[2:].lower())
    return all(c in letters for c in short[2:].lower())


#: A validation or test split printed after a name, which names no leaderboard of its own (as
#: "dev" does): "CNN val" and "CNN test" are columns of CNN, the test one ranked first.
_PLAIN_SPLIT = re.compile(r"\s+(?:val|valid|validation|test)$", re.IGNORECASE)


def opened_name(
    short: str, grid: Grid, matcher: NameMatcher, datasets: Mapping[str, str] | None = None
) -> str:
    """The one known dataset whose name a short header no list knows opens ("AG": AG News)
    and that is evaluated for a task the datasets of the grid's other headers are (IMDb,
    Yelp-2, DBpedia: text classification); else the header as it is, less a validation or
    test split after the name ("CNN val": CNN), or the name of the paper's `datasets` it
    clips ("HoPo": HotpotQA)."""
    short = _PLAIN_SPLIT.sub("", short)
    candidates = opened_by().get(short, ()) if _SHORT.match(short) else ()
    headers = tuple(h for h in grid.column_headers.values() if h != short)
    tasks = _header_tasks(headers, matcher) if candidates else frozenset()
    fits = [name for name in candidates if _task_keys(name, matcher) & tasks]
    return fits[0] if len(fits) == 1 else unclipped_name(unclipped(short, headers), datasets or {})


#: The parts of a compound name: "ImageNet" is "Image" and "Net".
_PART = re.compile(r"[A-Z][a-z]+")


def unclipped(short: str, headers: Sequence[str]) -> str:
    """A header whose first word clips a name another header prints in full (the initials of
    its leading parts and its last part whole: "INet" beside "ImageNet"), read as that name
    where the whole is a dataset the lists know ("INet V2": ImageNet V2); else as it is."""
    first, _, rest = short.partition(" ")
    for full in headers:
        parts = _PART.findall(full)
        clip = "".join(part[0] for part in parts[:-1]) + (parts[-1] if parts else "")
        named = f"{full} {rest}".strip()
        if (
            len(parts) > 1
            and full == "".join(parts)
            and first == clip
            and known_type(named) is EntityType.DATASET
        ):
            return named
    return short


@lru_cache(maxsize=256)
def _header_tasks(headers: tuple[str, ...], matcher: NameMatcher) -> frozenset[str]:
    """The tasks (folded) of the datasets the headers name."""
    named = (dataset_named(header, matcher, data=False) for header in headers)
    return frozenset(key for name in named if name for key in _task_keys(name, matcher))


def _task_keys(dataset: str, matcher: NameMatcher) -> set[str]:
    return {task_key(task) for task in dataset_tasks(dataset, matcher)}


def benchmark_part(header: str, caption_dataset: str | None, matcher: NameMatcher) -> str | None:
    """The part of the caption's benchmark a header names before its metric ("zsRE K.-ACC",
    "HoPo K.-EM" under "KILT scores on the KILT test sets": zsRE, HoPo), or None: under a
    benchmark of parts, a name-shaped word before a metric is the part it is measured on; under
    one dataset ("BERT BLEU", "FT Acc" under an ImageNet caption) it is a setting or a model."""
    entry = matcher.lookup(caption_dataset) if caption_dataset else None
    if entry is None or entry.type is not EntityType.BENCHMARK:
        return None
    return suite_task(header, entry.label) or named_before_metric(header)  # LRA's "Text"
