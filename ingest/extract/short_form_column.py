"""A task a table prints as a short form beside each row's dataset, for rows no data gives one.

SciBERT's Table 1 prints each row's task as a short form beside its dataset ("REL ChemProt",
"CS REL SciERC", "CS CLS ACL-ARC", "Multi CLS Paper Field") and spells none of them out: the
rows whose dataset the data files under one task had it, ChemProt (which no data knows) and
ACL-ARC and SciCite (whose data ties four tasks) had none. A row still without a task takes the
one task the table's rows on other datasets carry that print a short form its label prints ("REL": SciERC's relation extraction), where no data knows its dataset or the data gives
it that task too. A short form the rows print for several tasks ("CS": NER, relation extraction,
classification) says nothing of one, nor do the method's own words ("BERT").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence

from papergraph.core.model import Result
from papergraph.ingest.extract.dataset_tasks import dataset_tasks, support
from papergraph.ingest.extract.matcher import NameMatcher
from papergraph.ingest.extract.short_form_tasks import label_short_forms


def column_tasks(results: Sequence[Result], matcher: NameMatcher) -> None:
    """Give each result without a task the one task its table's rows printing its short form
    carry, in place (see the module's docstring)."""
    tables: defaultdict[Hashable, list[Result]] = defaultdict(list)
    for result in results:
        if result.evidence and result.dataset:
            tables[result.evidence[0].table, result.evidence[0].caption].append(result)
    for table in tables.values():
        for result in table:
            if result.task is None:
                result.task = _column_task(result, table, matcher)


def _column_task(result: Result, table: list[Result], matcher: NameMatcher) -> str | None:
    carried: defaultdict[str, set[str]] = defaultdict(set)
    for other in table:
        if other.task is not None and other.dataset != result.dataset:
            for short in _shorts(other):
                carried[short].add(other.task)
    told = {
        task for short in _shorts(result) if len(carried[short]) == 1 for task in carried[short]
    }
    if len(told) != 1:
        return None
    task = told.pop()
    candidates = dataset_tasks(result.dataset or "", matcher)
    return task if not candidates or support(task, candidates) else None


def _shorts(result: Result) -> set[str]:
    """The short forms the result's row label prints, less its dataset's and method's words."""
    label = result.evidence[0].row_header or ""
    own = set((result.method or "").replace("(", " ").replace(")", " ").split())
    return set(label_short_forms(label, result.dataset or "").split()) - own
