"""What a column header of a results table names: a metric, a dataset, a setting or nothing.

A header is typed before any dataset is taken from it. A metric header ("BLEU", "top-5 err.")
takes its dataset from elsewhere; a known dataset name, or an abbreviation of one the paper
names ("C10" for CIFAR-10, "IN-1k" for ImageNet-1k, "AG" for AG News), is the column's dataset.
A language code ("En", "Ko": a column per language of one multilingual test set), a setting
(speedup, parameters, time, layers, batch size, a context length, a latency in ms; but a
duration the caption lists as when the values are measured, "80ms" after the seed motion, is a forecast horizon over
the caption's metric: `horizon`) or the method column's own
header ("Method", "Model") or a method the lexicon knows ("GPT-2") is never a dataset. Any other header is a dataset only when it is
name-shaped ("Yelp-2", "DBpedia"); plain words ("Middle", "High") and quantities ("50K" training
examples, "10%" of the labels, a year) are a qualifier, and the dataset comes from the group row
or the caption.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from enum import Enum

import pycountry

from papergraph.core.canonical import known_type
from papergraph.core.model import EntityType, fold
from papergraph.ingest.extract.label_columns import METHOD_COLUMN
from papergraph.ingest.extract.metric_names import Metric, read_metric
from papergraph.ingest.extract.recall_head import bare_recall, recall_variants
from papergraph.ingest.extract.table_grid import strip_marks
from papergraph.ingest.extract.usual_metrics import usual_metrics

#: Header words of settings and costs: what a model was run with, not where it was tested.
SETTING = re.compile(
    r"#|\b(?:params?|parameters|\w*flops|macs|time|speed|speed-?up|latency|throughput|fps|size|"
    r"memory|layers?|heads|depth|width|epochs?|steps?|batch|hours?|days?|[gt]pu\w*|ms|sec|seconds|"
    r"cost|lr|rate|year|venue|backbone|encoder|resolution|(?:extra|training) data|"
    r"(?:context|sequence|seq\.?)[- ]?len(?:gth)?)\b|"
    r"\d\s*(?:ms|s|x|×)(?!\w)|^[A-Za-zα-ω]$|"  # a one-letter header: a symbol (L, d, k)
    r"^\(\s*[KMGBT]\s*\)$",  # a unit alone, "(M)" or "(G)": params or FLOPs its lost line named
    re.IGNORECASE,
)
#: Rows and columns summing the others up: no dataset of their own.
AGGREGATE = re.compile(
    r"^(?:(?:arithmetic |geometric |harmonic )?mean|median|average|avg\.?|total|overall|all|sum|"
    r"wins?|# ?best)\b",
    re.IGNORECASE,
)
_NAME_SHAPED = re.compile(r"^(?=.*[A-Z])(?:\S*[A-Z]\S*[A-Z0-9]|\S*\d)\S*(?:\s\S+){0,2}$")
#: "C10", "IN-1k", "AG": a few letters (two capitals, or a number after them).
_ABBREVIATION = re.compile(r"^(?:[A-Za-z]{1,5}-?\d+(?:\.\d+)?[kKmM]?|[A-Z][A-Za-z]{0,4})$")
_TWO_CAPITALS = re.compile(r"[A-Z].*[A-Z]|\d")
#: A header ending in a duration ("Long-term forecast 1000ms"), and a unit of time in words.
_DURATION = re.compile(r"(?<![\w.])(?P<number>\d+(?:\.\d+)?)\s*(?:ms|s)$", re.IGNORECASE)
_TIME_UNIT = re.compile(r"\d[})\]]?\s*(?:ms|msecs?|milliseconds?|secs?|seconds?)\b", re.IGNORECASE)
_QUANTITY = re.compile(r"^[~≈<>≤≥]?\s*\d[\d.,]*\s*(?:[kKmMbB]|%)?$")
_LANGUAGE_CODES = frozenset(
    code.lower() for language in pycountry.languages if (code := getattr(language, "alpha_2", ""))
)


class HeaderKind(Enum):
    """What a column header names."""

    METRIC = "metric"
    SETTING = "setting"
    LANGUAGE = "language"
    METHOD = "method"
    NAME = "name"  # name-shaped: a dataset the gazetteer may not know
    WORDS = "words"  # plain words: a qualifier of the caption's dataset


def header_kind(header: str) -> HeaderKind:
    """The kind of a header that names no known dataset (checked before this)."""
    text = strip_marks(header)
    if read_metric(text) or known_type(text) is EntityType.METRIC:
        return HeaderKind.METRIC  # a metric the lists know is never a dataset ("NIST", "MET")
    if METHOD_COLUMN.match(text) or known_type(text) is EntityType.METHOD:
        return HeaderKind.METHOD  # "GPT-2" over the scores of detecting its text: no dataset
    if text.lower() in _LANGUAGE_CODES and len(text) == 2:
        return HeaderKind.LANGUAGE
    if SETTING.search(text):
        return HeaderKind.SETTING
    if _QUANTITY.match(text):  # "50K", "10%", "2012": a size or a year, not a dataset's name
        return HeaderKind.WORDS
    return HeaderKind.NAME if _NAME_SHAPED.match(text) else HeaderKind.WORDS


def names_unknown_metric(header: str) -> bool:
    """Whether a header prints a metric's name glued into a word ("Self-BLEU", a diversity
    score; "Self-TER"): a measure the metric names do not know, so the column's dataset's usual
    metric is not it."""
    words = (word for word in header.split() if "-" in word.strip("-"))
    return any(read_metric(part) for word in words for part in word.split("-") if part)


def expand_abbreviation(header: str, datasets: Mapping[str, str]) -> str | None:
    """The one dataset the paper names (`datasets`: each name it is written as -> its label)
    that `header` abbreviates ("C10" -> "CIFAR-10"), or None:
    the header's letters are, in order, capitals or word initials of the name (its first letter
    first) and its number is the name's number; a trailing "+" (with augmentation: "C10+") is
    the same dataset."""
    text = strip_marks(header).rstrip("+")
    if not (_ABBREVIATION.match(text) and _TWO_CAPITALS.search(text)):
        return None
    if fold(text) in usual_metrics():  # a name of its own ("CB": CommitmentBank, no BookCorpus)
        return None
    found = {
        label
        for name, label in datasets.items()
        if _abbreviates(text, name) and fold(name) != fold(text)
    }
    return next(iter(found)) if len(found) == 1 else None


def abbreviation_in(header: str, datasets: Mapping[str, str]) -> str | None:
    """The dataset a word of the header abbreviates ("CQA Dev Set Accuracy": CommonsenseQA),
    metric names left aside."""
    words = (word.strip("()[],:;") for word in header.split())
    found = (expand_abbreviation(w, datasets) for w in words if w and not read_metric(w))
    return next(filter(None, found), None)


def _abbreviates(short: str, name: str) -> bool:
    letters, number = _split(short)
    initials, name_number = _split(name, capitals=True)
    if number != name_number or not letters or not initials or letters[0] != initials[0]:
        return False
    rest = iter(initials[1:])
    return all(letter in rest for letter in letters[1:])


def _split(text: str, capitals: bool = False) -> tuple[str, str]:
    """The letters (upper-cased; with `capitals`, only the capitals and word initials) and the
    number of a name: "ImageNet-1k" -> ("IN", "1k") with capitals."""
    number = re.search(r"\d+(?:\.\d+)?\s*[kKmM]?\b", text)
    digits = number.group().replace(" ", "").lower() if number else ""
    head = text[: number.start()] if number else text
    pattern = r"[A-Z]|\b[a-z]" if capitals else r"[A-Za-z]"
    return "".join(re.findall(pattern, head)).upper(), digits


def horizon(header: str, caption: str) -> bool:
    """Whether a duration heading a column ("80ms") is when the values are measured, not a
    cost: the caption lists it as such ("Motion forecasting angle error. {80, 160, 320, 560,
    1000} msecs after the seed motion"), printing its number and a unit of time, and the rest
    of the header is no setting ("Short-term forecast", not "Latency")."""
    found = _DURATION.search(header)
    if found is None or SETTING.search(header[: found.start()]):
        return False
    number = re.compile(rf"(?<![\w.]){re.escape(found.group('number'))}(?![\w.])")
    return bool(number.search(caption) and _TIME_UNIT.search(caption))


def header_metrics(
    headers: Iterable[str], caption: str, named: Sequence[Metric], over: str = ""
) -> dict[str, Metric | None]:
    """Each header's metric (`header_metric`), `over` the words above the label column; a bare
    "AR" is the average recall where other headers print its variants (`recall_head`)."""
    found = {header: header_metric(header, caption, named, over) for header in headers}
    if recall_variants(metric.label for metric in found.values() if metric):
        found = {header: metric or bare_recall(header) for header, metric in found.items()}
    return found


def header_metric(
    header: str, caption: str, named: Sequence[Metric], over: str = ""
) -> Metric | None:
    """The metric the header names, or the one the caption names (`named`) over a duration it
    lists as when the values are measured ("80ms" under "... angle error. {80, ..., 1000}
    msecs after the seed motion"): a horizon heads values of the caption's metric, no cost.
    An IoU threshold alone ("@.5", "@[.5, .95]") is the AP at it where the caption or the words
    over the label column (`over`, where a spanning "mAP" lands) name an AP: ResNet's Table 9,
    "mAP" over "@.5 | @[.5, .95]", is COCO's AP50 and AP."""
    if metric := read_metric(header):
        return metric
    if (at := _IOU_AT.search(header)) and _AP.search(f"{over} {caption}"):
        return read_metric(f"mAP{at.group()}")
    return named[0] if len(named) == 1 and horizon(header, caption) else None


#: An IoU threshold printed alone, or COCO's range of them: "@.5", "@0.75", "@[.5, .95]".
_IOU_AT = re.compile(r"(?<![\w@])@\s*(?:\[\s*0?\.5\s*[,:]\s*0?\.95\s*\]|0?\.\d+)(?![\w.])")
_AP = re.compile(r"(?<![\w-])m?AP(?![\w-])")
