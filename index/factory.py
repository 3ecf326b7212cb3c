"""Resolve the `vector_index` setting to a `VectorIndex` class: a registered name or a dotted path."""

from __future__ import annotations

import importlib
from pathlib import Path

from index.base import VectorIndex
from index.errors import UnknownIndexBackend
from index.settings import IndexSettings

# Registered backends, as dotted paths so that only the chosen one is imported.
BACKENDS: dict[str, str] = {
    "faiss": "index.faiss.FaissIndex",
    "milvus": "index.milvus.MilvusIndex",  # the `scale` extra: pymilvus (+ milvus-lite)
}


def import_class(dotted_path: str) -> type:
    """The class a 'package.module.Class' path names, or UnknownIndexBackend."""
    module_name, _, class_name = dotted_path.rpartition(".")
    try:
        found = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError, ValueError) as error:
        raise UnknownIndexBackend(f"cannot import vector index {dotted_path!r}: {error}") from error
    if not isinstance(found, type):
        raise UnknownIndexBackend(f"{dotted_path!r} is not a class")
    return found


def vector_index_class(name: str) -> type[VectorIndex]:
    """The backend class for `name`: a key of BACKENDS, or a dotted path to a VectorIndex."""
    if name in BACKENDS:
        dotted_path = BACKENDS[name]
    elif "." in name:
        dotted_path = name
    else:
        known = ", ".join(sorted(BACKENDS))
        raise UnknownIndexBackend(f"unknown vector index {name!r}; registered: {known}")
    found = import_class(dotted_path)
    if not issubclass(found, VectorIndex):
        raise UnknownIndexBackend(f"{dotted_path!r} is not a subclass of index.base.VectorIndex")
    return found


def create_vector_index(settings: IndexSettings, folder: str | Path, dimension: int) -> VectorIndex:
    """Open (or create) the configured vector index in `folder` for `dimension`-d vectors."""
    return vector_index_class(settings.vector_index).open(folder, dimension, settings)
