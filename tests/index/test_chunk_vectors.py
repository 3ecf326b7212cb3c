"""A paper's relevance is its best chunk's cosine, read back from the index and cached."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from papergraph.core.model import Chunk, Paper
from papergraph.index.chunk_vectors import PaperChunkVectors
from papergraph.index.faiss import FaissIndex
from papergraph.index.store import ChunkStore


def _paper(paper_id: str, texts: list[str]) -> Paper:
    chunks = [Chunk(f"{paper_id}#{i}", paper_id, i, text) for i, text in enumerate(texts)]
    return Paper(id=paper_id, title=paper_id, chunks=chunks)


def _unit(*values: float) -> np.ndarray:
    vector = np.asarray(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def test_best_chunk_rank_and_refresh_after_reingest(tmp_path: Path) -> None:
    store = ChunkStore(tmp_path / "papers.sqlite")
    index = FaissIndex.open(tmp_path / "vectors", 3)
    a = store.upsert_paper(_paper("a", ["x", "y"]))
    b = store.upsert_paper(_paper("b", ["z"]))
    index.add(np.asarray(a + b), np.stack([_unit(1, 0, 0), _unit(0, 1, 0), _unit(0, 0, 1)]))
    vectors = PaperChunkVectors(store, index)

    best = vectors.best_chunk("a", _unit(0.1, 1, 0))
    assert best is not None and best.rowid == a[1] and best.score > 0.99
    assert [r.paper_id for r in vectors.rank(["a", "b", "missing"], _unit(0, 0.2, 1))] == ["b", "a"]
    assert vectors.best_chunk("missing", _unit(1, 0, 0)) is None

    index.remove(np.asarray(a))  # re-ingest "a" with new text: new rowids, new vectors
    store.remove_paper("a")
    new = store.upsert_paper(_paper("a", ["w"]))
    index.add(np.asarray(new), _unit(0, 0, 1).reshape(1, -1))
    best = vectors.best_chunk("a", _unit(0, 0, 1))
    assert best is not None and best.rowid == new[0] and best.score > 0.99
    store.close()
