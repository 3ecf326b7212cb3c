"""The vector index interface: int64 ids ↔ unit vectors, nearest by inner product.

Ids are the chunk rowids of the `ChunkStore`, so a hit maps back to its chunk with one lookup.
Backends persist to a folder they own; `open` creates the folder when it is absent.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path
from typing import Self

import numpy as np

from papergraph.index.errors import DimensionMismatch
from papergraph.index.settings import IndexSettings

Hit = tuple[int, float]  # (id, score); higher score is nearer


class VectorIndex(ABC):
    """A persistent set of (id, vector) pairs searched by inner product (cosine on unit vectors)."""

    def __init__(self, folder: Path, dimension: int, settings: IndexSettings | None = None) -> None:
        self.folder = Path(folder)
        self.dimension = dimension
        self.settings = settings or IndexSettings()

    @classmethod
    def open(
        cls, folder: str | Path, dimension: int, settings: IndexSettings | None = None
    ) -> Self:
        """Open the index saved in `folder`, or a new empty one (creating the folder)."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        return cls(folder, dimension, settings)

    @abstractmethod
    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        """Add vectors under int64 `ids`; an id already present has its vector replaced."""

    @abstractmethod
    def remove(self, ids: np.ndarray) -> int:
        """Remove `ids` (absent ones are ignored); return how many were removed."""

    @abstractmethod
    def search_batch(self, vectors: np.ndarray, k: int) -> list[list[Hit]]:
        """The `k` nearest ids of each query row, best first; fewer when the index is small."""

    @abstractmethod
    def __len__(self) -> int: ...

    @abstractmethod
    def save(self) -> None:
        """Persist to the folder so that `open` finds exactly this content."""

    def ids(self) -> np.ndarray:
        """Every id the index holds (int64), so the crash recovery can compare it with the chunk store.

        Backends that cannot list their ids cannot be reconciled after a crash; they are rebuilt.
        """
        raise NotImplementedError(f"{type(self).__name__} cannot list its ids")

    def reconstruct(self, ids: np.ndarray | list[int]) -> np.ndarray | None:
        """The stored vectors of `ids` as an (n, dimension) array, or None when the backend
        cannot give vectors back (callers then re-encode; `pg:similar` and graph-filtered ranking
        need them); an unknown id raises KeyError."""
        return None

    def search(self, vector: np.ndarray, k: int) -> list[Hit]:
        """The `k` nearest ids of one query vector, best first."""
        return self.search_batch(self.as_vectors(vector), k)[0]

    def as_vectors(self, vectors: np.ndarray) -> np.ndarray:
        """`vectors` as a C-contiguous float32 (n, dimension) array, or DimensionMismatch."""
        array = np.ascontiguousarray(vectors, dtype=np.float32)
        if array.ndim == 1:
            array = array.reshape(1, -1)
        if array.ndim != 2 or array.shape[1] != self.dimension:
            raise DimensionMismatch(
                f"vectors of shape {np.shape(vectors)} given to an index of dimension "
                f"{self.dimension}"
            )
        return array

    @staticmethod
    def as_ids(ids: np.ndarray | list[int]) -> np.ndarray:
        """`ids` as a flat int64 array."""
        return np.ascontiguousarray(ids, dtype=np.int64).reshape(-1)

    def as_additions(self, ids: np.ndarray, vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """What `add` takes, checked alike by every backend: one distinct id per vector."""
        ids, vectors = self.as_ids(ids), self.as_vectors(vectors)
        if len(ids) != len(vectors):
            raise ValueError(f"{len(ids)} ids for {len(vectors)} vectors")
        if len(np.unique(ids)) != len(ids):
            raise ValueError("ids given to add() repeat")
        return ids, vectors
