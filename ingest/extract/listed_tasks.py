"""The task a paper files its benchmarks under, by listing them after the task's name.

Papers that evaluate on many benchmarks say which task each stands for in a grouped list:
PaLM's section 6.1 prints "• Common Sense Reasoning: PIQA (Bisk et al., 2019), ARC (Clark et al.,
2018), OpenBookQA (Mihaylov et al., 2018) • In-context Reading Comprehension: DROP (...), ...";
FLAN's "Reading comprehension datasets: BoolQ, MultiRC, OBQA." A dataset's usual task (ARC's question answering, by the data) is not what these
papers scored it for. A list heads a bullet or a sentence: a group name of a few words ending in
a task the data knows (its last two words or more: "Open-Domain Closed-Book Question Answering tasks" is
question answering), no dataset's name and no generic word, then a colon and two names or more
separated by commas or "and", citations dropped. Each name listed gets the group's task, unless
two groups list it. A sentence that merely names a task and datasets ("We evaluate question
answering on SQuAD and TriviaQA") lists nothing: no colon heads its list.
"""

from __future__ import annotations

import re

from papergraph.core.model import EntityType, fold
from papergraph.ingest.extract.dataset_tasks import (
    bare_dataset,
    dataset_names,
    generic_tasks,
    known_tasks,
    task_label,
)
from papergraph.ingest.extract.matcher import NameMatcher
from papergraph.ingest.extract.task_metrics import task_key
from papergraph.ingest.extract.task_short_forms import (
    abbreviated,
    is_dataset,
    spelled_out,
    vouched,
)

MAX_HEAD_WORDS = 6  # a group name longer than this is a sentence, not a heading
MAX_ITEM_WORDS = 4  # a listed name longer than this ends the list ("... and others we ...")
#: A citation in brackets, by its year: "(Bisk et al., 2019)", "(Mi- haylov et al., 2018)".
_CITATION = re.compile(r"\s*\([^()]*\b(?:19|20)\d\d[a-z]?\)")
#: Where a heading may start: a bullet, or a sentence's or clause's end.
_STARTS = re.compile(r"\s*[•◦▪●]\s*|(?<=[.;])\s+(?=[A-Z])")
_HEADED = re.compile(r"^(?P<head>[^:]{2,80}?):\s*(?P<items>.+)$")
#: What a group name may end in beside its task: "Cloze and Completion tasks".
_TRAILER = re.compile(r"\s+(?:tasks?|benchmarks?|datasets?)$", re.IGNORECASE)
_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+)?|\band\s+)")


def listed_tasks(text: str, matcher: NameMatcher) -> dict[str, str]:
    """Folded dataset name -> the task the paper's grouped lists file it under (see the
    module's docstring); a name two groups of different tasks list is left out."""
    flat = _CITATION.sub("", re.sub(r"\s+", " ", text))
    found: dict[str, str] = {}
    clashing: set[str] = set()
    for segment in _STARTS.split(flat):
        headed = _HEADED.match(segment.strip())
        task = _group_task(headed.group("head")) if headed else None
        if headed is None or task is None:
            continue
        items = _items(headed.group("items"))
        if abbreviated(headed.group("head").split()) and not vouched(task, items, matcher):
            continue  # "IR datasets: FLIR, LLVIP": infrared (task_short_forms.py)
        label = task_label(task, matcher)
        for name in map(fold, items):
            if found.setdefault(name, label) != label:
                clashing.add(name)
    return {name: task for name, task in found.items() if name not in clashing}


def listed_task(dataset: str, listed: dict[str, str], matcher: NameMatcher) -> str | None:
    """The task `listed` (from `listed_tasks`) gives `dataset`, as printed or under a name the
    gazetteer gives it, each less its split and qualifier ("ARC (Easy)": ARC); else None."""
    names = [dataset]
    entry = matcher.lookup(dataset) or matcher.lookup(bare_dataset(dataset))
    if entry is not None and entry.type in (EntityType.DATASET, EntityType.BENCHMARK):
        names += list(entry.names)  # "ARC-e" is "ARC (Easy)", a part of ARC
    names += [bare_dataset(name) for name in names]
    return next((listed[key] for name in names if (key := fold(name)) in listed), None)


def _group_task(head: str) -> str | None:
    """The task a list's heading names: its last two words or more that the data knows as a
    task of two datasets or more, no dataset's name nor generic ("Commonsense", one word, is
    an adjective more than a task), short forms spelled out ("Closed-book QA"); None for a
    heading of too many words or a dataset's name ("Cosmos QA")."""
    printed = _TRAILER.sub("", head.strip()).split()
    if not printed or len(printed) > MAX_HEAD_WORDS or is_dataset(" ".join(printed)):
        return None
    words = spelled_out(printed)  # "NLI": natural language inference (task_short_forms.py)
    for start in range(len(words) - 1):  # two words or more: "Commonsense:" names no task
        name = " ".join(words[start:])
        key = task_key(name)
        if (
            key in known_tasks()
            and key not in generic_tasks()
            and fold(name) not in dataset_names()
        ):
            return name
    return None


def _items(listed: str) -> list[str]:
    """The names a list gives, up to its end (a sentence's or a long item); none where
    it lists fewer than two."""
    names: list[str] = []
    for item in _SEPARATOR.split(re.split(r"(?<=[a-z0-9)])[.;](?:\s|$)", listed)[0]):
        item = item.strip(" .")
        if not item or len(item.split()) > MAX_ITEM_WORDS or not item[0].isupper():
            break
        names.append(item)
    return names if len(names) > 1 else []
