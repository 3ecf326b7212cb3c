"""Search over chunks: semantic (FAISS), keyword (BM25) or both fused (`index.ranking`).

Filters are answered by the graph (`kg.filters`) as a set of papers; the rankings are then
restricted to those papers' chunks before fusion, so ranks and pages count only admissible
chunks. Lists are read deeper and deeper until the page is full or the lists run out.

Unless `entities` is off, the entities the query names are linked (`api.query_entities`) and
reported; in hybrid mode they lift the papers that hold them, as evidence and not as a filter,
and each lifted result says why in `reasons`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from api.backend import Backend
from api.query_entities import MAX_LIFTED_PAPERS, EntityLifts, entity_lifts
from core.model import ChunkKind
from index.highlight import Span, highlight_spans, query_terms, snippet
from index.ranking import FusionWeights, hybrid_ranking
from kg.filters import PaperFilter, matching_papers
from kg.query_entities import QueryEntity

MIN_DEPTH = 50
#: Chunk kinds search leaves out unless asked for: they answer no question about the work.
HIDDEN_KINDS = frozenset(
    {ChunkKind.FRONT, ChunkKind.REFERENCES, ChunkKind.FIGURE, ChunkKind.FOOTNOTE}
)
DEFAULT_KINDS = frozenset(ChunkKind) - HIDDEN_KINDS
EXACT_SEMANTIC_MAX_CHUNKS = 50_000  # filtered semantic ranking scores admissible chunks directly


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
    rank: int = 0
    semantic_rank: int | None = None
    keyword_rank: int | None = None
    highlights: list[Span] = field(default_factory=list)
    snippet: str = ""
    section: str | None = None
    kind: str = ChunkKind.BODY.value
    pages: list[int] = field(default_factory=list)
    reasons: list[dict[str, Any]] = field(default_factory=list)  # why its paper was lifted


@dataclass
class PaperHit:
    """One paper of a grouped search: its best chunks, best first; its score is the best one's."""

    paper_id: str
    title: str
    score: float
    rank: int
    chunks: list[SearchHit]
    reasons: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class SearchRequest:
    query: str
    k: int = 10
    offset: int = 0
    mode: SearchMode = SearchMode.HYBRID
    group_by_paper: bool = False
    chunks_per_paper: int = 3
    paper_filter: PaperFilter = field(default_factory=PaperFilter)
    kinds: frozenset[ChunkKind] = DEFAULT_KINDS  # the chunk kinds results may be
    entities: bool = True  # link the entities the query names and let them lift papers


@dataclass
class SearchPage:
    """One page of results; `next_offset` is None on the last page."""

    hits: list[SearchHit] = field(default_factory=list)
    papers: list[PaperHit] | None = None
    next_offset: int | None = None
    filtered_papers: int | None = None  # papers the filters admit; None without filters
    query_entities: list[QueryEntity] = field(default_factory=list)


@dataclass
class _Rankings:
    """The fused ranking and each list's ranks, restricted to admissible chunks."""

    fused: list[tuple[int, float]]
    semantic_ranks: dict[int, int]
    keyword_ranks: dict[int, int]
    exhausted: bool
    reasons: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # paper -> why lifted


def search_chunks(
    backend: Backend, query: str, k: int = 10, mode: SearchMode = SearchMode.HYBRID
) -> list[SearchHit]:
    """The k chunks that best answer `query`, best first."""
    return search(backend, SearchRequest(query=query, k=k, mode=mode)).hits


def search(backend: Backend, request: SearchRequest) -> SearchPage:
    """A page of chunks (or of papers, with `group_by_paper`) answering `request`."""
    page = SearchPage(papers=[] if request.group_by_paper else None)
    if not request.query.strip():
        return page
    allowed: set[int] | None = None
    allowed_papers: set[str] | None = None
    if not request.paper_filter.is_empty:
        allowed_papers = matching_papers(backend.stores.graph, request.paper_filter)
        page.filtered_papers = len(allowed_papers)
        allowed = {r for p in allowed_papers for r in backend.stores.chunks.paper_rowids(p)}
        if not allowed:
            return page
    lifts = EntityLifts()
    if request.entities:
        lifts = entity_lifts(backend, request.query, backend.stores.chunks.count_papers())
        page.query_entities = lifts.entities
    need = request.offset + request.k + 1  # one more tells whether a next page exists
    depth = max(MIN_DEPTH, 4 * need)
    while True:
        rankings = _rankings(backend, request, depth, allowed, allowed_papers, lifts)
        hits = _hits(backend, request, rankings)
        count = len(_group(hits, request.chunks_per_paper)) if request.group_by_paper else len(hits)
        if count >= need or rankings.exhausted:
            break
        depth *= 4
    _fill(page, request, hits)
    if count > request.offset + request.k:
        page.next_offset = request.offset + request.k
    return page


def _fill(page: SearchPage, request: SearchRequest, hits: list[SearchHit]) -> None:
    """Put the requested window of `hits` (or of their papers) on `page`, highlighted."""
    window = slice(request.offset, request.offset + request.k)
    if request.group_by_paper:
        page.papers = _group(hits, request.chunks_per_paper)[window]
        shown = [hit for paper in page.papers for hit in paper.chunks]
    else:
        page.hits = shown = hits[window]
    terms = query_terms(request.query)
    for hit in shown:
        hit.highlights = highlight_spans(hit.text, terms)
        hit.snippet = snippet(hit.text, hit.highlights)


def _rankings(
    backend: Backend,
    request: SearchRequest,
    depth: int,
    allowed: set[int] | None,
    allowed_papers: set[str] | None,
    lifts: EntityLifts,
) -> _Rankings:
    mode = request.mode
    settings = backend.settings.index
    semantic: list[tuple[int, float]] = []
    keyword: list[tuple[int, float]] = []
    exhausted = True
    if mode in (SearchMode.SEMANTIC, SearchMode.HYBRID):
        semantic, done = _semantic(backend, request.query, depth, allowed, allowed_papers)
        exhausted = exhausted and done
    if mode in (SearchMode.KEYWORD, SearchMode.HYBRID):
        keyword = backend.stores.keywords.search(
            request.query, depth, lifts.expansions(), settings.alias_weight
        )
        exhausted = exhausted and len(keyword) < depth
        keyword = _admissible(keyword, allowed)
    semantic_ranks = {rowid: rank for rank, (rowid, _) in enumerate(semantic, start=1)}
    keyword_ranks = {rowid: rank for rank, (rowid, _) in enumerate(keyword, start=1)}
    if mode is SearchMode.SEMANTIC:
        return _Rankings(semantic, semantic_ranks, keyword_ranks, exhausted)
    if mode is SearchMode.KEYWORD:
        return _Rankings(keyword, semantic_ranks, keyword_ranks, exhausted)
    weights = FusionWeights(
        settings.rrf_k,
        settings.rrf_semantic_weight,
        settings.rrf_keyword_weight,
        settings.paper_weight,
        settings.entity_weight,
    )
    paper_of = _paper_of(backend, semantic_ranks.keys() | keyword_ranks.keys())
    lifted = _lifted(lifts, allowed_papers) if weights.lift else {}
    extra = _lifted_chunks(backend, request.query, lifted, set(paper_of.values()))
    paper_of.update(extra)
    fused = hybrid_ranking(
        [r for r, _ in semantic], [r for r, _ in keyword], paper_of, weights, lifted, list(extra)
    )
    return _Rankings(fused, semantic_ranks, keyword_ranks, exhausted, lifts.reasons)


def _paper_of(backend: Backend, rowids: set[int]) -> dict[int, str]:
    places = backend.stores.chunks.chunk_places(sorted(rowids))
    return {rowid: paper_id for rowid, (paper_id, _) in places.items()}


def _lifted(lifts: EntityLifts, allowed_papers: set[str] | None) -> dict[str, float]:
    """The lifts of admissible papers, the strongest `MAX_LIFTED_PAPERS`."""
    ranked = sorted(lifts.lifts.items(), key=lambda pair: (-pair[1], pair[0]))
    admissible = [p for p in ranked if allowed_papers is None or p[0] in allowed_papers]
    return dict(admissible[:MAX_LIFTED_PAPERS])


def _lifted_chunks(
    backend: Backend, query: str, lifted: dict[str, float], listed: set[str]
) -> dict[int, str]:
    """The best chunk (by cosine) of each lifted paper that neither list reached."""
    missing = [paper for paper in lifted if paper not in listed]
    if not missing:
        return {}
    vector = backend.embedder.encode_query(query)
    return {best.rowid: best.paper_id for best in backend.chunk_vectors.rank(missing, vector)}


def _semantic(
    backend: Backend,
    query: str,
    depth: int,
    allowed: set[int] | None,
    allowed_papers: set[str] | None,
) -> tuple[list[tuple[int, float]], bool]:
    """The semantic list (admissible chunks only) and whether it holds every such chunk."""
    vector = backend.embedder.encode_query(query)
    if allowed is not None and allowed_papers is not None:
        if len(allowed) <= EXACT_SEMANTIC_MAX_CHUNKS:
            return _score_chunks(backend, vector, allowed_papers)[:depth], len(allowed) <= depth
    found = backend.stores.vectors.search(vector, depth)
    return _admissible(found, allowed), len(found) < depth


def _score_chunks(
    backend: Backend, vector: np.ndarray, paper_ids: set[str]
) -> list[tuple[int, float]]:
    """Every chunk of `paper_ids` by cosine to `vector`, best first (exact, no index search)."""
    scored: list[tuple[int, float]] = []
    for paper_id in paper_ids:
        rowids, matrix = backend.chunk_vectors.chunk_vectors(paper_id)
        if rowids:
            scored.extend(zip(rowids, (float(s) for s in matrix @ vector), strict=True))
    scored.sort(key=lambda pair: (-pair[1], pair[0]))
    return scored


def _admissible(
    ranked: list[tuple[int, float]], allowed: set[int] | None
) -> list[tuple[int, float]]:
    return ranked if allowed is None else [pair for pair in ranked if pair[0] in allowed]


def _hits(backend: Backend, request: SearchRequest, rankings: _Rankings) -> list[SearchHit]:
    limit = request.offset + request.k + 1
    kinds = {kind.value for kind in request.kinds}
    places = backend.stores.chunks.chunk_places([rowid for rowid, _ in rankings.fused])
    ranked = [pair for pair in rankings.fused if places.get(pair[0], ("", ""))[1] in kinds]
    ranked = ranked if request.group_by_paper else ranked[:limit]
    rows = backend.stores.chunks.chunks_by_rowids([rowid for rowid, _ in ranked])
    by_rowid = {row["rowid"]: row for row in rows}
    ranked = [pair for pair in ranked if pair[0] in by_rowid]
    titles = backend.stores.chunks.paper_titles(sorted({row["paper_id"] for row in rows}))
    hits: list[SearchHit] = []
    for rowid, score in ranked:
        row = by_rowid[rowid]
        hits.append(
            SearchHit(
                paper_id=row["paper_id"],
                title=titles.get(row["paper_id"], ""),
                chunk_id=row["chunk_id"],
                text=row["text"],
                score=round(float(score), 6),
                rank=len(hits) + 1,
                semantic_rank=rankings.semantic_ranks.get(rowid),
                keyword_rank=rankings.keyword_ranks.get(rowid),
                section=row["section"],
                kind=row["kind"],
                pages=row["pages"],
                reasons=rankings.reasons.get(row["paper_id"], []),
            )
        )
    return hits


def _group(hits: list[SearchHit], chunks_per_paper: int) -> list[PaperHit]:
    papers: dict[str, PaperHit] = {}
    for hit in hits:
        paper = papers.get(hit.paper_id)
        if paper is None:
            paper = PaperHit(hit.paper_id, hit.title, hit.score, len(papers) + 1, [], hit.reasons)
            papers[hit.paper_id] = paper
        if len(paper.chunks) < chunks_per_paper:
            paper.chunks.append(hit)
    return list(papers.values())
