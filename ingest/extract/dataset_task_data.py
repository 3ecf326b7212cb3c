"""The data behind a row's task: the tasks each dataset is evaluated for.

Generated (`ingest/lexicon/generated-dataset-tasks.txt`, written by
benchmarks/build_dataset_tasks.py from the Papers with Code taxonomy, sota-extractor task files
and SciREX tune documents), and a hand list (`dataset-tasks.txt`) of benchmarks' tasks as their
own papers state them, where the generated data files a benchmark under none or only under a
way of training (BoolQ's "parameter-efficient fine-tuning").
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources

from papergraph.core.model import fold

FILE = "generated-dataset-tasks.txt"
HAND_FILE = "dataset-tasks.txt"  # benchmarks' tasks as their own papers state them
_WORD = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=1)
def _lines() -> tuple[str, ...]:
    """FILE's rows, less its three header lines: read once for `rows` and `opened_by`."""
    text = resources.files("papergraph.ingest.lexicon").joinpath(FILE).read_text("utf-8")
    return tuple(text.splitlines()[3:])


@lru_cache(maxsize=1)
def rows() -> dict[str, Counter[str]]:
    """Folded dataset name -> its tasks with their votes (names that fold alike add up); a
    benchmark the hand list (HAND_FILE) knows has the task its own paper states instead."""
    table: dict[str, Counter[str]] = {}
    for line in _lines():
        name, _, tasks = line.partition("\t")
        votes = table.setdefault(fold(name), Counter())
        for item in tasks.split("|"):
            task, _, count = item.rpartition(":")
            votes[unabbreviated(task)] += int(count) if count.isdigit() else 0
    return table | _hand_rows()


@lru_cache(maxsize=1)
def _hand_rows() -> dict[str, Counter[str]]:
    """Folded dataset name -> the task HAND_FILE gives it, one vote."""
    text = resources.files("papergraph.ingest.lexicon").joinpath(HAND_FILE).read_text("utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {fold(row[0]): Counter({row[1]: 1}) for row in rows if row[0] != "dataset"}


def initials(task: str) -> set[str]:
    """The short forms a task's name abbreviates to: its words' initials, whole and less the
    last word ("Participant Intervention Comparison Outcome Extraction": PICOE, PICO)."""
    letters = "".join(word[0] for word in _WORD.findall(task)).upper()
    return {letters, letters[:-1]} - {letters[:1]} if len(letters) > 2 else {letters}


def unabbreviated(task: str) -> str:
    """The task's name less a last word of capitals that abbreviates the others (`initials`:
    "Named Entity Recognition NER", as the data files three datasets: Named Entity
    Recognition), so that its votes add to the task's and a kind of it ("Medical Named Entity
    Recognition") refines it: JNLPBA's NER votes had split, and its one "Relation Extraction"
    vote won the tie."""
    head, _, short = task.rpartition(" ")
    return head if short.isupper() and len(head.split()) > 1 and short in initials(head) else task


#: A test set's year and language pair after its benchmark: "WMT 2015 French-English".
_YEAR_PAIR = re.compile(r"(?:\s+(?:19|20)\d{2})?\s+[A-Z][a-z]+-[A-Z][a-z]+$")


def stated_task(dataset: str) -> str | None:
    """The task the dataset's own paper states (HAND_FILE), or None: what a caption naming
    another task ("Results for translation and struct-to-text tasks" over CommonGen) never
    overrides. A year's test set for a language pair has its benchmark's ("WMT 2015
    French-English": WMT's machine translation)."""
    hand = _hand_rows()
    names = (dataset, _YEAR_PAIR.sub("", dataset))
    return next((next(iter(hand[key])) for name in names if (key := fold(name)) in hand), None)


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
