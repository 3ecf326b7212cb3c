"""Tasks a row prints as the initials of one of its dataset's tasks.

S2ORC's Table 5 prints each row's task as a short form after its dataset ("Biomed EBM-NLP Nye et
al. (2018) PICO") and its caption spells PICO nowhere. The data files EBM-NLP under one task,
"Participant Intervention Comparison Outcome Extraction", a task of one dataset, too few for
`row_task` to trust (ingest/extract/dataset_tasks.py, MIN_DATASETS), so the row had no task. The
row's own label confirms it: "PICO" is that task's initials. A row still without a task whose
label prints a capitalised short form that is the initials of one of its dataset's tasks, whole
("NER": Named Entity Recognition) or less the last word, the kind of work done on what the
letters name ("PICO" extraction), takes that task. The short form is the paper's word for the
task, the data's the name a leaderboard knows; two tasks of the dataset it would fit give none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from papergraph.core.model import Result
from papergraph.ingest.extract.dataset_task_data import initials, unabbreviated
from papergraph.ingest.extract.dataset_tasks import dataset_tasks, task_label
from papergraph.ingest.extract.matcher import NameMatcher

#: A short form printed in a row's label: two to six capitals ("PICO", "NER").
_SHORT = re.compile(r"\b[A-Z]{2,6}\b")


def initialed_task(label: str, tasks: Iterable[str]) -> str | None:
    """The one task of `tasks` a short form the row's label prints abbreviates, or None."""
    printed = set(_SHORT.findall(label))
    fitting = {task for task in tasks if printed & initials(task)}
    return fitting.pop() if len(fitting) == 1 else None


def initialed_tasks(results: Iterable[Result], matcher: NameMatcher) -> None:
    """Give each result the task of its dataset that a short form its row's label prints
    abbreviates, in place: where it has no task, or one the label's short forms do not
    abbreviate (SciBERT's "Bio NER JNLPBA" is named entity recognition, not the relation
    extraction the data files JNLPBA under too: the row says which of its tasks it is)."""
    for result in results:
        evidence = result.evidence[0] if result.evidence else None
        if not result.dataset or evidence is None:
            continue
        label = evidence.row_header or ""
        if result.task is not None and initialed_task(label, [result.task]):
            continue  # the row prints its task's own short form
        task = initialed_task(label, dataset_tasks(result.dataset, matcher))
        if task is not None:
            result.task = task_label(unabbreviated(task), matcher)
