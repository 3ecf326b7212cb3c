"""The assembled backend: every store opened from one Settings object, shared by CLI and API."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from api import similar
from api.config import Settings
from index.embed import Embedder
from index.factory import create_vector_index
from index.keyword import KeywordIndex
from index.paper_vectors import PaperVectors
from index.store import ChunkStore
from ingest.extract.factory import create_extractor
from ingest.pipeline import Ingester, Stores
from kg.store import KnowledgeGraph


@dataclass
class Backend:
    """The open stores plus the encoder; `open()` builds it, `close()` releases it."""

    settings: Settings
    stores: Stores
    embedder: Embedder

    @classmethod
    def open(cls, settings: Settings, embedder: Embedder | None = None) -> Backend:
        """Open every store under `settings.data_dir`; pass `embedder` to share a loaded model."""
        data_dir = Path(settings.data_dir)
        data_dir.mkdir(parents=True, exist_ok=True)
        embedder = embedder or Embedder(settings.index)
        stores = Stores(
            chunks=ChunkStore(data_dir / "papers.sqlite"),
            vectors=create_vector_index(settings.index, data_dir / "vectors", embedder.dimension),
            keywords=KeywordIndex(data_dir / "keywords"),
            graph=KnowledgeGraph(settings.graph, data_dir),
        )
        backend = cls(settings=settings, stores=stores, embedder=embedder)
        similar.install(backend)  # pg:similar in SPARQL
        return backend

    @cached_property
    def paper_vectors(self) -> PaperVectors:
        """Per-paper chunk vectors, for graph-filtered ranking and `pg:similar`."""
        return PaperVectors(self.stores.chunks, self.stores.vectors)

    def ingester(self) -> Ingester:
        extractor = create_extractor(self.settings.ingest.extractor)
        return Ingester(self.settings.ingest, self.stores, self.embedder, extractor)

    def health(self) -> dict[str, int | str]:
        return {
            "status": "ok",
            "papers": self.stores.chunks.count_papers(),
            "chunks": self.stores.chunks.count_chunks(),
            "triples": self.stores.graph.count_triples(),
        }

    def close(self) -> None:
        self.stores.vectors.save()
        self.stores.graph.close()
