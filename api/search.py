"""Search over chunks: semantic (FAISS), keyword (BM25) or both fused by reciprocal rank."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from api.backend import Backend
from index.fusion import reciprocal_rank_fusion


class SearchMode(str, enum.Enum):
    HYBRID = "hybrid"
    SEMANTIC = "semantic"
    KEYWORD = "keyword"


@dataclass
class SearchHit:
    paper_id: str
    title: str
    chunk_id: str
    text: str
    score: float


def search_chunks(
    backend: Backend, query: str, k: int = 10, mode: SearchMode = SearchMode.SEMANTIC
) -> list[SearchHit]:
    """The k chunks that best answer `query`, best first."""
    if not query.strip():
        return []
    depth = max(k * 4, 50)
    ranked = _ranked_rowids(backend, query, depth, mode)[:k]
    rows = backend.stores.chunks.chunks_by_rowids([rowid for rowid, _ in ranked])
    by_rowid = {row["rowid"]: row for row in rows}
    titles = _titles(backend, {row["paper_id"] for row in rows})
    return [
        SearchHit(
            paper_id=row["paper_id"],
            title=titles.get(row["paper_id"], ""),
            chunk_id=row["chunk_id"],
            text=row["text"],
            score=round(float(score), 6),
        )
        for rowid, score in ranked
        if (row := by_rowid.get(rowid)) is not None
    ]


def _ranked_rowids(
    backend: Backend, query: str, depth: int, mode: SearchMode
) -> list[tuple[int, float]]:
    semantic: list[tuple[int, float]] = []
    keyword: list[tuple[int, float]] = []
    if mode in (SearchMode.SEMANTIC, SearchMode.HYBRID):
        vector = backend.embedder.encode_query(query)
        semantic = backend.stores.vectors.search(vector, depth)
    if mode in (SearchMode.KEYWORD, SearchMode.HYBRID):
        keyword = backend.stores.keywords.search(query, depth)
    if mode is SearchMode.SEMANTIC:
        return semantic
    if mode is SearchMode.KEYWORD:
        return keyword
    return reciprocal_rank_fusion([[r for r, _ in semantic], [r for r, _ in keyword]])


def _titles(backend: Backend, paper_ids: set[str]) -> dict[str, str]:
    titles: dict[str, str] = {}
    for paper_id in paper_ids:
        paper = backend.stores.chunks.get_paper(paper_id)
        titles[paper_id] = paper["title"] if paper else ""
    return titles
