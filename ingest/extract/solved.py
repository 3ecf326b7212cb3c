"""Whether a paper writes a task name as a task it solves: a Task is what a paper evaluates on
or sets out to solve, not a technique it uses or a kind of data it handles.

Papers with Code lists some techniques and data kinds as tasks ("Data Augmentation", "L2
Regularization", "Time Series", "Inductive Bias"), and the gazetteer types every mention of them
Task. The paper's own writing tells: a task is named in its title, or written as one ("the scene
segmentation task", "dense prediction tasks", "image recognition benchmarks", "the task of
paraphrase generation", "results on motion forecasting", "we evaluated ... on 57 Atari games",
"an approach for visual representation learning"); a technique is written as what is used
("without data augmentation", "a standard data augmentation scheme", "L2 regularization
factor"), and a data kind as what is handled ("long time series"). The data decides how loose
a reading may be: a task that the Papers with Code data evaluates datasets on
(ingest/extract/dataset_tasks.py) may be written as solved ("results on X", "applied to X");
any other ("High-Resolution Image", "L2 Regularization") must be named a task ("X tasks", "the
task of X", "results in X") or be in the title ("apply ... to high-resolution images" is data, not a task). A
name the hand lexicon lists as a task is one (ingest/extract/curate.py does not ask); a name
that ends as a benchmark's does ("... Recognition Challenge") is none.
Read on the pdfgold-dev tune and test splits and the 39 shared PDFs (issue 14).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from papergraph.core.model import Entity, EntityType, fold
from papergraph.ingest.extract.dataset_tasks import known_tasks, task_key
from papergraph.ingest.extract.written_as import mention_window

#: Words after a name that make it a task: "the X task", "X benchmarks", "X results".
TASK_NOUNS = r"tasks?|problems?|benchmarks?|datasets?|challenges?|competitions?|tracks?|results?"
#: Words before "on/for/to/in X" that make X what is evaluated or solved.
SOLVING_WORDS = (
    r"results?|performance|accuracy|state[- ]of[- ]the[- ]art|evaluat\w*|appl\w*|approach(?:es)?"
    r"|methods?|models?|algorithms?|frameworks?|systems?|techniques?|designed"
)
_AFTER = re.compile(rf"^\s*(?:\([^()]{{1,12}}\)\s*)?(?:{TASK_NOUNS})\b", re.IGNORECASE)
_TAIL = r"\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?$"
_NAMED_TASK = re.compile(
    rf"\b(?:{TASK_NOUNS})\s+(?:of|such\s+as|like|including|on|for|in){_TAIL}", re.IGNORECASE
)
_SOLVED = re.compile(
    rf"\b(?:{SOLVING_WORDS})\s+(?:[\w-]+\s+){{0,3}}?(?:on|for|to|in){_TAIL}", re.IGNORECASE
)
_TASK_HEAD = re.compile(r"\b(?:tasks?|problems?)$", re.IGNORECASE)
_BENCHMARK_HEAD = re.compile(
    r"\b(?:challenges?|benchmarks?|competitions?|datasets?|corpus|corpora)$", re.IGNORECASE
)
_WINDOW = 60


def unsolved_task(entity: Entity, texts: Mapping[str, str], title: str) -> bool:
    """Whether `entity`, a Task, is written nowhere as a task the paper solves (`texts`: its
    chunk texts by id; `title`: the paper's): then it is a technique or a kind of data."""
    if entity.type is not EntityType.TASK:
        return False
    if _BENCHMARK_HEAD.search(entity.label):
        return True  # "ImageNet Large Scale Visual Recognition Challenge" is what is competed on
    names = {entity.label, *entity.aliases, *(e.text for e in entity.evidence)}
    if any(_TASK_HEAD.search(name) for name in names) or _in_title(names, title):
        return False
    loose = task_key(entity.label) in known_tasks()  # the data evaluates datasets on it
    return not any(
        _written_as_task(texts.get(e.chunk_id, ""), e.start, e.end, loose) for e in entity.evidence
    )


def _in_title(names: set[str], title: str) -> bool:
    words = f" {_words(title)} "
    return any(f" {_words(name)} " in words for name in names if _words(name))


def _words(text: str) -> str:
    """`text` as its folded words, one space apart ("COVID‐19 Vaccination" -> "covid 19
    vaccination")."""
    return " ".join(fold(word) for word in re.split(r"[\s\W_]+", text) if fold(word))


def _written_as_task(text: str, start: int, end: int, loose: bool) -> bool:
    """Whether this mention names a task: followed by a task noun or led by "the task of";
    with `loose`, also led by what solves or evaluates it ("results on", "applied to")."""
    if (window := mention_window(text, start, end, _WINDOW)) is None:
        return False
    before, after = window
    if _AFTER.match(after) or _NAMED_TASK.search(before):
        return True
    return loose and bool(_SOLVED.search(before))
