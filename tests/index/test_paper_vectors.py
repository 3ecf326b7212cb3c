"""Paper-level vectors: encoded once, reused from disk, refreshed only for changed papers."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from papergraph.core.model import Chunk, Paper
from papergraph.index.embed import Embedder
from papergraph.index.faiss import FaissIndex
from papergraph.index.paper_vectors import PaperVectors, profile_text
from papergraph.index.store import ChunkStore


class CountingEmbedder(Embedder):
    """The real encoder, sharing the session's loaded model, counting the texts it encodes."""

    def __init__(self, loaded: Embedder) -> None:
        super().__init__(loaded.settings)
        self._model = loaded.model
        self.encoded: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.encoded.extend(texts)
        return super().encode(texts)


def make_paper(paper_id: str, abstract: str | None, texts: list[str], version: str = "1") -> Paper:
    chunks = [Chunk(f"{paper_id}#{i}", paper_id, i, text) for i, text in enumerate(texts)]
    return Paper(
        id=paper_id,
        title=f"Title of {paper_id}",
        chunks=chunks,
        abstract=abstract,
        content_hash=f"{paper_id}-v{version}",
    )


@pytest.fixture
def stores(tmp_path: Path, embedder: Embedder) -> tuple[ChunkStore, FaissIndex, CountingEmbedder]:
    counting = CountingEmbedder(embedder)
    return ChunkStore(tmp_path / "papers.sqlite"), FaissIndex.open(tmp_path / "v", 384), counting


def add(store: ChunkStore, index: FaissIndex, embedder: Embedder, paper: Paper) -> None:
    old = store.remove_paper(paper.id)
    if old:
        index.remove(np.asarray(old))
    rowids = store.upsert_paper(paper)
    index.add(np.asarray(rowids), embedder.encode([chunk.text for chunk in paper.chunks]))


def test_vectors_are_encoded_once_and_refreshed_only_for_changes(
    tmp_path: Path, stores: tuple[ChunkStore, FaissIndex, CountingEmbedder]
) -> None:
    store, index, embedder = stores
    papers = [
        make_paper("a", "Sparse attention for long documents.", ["Chunk about attention."]),
        make_paper("b", "Graph networks for molecules.", ["Chunk about molecules."]),
        make_paper("c", None, ["Mechanical calculators.", "Clerks and their machines."]),
    ]
    for paper in papers:
        add(store, index, embedder, paper)
    embedder.encoded.clear()
    path = tmp_path / "paper_vectors.npz"

    matrix = PaperVectors(path, store, index, embedder).matrix()
    assert matrix.ids == ("a", "b", "c")
    assert sorted(embedder.encoded) == sorted(profile_text(p) for p in store.paper_profiles()[:2])
    pooled = index.reconstruct(np.asarray(store.paper_rowids("c"))).mean(axis=0)
    np.testing.assert_allclose(matrix.vector("c"), pooled / np.linalg.norm(pooled), atol=1e-6)
    assert np.allclose(np.linalg.norm(matrix.vectors, axis=1), 1.0, atol=1e-5)

    embedder.encoded.clear()
    reopened = PaperVectors(path, store, index, embedder)  # another process, same data folder
    np.testing.assert_array_equal(reopened.matrix().vectors, matrix.vectors)
    assert embedder.encoded == []

    add(store, index, embedder, make_paper("b", "Protein folding.", ["Chunk."], version="2"))
    store.remove_paper("a")
    embedder.encoded.clear()
    changed = reopened.matrix()
    assert changed.ids == ("b", "c") and embedder.encoded == ["Title of b. Protein folding."]
    assert not np.allclose(changed.vector("b"), matrix.vector("b"))
    np.testing.assert_array_equal(changed.vector("c"), matrix.vector("c"))


def test_a_damaged_cache_is_rebuilt(
    tmp_path: Path, stores: tuple[ChunkStore, FaissIndex, CountingEmbedder]
) -> None:
    store, index, embedder = stores
    add(store, index, embedder, make_paper("a", "An abstract.", ["A chunk."]))
    path = tmp_path / "paper_vectors.npz"
    path.write_bytes(b"not a numpy file")
    matrix = PaperVectors(path, store, index, embedder).matrix()
    assert matrix.ids == ("a",)
    assert PaperVectors(path, store, index, embedder).matrix().ids == ("a",)


def test_faiss_gives_stored_vectors_back(tmp_path: Path) -> None:
    index = FaissIndex.open(tmp_path, 4)
    vectors = np.eye(4, dtype=np.float32)[:3]
    index.add(np.asarray([7, 8, 9]), vectors)
    np.testing.assert_array_equal(index.reconstruct(np.asarray([9, 7])), vectors[[2, 0]])
    with pytest.raises(KeyError):
        index.reconstruct(np.asarray([42]))
