"""The FAISS index changes structure with the collection's size and keeps the VectorIndex contract
across the change: exact below `exact_below`, HNSW above, removals hidden then compacted, and a
memory-mapped open that still takes writes."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest

from papergraph.index import faiss as faiss_module
from papergraph.index.ann import Layout
from papergraph.index.faiss import HIDDEN, FaissIndex
from papergraph.index.settings import IndexSettings

DIMENSION = 16
SMALL = IndexSettings(exact_below=200, hnsw_ef_search=64)


def unit_rows(n: int, seed: int = 0) -> np.ndarray:
    vectors = np.random.default_rng(seed).normal(size=(n, DIMENSION)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def exact_top(vectors: np.ndarray, ids: np.ndarray, query: np.ndarray, k: int) -> list[int]:
    return [int(ids[i]) for i in np.argsort(-(vectors @ query))[:k]]


def test_crossing_the_threshold_migrates_to_hnsw_on_save_and_back(tmp_path: Path) -> None:
    index = FaissIndex.open(tmp_path / "v", DIMENSION, SMALL)
    vectors, ids = unit_rows(400), np.arange(10, 410, dtype=np.int64)
    index.add(ids[:150], vectors[:150])
    index.save()
    assert index.layout is Layout.FLAT
    index.add(ids[150:], vectors[150:])
    index.save()
    assert index.layout is Layout.HNSW
    reopened = FaissIndex.open(tmp_path / "v", DIMENSION, SMALL)
    assert reopened.layout is Layout.HNSW and len(reopened) == 400
    assert sorted(reopened.ids().tolist()) == ids.tolist()
    found = [hit[0] for hit in reopened.search(vectors[123], 1)]
    assert found == [133]
    reopened.remove(ids[:300])
    reopened.save()  # 100 live, under 90 % of the threshold
    assert reopened.layout is Layout.FLAT and sorted(reopened.ids().tolist()) == ids[300:].tolist()


def test_hnsw_hides_removed_ids_keeps_them_hidden_after_reopen_and_compacts(tmp_path: Path) -> None:
    index = FaissIndex.open(tmp_path / "v", DIMENSION, SMALL)
    vectors, ids = unit_rows(300, seed=1), np.arange(300, dtype=np.int64)
    index.add(ids, vectors)
    index.save()
    assert index.remove(np.array([7, 8, 9, 10_000])) == 3
    assert len(index) == 297 and 7 not in index.ids().tolist()
    assert all(hit[0] not in (7, 8, 9) for hit in index.search(vectors[7], 20))
    index.save()  # 3 of 300 hidden: under the 10 % that forces a rebuild
    assert (tmp_path / "v" / HIDDEN).exists()
    reopened = FaissIndex.open(tmp_path / "v", DIMENSION, SMALL)
    assert len(reopened) == 297
    assert all(hit[0] not in (7, 8, 9) for hit in reopened.search(vectors[8], 20))
    reopened.remove(ids[100:140])
    reopened.save()  # 43 hidden > 10 %: rebuilt without them
    assert not (tmp_path / "v" / HIDDEN).exists()
    assert len(reopened) == 257 and reopened.layout is Layout.HNSW


def test_replacing_a_vector_under_hnsw(tmp_path: Path) -> None:
    index = FaissIndex.open(tmp_path / "v", DIMENSION, SMALL)
    vectors = unit_rows(260, seed=2)
    index.add(np.arange(250), vectors[:250])
    index.save()
    index.add(np.array([3]), vectors[255])
    assert len(index) == 250
    assert index.search(vectors[255], 1)[0][0] == 3
    assert all(hit[0] != 3 for hit in index.search(vectors[3], 5) if hit[1] > 0.999)


def test_hnsw_recall_at_10_against_exact(tmp_path: Path) -> None:
    settings = IndexSettings(exact_below=1000)
    index = FaissIndex.open(tmp_path / "v", DIMENSION, settings)
    vectors, ids = unit_rows(3000, seed=3), np.arange(3000, dtype=np.int64)
    index.add(ids, vectors)
    index.save()
    assert index.layout is Layout.HNSW
    queries = unit_rows(50, seed=4)
    found = index.search_batch(queries, 10)
    overlap = [
        len({h[0] for h in hits} & set(exact_top(vectors, ids, q, 10))) / 10
        for q, hits in zip(queries, found, strict=True)
    ]
    assert np.mean(overlap) >= 0.95


@pytest.mark.parametrize("layout_size", [50, 300])
def test_memory_mapped_open_searches_and_takes_writes(tmp_path: Path, layout_size: int) -> None:
    vectors = unit_rows(layout_size + 1, seed=5)
    index = FaissIndex.open(tmp_path / "v", DIMENSION, SMALL)
    index.add(np.arange(layout_size), vectors[:layout_size])
    index.save()
    mapped = FaissIndex.open(tmp_path / "v", DIMENSION, SMALL.model_copy(update={"mmap": True}))
    assert mapped.search(vectors[4], 1)[0][0] == 4
    mapped.add(np.array([layout_size]), vectors[layout_size])
    mapped.save()
    again = FaissIndex.open(tmp_path / "v", DIMENSION, SMALL)
    assert (
        len(again) == layout_size + 1 and again.search(vectors[layout_size], 1)[0][0] == layout_size
    )


def test_searches_go_on_while_a_save_migrates_to_hnsw(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rebuild runs outside the index lock: a search during it answers from the exact
    index, and the first search after it from the HNSW one; nothing is lost either way."""
    index = FaissIndex.open(tmp_path / "v", DIMENSION, SMALL)
    vectors, ids = unit_rows(400, seed=2), np.arange(1000, 1400, dtype=np.int64)
    index.add(ids, vectors)
    started, release = threading.Event(), threading.Event()
    original = faiss_module.rebuild

    def slow_rebuild(*args, **kwargs):
        started.set()
        assert release.wait(10), "the test never let the rebuild finish"
        return original(*args, **kwargs)

    monkeypatch.setattr(faiss_module, "rebuild", slow_rebuild)
    saver = threading.Thread(target=index.save)
    saver.start()
    assert started.wait(10)
    during = [index.search(vectors[n], 1)[0][0] for n in range(0, 400, 40)]
    assert index.layout is Layout.FLAT  # still the old one, answering
    release.set()
    saver.join(10)
    assert not saver.is_alive() and index.layout is Layout.HNSW
    after = [index.search(vectors[n], 1)[0][0] for n in range(0, 400, 40)]
    assert during == after == ids[0:400:40].tolist()
