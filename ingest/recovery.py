"""Repair after a crash: make the graph, the vector index and the keyword index agree with the
chunk store, which is the source of truth.

Run by the writer when it starts (it holds the data folder's `WriterLock`, so no other process
is mid-write). Three steps, each idempotent, so a crash during the recovery is recovered next time:

1. Papers the journal marks as part-way written or removed are dropped from every store.
2. The graph: a paper graph whose paper is not in the chunk store is dropped; a stored paper
   without a graph gets it rebuilt from its stored chunks.
3. The vector and keyword indexes: ids the chunk store does not hold are removed; chunks they
   lack are added back, vectors from the embeddings kept in SQLite (re-encoded only for chunks
   stored without one) and keyword rows from the stored text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from papergraph.core.model import Chunk, ChunkKind, Paper, Reference
from papergraph.index.store import ChunkStore
from papergraph.ingest.extract.base import Extractor
from papergraph.ingest.journal import Journal
from papergraph.ingest.stores import Stores
from papergraph.kg.mapping import paper_graph

log = logging.getLogger(__name__)

Encode = Callable[[Sequence[str]], np.ndarray]
BATCH = 512


@dataclass
class RecoveryReport:
    """What the recovery changed; all empty and zero when the stores already agreed."""

    dropped: list[str] = field(default_factory=list)
    graphs_removed: list[str] = field(default_factory=list)
    graphs_rebuilt: list[str] = field(default_factory=list)
    vectors_added: int = 0
    vectors_removed: int = 0
    vectors_encoded: int = 0
    keywords_added: int = 0
    keywords_removed: int = 0

    @property
    def clean(self) -> bool:
        return self == RecoveryReport()


def drop_paper(stores: Stores, journal: Journal, paper_id: str) -> bool:
    """Remove a paper from every store, journalled; True when the chunk store held it.

    The SQL rows go last, in the transaction that clears the journal mark: until then the rowids
    that the vector index must forget are still there to be read.
    """
    journal.begin(paper_id, "remove")
    rowids = stores.chunks.paper_rowids(paper_id)
    if rowids:
        stores.vectors.remove(np.asarray(rowids, dtype=np.int64))
    stores.keywords.remove_paper(paper_id)
    stores.graph.remove_paper(paper_id)
    with stores.chunks.transaction():
        existed = stores.chunks.get_paper(paper_id) is not None
        stores.chunks.remove_paper(paper_id)
        journal.finish(paper_id)
    return existed


def recover(
    stores: Stores, journal: Journal, encode: Encode, extractor: Extractor
) -> RecoveryReport:
    """Bring every store into agreement with the chunk store (see the module docstring)."""
    report = RecoveryReport()
    for paper_id, action in journal.pending():
        log.warning("recovery: dropping %s, interrupted during %s", paper_id, action)
        drop_paper(stores, journal, paper_id)
        report.dropped.append(paper_id)
    _reconcile_graph(stores, extractor, report)
    _reconcile_vectors(stores, encode, report)
    _reconcile_keywords(stores.chunks, stores, report)
    if report.vectors_added or report.vectors_removed:
        stores.vectors.save()
    if not report.clean:
        log.warning("recovery: %s", report)
    return report


def _reconcile_graph(stores: Stores, extractor: Extractor, report: RecoveryReport) -> None:
    in_graph = set(stores.graph.paper_ids())
    stored = stores.chunks.all_paper_ids()
    for paper_id in sorted(in_graph - stored):
        stores.graph.remove_paper(paper_id)
        report.graphs_removed.append(paper_id)
    for paper_id in sorted(stored - in_graph):
        paper = paper_from_store(stores.chunks, paper_id)
        stores.graph.replace_paper(paper_id, paper_graph(paper, extractor.extract(paper)))
        report.graphs_rebuilt.append(paper_id)


def _reconcile_vectors(stores: Stores, encode: Encode, report: RecoveryReport) -> None:
    try:
        held = stores.vectors.ids()
    except NotImplementedError:
        log.warning("recovery: %s cannot list its ids; not checked", type(stores.vectors).__name__)
        return
    wanted = stores.chunks.all_rowids()
    extra = np.setdiff1d(held, wanted)
    if extra.size:
        report.vectors_removed += stores.vectors.remove(extra)
    missing = np.setdiff1d(wanted, held)
    for start in range(0, missing.size, BATCH):
        batch = [int(rowid) for rowid in missing[start : start + BATCH]]
        vectors = _vectors_for(stores.chunks, batch, stores.vectors.dimension, encode, report)
        stores.vectors.add(np.asarray(batch, dtype=np.int64), vectors)
        report.vectors_added += len(batch)


def _vectors_for(
    chunks: ChunkStore, rowids: list[int], dimension: int, encode: Encode, report: RecoveryReport
) -> np.ndarray:
    """Kept embeddings of these chunks; those stored without one are encoded and kept now."""
    kept = chunks.stored_vectors(rowids, dimension)
    lacking = [rowid for rowid in rowids if rowid not in kept]
    if lacking:
        texts = {row["rowid"]: row["text"] for row in chunks.chunks_by_rowids(lacking)}
        encoded = encode([texts[rowid] for rowid in lacking])
        chunks.put_vectors(lacking, encoded)
        kept.update(zip(lacking, encoded, strict=True))
        report.vectors_encoded += len(lacking)
    return np.stack([kept[rowid] for rowid in rowids]).astype(np.float32)


def _reconcile_keywords(chunks: ChunkStore, stores: Stores, report: RecoveryReport) -> None:
    held = stores.keywords.rowids()
    wanted = chunks.all_rowids()
    extra = np.setdiff1d(held, wanted)
    if extra.size:
        stores.keywords.remove(int(rowid) for rowid in extra)
        report.keywords_removed += int(extra.size)
    missing = np.setdiff1d(wanted, held)
    for start in range(0, missing.size, BATCH):
        rows = chunks.chunks_by_rowids([int(rowid) for rowid in missing[start : start + BATCH]])
        stores.keywords.add((row["rowid"], row["paper_id"], row["text"]) for row in rows)
        report.keywords_added += len(rows)


def paper_from_store(chunks: ChunkStore, paper_id: str) -> Paper:
    """The paper as the chunk store keeps it (to rebuild its graph without its source file)."""
    row = chunks.get_paper(paper_id)
    if row is None:
        raise KeyError(paper_id)
    return Paper(
        id=paper_id,
        title=row["title"],
        chunks=[
            Chunk(
                id=chunk["chunk_id"],
                paper_id=paper_id,
                seq=chunk["seq"],
                text=chunk["text"],
                prev_id=chunk["prev_id"],
                next_id=chunk["next_id"],
                section=chunk["section"],
                kind=ChunkKind(chunk["kind"]),
                pages=chunk["pages"],
            )
            for chunk in chunks.paper_chunks(paper_id)
        ],
        authors=row["authors"],
        year=row["year"],
        arxiv_id=row["arxiv_id"],
        doi=row["doi"],
        abstract=row["abstract"],
        references=[stored_reference(ref) for ref in chunks.references(paper_id)],
        source=row["source"],
        content_hash=row["content_hash"],
    )


def stored_reference(row: dict[str, Any]) -> Reference:
    """A reference as the chunk store keeps it, resolution and context included."""
    return Reference(
        raw=row["raw"],
        arxiv_id=row["arxiv_id"],
        doi=row["doi"],
        title=row["title"],
        authors=row["authors"],
        year=row["year"],
        venue=row["venue"],
        paper_id=row["cited_id"],
        context=row["context"],
        context_chunk_id=row["context_chunk"],
    )
