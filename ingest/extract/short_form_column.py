"""A task a table prints as a short form beside each row's dataset, for rows no data gives one.

SciBERT's Table 1 prints each row's task as a short form beside its dataset ("REL ChemProt",
"CS REL SciERC", "CS CLS ACL-ARC", "Multi CLS Paper Field") and spells none of them out: the
rows whose dataset the data files under one task had it, ChemProt (which no data knows) and
ACL-ARC and SciCite (whose data ties four tasks) had none. A row still without a task takes the
one task the table's rows on other datasets carry that print a short form its label prints
("REL": SciERC's relation extraction), where no data knows its dataset or the data gives it that
task too. The short form must abbreviate the task, its letters in order in the task's name from
a word's start ("REL" relation extraction, "CLS" classification): a setting the rows print
("FT" fine-tuned, "ZS" zero-shot) abbreviates no task they carry. A short form the rows print for several tasks ("CS":
NER, relation extraction, classification) says nothing of one, nor do the method's own words
("BERT"). Every row's task is read from the table as it stood, so that a row given one here votes
for no other and the rows' order changes nothing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from papergraph.core.model import Result
from papergraph.ingest.extract.dataset_tasks import dataset_tasks, support
from papergraph.ingest.extract.matcher import NameMatcher
from papergraph.ingest.extract.short_form_tasks import label_short_forms
from papergraph.ingest.extract.task_metrics import metric_task


def column_tasks(tables: Iterable[Sequence[Result]], matcher: NameMatcher) -> None:
    """Give each result without a task the one task its table's rows printing its short form
    carry, in place (see the module's docstring); `tables`: the results of each table."""
    for table in tables:
        found = {
            id(result): _column_task(result, table, matcher)
            for result in table
            if result.task is None and result.dataset and result.evidence
        }
        for result in table:  # assigned only once every row's task is read
            if id(result) in found and metric_task(result.metric) is None:
                result.task = found[id(result)]


def _column_task(result: Result, table: Sequence[Result], matcher: NameMatcher) -> str | None:
    carried: defaultdict[str, set[str]] = defaultdict(set)
    for other in table:
        if other.task is not None and other.dataset and other.dataset != result.dataset:
            for short in _shorts(other):
                if abbreviates(short, other.task):
                    carried[short].add(other.task)
    told = {
        task for short in _shorts(result) if len(carried[short]) == 1 for task in carried[short]
    }
    if len(told) != 1:
        return None
    task = told.pop()
    candidates = dataset_tasks(result.dataset or "", matcher)
    return task if not candidates or support(task, candidates) else None


def abbreviates(short: str, task: str) -> bool:
    """Whether the short form's letters stand in order in the task's name from the start of one
    of its words ("REL" in relation extraction, "CLS" in classification; "FT" in no natural
    language inference, "ST" in no question answering)."""
    name, short = task.lower(), short.lower()
    starts = [m.start() for m in re.finditer(r"\b\w", name) if name[m.start()] == short[:1]]
    return any(_in_order(short[1:], name[start + 1 :]) for start in starts)


def _in_order(letters: str, text: str) -> bool:
    rest = iter(text)
    return all(letter in rest for letter in letters)


def _shorts(result: Result) -> set[str]:
    """The short forms the result's row label prints, less its dataset's and method's words."""
    label = result.evidence[0].row_header or "" if result.evidence else ""
    own = set((result.method or "").replace("(", " ").replace(")", " ").split())
    return set(label_short_forms(label, result.dataset or "").split()) - own
