"""Every vector index backend meets one contract; the factory resolves names and dotted paths."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import numpy as np
import pytest

from papergraph.index.base import VectorIndex
from papergraph.index.errors import DimensionMismatch, UnknownIndexBackend
from papergraph.index.factory import BACKENDS, create_vector_index, vector_index_class
from papergraph.index.faiss import FaissIndex
from papergraph.index.settings import IndexSettings

DIMENSION = 8
TESTED_BACKENDS = ["faiss", "milvus"]


def unit_rows(n: int, seed: int = 0) -> np.ndarray:
    vectors = np.random.default_rng(seed).normal(size=(n, DIMENSION)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


@pytest.fixture(params=TESTED_BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "milvus":
        pytest.importorskip("milvus_lite", reason="the milvus backend is tested on Milvus Lite")
    return str(request.param)


def open_index(backend: str, folder: Path, dimension: int = DIMENSION) -> VectorIndex:
    return create_vector_index(IndexSettings(vector_index=backend), folder, dimension)


def test_every_registered_backend_is_tested() -> None:
    assert sorted(BACKENDS) == sorted(TESTED_BACKENDS)


def test_search_finds_each_vector_under_its_own_id(backend: str, tmp_path: Path) -> None:
    index = open_index(backend, tmp_path / "v")
    vectors = unit_rows(20)
    ids = np.arange(1000, 1020, dtype=np.int64)
    index.add(ids, vectors)
    assert len(index) == 20
    best_id, best_score = index.search(vectors[7], 3)[0]
    assert best_id == 1007 and best_score == pytest.approx(1.0, abs=1e-5)
    batch = index.search_batch(vectors[:4], 2)
    assert [hits[0][0] for hits in batch] == [1000, 1001, 1002, 1003]
    assert all(len(hits) == 2 for hits in batch)


def test_small_or_empty_index_returns_fewer_hits(backend: str, tmp_path: Path) -> None:
    index = open_index(backend, tmp_path / "v")
    assert index.search(unit_rows(1)[0], 5) == []
    index.add(np.array([1, 2]), unit_rows(2))
    assert len(index.search(unit_rows(1, seed=3)[0], 5)) == 2


def test_remove_and_replace_by_id(backend: str, tmp_path: Path) -> None:
    index = open_index(backend, tmp_path / "v")
    vectors = unit_rows(10)
    index.add(np.arange(10), vectors)
    assert index.remove(np.array([3, 4, 99])) == 2
    assert len(index) == 8
    assert 3 not in [i for i, _ in index.search(vectors[3], 8)]
    index.add(np.array([5]), vectors[0:1])  # id 5 now holds vector 0
    assert len(index) == 8
    assert {i for i, _ in index.search(vectors[0], 2)} == {0, 5}


def test_save_and_reopen_keeps_ids_and_vectors(backend: str, tmp_path: Path) -> None:
    folder = tmp_path / "v"
    index = open_index(backend, folder)
    vectors = unit_rows(10)
    index.add(np.arange(50, 60), vectors)
    index.remove(np.array([52]))
    index.save()
    reopened = open_index(backend, folder)
    assert len(reopened) == 9
    assert reopened.search(vectors[9], 1)[0][0] == 59
    assert 52 not in [i for i, _ in reopened.search(vectors[2], 9)]


def test_ids_and_stored_vectors_come_back(backend: str, tmp_path: Path) -> None:
    """The crash repair lists ids; filtered ranking and pg:similar read vectors back by id."""
    index = open_index(backend, tmp_path / "v")
    vectors = unit_rows(6)
    index.add(np.arange(10, 16), vectors)
    index.remove(np.array([12]))
    assert sorted(index.ids().tolist()) == [10, 11, 13, 14, 15]
    stored = index.reconstruct([15, 10])
    assert stored is not None
    np.testing.assert_allclose(stored, vectors[[5, 0]], atol=1e-6)
    with pytest.raises(KeyError):
        index.reconstruct([12])


def test_deep_k_returns_every_vector_best_first(backend: str, tmp_path: Path) -> None:
    """k beyond the index's search list (HNSW ef) still gives every vector, in score order."""
    index = open_index(backend, tmp_path / "v")
    vectors = unit_rows(300, seed=4)
    index.add(np.arange(300), vectors)
    hits = index.search(vectors[0], 250)
    assert len(hits) == 250 and hits[0][0] == 0
    scores = [score for _, score in hits]
    assert scores == sorted(scores, reverse=True)


def test_wrong_dimension_is_refused(backend: str, tmp_path: Path) -> None:
    index = open_index(backend, tmp_path / "v")
    with pytest.raises(DimensionMismatch):
        index.add(np.array([1]), np.ones((1, DIMENSION + 1), dtype=np.float32))
    index.add(np.array([1]), unit_rows(1))
    index.save()
    with pytest.raises(DimensionMismatch):
        open_index(backend, tmp_path / "v", dimension=DIMENSION * 2)


def test_faiss_saves_one_file_and_no_temporaries(tmp_path: Path) -> None:
    index = FaissIndex.open(tmp_path / "v", DIMENSION)
    index.add(np.array([1]), unit_rows(1))
    index.save()
    index.save()
    assert [p.name for p in (tmp_path / "v").iterdir()] == ["vectors.faiss"]


def test_factory_resolves_names_and_dotted_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert vector_index_class("faiss") is FaissIndex
    assert vector_index_class("papergraph.index.faiss.FaissIndex") is FaissIndex

    class CustomIndex(FaissIndex):
        pass

    plugin = types.ModuleType("papergraph_test_plugin")
    plugin.CustomIndex = CustomIndex  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, plugin.__name__, plugin)
    index = open_index("papergraph_test_plugin.CustomIndex", tmp_path / "v")
    assert isinstance(index, CustomIndex)


@pytest.mark.parametrize(
    "name",
    ["annoy", "no_such_module.Index", "papergraph.index.faiss.Missing", "collections.OrderedDict"],
)
def test_factory_refuses_unknown_backends(name: str, tmp_path: Path) -> None:
    with pytest.raises(UnknownIndexBackend) as raised:
        open_index(name, tmp_path / "v")
    assert raised.value.status == 500
