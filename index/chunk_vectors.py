"""A paper's relevance to a query vector: the cosine of its best chunk.

The chunk vectors are read back from the vector index (not re-encoded) and cached per paper.
A cached entry is checked against the paper's current chunk rowids on every use: re-ingesting
a paper gives its chunks new rowids, so a stale entry is never served.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from papergraph.index.base import VectorIndex
from papergraph.index.store import ChunkStore

DEFAULT_CACHED_VECTORS = 200_000  # ~300 MB of 384-d float32 at most


@dataclass(frozen=True)
class BestChunk:
    """The chunk of a paper nearest a query, and its cosine."""

    paper_id: str
    rowid: int
    score: float


class PaperChunkVectors:
    """Each paper's chunk vectors, scored against query vectors."""

    def __init__(
        self,
        chunks: ChunkStore,
        vectors: VectorIndex,
        max_cached_vectors: int = DEFAULT_CACHED_VECTORS,
    ) -> None:
        self.chunks = chunks
        self.vectors = vectors
        self.max_cached_vectors = max_cached_vectors
        self._cache: OrderedDict[str, tuple[tuple[int, ...], np.ndarray]] = OrderedDict()
        self._cached_vectors = 0
        self._lock = threading.Lock()

    def chunk_vectors(self, paper_id: str) -> tuple[tuple[int, ...], np.ndarray]:
        """The paper's chunk rowids (in reading order) and their vectors, one row each."""
        rowids = tuple(self.chunks.paper_rowids(paper_id))
        with self._lock:
            cached = self._cache.get(paper_id)
            if cached is not None and cached[0] == rowids:
                self._cache.move_to_end(paper_id)
                return cached
        try:
            matrix = self.vectors.reconstruct(list(rowids))
            if matrix is None:
                raise NotImplementedError(
                    f"{type(self.vectors).__name__} cannot give vectors back for pg:similar"
                )
        except KeyError:  # a paper being re-ingested right now: score it next time
            matrix = np.zeros((0, self.vectors.dimension), dtype=np.float32)
            rowids = ()
        self._remember(paper_id, rowids, matrix)
        return rowids, matrix

    def best_chunk(self, paper_id: str, query_vector: np.ndarray) -> BestChunk | None:
        """The paper's chunk nearest `query_vector` (a unit vector), or None for no chunks."""
        rowids, matrix = self.chunk_vectors(paper_id)
        if not rowids:
            return None
        scores = matrix @ np.asarray(query_vector, dtype=np.float32).reshape(-1)
        best = int(np.argmax(scores))
        return BestChunk(paper_id, rowids[best], float(scores[best]))

    def rank(self, paper_ids: Iterable[str], query_vector: np.ndarray) -> list[BestChunk]:
        """Papers by their best chunk's cosine to `query_vector`, best first; chunkless left out."""
        found = [self.best_chunk(paper_id, query_vector) for paper_id in dict.fromkeys(paper_ids)]
        ranked = [best for best in found if best is not None]
        ranked.sort(key=lambda best: (-best.score, best.paper_id))
        return ranked

    def chunk_score(self, paper_id: str, rowid: int, query_vector: np.ndarray) -> float | None:
        """The cosine of one chunk of `paper_id` to `query_vector`; None if it has no such chunk."""
        rowids, matrix = self.chunk_vectors(paper_id)
        if rowid not in rowids:
            return None
        vector = np.asarray(query_vector, dtype=np.float32).reshape(-1)
        return float(matrix[rowids.index(rowid)] @ vector)

    def _remember(self, paper_id: str, rowids: tuple[int, ...], matrix: np.ndarray) -> None:
        with self._lock:
            old = self._cache.pop(paper_id, None)
            if old is not None:
                self._cached_vectors -= len(old[0])
            self._cache[paper_id] = (rowids, matrix)
            self._cached_vectors += len(rowids)
            while self._cached_vectors > self.max_cached_vectors and len(self._cache) > 1:
                _, (dropped, _) = self._cache.popitem(last=False)
                self._cached_vectors -= len(dropped)
