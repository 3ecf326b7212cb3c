"""The metric a dataset is usually reported in, for tables that print none.

A GLUE-style table prints a column per dataset ("MNLI", "QQP", "RTE") and no metric in its
headers, group rows or caption. Such a column's metric is the dataset's usual one: hand rows
(`ingest/lexicon/usual-metrics.txt`, GLUE and SuperGLUE as their papers define them) first,
then the rows benchmarks/build_metric_prior.py derives from the shared data
(`generated-usual-metrics.txt`). A result read so says in its evidence that the metric was
inferred, and a value no percentage can be (over 100) is never given such a metric.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

from papergraph.core.canonical import known_type
from papergraph.core.model import EntityType, fold
from papergraph.ingest.extract.matcher import NameMatcher
from papergraph.ingest.extract.metric_names import Metric, canonical
from papergraph.ingest.extract.suite_tasks import suite_metric

FILES = ("usual-metrics.txt", "generated-usual-metrics.txt")  # the first naming a dataset wins
#: Metrics read as a share or a correlation: a value above 100 is something else (a count).
BOUNDED = frozenset(
    {
        "Accuracy",
        "Normalized Accuracy",
        "F1",
        "Macro-F1",
        "Micro-F1",
        "EM",
        "Correlation",
        "Error",
        "Top-1 Accuracy",
        "mAP",
    }
)
_NAME_SHAPED = re.compile(r"\d|[A-Z].*[A-Z]|^[^\s-]+-[^\s-]+$")  # or one hyphened word
#: A subset suffix: "-m", a split, a bracketed part, or a few-shot episode ("20-way (1-shot)").
_SUFFIX = re.compile(
    r"(?:[- ](?:m{1,2}|h|matched|mismatched|dev|test|val)|(?:\s+\d+-way)?\s*\(.*\))$", re.I
)
_CAPITALS = re.compile(r"^[A-Z]{2}$")


@lru_cache(maxsize=1)
def _rows() -> tuple[dict[str, Metric], dict[str, str], frozenset[str]]:
    """Folded dataset name -> its usual metric (hand rows first), and -> the name as written;
    and the names the hand rows head their lines with (a benchmark's own name: "CB")."""
    folder = resources.files("papergraph.ingest.lexicon")
    table: dict[str, Metric] = {}
    spelled: dict[str, str] = {}
    own: set[str] = set()
    for name in FILES:
        for line in folder.joinpath(name).read_text("utf-8").splitlines():
            cols = line.split("\t")
            metric = canonical(cols[1]) if len(cols) > 1 else None
            if line.startswith(("#", "dataset\t")) or metric is None:
                continue
            names = [cols[0], *(cols[2].split("|") if name == FILES[0] and len(cols) > 2 else [])]
            own.update(cols[:1] if name == FILES[0] else [])
            for written in names:
                if key := fold(written):
                    table.setdefault(key, metric)
                    spelled.setdefault(key, written)
    return table, spelled, frozenset(own)


def usual_metrics() -> dict[str, Metric]:
    """Folded dataset name -> its usual metric, hand rows first."""
    return _rows()[0]


def usual_metric(
    dataset: str, matcher: NameMatcher | None = None, header: str | None = None
) -> Metric | None:
    """The usual metric of `dataset` (by its name, its name less a subset suffix such as
    "-m", or any name the gazetteer gives it), or None where the data does not say. A suite's
    score (VTAB's top-1 accuracy averaged over its tasks) only under a `header` printing the
    suite's name ("VTAB (light)"): the caption's suite over "Pets" or "Mean" is no column's."""
    table = usual_metrics()
    key = next((key for key in _keys(dataset, matcher) if key in table), None)
    if key in _suites() and not (header and key in fold(header)):
        return None
    return table[key] if key else suite_metric(dataset, header or "")  # "LRA (Text)": accuracy


@lru_cache(maxsize=1)
def _suites() -> frozenset[str]:
    """Folded names of the hand rows marked "header": suites whose usual metric is their score."""
    text = resources.files("papergraph.ingest.lexicon").joinpath(FILES[0]).read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if not line.startswith("#")]
    return frozenset(
        fold(name)
        for cols in rows
        if cols[3:4] == ["header"]
        for name in [cols[0], *cols[2].split("|")]
    )


def dataset_in(text: str, last: bool = False) -> str | None:
    """A dataset these files name, printed in `text` as a name-shaped word or run of words
    ("RTE" in "LM RTE", where the gazetteer knows RTE as the task): the first, or the last;
    each the longest starting where it starts ("ANLI R1", not "ANLI")."""
    words = [word.strip(",.;:()[]{}\"'") for word in text.split()]
    spans = [(i, j) for i in range(len(words)) for j in range(min(len(words), i + 4), i, -1)]
    found = [(i, " ".join(words[i:j])) for i, j in spans if " ".join(words[i:j]) in _shaped()]
    if not found:
        return None
    start = found[-1][0] if last else found[0][0]
    return next(name for i, name in found if i == start)


@lru_cache(maxsize=1)
def _shaped() -> frozenset[str]:
    """The names as written that are name-shaped: a digit, two capitals ("RTE", "SST-2") or
    one word of hyphened parts, a coined name ("ogbn-arxiv");
    a plain word ("Company", "Amazon") names too much else to be a dataset in a header. Of two
    letters, only a benchmark's own name that a hand row heads its line with (SuperGLUE's "CB",
    CommitmentBank), never an abbreviation listed beside a name. A name the lists know as a
    method ("CNN", a dataset of cloze questions too) names the method in free text."""
    _, spelled, own = _rows()
    shaped = {
        name
        for name in spelled.values()
        if len(name) >= 3
        and _NAME_SHAPED.search(name)
        and known_type(name) is not EntityType.METHOD
    }
    return frozenset(shaped | {name for name in own if _CAPITALS.match(name)})


def _keys(dataset: str, matcher: NameMatcher | None) -> Iterator[str]:
    for name in (dataset, _SUFFIX.sub("", dataset)):
        yield fold(name)
        entry = matcher.lookup(name) if matcher is not None else None
        if entry is not None:
            yield from map(fold, entry.names)


def plausible(metric: Metric, value: float) -> bool:
    """Whether `value` can be a value of the inferred `metric` (a share is at most 100)."""
    return metric.label not in BOUNDED or 0 <= value <= 100


def for_score(
    metric: Metric, dataset: str, value: float, matcher: NameMatcher | None = None
) -> Metric | None:
    """The dataset's usual metric where a caption names only a "score" ("... much higher
    scores", "the peak validation scores per task" over HellaSwag, BoolQ and WiC columns): a
    general word, not the metric, which the dataset's usual one (accuracy) says; else None."""
    if metric.label != "Score":
        return None
    usual = usual_metric(dataset, matcher)
    return usual if usual and usual.label != "Score" and plausible(usual, value) else None


#: The general metrics a top-k kind refines (metric_names.REFINES), with those kinds.
TOP_K_OF = {"Accuracy": frozenset({"Top-1 Accuracy"}), "Error": frozenset({"Top-1 Error"})}


def top_k_of(metric: Metric, dataset: str, matcher: NameMatcher | None = None) -> Metric:
    """The top-k kind of a general metric on a dataset usually scored by it ("Val acc." over
    ImageNet is top-1 accuracy: a classifier's accuracy on ImageNet is its top-1 unless a
    header says top-5, and Papers with Code's boards name it so); else `metric` itself."""
    if metric.label not in TOP_K_OF:
        return metric
    usual = usual_metric(dataset, matcher)
    return usual if usual and usual.label in TOP_K_OF[metric.label] else metric
