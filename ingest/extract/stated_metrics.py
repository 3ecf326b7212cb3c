"""An inferred metric gives way to the one another table of the same paper states for the value.

A table that prints no metric takes its dataset's usual one (ingest/extract/usual_metrics.py),
a guess. Where another table of the paper prints the same value for the same method and dataset
under a metric it states, the guess was wrong or redundant: PaLM's Table 4 prints ReCoRD values
under no metric (F1 inferred), while its Table 36 ("We report accuracy for all tasks unless
otherwise specified") prints the same PaLM 540B values, 92.9 / 92.8 / 92.9, as accuracy. The
value is then the stated row, read twice, and the inferred row goes.

A table that prints no metric prints one measure: guesses of one table pointing opposite ways
cannot all be right. ViT's Table 9 ("Breakdown of VTAB-1k performance across tasks", a Mean
column over them all) took accuracy for CIFAR-100 and error for SVHN, SVHN's usual metric, so
88.9, an accuracy, was read as an error rate. The guesses in the direction fewer columns take go;
on a tie neither side can be trusted and all go.
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
    kept = [row for row in rows if not _stated_elsewhere(row.result, stated)]
    return _one_direction(kept)


def _one_direction(rows: list[TaskedRow]) -> list[TaskedRow]:
    """The rows less the inferred ones of a table whose guesses point both ways, those of the
    direction fewer columns take (all of them on a tie)."""
    columns: dict[str | None, dict[bool, set[str | None]]] = defaultdict(lambda: defaultdict(set))
    for row in rows:
        if inferred(row.result) and row.result.higher_is_better is not None:
            evidence = row.result.evidence[0]
            columns[_table(row.result)][row.result.higher_is_better].add(evidence.column_header)
    dropped: set[tuple[str | None, bool]] = set()
    for table, ways in columns.items():
        up, down = len(ways[True]), len(ways[False])
        if up and down:
            dropped |= {
                (table, way) for way, n in ((True, up), (False, down)) if n <= up + down - n
            }
    return [row for row in rows if not _dropped(row.result, dropped)]


def _dropped(result: Result, dropped: set[tuple[str | None, bool]]) -> bool:
    way = result.higher_is_better
    return inferred(result) and way is not None and (_table(result), way) in dropped


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
