"""Ingest on Ray: read, extract and encode on a cluster; write the stores here, as local ingest does.

Ray Data runs two stages over the input files, in input order:

1. CPU tasks read each file and extract each paper's entities and named graph
   (`papergraph.ingest.prepare.prepare_task`, the local engine's own code), and mark which papers are fresh
   (content hash not stored yet), so unchanged papers are never encoded again;
2. an actor pool encodes the fresh papers' chunks: one actor per GPU when the cluster has GPUs,
   else `ray_encoders` CPU actors, each holding one model.

This process (the driver) writes each encoded paper through `Ingester.record`, the same commit
as `--engine local`: a paper is in every store or in none, re-ingest is idempotent, and a job
killed halfway resumes without duplicates (the journal's recovery plus the content-hash skip). The
stores stay single-writer, so the cluster only needs the inputs on a filesystem every node sees
(a shared folder, or an object store mounted at the same path).
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Self

import numpy as np

from papergraph.core.model import Paper
from papergraph.index.embed import Embedder
from papergraph.index.settings import IndexSettings
from papergraph.ingest.batching import Batch, encode_batch
from papergraph.ingest.errors import EngineUnavailable, InputError
from papergraph.ingest.extract.base import Extractor
from papergraph.ingest.pipeline import Ingester, IngestReport
from papergraph.ingest.prepare import Item, Prepared, prepare_task
from papergraph.ingest.readers.base import iter_inputs
from papergraph.ingest.settings import IngestSettings

Row = dict[str, Any]
Encoded = np.ndarray | BaseException | None

_extractors: dict[tuple[str, Path | None], Extractor] = {}  # per worker, built on first use


def _extractor(settings: IngestSettings) -> Extractor:
    key = (settings.extractor, settings.gazetteer)
    if key not in _extractors:
        from papergraph.ingest.extract.factory import create_extractor

        _extractors[key] = create_extractor(*key)
    return _extractors[key]


def prepare_rows(row: Row, settings: IngestSettings, stored: dict[str, str]) -> list[Row]:
    """One input file → one row per paper (or error), pickled, with whether to encode it."""
    items = prepare_task(Path(row["path"]), settings, _extractor(settings))
    return [{"item": pickle.dumps(item), "fresh": _is_fresh(item, stored)} for item in items]


def _is_fresh(item: Item, stored: dict[str, str]) -> bool:
    return isinstance(item, Prepared) and stored.get(item.paper.id) != item.paper.content_hash


class ChunkEncoder:
    """A Ray actor holding one encoder; turns a batch of paper rows into their vectors."""

    def __init__(self, settings: IndexSettings) -> None:
        self.embedder = Embedder(settings)

    def __call__(self, rows: dict[str, np.ndarray]) -> dict[str, list[Any]]:
        items = [pickle.loads(blob) for blob in rows["item"]]
        fresh = [item for item, new in zip(items, rows["fresh"], strict=True) if new]
        found = encode_batch(Batch(items=items, fresh=fresh), self.embedder.encode)
        encoded = [found.get(id(item)) for item in items]
        return {
            "item": list(rows["item"]),
            "vectors": [
                v.astype(np.float32).tobytes() if isinstance(v, np.ndarray) else b""
                for v in encoded
            ],
            "error": [repr(v) if isinstance(v, BaseException) else "" for v in encoded],
            "encoded": [isinstance(v, np.ndarray) for v in encoded],
        }


def _decode(row: Row, dimension: int) -> tuple[Item, Encoded]:
    item: Item = pickle.loads(row["item"])
    if row["error"]:
        return item, RuntimeError(f"encoder failed on the cluster: {row['error']}")
    if not row["encoded"]:
        return item, None
    return item, np.frombuffer(row["vectors"], dtype=np.float32).reshape(-1, dimension)


class RayIngester:
    """`Ingester.ingest` with reading, extraction and encoding on a Ray cluster."""

    def __init__(self, ingester: Ingester, index_settings: IndexSettings, dimension: int) -> None:
        self.ingester = ingester
        self.settings = ingester.settings
        self.index_settings = index_settings
        self.dimension = dimension

    def ingest(
        self, paths: Iterable[Path], on_item: Callable[[Paper | InputError], None] | None = None
    ) -> IngestReport:
        """Ingest files and folders; the same report as the local engine's."""
        report = IngestReport()
        files: list[str] = []
        for found in iter_inputs(paths, skipped=report.skipped):
            if isinstance(found, InputError):
                self._record(found, None, report, on_item)
            else:
                files.append(str(found))
        with connected(self.settings.ray_address):
            for item, encoded in self._run(files):
                self._record(item, encoded, report, on_item)
        self.ingester.save()
        return report

    def _record(
        self,
        item: Item,
        encoded: Encoded,
        report: IngestReport,
        on_item: Callable[[Paper | InputError], None] | None,
    ) -> None:
        self.ingester.record(item, encoded, report)
        if on_item is not None:
            on_item(item.paper if isinstance(item, Prepared) else item)

    def _run(self, files: list[str]) -> Iterator[tuple[Item, Encoded]]:
        if not files:
            return
        for row in self.dataset(files).iter_rows():
            yield _decode(row, self.dimension)

    def dataset(self, files: list[str]) -> Any:
        """The Ray Data pipeline over `files`: prepare in CPU tasks, encode in an actor pool."""
        import ray

        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True  # the local engine's order
        context.enable_progress_bars = False
        logging.getLogger("ray.data").setLevel(logging.ERROR)  # the CLI reports progress itself
        stored = {
            str(p["id"]): str(p["content_hash"])
            for p in self.ingester.stores.chunks.paper_profiles()
        }
        papers = ray.data.from_items([{"path": f} for f in files], override_num_blocks=len(files))
        prepared = papers.flat_map(
            prepare_rows,  # type: ignore[arg-type]  # Ray's stubs omit fn_args
            fn_args=(self.settings, stored),
        )
        gpus = int(ray.cluster_resources().get("GPU", 0))
        return prepared.map_batches(
            ChunkEncoder,
            fn_constructor_args=(self._encoder_settings(gpus),),
            batch_size=self.settings.ray_papers_per_batch,
            batch_format="numpy",
            compute=ray.data.ActorPoolStrategy(size=gpus or self.settings.ray_encoders),
            num_gpus=1 if gpus else 0,
        )

    def _encoder_settings(self, gpus: int) -> IndexSettings:
        return (
            self.index_settings.model_copy(update={"device": "cuda"})
            if gpus
            else self.index_settings
        )


class connected:
    """Joins the configured Ray cluster (or starts a one-run local instance), unless this
    process is already connected; leaves only what it started."""

    def __init__(self, address: str) -> None:
        self.address = address
        self.started = False

    def __enter__(self) -> Self:
        try:
            import ray
        except ImportError as error:
            raise EngineUnavailable(
                "--engine ray needs Ray: pip install 'papergraph[scale]'"
            ) from error
        if not ray.is_initialized():
            local: dict[str, Any] = {} if self.address else {"include_dashboard": False}
            try:
                ray.init(address=self.address or None, logging_level=logging.ERROR, **local)
            except ConnectionError as error:
                raise EngineUnavailable(
                    f"cannot reach the Ray cluster {self.address!r}: {error}"
                ) from error
            self.started = True
        return self

    def __exit__(self, *exc: object) -> None:
        if self.started:
            import ray

            ray.shutdown()
