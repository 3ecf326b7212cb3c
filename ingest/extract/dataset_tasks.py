"""The task a table's result row is filed under: the task its dataset is evaluated for.

Leaderboards are keyed by (task, dataset, metric), so a row filed under the paper's most salient
task, whatever the table, lands on the wrong board (FlashAttention's OpenWebText perplexity under
image classification, ResNet's ImageNet error under object detection). The tasks each dataset
is evaluated for come from data (`ingest/lexicon/generated-dataset-tasks.txt`, written by
benchmarks/build_dataset_tasks.py from the Papers with Code taxonomy, sota-extractor task files
and SciREX tune documents), and a hand list of benchmarks' tasks as their own papers state them
(`ingest/lexicon/dataset-tasks.txt`: BoolQ, PIQA, COPA, ANLI ..., which the generated data files
under none or only under "parameter-efficient fine-tuning"). Of a dataset's tasks, the one the table's caption or section names
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

from papergraph.core.canonical import DATASET_TYPES, SPLITS, canonical, short_names
from papergraph.core.model import EntityType, fold
from papergraph.ingest.extract.dataset_task_data import FILE as FILE
from papergraph.ingest.extract.dataset_task_data import opened_by as opened_by
from papergraph.ingest.extract.dataset_task_data import rows as _rows
from papergraph.ingest.extract.dataset_task_data import stated_task
from papergraph.ingest.extract.gazetteer import hand_lexicon, lexicon_names
from papergraph.ingest.extract.matcher import NameMatcher
from papergraph.ingest.extract.task_metrics import DECIDING, fitting, measured_by, metric_kind
from papergraph.ingest.extract.task_metrics import task_key as task_key

MIN_DATASETS = 2  # a task of fewer datasets is one benchmark's
#: A task the caption names wins where its votes are at least 1/MINORITY of the leader's: a
#: setting the caption mentions ("with data augmentation") is a minority reading of CIFAR-10.
MINORITY = 4
BROADER = 5  # a tie goes to a task the data evaluates on this many times the datasets
GENERIC = 50  # a one-word task more tasks than this refine names no task of its own
_SPLIT = re.compile(
    r"\s*\b(?:" + "|".join(SPLITS) + r")(?:\s+set)?\b"  # "SQuAD1.1 dev", "COCO test-dev set"
    r"|-(?:m{1,2}|matched|mismatched)$",  # MultiNLI-m and -mm are MultiNLI
    re.I,
)
_WORDS = re.compile(r"[a-z0-9]+")
#: A family of optimizers ("Stochastic Optimization", where optimizer papers that tuned on CoLA
#: filed it): what a method is, never what a dataset evaluates; it ties with no dataset's task.
_OPTIMIZER = re.compile(r"\boptimi[sz](?:ation|ers?)$", re.IGNORECASE)


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


def bare_dataset(dataset: str) -> str:
    """The dataset less its split ("SQuAD1.1 dev") and a qualifier ("TriviaQA (Wikipedia)")."""
    return _QUALIFIER.sub("", _SPLIT.sub("", dataset))


def dataset_tasks(dataset: str, matcher: NameMatcher) -> Counter[str]:
    """The tasks `dataset` is evaluated for, with votes: as printed, less its split ("SQuAD1.1
    dev") and a qualifier ("TriviaQA (Wikipedia)"), under the gazetteer's label or aliases of
    it, or as the dataset less its year and language pair ("WMT 2019 German-French": WMT);
    empty where no data knows it."""
    rows = _rows()
    bare = bare_dataset(dataset)  # "TriviaQA (Wikipedia)": TriviaQA's
    entries = [e for e in (matcher.lookup(dataset), matcher.lookup(bare)) if e is not None]
    names = [dataset, bare, *(name for entry in entries for name in entry.names)]
    names.append(canonical(bare, EntityType.DATASET).label)  # "WMT 2019 German-French": WMT's
    found = next((rows[key] for name in names if (key := fold(name)) in rows), None)
    if found is not None and fold(bare) != fold(dataset) and fold(bare) in rows:
        found = found + rows[fold(bare)]  # "COCO minival": the split's few boards and COCO's
    # a "task" named as the dataset ("QQP") is none; a dataset named as a task the lexicon
    # knows is that task's ("RTE": recognizing textual entailment, natural language inference)
    kept = (e for e in entries if e.type is not EntityType.TASK)
    own = {fold(name) for name in [dataset, bare, *(n for e in kept for n in e.names)]}
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
    metric: str | None = None,
) -> str | None:
    """The task of a row on `dataset` in a table with `caption`, whose first sentence `lead`
    says what the table is (later sentences name settings too: "All methods are with data
    augmentation"), printed under `section` (tables float: OPT's dialogue table sits under
    "Hate Speech Detection"); `paper_tasks`: the task labels the paper names, most salient
    first; `metric` the row's, which may decide between the dataset's tasks. One spelling per
    task (`task_label`)."""
    task = _row_task(dataset, caption, paper_tasks, matcher, lead, section, metric)
    return task_label(task, matcher) if task else None


def _row_task(
    dataset: str | None,
    caption: str,
    paper_tasks: Sequence[str],
    matcher: NameMatcher,
    lead: str,
    section: str,
    metric: str | None,
) -> str | None:
    candidates = dataset_tasks(dataset, matcher) if dataset else Counter()
    if not candidates and dataset and not _words_in(dataset, lead):  # a variant of the one
        candidates = _caption_dataset_tasks(lead, matcher)  # it names: "adversarial SQuAD"
    fit = fitting(candidates, metric, caption)
    own = measured_by(metric, [t for t in paper_tasks if task_key(t) in _task_names()])
    unfit = bool(candidates) and not fit and metric_kind(metric) in DECIDING  # bits/dim on
    candidates = _specific(fit or candidates)  # "ImageNet", whose data names no generation
    specific = any(task_key(t) not in generic_tasks() for t in candidates)
    generic = generic_tasks() if specific else frozenset()
    paper_tasks = [
        t for t in paper_tasks if (k := task_key(t)) in _task_names() and k not in generic
    ]
    named = [task for task in paper_tasks if _words_in(task, f"{caption} {section}")]
    titled = [t for t in paper_tasks if _words_in(t, lead)]  # "Detection results" under
    titled += [t for t in paper_tasks if _headed(t, lead, section) and t not in titled]
    ranked = titled + [task for task in named if task not in titled]
    ranked = [_fuller(task, f"{caption} {section}", matcher) for task in ranked]
    if not candidates or unfit:  # the caption's first words, the section, the caption's rest
        return next(iter(ranked), None) or (own if unfit else None)  # then the paper's NLL task
    score = _scores(candidates)
    top = max(score.values())
    told = [
        t for t in candidates if _words_in(t, lead) and task_key(t) in _task_names()
    ]  # "RACE, a reading
    if told:  # comprehension task" over the section a table floated into ("Language Modeling")
        return max(told, key=lambda task: score[task_key(task)])
    kind = _kind_named(candidates, score, lead, matcher)
    if kind:  # "Localization error (%) on the ImageNet validation": object localization
        return kind
    for task in ranked:  # the caption's "object detection" for "Real-Time Object Detection"
        backing = support(task, candidates)  # a setting a later sentence or a section a
        if backing and (task in titled or _words_in(task, lead) or backing * MINORITY >= top):
            return task  # into names: a minority ("Object Detection" for ImageNet)
    known = [task for task in paper_tasks if task_key(task) in score]
    if known:  # the paper's, most voted first, then most salient
        return max(known, key=lambda task: score[task_key(task)])
    votes = sum(candidates.values())  # a kind of the paper's task holding most votes:
    general = [task for task in paper_tasks if support(task, candidates) * 2 > votes]
    if general:  # the paper's "named entity recognition" for "Named Entity Recognition (NER)"
        return max(general, key=lambda task: support(task, candidates))
    stated = stated_task(bare_dataset(dataset or ""))  # what its own paper says wins over:
    if ranked := [t for t in ranked if fitting(Counter({t: 1}), metric, caption)]:  # the
        return stated or ranked[0]  # caption's "object detection" (no ROUGE "language modeling")
    return stated or own or _leader(candidates, score, paper_tasks, matcher)  # the paper's NLL


def named_in(task: str, caption: str, lead: str, section: str) -> bool:
    """Whether a table says what its rows' task is: its caption prints it, or its section does
    with the caption's first sentence printing its last word."""
    return _words_in(task, caption) or _headed(task, lead, section)


def _headed(task: str, lead: str, section: str) -> bool:
    """Whether the section names the task and the caption's first sentence its last word:
    "Detection results on PASCAL VOC" under "Object Detection Improvements"; a table that
    floated into a section ("accuracies on ImageNet" under "Object Detection") is not its."""
    head = _singular(task).rpartition(" ")[2]
    return _words_in(task, section) and _words_in(head, lead)


@lru_cache(maxsize=1)
def generic_tasks() -> frozenset[str]:
    """One-word tasks that more than GENERIC tasks of the data refine, folded: "Classification"
    (207 of them), "Segmentation", "Prediction", "Retrieval" say what kind of output, not what
    task ("Summarization", 31, and "Translation", 25, are tasks)."""
    tasks = {task for votes in _rows().values() for task in votes}
    heads = Counter(task.lower().split()[-1] for task in tasks if len(task.split()) > 1)
    return frozenset(
        task_key(t) for t in tasks if " " not in t.strip() and heads[t.lower()] > GENERIC
    )


def _specific(candidates: Counter[str]) -> Counter[str]:
    """The candidates less generic one-word tasks where the data gives the dataset another:
    RTE is natural language inference, not "Classification"."""
    specific = Counter({t: n for t, n in candidates.items() if task_key(t) not in generic_tasks()})
    return specific or candidates


def _kind_named(
    candidates: Counter[str], score: Counter[str], lead: str, matcher: NameMatcher
) -> str | None:
    """The one task the caption's first sentence names by the last word of the dataset's tasks,
    as the most general task of two words or more the gazetteer knows that ends so ("Localization
    error on ImageNet": ImageNet's "Weakly-Supervised Object Localization" is object
    localization, the setting unprinted); else None, and None where the lead names so the
    dataset's leading task ("games" over Atari games: their own task stays), or that task where
    the data ties it ("Motion forecasting" over Human3.6M: Human Pose Forecasting)."""
    named = [t for t in candidates if _words_in(t.rpartition(" ")[2], lead)]
    top = max(score.values())
    if leading := [t for t in named if score[task_key(t)] == top]:
        tied = sum(score[task_key(t)] == top for t in candidates) > 1
        return leading[0] if tied and len(leading) == 1 else None
    kinds = {kind for task in named if (kind := _general(task, matcher))}
    return kinds.pop() if len(kinds) == 1 else None


def _general(task: str, matcher: NameMatcher) -> str | None:
    """The shortest task of two words or more the gazetteer knows that `task` ends with."""
    words = _WORDS.findall(task.lower())
    for size in range(2, len(words) + 1):
        entry = matcher.lookup(" ".join(words[-size:]))
        if entry is not None and entry.type is EntityType.TASK:
            return entry.label
    return None


def _caption_dataset_tasks(lead: str, matcher: NameMatcher) -> Counter[str]:
    """The tasks of the one dataset the data knows that the caption's first sentence names
    ("The F1 scores on the adversarial SQuAD datasets": AddSent's rows are SQuAD's), else
    none."""
    named = {m.entry.label for m in matcher.find(lead) if m.entry.type is EntityType.DATASET}
    known = [tasks for name in named if (tasks := dataset_tasks(name, matcher))]
    return known[0] if len(known) == 1 else Counter()


@lru_cache(maxsize=1)
def _hand_tasks() -> dict[str, str]:
    """Folded name -> label of the hand lexicon's tasks, the one spelling of each."""
    entries = (e for e in hand_lexicon() if e.type is EntityType.TASK)
    return {task_key(name): entry.label for entry in entries for name in entry.names}


def task_label(task: str, matcher: NameMatcher) -> str:
    """A task's one spelling: the hand lexicon's where it folds alike ("Common Sense Reasoning"
    is "commonsense reasoning"), else the gazetteer's label ("Image Classification" is "image
    classification"), else as written."""
    label = _label(task, matcher) or task
    return _hand_tasks().get(task_key(label), label)


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


def support(task: str, candidates: Counter[str]) -> int:
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
    if not leads:  # a tie: the one with most votes of its own (ReCoRD's Common Sense
        tied = {task_key(t): t for t in candidates if score[task_key(t)] == ranked[0][1]}
        tied = {k: t for k, t in tied.items() if not _OPTIMIZER.search(t)} or tied
        leader = _most_voted(tied, candidates) or _broadest(list(tied.values()))  # Reasoning)
    return _label(leader[0], matcher) if leader and (leads or len(leader) == 1) else None


def _most_voted(tied: dict[str, str], candidates: Counter[str]) -> list[str]:
    """The tied task with more votes of its own than each other, before the votes of the tasks
    that refine it; else none."""
    own = Counter(
        {key: sum(n for t, n in candidates.items() if task_key(t) == key) for key in tied}
    )
    top = own.most_common(2)
    return [tied[top[0][0]]] if len(top) > 1 and top[0][1] > top[1][1] else []


def _broadest(tied: list[str]) -> list[str]:
    """The one tied task the data gives at least BROADER times the datasets of each other
    (MNIST's NLL: Density Estimation, not a one-dataset "candy animation generation"), else
    none."""
    breadth = _breadth()
    tied = sorted(tied, key=lambda t: -breadth[task_key(t)])
    first, rest = tied[0], tied[1:]
    wide = all(breadth[task_key(first)] >= BROADER * breadth[task_key(t)] for t in rest)
    return [first] if wide else []


@lru_cache(maxsize=1)
def _breadth() -> Counter[str]:
    """Folded task -> the number of datasets the data evaluates it on."""
    return Counter({task: len(datasets) for task, datasets in _datasets_of().items()})


@lru_cache(maxsize=1)
def _datasets_of() -> dict[str, frozenset[str]]:
    """Folded task -> the folded datasets the data evaluates it on."""
    found: dict[str, set[str]] = {}
    for dataset, votes in _rows().items():
        for task in votes:
            found.setdefault(task_key(task), set()).add(dataset)
    return {task: frozenset(datasets) for task, datasets in found.items()}


def mostly_within(task: str, other: str) -> bool:
    """Whether the data evaluates `task` mostly on datasets it evaluates `other` on too ("Simple
    Video Games": 57 Atari games, most of them listed under Atari Games as well)."""
    datasets, others = (_datasets_of().get(task_key(t), frozenset()) for t in (task, other))
    return bool(datasets) and len(datasets & others) * 2 > len(datasets)


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
