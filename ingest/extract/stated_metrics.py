"""An inferred metric gives way to the one another table of the same paper states for the value.

A table that prints no metric takes its dataset's usual one (ingest/extract/usual_metrics.py),
a guess. Where another table of the paper prints the same value for the same method and dataset
under a metric it states, the guess was wrong or redundant: PaLM's Table 4 prints ReCoRD values
under no metric (F1 inferred), while its Table 36 ("We report accuracy for all tasks unless
otherwise specified") prints the same PaLM 540B values, 92.9 / 92.8 / 92.9, as accuracy. The
value is then the stated row, read twice, and the inferred row goes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from papergraph.core.model import Result, fold
from papergraph.ingest.extract.row_tasks import TaskedRow
from papergraph.ingest.extract.table_context import INFERRED

_Key = tuple[str, str | None, str]


def inferred(result: Result) -> bool:
    """Whether the table printed no metric for the row and its dataset's usual one was taken."""
    return any(INFERRED in evidence.text for evidence in result.evidence)


def stated_over_inferred(rows: Sequence[TaskedRow]) -> list[TaskedRow]:
    """The rows less each inferred one whose value another table states under one metric of its
    own for the same method (folded) and dataset: that table's row says what the value is."""
    stated: dict[_Key, set[tuple[str, str | None]]] = defaultdict(set)
    for row in rows:
        if not inferred(row.result) and row.result.metric:
            stated[_key(row.result)].add((row.result.metric, _table(row.result)))
    return [row for row in rows if not _stated_elsewhere(row.result, stated)]


def _stated_elsewhere(result: Result, stated: dict[_Key, set[tuple[str, str | None]]]) -> bool:
    """Whether other tables state exactly one metric, not the inferred one, for the value."""
    if not inferred(result) or result.value is None:
        return False
    metrics = {metric for metric, table in stated.get(_key(result), ()) if table != _table(result)}
    return len(metrics) == 1 and result.metric not in metrics


def _key(result: Result) -> _Key:
    return (fold(result.method or ""), result.dataset, str(result.value))


def _table(result: Result) -> str | None:
    return result.evidence[0].table if result.evidence else None
