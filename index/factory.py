"""Resolve the `vector_index` setting to a `VectorIndex` class: a registered name or a dotted path."""

from __future__ import annotations

from pathlib import Path

from papergraph.core.plugins import resolve_class
from papergraph.index.base import VectorIndex
from papergraph.index.errors import UnknownIndexBackend
from papergraph.index.settings import IndexSettings

# Registered backends, as dotted paths so that only the chosen one is imported.
BACKENDS: dict[str, str] = {
    "faiss": "papergraph.index.faiss.FaissIndex",
    "milvus": "papergraph.index.milvus.MilvusIndex",  # the `scale` extra: pymilvus (+ milvus-lite)
}


def vector_index_class(name: str) -> type[VectorIndex]:
    """The backend class for `name`: a key of BACKENDS, or a dotted path to a VectorIndex."""
    return resolve_class(
        name, BACKENDS, kind="vector index", base=VectorIndex, error=UnknownIndexBackend
    )


def create_vector_index(settings: IndexSettings, folder: str | Path, dimension: int) -> VectorIndex:
    """Open (or create) the configured vector index in `folder` for `dimension`-d vectors."""
    return vector_index_class(settings.vector_index).open(folder, dimension, settings)
