"""The task a table's result row is filed under: the task its dataset is evaluated for.

Leaderboards are keyed by (task, dataset, metric), so a row filed under the paper's most salient
task, whatever the table, lands on the wrong board (FlashAttention's OpenWebText perplexity under
image classification, ResNet's ImageNet error under object detection). The tasks each dataset
is evaluated for come from data (`ingest/lexicon/generated-dataset-tasks.txt`, written by
benchmarks/build_dataset_tasks.py from the Papers with Code taxonomy, sota-extractor task files
and SciREX tune documents). Of a dataset's tasks, the one the table's caption or section names
wins, then the one the paper names (most salient first), then the one that leads the votes (a
task whose name others refine, "Image Classification" inside "Few-Shot Image Classification",
counts those too). A dataset no data knows takes the task its caption or section names; else
the row has no task rather than a wrong one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from papergraph.core.canonical import DATASET_TYPES, SPLITS, short_names
from papergraph.core.model import EntityType, fold
from papergraph.ingest.extract.gazetteer import lexicon_names
from papergraph.ingest.extract.matcher import NameMatcher

FILE = "generated-dataset-tasks.txt"
MIN_DATASETS = 2  # a task of fewer datasets is one benchmark's
#: A task the caption names wins where its votes are at least 1/MINORITY of the leader's: a
#: setting the caption mentions ("with data augmentation") is a minority reading of CIFAR-10.
MINORITY = 4
_SPLIT = re.compile(
    r"\s*\b(?:" + "|".join(SPLITS) + r")(?:\s+set)?\b"  # "SQuAD1.1 dev", "COCO test-dev set"
    r"|-(?:m{1,2}|matched|mismatched)$",  # MultiNLI-m and -mm are MultiNLI
    re.I,
)
_WORDS = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=1)
def _lines() -> tuple[str, ...]:
    """FILE's rows, less its three header lines: read once for `_rows` and `opened_by`."""
    text = resources.files("papergraph.ingest.lexicon").joinpath(FILE).read_text("utf-8")
    return tuple(text.splitlines()[3:])


@lru_cache(maxsize=1)
def _rows() -> dict[str, Counter[str]]:
    """Folded dataset name -> its tasks with their votes (names that fold alike add up)."""
    table: dict[str, Counter[str]] = {}
    for line in _lines():
        name, _, tasks = line.partition("\t")
        votes = table.setdefault(fold(name), Counter())
        for item in tasks.split("|"):
            task, _, count = item.rpartition(":")
            votes[task] += int(count) if count.isdigit() else 0
    return table


@lru_cache(maxsize=1)
def opened_by() -> dict[str, tuple[str, ...]]:
    """First word -> the names of datasets of two words or more it opens, as the data writes
    them ("AG" -> "AG News"): where a table's short header may be spelled out."""
    names = (line.partition("\t")[0] for line in _lines())
    table: dict[str, list[str]] = {}
    for name in names:
        head, _, rest = name.partition(" ")
        if rest:
            table.setdefault(head, []).append(name)
    return {head: tuple(found) for head, found in table.items()}


@lru_cache(maxsize=1)
def known_tasks() -> frozenset[str]:
    """The tasks the data gives two datasets or more, folded: a paper's "task" that is one
    benchmark's (BIG-bench lists "RACE-m" as a task of its own) or a dataset ("HellaSwag") files
    no row."""
    rows = _rows()
    counts = Counter(task for tasks in rows.values() for task in {task_key(t) for t in tasks})
    return frozenset(task for task, n in counts.items() if n >= MIN_DATASETS and task not in rows)


@lru_cache(maxsize=1)
def _task_names() -> frozenset[str]:
    return known_tasks() - dataset_names()


@lru_cache(maxsize=1)
def dataset_names() -> frozenset[str]:
    """Every name the lexicons give a dataset or benchmark, folded: "QQP", a task of the
    taxonomy, is the Quora Question Pairs dataset, and files no row as a task."""
    named = lexicon_names(*DATASET_TYPES)
    return frozenset(named | {fold(short) for short, _ in short_names()})


_QUALIFIER = re.compile(r"\s*\([^()]*\)$")  # a subset or size: "(Wikipedia)", "(50K)"


def dataset_tasks(dataset: str, matcher: NameMatcher) -> Counter[str]:
    """The tasks `dataset` is evaluated for, with votes: as printed, less its split ("SQuAD1.1
    dev") and a qualifier ("TriviaQA (Wikipedia)"), or under the gazetteer's label or aliases of it; empty where no data knows it."""
    rows = _rows()
    bare = _QUALIFIER.sub("", _SPLIT.sub("", dataset))  # "TriviaQA (Wikipedia)": TriviaQA's
    entry = matcher.lookup(dataset) or matcher.lookup(bare)
    names = [dataset, bare]
    names += [entry.label, *entry.aliases] if entry is not None else []
    found = next((rows[key] for name in names if (key := fold(name)) in rows), None)
    own = {fold(name) for name in names}  # a "task" named as the dataset ("QQP") is none
    return Counter(
        {t: n for t, n in (found or {}).items() if fold(t) not in own and _task(t, matcher)}
    )


def _task(name: str, matcher: NameMatcher) -> bool:
    """Whether the gazetteer takes the name for a task, or does not know it ("QQP", a task of
    Papers with Code's taxonomy, is the Quora Question Pairs dataset)."""
    entry = matcher.lookup(name)
    return entry is None or entry.type is EntityType.TASK


def row_task(
    dataset: str | None,
    caption: str,
    paper_tasks: Sequence[str],
    matcher: NameMatcher,
    lead: str = "",
    section: str = "",
) -> str | None:
    """The task of a row on `dataset` in a table with `caption`, whose first sentence `lead`
    says what the table is (later sentences name settings too: "All methods are with data
    augmentation"), printed under `section` (tables float: OPT's dialogue table sits under
    "Hate Speech Detection"); `paper_tasks`: the task labels the paper names, most salient
    first."""
    candidates = dataset_tasks(dataset, matcher) if dataset else Counter()
    paper_tasks = [t for t in paper_tasks if task_key(t) in _task_names()]
    named = [task for task in paper_tasks if _words_in(task, f"{caption} {section}")]
    titled = [t for t in paper_tasks if _words_in(t, lead)]
    titled += [t for t in paper_tasks if _words_in(t, section) and t not in titled]
    ranked = titled + [task for task in named if task not in titled]
    ranked = [_fuller(task, f"{caption} {section}", matcher) for task in ranked]
    if not candidates:  # the caption's first words, then the section, then the caption's rest
        return next(iter(ranked), None)
    score = _scores(candidates)
    top = max(score.values())
    for task in ranked:  # the caption's "object detection" for "Real-Time Object Detection"
        support = _support(task, candidates)  # a setting a later sentence names: a minority
        if support and (_words_in(task, f"{lead} {section}") or support * MINORITY >= top):
            return task
    known = [task for task in paper_tasks if task_key(task) in score]
    if known:  # the paper's, most voted first, then most salient
        return max(known, key=lambda task: score[task_key(task)])
    votes = sum(candidates.values())  # a kind of the paper's task holding most votes:
    general = [task for task in paper_tasks if _support(task, candidates) * 2 > votes]
    if general:  # the paper's "named entity recognition" for "Named Entity Recognition (NER)"
        return max(general, key=lambda task: _support(task, candidates))
    if ranked:  # the caption's "object detection" over PASCAL VOC's "Interactive Segmentation"
        return ranked[0]
    return _leader(candidates, score, paper_tasks, matcher)


def _fuller(task: str, text: str, matcher: NameMatcher) -> str:
    """The longer task the text names with the paper's task and the words after it, where the
    gazetteer knows it ("Common Sense" printed in "Common Sense Reasoning Tasks" is Common
    Sense Reasoning); else the task."""
    words = r"\W+".join(re.escape(word) for word in _WORDS.findall(task.lower()))
    found = re.search(rf"\b{words}(?P<after>(?:\s+\w+){{1,2}})", text, re.I) if words else None
    if found is None:
        return task
    head, after = text[found.start() : found.start("after")], found.group("after").split()
    for size in range(len(after), 0, -1):
        entry = matcher.lookup(f"{head} {' '.join(after[:size])}")
        if entry is not None and entry.type is EntityType.TASK:
            return entry.label
    return task


def _support(task: str, candidates: Counter[str]) -> int:
    """The votes of the candidates that are `task` or a kind of it."""
    return sum(n for candidate, n in candidates.items() if _refines(candidate, task))


def _leader(
    candidates: Counter[str], score: Counter[str], paper_tasks: Sequence[str], matcher: NameMatcher
) -> str | None:
    """The task leading the votes, in the paper's words where it names what the leader is a
    kind of; None on a tie no paper task settles."""
    ranked = score.most_common(2)
    leads = len(ranked) == 1 or ranked[0][1] > ranked[1][1]
    leader = [_spelling(candidates, ranked[0][0])] if leads else list(candidates)
    # the paper's words for what the leader (or, on a tie, a candidate) is a kind of:
    # "semantic segmentation" for COCO-Stuff's "Unsupervised Semantic Segmentation"
    general = [task for task in paper_tasks if any(_refines(c, task) for c in leader)]
    if general:
        return general[0]
    return _label(leader[0], matcher) if leads else None


def _scores(candidates: Counter[str]) -> Counter[str]:
    """Folded task -> its votes (spellings that fold alike add up) plus the number of tasks
    that refine it: "Image Classification" under ImageNet counts "Few-Shot Image
    Classification" and five more."""
    votes: Counter[str] = Counter()
    for task, n in candidates.items():
        votes[task_key(task)] += n
    spelled = {task_key(task): task for task in candidates}
    return Counter(
        {
            key: n + sum(_refines(o, spelled[key]) for k, o in spelled.items() if k != key)
            for key, n in votes.items()
        }
    )


def task_key(task: str) -> str:
    """A task folded, American and British spelling alike ("language modeling")."""
    return fold(task).replace("modeling", "modelling")


def _spelling(candidates: Counter[str], key: str) -> str:
    """The candidates' most voted spelling of a folded task."""
    return max((t for t in candidates if task_key(t) == key), key=lambda t: candidates[t])


def _refines(candidate: str, task: str) -> bool:
    """Whether `candidate` is `task` or a kind of it ("Real-Time Object Detection")."""
    return _words_in(task, candidate)


def _words_in(short: str, long: str) -> bool:
    """Whether `long` prints the words of `short` in a row, plurals alike ("Dialogue
    Evaluations" names "Dialogue Evaluation")."""
    words = _singular(short)
    return bool(words) and f" {words} " in f" {_singular(long)} "


@lru_cache(maxsize=4096)
def _singular(text: str) -> str:
    """`text`'s words, lower-cased and singular; cached: a table's caption and section are read
    so for every paper task on every row."""
    words = _WORDS.findall(text.lower())
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and w[-2] != "s" else w for w in words)


def _label(task: str | None, matcher: NameMatcher) -> str | None:
    """The gazetteer's label of a task name, so that one task is one leaderboard key."""
    entry = matcher.lookup(task) if task else None
    return entry.label if entry is not None and entry.type is EntityType.TASK else task
