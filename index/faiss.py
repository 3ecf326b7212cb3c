"""FAISS backend: exact below a size, HNSW above (`papergraph.index.ann`), stable int64 ids, saved atomically.

Removal under HNSW: the graph cannot delete, so removed ids become tombstones, hidden from every
search by a selector and from `ids()` and `len()`; `save()` rebuilds the index without them once
they exceed `max_tombstone_fraction`, and rebuilds it as Flat or HNSW when the live count has
crossed `exact_below`. Tombstones are saved beside the index (`vectors.hidden.npy`); the two
files are not written atomically together, which is safe because chunk rowids are never reused
and the crash recovery compares `ids()` with the chunk store and fixes either way of disagreeing.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import faiss
import numpy as np

from papergraph.index.ann import Layout, build_empty, layout_of, rebuild, tune, wanted_layout
from papergraph.index.base import Hit, VectorIndex
from papergraph.index.errors import CorruptIndex, DimensionMismatch
from papergraph.index.settings import IndexSettings

FILENAME = "vectors.faiss"
HIDDEN = "vectors.hidden.npy"


def read_index(path: Path, mmap: bool = False) -> faiss.Index:
    try:
        return faiss.read_index(str(path), faiss.IO_FLAG_MMAP if mmap else 0)
    except RuntimeError as error:
        raise CorruptIndex(f"cannot read vector index {path}: {error}") from error


def write_atomically(path: Path, write: object) -> None:
    """Write through `write(temporary_path)`, flush to disk, then rename over `path`."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        write(str(temporary))  # type: ignore[operator]
        with open(temporary, "rb") as written:
            os.fsync(written.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


class FaissIndex(VectorIndex):
    """Vectors in memory (or memory-mapped), persisted to `folder/vectors.faiss` by `save()`.

    One lock guards the index: faiss allows concurrent searches but not a search during an add
    or remove. Searches run on one OpenMP thread (set process-wide when an index opens): a
    server asks one query at a time, and on a busy machine OpenMP's threads wait on each other
    (benchmarks/vectors.py: Flat at 20k went from 72 ms to 0.9 ms a query). Rebuilds use every
    core.
    """

    def __init__(self, folder: Path, dimension: int, settings: IndexSettings | None = None) -> None:
        super().__init__(folder, dimension, settings)
        self.path = self.folder / FILENAME
        self.hidden_path = self.folder / HIDDEN
        self._lock = threading.Lock()
        self._mapped = self.settings.mmap and self.path.exists()
        if self.path.exists():
            self._index = read_index(self.path, self._mapped)
        else:
            self._index = build_empty(dimension, Layout.FLAT, self.settings)
        if self._index.d != dimension:
            raise DimensionMismatch(
                f"{self.path} holds {self._index.d}-d vectors, the encoder makes {dimension}-d"
            )
        tune(self._index, self.settings)
        faiss.omp_set_num_threads(1)
        self._hidden = self._load_hidden()
        self._selector: faiss.SearchParameters | None = None

    @property
    def layout(self) -> Layout:
        return layout_of(self._index)

    def _load_hidden(self) -> set[int]:
        if not self.hidden_path.exists():
            return set()
        return {int(i) for i in np.load(self.hidden_path)}

    def _writable(self) -> None:
        """A memory-mapped index is read into memory before its first change."""
        if self._mapped:
            self._index = read_index(self.path)
            tune(self._index, self.settings)
            self._mapped = False

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        ids, vectors = self.as_additions(ids, vectors)
        with self._lock:
            self._writable()
            self._drop_for_replace(ids)
            self._index.add_with_ids(vectors, ids)

    def _drop_for_replace(self, ids: np.ndarray) -> None:
        """Take out entries under `ids` (a replace); under HNSW that is a rebuild without them."""
        if not self._index.ntotal:
            return
        if self.layout is Layout.FLAT:
            self._index.remove_ids(ids)  # type: ignore[arg-type]  # faiss wraps arrays
            return
        present = np.isin(ids, faiss.vector_to_array(self._index.id_map))  # type: ignore[attr-defined]
        if present.any():
            gone = np.union1d(ids[present], np.fromiter(self._hidden, np.int64))
            self._index = rebuild(self._index, Layout.HNSW, self.settings, gone)
            self._hidden, self._selector = set(), None

    def remove(self, ids: np.ndarray) -> int:
        ids = self.as_ids(ids)
        if len(ids) == 0:
            return 0
        with self._lock:
            self._writable()
            if self.layout is Layout.FLAT:
                return int(self._index.remove_ids(ids))  # type: ignore[arg-type]
            held = np.isin(ids, faiss.vector_to_array(self._index.id_map))  # type: ignore[attr-defined]
            fresh = {int(i) for i in ids[held]} - self._hidden
            self._hidden |= fresh
            self._selector = None
            return len(fresh)

    def _search_parameters(self) -> faiss.SearchParameters | None:
        """A selector that hides the tombstones (None when there are none)."""
        if not self._hidden:
            return None
        if self._selector is None:
            hidden = np.fromiter(self._hidden, np.int64)
            batch = faiss.IDSelectorBatch(hidden)
            params = faiss.SearchParametersHNSW(sel=faiss.IDSelectorNot(batch))  # type: ignore[attr-defined]
            params.efSearch = self.settings.hnsw_ef_search
            params.keep_alive = (batch, hidden)  # the selector does not own what it points to
            self._selector = params
        return self._selector

    def search_batch(self, vectors: np.ndarray, k: int) -> list[list[Hit]]:
        queries = self.as_vectors(vectors)
        if k <= 0 or len(self) == 0:
            return [[] for _ in range(len(queries))]
        # OpenMP's thread count is per calling thread, and the server searches from its worker
        # threads, which start at one thread per core: one query then cost 2-3x its CPU in
        # threads spinning for work that one thread does (measured in issue 19's profile).
        faiss.omp_set_num_threads(1)
        with self._lock:
            params = self._search_parameters()
            scores, ids = self._index.search(queries, min(k, len(self)), params=params)
        return [
            [(int(i), float(s)) for i, s in zip(row_ids, row_scores, strict=True) if i != -1]
            for row_ids, row_scores in zip(ids, scores, strict=True)
        ]

    def ids(self) -> np.ndarray:
        with self._lock:
            held = faiss.vector_to_array(self._index.id_map).astype(np.int64)  # type: ignore[attr-defined]
            if not self._hidden:
                return held
            return held[~np.isin(held, np.fromiter(self._hidden, np.int64))]

    def __len__(self) -> int:
        return int(self._index.ntotal) - len(self._hidden)

    def save(self) -> None:
        """Persist; first rebuild in the layout the size calls for, or to drop tombstones.

        The rebuild (100 s for HNSW at 100k vectors here) runs outside the lock: searches go on
        against the old index and see the new one once it is swapped in. Only the writer
        changes an index; should it have changed meanwhile, the rebuild is redone under the lock.
        """
        with self._lock:
            layout = self._rebuild_plan()
            if layout is not None:
                self._writable()
            source, hidden = self._index, set(self._hidden)
        if layout is not None:
            with _all_cores():
                fresh = rebuild(source, layout, self.settings, np.fromiter(hidden, np.int64))
            with self._lock:
                if self._index is source and self._hidden == hidden:
                    self._index, self._hidden, self._selector = fresh, set(), None
                else:
                    self._migrate()
        with self._lock:
            if self._mapped:
                return  # unchanged since it was mapped from this very file
            write_atomically(self.path, lambda name: faiss.write_index(self._index, name))
            self._save_hidden()

    def reconstruct(self, ids: np.ndarray | list[int]) -> np.ndarray:
        """Stored vectors by id (IndexIDMap2 keeps the id → vector map for exactly this)."""
        ids = self.as_ids(ids)
        if len(ids) == 0:
            return np.zeros((0, self.dimension), dtype=np.float32)
        with self._lock:
            try:
                vectors = self._index.reconstruct_batch(ids)
            except RuntimeError as error:
                raise KeyError(f"vector ids not in the index: {error}") from error
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def _rebuild_plan(self) -> Layout | None:
        """The layout to rebuild in (the size calls for another, or tombstones pile up)."""
        live = int(self._index.ntotal) - len(self._hidden)
        layout = wanted_layout(live, self.layout, self.settings)
        crowded = len(self._hidden) > self.settings.max_tombstone_fraction * self._index.ntotal
        return layout if layout is not self.layout or crowded else None

    def _migrate(self) -> None:
        layout = self._rebuild_plan()
        if layout is not None:
            self._writable()
            hidden = np.fromiter(self._hidden, np.int64)
            with _all_cores():
                self._index = rebuild(self._index, layout, self.settings, hidden)
            self._hidden, self._selector = set(), None

    def _save_hidden(self) -> None:
        if not self._hidden:
            self.hidden_path.unlink(missing_ok=True)
            return
        hidden = np.fromiter(sorted(self._hidden), np.int64)
        write_atomically(self.hidden_path, lambda name: _save_npy(name, hidden))


@contextmanager
def _all_cores() -> Iterator[None]:
    faiss.omp_set_num_threads(os.cpu_count() or 1)
    try:
        yield
    finally:
        faiss.omp_set_num_threads(1)


def _save_npy(name: str, array: np.ndarray) -> None:
    with open(name, "wb") as output:  # np.save(name) would add a second ".npy"
        np.save(output, array)
