"""Paper-level vectors: one unit vector per paper, cached on disk, refreshed when papers change.

A paper's vector is its title and abstract encoded together. A paper without an abstract gets
the mean of its chunk vectors, read back from the vector index (or, where the backend cannot
give vectors back, its first chunks encoded again). Each vector is stored with a fingerprint of
what produced it (the paper's content hash, or its title and abstract), so a new or re-ingested
paper is encoded, a removed one dropped, and every other vector reused: across requests in
memory and across processes in `<data_dir>/paper_vectors.npz`.
"""

from __future__ import annotations

import hashlib
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from papergraph.index.base import VectorIndex
from papergraph.index.embed import Embedder
from papergraph.index.store import ChunkStore

FILENAME = "paper_vectors.npz"
FALLBACK_CHUNKS = 4  # chunks encoded for a paper without abstract when vectors cannot be read back


@dataclass(frozen=True)
class PaperMatrix:
    """Paper ids and their unit vectors, row i for `ids[i]`."""

    ids: tuple[str, ...]
    vectors: np.ndarray
    fingerprints: tuple[str, ...] = ()
    position: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "position", {pid: row for row, pid in enumerate(self.ids)})

    def vector(self, paper_id: str) -> np.ndarray | None:
        row = self.position.get(paper_id)
        return None if row is None else self.vectors[row]

    def cosines(self, query: np.ndarray) -> np.ndarray:
        """Cosine of `query` (a unit vector) with every paper, in the order of `ids`."""
        if not self.ids:
            return np.zeros(0, dtype=np.float32)
        return self.vectors @ np.asarray(query, dtype=np.float32)


def fingerprint(profile: dict[str, Any]) -> str:
    """What a paper's vector depends on: its content hash, else its title and abstract."""
    if profile.get("content_hash"):
        return str(profile["content_hash"])
    text = f"{profile.get('title') or ''}\n{profile.get('abstract') or ''}"
    return hashlib.sha256(text.encode()).hexdigest()


def profile_text(profile: dict[str, Any]) -> str:
    """The text a paper with an abstract is encoded from: title, then abstract."""
    return f"{profile.get('title') or ''}. {profile['abstract']}".strip()


class PaperVectors:
    """The paper-level vectors of every paper in a chunk store, kept up to date lazily."""

    def __init__(
        self, path: Path, chunks: ChunkStore, vectors: VectorIndex, embedder: Embedder
    ) -> None:
        self.path = Path(path)
        self._chunks = chunks
        self._vectors = vectors
        self._embedder = embedder
        self._lock = threading.Lock()
        self._matrix: PaperMatrix | None = None

    def matrix(self) -> PaperMatrix:
        """Vectors of the papers stored now; encodes only papers new or changed since last time."""
        profiles = self._chunks.paper_profiles()
        ids = tuple(str(profile["id"]) for profile in profiles)
        wanted = tuple(fingerprint(profile) for profile in profiles)
        with self._lock:
            cached = self._matrix or self._load()
            if cached is not None and (cached.ids, cached.fingerprints) == (ids, wanted):
                self._matrix = cached
                return cached
            self._matrix = self._rebuild(profiles, wanted, cached)
            self._save(self._matrix)
            return self._matrix

    def _rebuild(
        self, profiles: list[dict[str, Any]], wanted: tuple[str, ...], cached: PaperMatrix | None
    ) -> PaperMatrix:
        reusable: dict[tuple[str, str], np.ndarray] = {}
        if cached is not None:
            reusable = {
                (pid, fp): cached.vectors[row]
                for row, (pid, fp) in enumerate(zip(cached.ids, cached.fingerprints, strict=True))
            }
        rows = np.zeros((len(profiles), self._embedder.dimension), dtype=np.float32)
        to_encode: list[tuple[int, str]] = []
        for row, (profile, fp) in enumerate(zip(profiles, wanted, strict=True)):
            known = reusable.get((profile["id"], fp))
            if known is not None:
                rows[row] = known
            elif profile.get("abstract"):
                to_encode.append((row, profile_text(profile)))
            else:
                rows[row] = self._pooled_chunks(str(profile["id"]), str(profile["title"] or ""))
        if to_encode:
            rows[[row for row, _ in to_encode]] = self._embedder.encode([t for _, t in to_encode])
        ids = tuple(str(profile["id"]) for profile in profiles)
        return PaperMatrix(ids=ids, vectors=rows, fingerprints=wanted)

    def _pooled_chunks(self, paper_id: str, title: str) -> np.ndarray:
        """The normalised mean of the paper's chunk vectors (its title alone if it has none)."""
        rowids = self._chunks.paper_rowids(paper_id)
        stored: np.ndarray | None = None
        if rowids:
            try:
                stored = self._vectors.reconstruct(np.asarray(rowids, dtype=np.int64))
            except KeyError:
                stored = None
        if stored is None or len(stored) == 0:
            texts = [chunk["text"] for chunk in self._chunks.paper_chunks(paper_id)]
            stored = self._embedder.encode(texts[:FALLBACK_CHUNKS] or [title])
        mean = stored.mean(axis=0)
        norm = float(np.linalg.norm(mean))
        return mean / norm if norm > 0 else mean

    # -- the cache file -------------------------------------------------------------------

    def _load(self) -> PaperMatrix | None:
        """The saved matrix, or None when absent, unreadable or made by another model."""
        if not self.path.exists():
            return None
        try:
            with np.load(self.path, allow_pickle=False) as saved:
                if str(saved["model"]) != self._embedder.settings.model_name:
                    return None
                return PaperMatrix(
                    ids=tuple(str(pid) for pid in saved["ids"]),
                    vectors=np.asarray(saved["vectors"], dtype=np.float32),
                    fingerprints=tuple(str(fp) for fp in saved["fingerprints"]),
                )
        except (OSError, KeyError, ValueError):
            return None  # a damaged cache is rebuilt, never trusted

    def _save(self, matrix: PaperMatrix) -> None:
        """Write atomically: a temporary file beside the cache, renamed over it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.stem}.{os.getpid()}.tmp.npz")
        try:
            np.savez(
                temporary,
                ids=np.asarray(matrix.ids, dtype=str),
                fingerprints=np.asarray(matrix.fingerprints, dtype=str),
                vectors=matrix.vectors,
                model=np.asarray(self._embedder.settings.model_name),
            )
            os.replace(temporary, self.path)
        finally:
            temporary.unlink(missing_ok=True)
