"""The leaderboard pages' data: every board, or one board with its papers' titles."""

from __future__ import annotations

from dataclasses import dataclass, field

from papergraph.api.routes.leaderboards import board_model, find_boards
from papergraph.api.schemas import Leaderboard
from papergraph.core.errors import NotFound
from papergraph.index.store import ChunkStore
from papergraph.kg.store import KnowledgeGraph


@dataclass
class BoardSummary:
    dataset: str
    metric: str
    task: str | None
    rows: list[object]
    papers: int


@dataclass
class LeaderboardPage:
    board: Leaderboard | None = None
    boards: list[BoardSummary] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)
    ablations: bool = False  # rows read from ablations are listed
    #: The filters the page was asked with (task, dataset, metric), kept by its show/hide link.
    filters: dict[str, str] = field(default_factory=dict)


def leaderboard_page(
    chunks: ChunkStore,
    graph: KnowledgeGraph,
    task: str | None,
    dataset: str | None,
    metric: str | None,
    ablations: bool = False,
) -> LeaderboardPage:
    """One board when dataset and metric name one (NotFound when none), else the list; rows
    read from ablations only with `ablations`."""
    boards = find_boards(graph, task=task, dataset=dataset, metric=metric, ablations=ablations)
    asked = {"task": task, "dataset": dataset, "metric": metric}
    filters = {name: value for name, value in asked.items() if value}
    if not (dataset and metric):
        return LeaderboardPage(
            ablations=ablations,
            filters=filters,
            boards=[
                BoardSummary(
                    b.dataset,
                    b.metric,
                    b.task,
                    list(b.rows),
                    len({row["paper_id"] for row in b.rows}),
                )
                for b in boards
            ],
        )
    if not boards:
        raise NotFound(f"no leaderboard for {metric!r} on {dataset!r}")
    board = board_model(boards[0])
    titles = {}
    for paper_id in {row.paper_id for row in board.rows}:
        stored = chunks.get_paper(paper_id)
        titles[paper_id] = stored["title"] if stored else paper_id
    return LeaderboardPage(board=board, titles=titles, ablations=ablations, filters=filters)
