"""Short forms of task names that a heading prints ("NLI", "Closed-book QA"), spelled out.

Papers group their benchmarks under headings that abbreviate the task: FLAN's first page prints
"NLI datasets: ANLI R1-R3, CB, RTE. Reading comprehension datasets: BoolQ, MultiRC, OBQA.
Closed-book QA datasets: ARC-easy, ARC-challenge, NQ, TriviaQA." The hand lexicon
(ingest/lexicon/tasks.tsv) already gives the short forms of tasks as their aliases: QA is question
answering, NLI natural language inference, NER named entity recognition. A word of capitals that
is such an alias, and no dataset's name in the lexicons or the data ("RTE" is the lexicon's alias
of NLI and the data's dataset too),
is read as its task spelled out, so a heading names a task the data knows ("Closed-book QA":
closed-book question answering, whose last two words are question answering). A short form
may stand for something else in another field ("IR datasets: FLIR, LLVIP, KAIST" is infrared,
not information retrieval): a task read from one is the list's only where the data already files
one of the names listed under that task or a kind of it (`vouched`: FLAN's RTE is natural
language inference, its TriviaQA question answering).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from papergraph.core.model import EntityType, fold
from papergraph.ingest.extract.dataset_task_data import rows as dataset_rows
from papergraph.ingest.extract.dataset_tasks import dataset_names, dataset_tasks, support
from papergraph.ingest.extract.gazetteer import hand_lexicon
from papergraph.ingest.extract.matcher import NameMatcher

#: A short form as printed: two to six capitals ("QA", "NLI", "NER").
_SHORT = re.compile(r"[A-Z]{2,6}")


@lru_cache(maxsize=1)
def task_short_forms() -> dict[str, str]:
    """Short form, as printed -> the label of the hand lexicon's task it abbreviates."""
    found: dict[str, str] = {}
    for entry in hand_lexicon():
        if entry.type is not EntityType.TASK:
            continue
        for name in entry.names:
            if _SHORT.fullmatch(name) and not is_dataset(name):
                found.setdefault(name, entry.label)
    return found


def is_dataset(name: str) -> bool:
    """Whether the lexicons or the data name a dataset so ("RTE", "Cosmos QA")."""
    key = fold(name)
    return key in dataset_names() or key in dataset_rows()


def spelled_out(words: Sequence[str]) -> list[str]:
    """The words with each short form of a task replaced by the task's words
    (["Closed-book", "QA"]: ["Closed-book", "question", "answering"])."""
    return [part for word in words for part in task_short_forms().get(word, word).split()]


def abbreviated(words: Sequence[str]) -> bool:
    """Whether any of the words is a task's short form (`task_short_forms`)."""
    return any(word in task_short_forms() for word in words)


def vouched(task: str, names: Sequence[str], matcher: NameMatcher) -> bool:
    """Whether the data files one of the datasets `names` under `task` or a kind of it."""
    return any(support(task, dataset_tasks(name, matcher)) for name in names)
