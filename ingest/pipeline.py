"""The ingest pipeline: files → papers → entities → graph, vectors, keywords and chunk store.

A paper is written to every store or to none, and the batch reports why it was not; a bad file
never stops the batch. Re-ingesting an unchanged paper (same id, same content hash) writes
nothing; a changed one replaces the old version.

Atomicity across four stores that share no transaction: the chunk store (SQLite) is the source
of truth and holds a write journal (`papergraph.ingest.journal`). A paper's rows, its embeddings and its
journal mark commit in one SQLite transaction; then the vector index, the keyword index (one
tantivy commit) and the graph (one SPARQL update) are written; then the mark is cleared. A crash
anywhere leaves either no trace or a mark, and the next writer's recovery (`papergraph.ingest.recovery`)
drops marked papers everywhere and re-derives whatever an index lacks from SQLite. The vector
index is saved to disk every `checkpoint_every` papers and at the end of a batch; what a crash
loses of it is rebuilt from the embeddings kept in SQLite.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from rdflib import Graph

from papergraph.core.errors import PapergraphError
from papergraph.core.model import Paper
from papergraph.index.embed import Embedder
from papergraph.ingest.batching import Vectors, batches, encoded_in_background, failure
from papergraph.ingest.citations import CitationResolver, citation_ntriples
from papergraph.ingest.citing import attach_contexts
from papergraph.ingest.errors import InputError
from papergraph.ingest.extract.base import Extractor
from papergraph.ingest.journal import Journal
from papergraph.ingest.locks import SnapshotLock
from papergraph.ingest.prepare import Item, Prepared, Preparer
from papergraph.ingest.readers.base import Skipped, read_inputs
from papergraph.ingest.recovery import RecoveryReport, drop_paper, recover, stored_reference
from papergraph.ingest.settings import IngestSettings
from papergraph.ingest.stores import Stores
from papergraph.kg.mapping import citation_graph, paper_graph

__all__ = ["IngestReport", "Ingester", "Stores"]


@dataclass
class IngestReport:
    """What a batch did: papers written, papers already present, inputs that failed, and files
    in folders that were not read.

    `ingested` holds every paper written; `replaced` the ones among them whose id was already
    stored (before the batch, or by an earlier input of the same batch), so the papers the batch
    added are `new`.
    """

    ingested: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[InputError] = field(default_factory=list)
    chunks: int = 0
    replaced: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def new(self) -> int:
        return len(self.ingested) - len(self.replaced)

    @property
    def ok(self) -> bool:
        return not self.failed


class Ingester:
    """Reads inputs and writes each paper to every store."""

    def __init__(
        self,
        settings: IngestSettings,
        stores: Stores,
        embedder: Embedder,
        extractor: Extractor,
        *,
        journal: Journal | None = None,
        snapshot: SnapshotLock | None = None,
    ) -> None:
        self.settings = settings
        self.stores = stores
        self.embedder = embedder
        self.extractor = extractor
        self.journal = journal or Journal(stores.chunks)
        self.snapshot = snapshot or SnapshotLock()
        self.citations = CitationResolver(stores.chunks, settings.citation_title_match)
        self._unsaved = 0  # papers written since the vector index was last saved

    def read(self, paths: Iterable[Path]) -> Iterator[Paper | InputError]:
        """Every paper (or per-input error) the given files and folders hold."""
        return read_inputs(paths, self.settings)

    def ingest(
        self, paths: Iterable[Path], on_item: Callable[[Paper | InputError], None] | None = None
    ) -> IngestReport:
        """Ingest files and folders; the report names every input that failed and why, and
        every file in a folder that was skipped."""
        report = IngestReport()
        items = self._preparer().from_paths(paths, skipped=report.skipped)
        return self._ingest_prepared(items, on_item, report)

    def ingest_items(
        self,
        items: Iterable[Paper | InputError],
        on_item: Callable[[Paper | InputError], None] | None = None,
    ) -> IngestReport:
        """Ingest papers already read (errors among them are reported as they are)."""
        return self._ingest_prepared(self._preparer().from_items(items), on_item)

    def _preparer(self) -> Preparer:
        return Preparer(self.settings, self.extractor)

    def _ingest_prepared(
        self,
        items: Iterable[Item],
        on_item: Callable[[Paper | InputError], None] | None,
        report: IngestReport | None = None,
    ) -> IngestReport:
        """Papers encoded in batches across papers (`papergraph.ingest.batching`), each written as
        `ingest_paper` writes it, while the next batch encodes."""
        report = report or IngestReport()
        batched = batches(items, self.settings.encode_batch_chunks, self._is_fresh)
        for batch, vectors in encoded_in_background(batched, self.embedder.encode):
            for item in batch.items:
                self._report(item, vectors, report)
                if on_item is not None:
                    on_item(item.paper if isinstance(item, Prepared) else item)
        self.save()
        return report

    def _is_fresh(self, prepared: Prepared) -> bool:
        paper = prepared.paper
        return self.stores.chunks.paper_hash(paper.id) != paper.content_hash

    def record(
        self, item: Item, encoded: np.ndarray | BaseException | None, report: IngestReport
    ) -> None:
        """Write one item encoded elsewhere (`papergraph.ingest.ray_engine`) and count it in `report`:
        vectors are written, an exception is reported, None means not fresh (unchanged)."""
        self._report(item, {} if encoded is None else {id(item): encoded}, report)

    def _report(self, item: Item, vectors: Vectors, report: IngestReport) -> None:
        if isinstance(item, InputError):
            report.failed.append(item)
            return
        encoded = vectors.get(id(item))
        if isinstance(encoded, BaseException):
            report.failed.append(failure(item, encoded))
            return
        stored = self.stores.chunks.paper_hash(item.paper.id) is not None
        try:
            changed = encoded is not None and self._commit(item, encoded)
        except PapergraphError as error:
            report.failed.append(InputError(item.paper.source or item.paper.id, error.message))
            return
        except Exception as error:  # a store bug must not end the batch
            report.failed.append(failure(item, error))
            return
        (report.ingested if changed else report.unchanged).append(item.paper.id)
        if changed and stored:
            report.replaced.append(item.paper.id)
        report.chunks += len(item.paper.chunks) if changed else 0

    def ingest_paper(self, paper: Paper) -> bool:
        """Write one paper everywhere; False when the same content is already there.

        Extraction and encoding run first, outside the snapshot lock; readers wait only while
        the stores are written.
        """
        if not paper.chunks:
            raise InputError(paper.source or paper.id, "no text to index")
        if self.stores.chunks.paper_hash(paper.id) == paper.content_hash:
            return False
        attach_contexts(paper)
        prepared = Prepared(paper, self.extractor.extract(paper))
        return self._commit(prepared, self.embedder.encode([c.text for c in paper.chunks]))

    def _commit(self, prepared: Prepared, vectors: np.ndarray) -> bool:
        """Write a prepared, encoded paper under the snapshot lock; False when its content is
        already stored (an earlier paper of the same batch may have been the same)."""
        paper = prepared.paper
        if self.stores.chunks.paper_hash(paper.id) == paper.content_hash:
            return False
        graph = prepared.ntriples or paper_graph(paper, prepared.extraction)
        with self.snapshot.write():
            try:
                self.citations.resolve(paper)
                graph = _with_triples(graph, citation_ntriples(paper, paper.references))
                self._write(paper, vectors, graph)
                self._link_incoming(paper)
            except BaseException:
                self._undo(paper.id)
                raise
        self._written()
        return True

    def _write(self, paper: Paper, vectors: np.ndarray, graph: Graph | str) -> None:
        """The commit protocol of the module docstring, for one paper."""
        chunks = self.stores.chunks
        with chunks.transaction():
            self.journal.begin(paper.id, "ingest")
            old = chunks.paper_rowids(paper.id)
            rowids = chunks.upsert_paper(paper)
            chunks.put_vectors(rowids, vectors)
        if old:
            self.stores.vectors.remove(np.asarray(old, dtype=np.int64))
        self.stores.vectors.add(np.asarray(rowids, dtype=np.int64), vectors)
        texts = (chunk.text for chunk in paper.chunks)
        self.stores.keywords.replace_paper(paper.id, zip(rowids, texts, strict=True))
        self.stores.graph.replace_paper(paper.id, graph)
        self.journal.finish(paper.id)

    def _link_incoming(self, paper: Paper) -> None:
        """References already stored that name this paper now resolve to it (SQLite, then each
        citing paper's graph gains the cito:cites)."""
        links = self.citations.incoming(paper)
        if not links:
            return
        self.stores.chunks.set_cited((link.citing_id, link.seq, link.cited_id) for link in links)
        for link in links:
            row = self.stores.chunks.reference(link.citing_id, link.seq)
            if row is None:
                continue
            reference = stored_reference(row)
            text = self.stores.chunks.chunk_text(reference.context_chunk_id or "")
            ntriples = citation_graph(link.citing_id, link.cited_id, reference, text)
            self.stores.graph.add_to_paper(link.citing_id, ntriples.serialize(format="nt"))

    def _undo(self, paper_id: str) -> None:
        """After a failed write, drop the paper everywhere; if that fails too, its journal mark
        stays and the next start's recovery drops it."""
        try:
            drop_paper(self.stores, self.journal, paper_id)
        except Exception:  # noqa: BLE001 - the original error is the one to report
            pass

    def _written(self) -> None:
        self._unsaved += 1
        if self._unsaved >= self.settings.checkpoint_every:
            self.save()

    def save(self) -> None:
        """Persist the vector index (the other stores commit as they go)."""
        self.stores.vectors.save()
        self._unsaved = 0

    def remove(self, paper_id: str) -> bool:
        """Remove a paper from every store; False when it was not there."""
        with self.snapshot.write():
            in_graph = self.stores.graph.has_paper(paper_id)
            existed = drop_paper(self.stores, self.journal, paper_id) or in_graph
        self.save()
        return existed

    def recover(self) -> RecoveryReport:
        """Repair what an interrupted writer left (see `papergraph.ingest.recovery`); the caller must hold
        the data folder's `WriterLock`."""
        with self.snapshot.write():
            return recover(self.stores, self.journal, self.embedder.encode, self.extractor)


def _with_triples(graph: Graph | str, ntriples: str) -> Graph | str:
    """The paper's graph (or its N-Triples) with these N-Triples added."""
    if not ntriples:
        return graph
    if isinstance(graph, str):
        return f"{graph}\n{ntriples}"
    return graph + Graph().parse(data=ntriples, format="nt")
