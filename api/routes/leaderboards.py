"""Leaderboards: results with a value from every paper, one board per (dataset, metric)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from papergraph.api.deps import GraphDep
from papergraph.api.schemas import Leaderboard, LeaderboardEvidence, LeaderboardList, LeaderboardRow
from papergraph.ingest.extract.metric_names import higher_is_better
from papergraph.kg.leaderboards import Board, leaderboards
from papergraph.kg.store import KnowledgeGraph

router = APIRouter(tags=["leaderboards"])

Label = Annotated[str | None, Query(max_length=200, description="A label, matched after folding.")]
Ablations = Annotated[
    bool,
    Query(description="Also rows read from ablations: variants of a method taken apart."),
]

#: Graph evidence property -> response field.
_EVIDENCE_NAMES = {
    "tableNumber": "table",
    "rowHeader": "row_header",
    "columnHeader": "column_header",
}


@router.get("/leaderboards", response_model=LeaderboardList)
def list_leaderboards(
    graph: GraphDep,
    task: Label = None,
    dataset: Label = None,
    metric: Label = None,
    ablations: Ablations = False,
) -> LeaderboardList:
    """Boards the filters admit, most rows first; each board's rows best first; values read
    from ablations (a variant of the method taken apart) only with `ablations=true`."""
    boards = find_boards(graph, task=task, dataset=dataset, metric=metric, ablations=ablations)
    return LeaderboardList(leaderboards=[board_model(board) for board in boards])


def find_boards(
    graph: KnowledgeGraph,
    *,
    task: str | None,
    dataset: str | None,
    metric: str | None,
    ablations: bool = False,
) -> list[Board]:
    return leaderboards(
        graph,
        task=task,
        dataset=dataset,
        metric=metric,
        direction=higher_is_better,
        ablations=ablations,
    )


def board_model(board: Board) -> Leaderboard:
    rows = [LeaderboardRow(**{**row, "evidence": _evidence(row["evidence"])}) for row in board.rows]
    return Leaderboard(
        task=board.task,
        dataset=board.dataset,
        qualifier=board.qualifier,
        metric=board.metric,
        higher_is_better=board.higher_is_better,
        rows=rows,
    )


def _evidence(found: dict[str, Any] | None) -> LeaderboardEvidence | None:
    if found is None:
        return None
    return LeaderboardEvidence(**{_EVIDENCE_NAMES.get(k, k): v for k, v in found.items()})
