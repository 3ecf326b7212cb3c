"""Search over chunks: semantic (vector index), keyword (BM25) or both fused
(`papergraph.index.hybrid`, which reads and fuses the lists).

This module parses what a request asks and resolves it: filters are answered by the graph
(`papergraph.kg.filters`) as a set of papers, whose chunks alone the rankings may hold, so ranks and
pages count only admissible chunks. Lists are read deeper and deeper until the page is full or
the lists run out.

Unless `entities` is off, the entities the query names are linked (`papergraph.api.query_entities`) and
reported; in hybrid mode they lift the papers that hold them, as evidence and not as a filter,
and each lifted result says why in `reasons`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from papergraph.api.query_entities import MAX_LIFTED_PAPERS, EntityLifts, entity_lifts
from papergraph.core.model import ChunkKind
from papergraph.index.highlight import HighlightSpan, highlight_spans, query_terms, snippet
from papergraph.index.hybrid import Admissible, HybridRetriever, Rankings, SearchMode
from papergraph.index.settings import IndexSettings
from papergraph.index.store import ChunkStore
from papergraph.kg.filters import PaperFilter, matching_papers
from papergraph.kg.query_entities import EntityLexicon, QueryEntity
from papergraph.kg.store import KnowledgeGraph

__all__ = ["DEFAULT_KINDS", "SearchMode", "SearchRequest", "Searcher", "search", "search_chunks"]

MIN_DEPTH = 50
#: Chunk kinds search leaves out unless asked for: they answer no question about the work.
HIDDEN_KINDS = frozenset(
    {ChunkKind.FRONT, ChunkKind.REFERENCES, ChunkKind.FIGURE, ChunkKind.FOOTNOTE}
)
DEFAULT_KINDS = frozenset(ChunkKind) - HIDDEN_KINDS


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
    highlights: list[HighlightSpan] = field(default_factory=list)
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
class Searcher:
    """What search reads: the chunk store, the graph (filters, entity evidence), the entity
    names a query may name (reloaded when papers change), the retriever and its settings."""

    chunks: ChunkStore
    graph: KnowledgeGraph
    lexicon: Callable[[], EntityLexicon]
    retriever: HybridRetriever
    settings: IndexSettings


def search_chunks(
    searcher: Searcher, query: str, k: int = 10, mode: SearchMode = SearchMode.HYBRID
) -> list[SearchHit]:
    """The k chunks that best answer `query`, best first."""
    return search(searcher, SearchRequest(query=query, k=k, mode=mode)).hits


def search(searcher: Searcher, request: SearchRequest) -> SearchPage:
    """A page of chunks (or of papers, with `group_by_paper`) answering `request`."""
    page = SearchPage(papers=[] if request.group_by_paper else None)
    if not request.query.strip():
        return page
    vector = None  # encoded while the filters, the entity links and the keyword list are read
    if request.mode is not SearchMode.KEYWORD:
        vector = searcher.retriever.start_encoding(request.query)
    admissible = Admissible()
    if not request.paper_filter.is_empty:
        admissible = _admissible(searcher, request.paper_filter)
        page.filtered_papers = len(admissible.papers or ())
        if not admissible.chunks:
            return page
    lifts = EntityLifts()
    if request.entities:
        lifts = _lifts(searcher, request.query)
        page.query_entities = lifts.entities
    need = request.offset + request.k + 1  # one more tells whether a next page exists
    depth = max(MIN_DEPTH, 4 * need)
    lifted = _lifted(lifts, admissible.papers)
    reasons = lifts.reasons if request.mode is SearchMode.HYBRID else {}  # only hybrid lifts
    expansions = lifts.expansions()
    while True:
        rankings = searcher.retriever.rankings(
            request.query, request.mode, depth, admissible, expansions, lifted, vector
        )
        hits = _hits(searcher, request, rankings, reasons)
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


def _admissible(searcher: Searcher, paper_filter: PaperFilter) -> Admissible:
    """The papers the filter admits (asked of the graph) and their chunks."""
    papers = matching_papers(searcher.graph, paper_filter)
    chunks = {rowid for paper in papers for rowid in searcher.chunks.paper_rowids(paper)}
    return Admissible(chunks, papers)


def _lifts(searcher: Searcher, query: str) -> EntityLifts:
    settings = searcher.settings
    return entity_lifts(
        searcher.lexicon(),
        searcher.graph,
        query,
        searcher.chunks.count_papers,  # counted only for a query that names an entity
        settings.entity_result_weight,
        settings.salience_power,
        settings.entity_pair_weight,
    )


def _lifted(lifts: EntityLifts, allowed_papers: set[str] | None) -> dict[str, float]:
    """The lifts of admissible papers, the strongest `MAX_LIFTED_PAPERS`."""
    ranked = sorted(lifts.lifts.items(), key=lambda pair: (-pair[1], pair[0]))
    admissible = [p for p in ranked if allowed_papers is None or p[0] in allowed_papers]
    return dict(admissible[:MAX_LIFTED_PAPERS])


def _hits(
    searcher: Searcher,
    request: SearchRequest,
    rankings: Rankings,
    reasons: dict[str, list[dict[str, Any]]],
) -> list[SearchHit]:
    limit = request.offset + request.k + 1
    kinds = {kind.value for kind in request.kinds}
    places = rankings.places  # looked up by the fusion; lifted chunks and single lists are not
    unplaced = [rowid for rowid, _ in rankings.fused if rowid not in places]
    if unplaced:
        places = {**places, **searcher.chunks.chunk_places(unplaced)}
    ranked = [pair for pair in rankings.fused if places.get(pair[0], ("", ""))[1] in kinds]
    ranked = ranked if request.group_by_paper else ranked[:limit]
    rows = searcher.chunks.chunks_by_rowids([rowid for rowid, _ in ranked])
    by_rowid = {row["rowid"]: row for row in rows}
    ranked = [pair for pair in ranked if pair[0] in by_rowid]
    titles = searcher.chunks.paper_titles(sorted({row["paper_id"] for row in rows}))
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
                reasons=reasons.get(row["paper_id"], []),
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
