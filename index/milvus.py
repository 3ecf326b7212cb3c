"""Milvus backend: chunk vectors in a Milvus server, or in a Milvus Lite file (no server to run).

One collection holds (id INT64 primary key, vector FLOAT_VECTOR) with an inner-product index of
the configured type. Milvus persists every write itself, so `save()` only flushes; replacing a
vector is an upsert. Reads have Session consistency: the writing process sees its own writes at
once, as under FAISS; another process (a server beside the ingester) within Milvus's graceful
time (~a second). Strong consistency would make every search wait for that time. Needs the `scale` extra (`pymilvus`, and `milvus-lite` for a local file).
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import numpy as np

from papergraph.index.base import Hit, VectorIndex
from papergraph.index.errors import DimensionMismatch, UnknownIndexBackend
from papergraph.index.settings import IndexSettings

LITE_FILENAME = "milvus.db"
ID, VECTOR = "id", "vector"
PAGE = 16_384  # rows per request when listing or reading vectors back


def _client(uri: str, token: str) -> Any:
    try:
        from pymilvus import MilvusClient
    except ImportError as error:
        raise UnknownIndexBackend(
            "the milvus vector index needs pymilvus: pip install 'papergraph[scale]'"
        ) from error
    return MilvusClient(uri=uri, token=token) if token else MilvusClient(uri=uri)


def _release_lite(path: Path) -> None:
    try:
        from milvus_lite.server_manager import server_manager_instance
    except ImportError:  # an older Milvus Lite runs a subprocess the client's close ends
        return
    server_manager_instance.release_server(str(path))


def index_parameters(settings: IndexSettings) -> tuple[dict[str, Any], dict[str, Any]]:
    """(build parameters, search parameters) of the configured index type."""
    kind = settings.milvus_index_type.upper()
    if kind == "HNSW":
        build = {"M": settings.hnsw_m, "efConstruction": settings.hnsw_ef_construction}
        return build, {"ef": settings.hnsw_ef_search}
    if kind.startswith("IVF"):
        build = {"nlist": 1024} | ({"m": 48, "nbits": 8} if kind == "IVF_PQ" else {})
        return build, {"nprobe": 32}
    if kind == "DISKANN":
        return {}, {"search_list": settings.hnsw_ef_search}
    return {}, {}


class MilvusIndex(VectorIndex):
    """A `VectorIndex` in one Milvus collection (`IndexSettings.milvus_*`)."""

    def __init__(self, folder: Path, dimension: int, settings: IndexSettings | None = None) -> None:
        super().__init__(folder, dimension, settings)
        self._lite = (self.folder / LITE_FILENAME).resolve()  # its server's key, however cwd moves
        uri = self.settings.milvus_uri or str(self._lite)
        self.collection = self.settings.milvus_collection
        self._lock = threading.Lock()  # writes one at a time (a replace reads, then writes)
        self._client = _client(uri, self.settings.milvus_token)
        self._build, self._search = index_parameters(self.settings)
        if self._client.has_collection(self.collection):
            self._check_dimension(uri)
        else:
            self._create()

    def _create(self) -> None:
        from pymilvus import DataType

        schema = self._client.create_schema(auto_id=False)
        schema.add_field(ID, DataType.INT64, is_primary=True)
        schema.add_field(VECTOR, DataType.FLOAT_VECTOR, dim=self.dimension)
        index = self._client.prepare_index_params()
        index.add_index(
            VECTOR,
            index_type=self.settings.milvus_index_type.upper(),
            metric_type="IP",
            params=self._build,
        )
        self._client.create_collection(
            self.collection, schema=schema, index_params=index, consistency_level="Session"
        )

    def _check_dimension(self, uri: str) -> None:
        fields = self._client.describe_collection(self.collection)["fields"]
        held = next(int(f["params"]["dim"]) for f in fields if f["name"] == VECTOR)
        if held != self.dimension:
            raise DimensionMismatch(
                f"Milvus collection {self.collection!r} at {uri} holds {held}-d vectors, "
                f"the encoder makes {self.dimension}-d"
            )

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        ids, vectors = self.as_additions(ids, vectors)
        rows = [{ID: int(i), VECTOR: v} for i, v in zip(ids, vectors, strict=True)]
        with self._lock:
            for start in range(0, len(rows), PAGE):
                self._client.upsert(self.collection, rows[start : start + PAGE])

    def remove(self, ids: np.ndarray) -> int:
        ids = self.as_ids(ids)
        if len(ids) == 0:
            return 0
        with self._lock:
            held = self._present(ids)
            if held:
                self._client.delete(self.collection, ids=held)
        return len(held)

    def _present(self, ids: np.ndarray) -> list[int]:
        found = self._client.get(self.collection, ids=[int(i) for i in ids], output_fields=[ID])
        return sorted({int(row[ID]) for row in found})

    def search_batch(self, vectors: np.ndarray, k: int) -> list[list[Hit]]:
        queries = self.as_vectors(vectors)
        if k <= 0 or len(queries) == 0:
            return [[] for _ in range(len(queries))]
        params = {"metric_type": "IP", "params": self._search_params(k)}
        found = self._client.search(  # the gRPC client is safe across threads
            self.collection,
            data=queries.tolist(),
            limit=k,
            anns_field=VECTOR,
            search_params=params,
            output_fields=[],
        )
        return [[(int(hit[ID]), float(hit["distance"])) for hit in row] for row in found]

    def _search_params(self, k: int) -> dict[str, Any]:
        """HNSW's candidate list must hold at least k."""
        if "ef" in self._search:
            return {"ef": max(int(self._search["ef"]), k)}
        return dict(self._search)

    def __len__(self) -> int:
        rows = self._client.query(self.collection, filter="", output_fields=["count(*)"])
        return int(rows[0]["count(*)"])

    def wait_for_index(self, timeout_s: float = 3600.0) -> None:
        """Block until Milvus has indexed every row (searches before that scan raw segments)."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            state = self._client.describe_index(self.collection, VECTOR)
            if int(state.get("pending_index_rows", 0)) == 0 and state.get("state") == "Finished":
                return
            time.sleep(1)

    def ids(self) -> np.ndarray:
        with self._lock:
            pages = self._client.query_iterator(
                self.collection, batch_size=PAGE, filter=f"{ID} >= 0", output_fields=[ID]
            )
            held: list[int] = []
            while batch := pages.next():
                held.extend(int(row[ID]) for row in batch)
            pages.close()
        return np.asarray(sorted(held), dtype=np.int64)

    def reconstruct(self, ids: np.ndarray | list[int]) -> np.ndarray:
        """Stored vectors by id, in the order asked; an absent id raises KeyError."""
        ids = self.as_ids(ids)
        found: dict[int, list[float]] = {}
        with self._lock:
            for start in range(0, len(ids), PAGE):
                page = [int(i) for i in ids[start : start + PAGE]]
                rows = self._client.get(self.collection, ids=page, output_fields=[VECTOR])
                found.update((int(row[ID]), row[VECTOR]) for row in rows)
        missing = [int(i) for i in ids if int(i) not in found]
        if missing:
            raise KeyError(f"vector ids not in the index: {missing[:10]}")
        rows = [found[int(i)] for i in ids]
        return np.asarray(rows, dtype=np.float32).reshape(len(ids), self.dimension)

    def save(self) -> None:
        """Milvus has written everything already; a flush seals it into persistent segments."""
        with self._lock:
            self._client.flush(self.collection)

    def close(self) -> None:
        """Closes the client; a Milvus Lite file's in-process server stops too, so its files are
        whole and its folder can be removed once this returns (it starts again on next open).
        One index per Lite file in a process: the server is the file's, not this index's."""
        with self._lock:
            self._client.close()
            if not self.settings.milvus_uri:
                _release_lite(self._lite)
