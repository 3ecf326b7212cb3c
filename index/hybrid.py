"""Hybrid retrieval: the semantic (vector index) and keyword (BM25) lists, read to a depth,
restricted to admissible chunks, and fused (`papergraph.index.ranking`) with the papers' lifts.

The caller (the API's search) parses the request, resolves filters to the admissible papers and
chunks, and links the query's entities to lifts; this module ranks chunks from those.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np

from papergraph.index.base import VectorIndex
from papergraph.index.chunk_vectors import PaperChunkVectors
from papergraph.index.keyword import KeywordIndex
from papergraph.index.ranking import FusionWeights, hybrid_ranking
from papergraph.index.settings import IndexSettings
from papergraph.index.store import ChunkStore

ENCODER_THREADS = 16  # queries encoded at once at most (the encoder batches those that overlap)
EXACT_SEMANTIC_MAX_CHUNKS = 50_000  # filtered semantic ranking scores admissible chunks directly
Ranked = list[tuple[int, float]]  # (chunk rowid, score), best first


class SearchMode(str, enum.Enum):
    HYBRID = "hybrid"
    SEMANTIC = "semantic"
    KEYWORD = "keyword"


@dataclass
class Admissible:
    """What filters admit: the chunks (rowids) and their papers; None admits everything."""

    chunks: set[int] | None = None
    papers: set[str] | None = None


@dataclass
class Rankings:
    """The fused ranking and each list's ranks, restricted to admissible chunks."""

    fused: Ranked
    semantic_ranks: dict[int, int]
    keyword_ranks: dict[int, int]
    exhausted: bool  # both lists hold every admissible chunk they could find
    #: (paper id, kind) of the chunks the fusion looked up, for the caller to reuse
    places: dict[int, tuple[str, str]] = field(default_factory=dict)


@dataclass
class HybridRetriever:
    """Ranks chunks for a query from the vector index, the keyword index and the chunk store."""

    chunks: ChunkStore
    vectors: VectorIndex
    keywords: KeywordIndex
    chunk_vectors: PaperChunkVectors
    encode_query: Callable[[str], np.ndarray]
    settings: IndexSettings
    _encoder: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(ENCODER_THREADS, "query-encoder"),
        init=False,
        repr=False,
    )

    def start_encoding(self, query: str) -> Callable[[], np.ndarray]:
        """`query`'s vector, encoded in another thread from now on: the encoder works outside
        the GIL, so the caller links the query's entities and reads the keyword list meanwhile
        (a hybrid request at one client: the encoder's ~6 ms no longer added to the rest).
        Call the result for the vector (it waits, and raises what encoding raised)."""
        return self._encoder.submit(self.encode_query, query).result

    def rankings(
        self,
        query: str,
        mode: SearchMode,
        depth: int,
        admissible: Admissible,
        expansions: Sequence[str] = (),
        lifted: dict[str, float] | None = None,
        vector: Callable[[], np.ndarray] | None = None,
    ) -> Rankings:
        """Each list read `depth` deep; in hybrid mode fused, `lifted` papers lifted by their
        weight (their best chunk joins when neither list reached it). `vector` gives the
        query's vector (from `start_encoding`); without it the query is encoded here."""
        encoded = vector or (lambda: self.encode_query(query))
        semantic: Ranked = []
        keyword: Ranked = []
        exhausted = True
        if mode in (SearchMode.KEYWORD, SearchMode.HYBRID):  # first: the encoder may be busy
            keyword = self.keywords.search(query, depth, expansions, self.settings.alias_weight)
            exhausted = exhausted and len(keyword) < depth
            keyword = _admissible(keyword, admissible.chunks)
        if mode in (SearchMode.SEMANTIC, SearchMode.HYBRID):
            semantic, done = self._semantic(encoded, depth, admissible)
            exhausted = exhausted and done
        semantic_ranks = {rowid: rank for rank, (rowid, _) in enumerate(semantic, start=1)}
        keyword_ranks = {rowid: rank for rank, (rowid, _) in enumerate(keyword, start=1)}
        if mode is SearchMode.SEMANTIC:
            return Rankings(semantic, semantic_ranks, keyword_ranks, exhausted)
        if mode is SearchMode.KEYWORD:
            return Rankings(keyword, semantic_ranks, keyword_ranks, exhausted)
        places = self.chunks.chunk_places(
            sorted({r for r, _ in semantic} | {r for r, _ in keyword})
        )
        fused = self._fuse(encoded, semantic, keyword, lifted or {}, places)
        return Rankings(fused, semantic_ranks, keyword_ranks, exhausted, places)

    def weights(self) -> FusionWeights:
        settings = self.settings
        return FusionWeights(
            settings.rrf_k,
            settings.rrf_semantic_weight,
            settings.rrf_keyword_weight,
            settings.paper_weight,
            settings.entity_weight,
            settings.paper_sum_weight,
        )

    def _fuse(
        self,
        encoded: Callable[[], np.ndarray],
        semantic: Ranked,
        keyword: Ranked,
        lifted: dict[str, float],
        places: dict[int, tuple[str, str]],  # of the listed chunks; no texts: ranking needs none
    ) -> Ranked:
        weights = self.weights()
        paper_of = {rowid: paper_id for rowid, (paper_id, _) in places.items()}
        lifted = lifted if weights.lift else {}
        extra = self._lifted_chunks(encoded, lifted, set(paper_of.values()))
        paper_of.update(extra)
        semantic_ids, keyword_ids = [r for r, _ in semantic], [r for r, _ in keyword]
        return hybrid_ranking(semantic_ids, keyword_ids, paper_of, weights, lifted, list(extra))

    def _lifted_chunks(
        self, encoded: Callable[[], np.ndarray], lifted: dict[str, float], listed: set[str]
    ) -> dict[int, str]:
        """The best chunk (by cosine) of each lifted paper that neither list reached."""
        missing = [paper for paper in lifted if paper not in listed]
        if not missing:
            return {}
        vector = encoded()
        return {best.rowid: best.paper_id for best in self.chunk_vectors.rank(missing, vector)}

    def _semantic(
        self, encoded: Callable[[], np.ndarray], depth: int, admissible: Admissible
    ) -> tuple[Ranked, bool]:
        """The semantic list (admissible chunks only) and whether it holds every such chunk."""
        vector = encoded()
        allowed, papers = admissible.chunks, admissible.papers
        if allowed is not None and papers is not None:
            if len(allowed) <= EXACT_SEMANTIC_MAX_CHUNKS:
                return self.score_chunks(vector, papers)[:depth], len(allowed) <= depth
        found = self.vectors.search(vector, depth)
        return _admissible(found, allowed), len(found) < depth

    def score_chunks(self, vector: np.ndarray, paper_ids: set[str]) -> Ranked:
        """Every chunk of `paper_ids` by cosine to `vector`, best first (exact, no index search)."""
        scored: Ranked = []
        for paper_id in paper_ids:
            rowids, matrix = self.chunk_vectors.chunk_vectors(paper_id)
            if rowids:
                scored.extend(zip(rowids, (float(s) for s in matrix @ vector), strict=True))
        scored.sort(key=lambda pair: (-pair[1], pair[0]))
        return scored


def _admissible(ranked: Ranked, allowed: set[int] | None) -> Ranked:
    return ranked if allowed is None else [pair for pair in ranked if pair[0] in allowed]
