"""The ingest pipeline: files → papers → entities → graph, vectors, keywords and chunk store.

A paper is written to every store or the batch reports why it was not; a bad file never stops
the batch. Re-ingesting an unchanged paper (same id, same content hash) writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from index.base import VectorIndex
from index.embed import Embedder
from index.keyword import KeywordIndex
from index.store import ChunkStore
from ingest.errors import InputError, PapergraphError
from ingest.extract.base import Extractor
from ingest.model import Paper
from ingest.readers.base import iter_inputs, reader_for
from ingest.settings import IngestSettings
from kg.mapping import paper_graph
from kg.store import KnowledgeGraph


@dataclass
class IngestReport:
    """What a batch did: papers written, papers already present, and inputs that failed."""

    ingested: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[InputError] = field(default_factory=list)
    chunks: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass
class Stores:
    """Everything a paper is written to."""

    chunks: ChunkStore
    vectors: VectorIndex
    keywords: KeywordIndex
    graph: KnowledgeGraph


class Ingester:
    """Reads inputs and writes each paper to every store."""

    def __init__(
        self,
        settings: IngestSettings,
        stores: Stores,
        embedder: Embedder,
        extractor: Extractor,
    ) -> None:
        self.settings = settings
        self.stores = stores
        self.embedder = embedder
        self.extractor = extractor

    def read(self, paths: Iterable[Path]) -> Iterator[Paper | InputError]:
        """Every paper (or per-input error) the given files and folders hold."""
        for item in iter_inputs(paths):
            if isinstance(item, InputError):
                yield item
                continue
            reader = reader_for(item)
            if reader is None:
                yield InputError(str(item), "unsupported file type")
                continue
            yield from self._read_file(item, reader)

    def _read_file(self, path: Path, reader: object) -> Iterator[Paper | InputError]:
        try:
            yield from reader.read(path, self.settings)  # type: ignore[attr-defined]
        except PapergraphError as error:
            yield InputError(str(path), error.message)
        except Exception as error:  # a reader bug must not end the batch
            yield InputError(str(path), f"unreadable: {type(error).__name__}: {error}")

    def ingest(
        self, paths: Iterable[Path], on_item: Callable[[Paper | InputError], None] | None = None
    ) -> IngestReport:
        """Ingest files and folders; the report names every input that failed and why."""
        report = IngestReport()
        for item in self.read(paths):
            if isinstance(item, InputError):
                report.failed.append(item)
            else:
                self._ingest_reported(item, report)
            if on_item is not None:
                on_item(item)
        self.stores.vectors.save()
        return report

    def _ingest_reported(self, paper: Paper, report: IngestReport) -> None:
        try:
            changed = self.ingest_paper(paper)
        except PapergraphError as error:
            report.failed.append(InputError(paper.source or paper.id, error.message))
            return
        (report.ingested if changed else report.unchanged).append(paper.id)
        report.chunks += len(paper.chunks) if changed else 0

    def ingest_paper(self, paper: Paper) -> bool:
        """Write one paper everywhere; False when the same content is already there."""
        if not paper.chunks:
            raise InputError(paper.source or paper.id, "no text to index")
        if self.stores.chunks.paper_hash(paper.id) == paper.content_hash:
            return False
        extraction = self.extractor.extract(paper)
        vectors = self.embedder.encode([chunk.text for chunk in paper.chunks])
        self._remove_from_indexes(paper.id)
        rowids = self.stores.chunks.upsert_paper(paper)
        ids = np.asarray(rowids, dtype=np.int64)
        self.stores.vectors.add(ids, vectors)
        self.stores.keywords.add(
            (rowid, paper.id, chunk.text) for rowid, chunk in zip(rowids, paper.chunks)
        )
        self.stores.graph.replace_paper(paper.id, paper_graph(paper, extraction))
        return True

    def _remove_from_indexes(self, paper_id: str) -> None:
        old = [chunk["rowid"] for chunk in self.stores.chunks.paper_chunks(paper_id)]
        if old:
            self.stores.vectors.remove(np.asarray(old, dtype=np.int64))
        self.stores.keywords.remove_paper(paper_id)

    def remove(self, paper_id: str) -> bool:
        """Remove a paper from every store; False when it was not there."""
        rowids = self.stores.chunks.remove_paper(paper_id)
        if rowids:
            self.stores.vectors.remove(np.asarray(rowids, dtype=np.int64))
            self.stores.vectors.save()
        self.stores.keywords.remove_paper(paper_id)
        existed = self.stores.graph.has_paper(paper_id) or bool(rowids)
        self.stores.graph.remove_paper(paper_id)
        return existed
