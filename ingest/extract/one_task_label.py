"""One label per task among a paper's result rows: a generic one-word task ("Retrieval") where
the paper's other rows carry the one task of that kind ("information retrieval").

A caption's word can file rows under a bare kind of output: SEAL's "Retrieval results on
individual KILT dev set(s)" put its R-precision rows under "Retrieval" while its NQ320k rows,
whose data names document retrieval, carry "information retrieval"; one paper's retrieval rows
then stood on two leaderboards. The generic task (ingest/extract/dataset_tasks.py's
`generic_tasks`: one word that more than fifty tasks of the data end in) takes the paper's one
task ending in that word; where the paper has two ("image classification" and "text
classification" beside "Classification") it says neither, and stays.
"""

from __future__ import annotations

from collections.abc import Iterable

from papergraph.core.model import Result
from papergraph.ingest.extract.dataset_tasks import generic_tasks
from papergraph.ingest.extract.task_metrics import task_key


def one_label_per_kind(results: Iterable[Result]) -> None:
    """Give rows under a generic task the paper's one other row task of that kind, in place."""
    results = list(results)
    tasks = {result.task for result in results if result.task}
    chosen = {task: kind for task in tasks if (kind := _one_kind(task, tasks))}
    for result in results:
        result.task = chosen.get(result.task or "", result.task)


def _one_kind(task: str, tasks: set[str]) -> str | None:
    """The one task of `tasks` whose last word is the generic `task` ("information retrieval"
    for "Retrieval"), else None; None for a task that is no generic one."""
    if task_key(task) not in generic_tasks():
        return None
    kinds = [other for other in tasks if _last_word(other) == task_key(task) and other != task]
    return kinds[0] if len(kinds) == 1 else None


def _last_word(task: str) -> str:
    words = task.split()
    return task_key(words[-1]) if len(words) > 1 else ""
