"""Which FAISS structure a collection gets by size, and moving vectors between structures.

Below `exact_below` vectors the index is exact: IndexFlatIP, ~1 ms a query at 10k and 17 ms at
100k (MEASUREMENTS.md). At or above it, HNSW (IndexHNSWFlat, inner product), sub-millisecond at
100k and about a millisecond at 1M with recall@10 ≥ 0.95 at efSearch 128 (benchmarks/vectors.py).
Both sit inside IndexIDMap2, so ids are chunk rowids and `reconstruct` works. HNSW cannot delete,
so `FaissIndex` hides removed ids at search time (an `IDSelectorNot`) and rebuilds once they
pile up; a rebuild copies the live vectors out of the old structure into a new one.
"""

from __future__ import annotations

from enum import Enum

import faiss
import numpy as np

from papergraph.index.settings import IndexSettings


class Layout(str, Enum):
    FLAT = "flat"
    HNSW = "hnsw"


def layout_of(index: faiss.Index) -> Layout:
    inner = faiss.downcast_index(index.index) if isinstance(index, faiss.IndexIDMap) else index
    return Layout.HNSW if isinstance(inner, faiss.IndexHNSW) else Layout.FLAT


def wanted_layout(live: int, current: Layout, settings: IndexSettings) -> Layout:
    """HNSW from `exact_below` up; back to exact only below 90 % of it, so that a collection
    near the threshold is not rebuilt back and forth."""
    if live >= settings.exact_below:
        return Layout.HNSW
    if current is Layout.HNSW and live >= 0.9 * settings.exact_below:
        return Layout.HNSW
    return Layout.FLAT


def build_empty(dimension: int, layout: Layout, settings: IndexSettings) -> faiss.Index:
    """A new, empty IndexIDMap2 over the layout's structure."""
    if layout is Layout.FLAT:
        return faiss.IndexIDMap2(faiss.IndexFlatIP(dimension))
    hnsw = faiss.IndexHNSWFlat(dimension, settings.hnsw_m, faiss.METRIC_INNER_PRODUCT)
    hnsw.hnsw.efConstruction = settings.hnsw_ef_construction
    hnsw.hnsw.efSearch = settings.hnsw_ef_search
    return faiss.IndexIDMap2(hnsw)


def tune(index: faiss.Index, settings: IndexSettings) -> None:
    """Apply the query-time settings to a loaded index (efSearch is saved with the file)."""
    if layout_of(index) is Layout.HNSW:
        faiss.downcast_index(index.index).hnsw.efSearch = settings.hnsw_ef_search  # type: ignore[attr-defined]


def live_entries(index: faiss.Index, hidden: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(ids, vectors) the index holds, without the `hidden` ids."""
    ids = faiss.vector_to_array(index.id_map).astype(np.int64)  # type: ignore[attr-defined]
    vectors = index.index.reconstruct_n(0, index.ntotal) if index.ntotal else None  # type: ignore[attr-defined]
    keep = ~np.isin(ids, hidden)
    if vectors is None:
        return ids, np.zeros((0, index.d), dtype=np.float32)
    return ids[keep], np.ascontiguousarray(vectors[keep], dtype=np.float32)


def rebuild(
    index: faiss.Index, layout: Layout, settings: IndexSettings, hidden: np.ndarray
) -> faiss.Index:
    """A new index of `layout` holding the live entries of `index`."""
    ids, vectors = live_entries(index, hidden)
    fresh = build_empty(index.d, layout, settings)
    if len(ids):
        fresh.add_with_ids(vectors, ids)
    return fresh
