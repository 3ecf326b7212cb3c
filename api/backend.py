"""The assembled backend: every store opened from one Settings object, shared by CLI and API."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar, cast

from papergraph.api import similar
from papergraph.api.config import Settings
from papergraph.api.related import function as related_function
from papergraph.api.related.corpus import CorpusCache
from papergraph.api.related.facets import SentenceCache
from papergraph.api.related.rank import Recommender
from papergraph.api.search import Searcher
from papergraph.index.chunk_vectors import PaperChunkVectors
from papergraph.index.embed import Embedder
from papergraph.index.factory import create_vector_index
from papergraph.index.hybrid import HybridRetriever
from papergraph.index.keyword import KeywordIndex
from papergraph.index.paper_vectors import FILENAME as PAPER_VECTORS_FILE
from papergraph.index.paper_vectors import PaperVectors
from papergraph.index.store import ChunkStore
from papergraph.ingest.extract.factory import create_extractor
from papergraph.ingest.journal import Journal
from papergraph.ingest.locks import SnapshotLock, WriterBusy, WriterLock
from papergraph.ingest.pipeline import Ingester, Stores
from papergraph.ingest.recovery import RecoveryReport
from papergraph.kg.query_entities import EntityLexicon
from papergraph.kg.store import KnowledgeGraph

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass
class Backend:
    """The open stores plus the encoder; `open()` builds it, `close()` releases it.

    Any number of processes may read a data folder; one at a time may write to it. The first
    call to `ingester()` takes the folder's writer lock and recovers what an interrupted writer
    left; `snapshot` keeps this process's readers from seeing half-written papers, and
    `writing` lets one thread at a time write.
    """

    settings: Settings
    stores: Stores
    embedder: Embedder
    snapshot: SnapshotLock = field(default_factory=SnapshotLock)
    writing: threading.Lock = field(default_factory=threading.Lock)
    recovery: RecoveryReport | None = None
    _writer_lock: WriterLock | None = None
    _views: dict[str, tuple[int, Any]] = field(default_factory=dict, repr=False)
    _view_locks: dict[str, threading.Lock] = field(default_factory=dict, repr=False)
    _ingester: Ingester | None = None

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
        return cls(settings=settings, stores=stores, embedder=embedder)

    def install_sparql_functions(self) -> None:
        """Make `pg:similar` and `pg:related` callable in this graph's SPARQL queries; the app
        and the CLI call it where they are built."""
        graph, chunks = self.stores.graph, self.stores.chunks
        similar.install(graph, self.embedder, chunks, self.chunk_vectors)
        related_function.install(graph, self.recommender)

    def while_unchanged(self, name: str, load: Callable[[], T]) -> T:
        """`load()`'s answer, reused until a paper is written or removed (by any process).
        Requests that find it missing at once wait for one load instead of each loading."""
        version = self.stores.chunks.version()
        cached = self._views.get(name)
        if cached is not None and cached[0] == version:
            return cast(T, cached[1])
        with self._view_locks.setdefault(name, threading.Lock()):
            cached = self._views.get(name)
            if cached is not None and cached[0] == version:
                return cast(T, cached[1])
            value = load()
            self._views[name] = (version, value)
            return value

    @cached_property
    def chunk_vectors(self) -> PaperChunkVectors:
        """Per-paper chunk vectors, for graph-filtered ranking and `pg:similar`."""
        return PaperChunkVectors(self.stores.chunks, self.stores.vectors)

    @cached_property
    def paper_vectors(self) -> PaperVectors:
        """Paper-level vectors for recommendation, cached in the data folder."""
        path = Path(self.settings.data_dir) / PAPER_VECTORS_FILE
        return PaperVectors(path, self.stores.chunks, self.stores.vectors, self.embedder)

    @cached_property
    def recommender(self) -> Recommender:
        """Related papers: the snapshot they read (reused while no paper changes), papers'
        sentences (for facets) and the weights."""
        corpus = CorpusCache(self.stores.chunks, self.stores.graph, self.paper_vectors)
        sentences = SentenceCache(self.embedder)
        return Recommender(self.stores.chunks, corpus, sentences, self.settings.related)

    @cached_property
    def searcher(self) -> Searcher:
        """Search over this folder's indexes, filtered and lifted by its graph."""
        stores, settings = self.stores, self.settings.index
        retriever = HybridRetriever(
            stores.chunks,
            stores.vectors,
            stores.keywords,
            self.chunk_vectors,
            self.embedder.encode_query,
            settings,
        )
        return Searcher(stores.chunks, stores.graph, self.entity_lexicon, retriever, settings)

    def entity_lexicon(self) -> EntityLexicon:
        """The graph's entity names, reloaded when a paper is written or removed."""
        return self.while_unchanged("entity-lexicon", lambda: EntityLexicon.load(self.stores.graph))

    def ingester(self) -> Ingester:
        """The writer of this data folder: takes the writer lock (or raises WriterBusy) and
        runs the crash recovery the first time."""
        if self._ingester is None:
            lock = WriterLock(Path(self.settings.data_dir))
            lock.acquire()
            extractor = create_extractor(
                self.settings.ingest.extractor, self.settings.ingest.gazetteer
            )
            ingester = Ingester(
                self.settings.ingest,
                self.stores,
                self.embedder,
                extractor,
                journal=Journal(self.stores.chunks),
                snapshot=self.snapshot,
            )
            try:
                self.recovery = ingester.recover()
            except BaseException:
                lock.release()
                raise
            self._writer_lock, self._ingester = lock, ingester
        return self._ingester

    def claim_writer(self) -> bool:
        """For a server that takes writes (an API key is set): take the writer lock and recover
        now, so reads are consistent from the first request. False when another process holds
        the lock; writes then answer 409 until it lets go."""
        if not self.settings.api.api_key:
            return False
        try:
            self.ingester()
        except WriterBusy as error:
            log.warning("serving read-only for now: %s", error.message)
            return False
        return True

    def health(self) -> dict[str, int | str]:
        """Liveness and counts; the triple count (a scan of the whole graph, ~1 s at 3M triples)
        is counted again only after a write."""
        return {
            "status": "ok",
            "papers": self.stores.chunks.count_papers(),
            "chunks": self.stores.chunks.count_chunks(),
            "triples": self.while_unchanged("triples", self.stores.graph.count_triples),
        }

    def close(self) -> None:
        """Save the vector index (only a writer may), release the writer lock, close stores."""
        if self._ingester is not None:
            self._ingester.save()
        self.stores.keywords.close()
        self.stores.graph.close()
        self.stores.chunks.close()
        if self._writer_lock is not None:
            self._writer_lock.release()
            self._writer_lock, self._ingester = None, None
