"""BM25 keyword search over chunks, with tantivy (the fastest BM25 measured on this machine).

A query is never parsed with tantivy's query language: user text such as `"BERT: (large`
would be a syntax error there. It is analysed with the same steps as the indexed text
(`en_stem`: simple tokenizer, drop tokens over 40 bytes, lowercase, English stemmer) and the
terms are OR-ed, which is what BM25 ranking expects.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import cast

import numpy as np
import tantivy

from papergraph.core.closing import Closing

TOKENIZER = "en_stem"
MAX_QUERY_TERMS = 128
WRITER_HEAP_BYTES = 64_000_000


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("rowid", stored=True, indexed=True, fast=True)
    builder.add_text_field("paper_id", stored=True, tokenizer_name="raw")
    builder.add_text_field("text", stored=False, tokenizer_name=TOKENIZER)
    return builder.build()


def build_query_analyzer() -> tantivy.TextAnalyzer:
    """tantivy's built-in `en_stem` analyzer, rebuilt so queries meet the indexed terms."""
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(40))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.stemmer("english"))
        .build()
    )


def _document(rowid: int, paper_id: str, text: str) -> tantivy.Document:
    document = tantivy.Document()
    document.add_integer("rowid", rowid)
    document.add_text("paper_id", paper_id)
    document.add_text("text", text)
    return document


class KeywordIndex(Closing):
    """Chunks by rowid, searchable by BM25; persisted in `folder`.

    Searches may run from any thread; writes are serialised by a lock. The index writer is
    created on the first write and holds tantivy's lock on the folder until `close()`, so only one
    KeywordIndex per folder may write at a time (any number may read).
    """

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._schema = build_schema()
        self._index = tantivy.Index(self._schema, path=str(self.folder), reuse=True)
        self._analyzer = build_query_analyzer()
        self._writer: tantivy.IndexWriter | None = None
        self._lock = threading.Lock()

    def add(self, rows: Iterable[tuple[int, str, str]]) -> None:
        """Index (rowid, paper_id, text) rows and commit once; a rowid present is replaced."""
        with self._writing() as writer:
            for rowid, paper_id, text in rows:
                writer.delete_documents_by_term("rowid", rowid)
                writer.add_document(_document(rowid, paper_id, text))

    def replace_paper(self, paper_id: str, rows: Iterable[tuple[int, str]]) -> None:
        """Put (rowid, text) rows in place of every chunk of `paper_id`, in one commit.

        One tantivy commit is atomic, so a crash leaves either the old chunks or the new ones.
        """
        with self._writing() as writer:
            writer.delete_documents_by_term("paper_id", paper_id)
            for rowid, text in rows:
                writer.delete_documents_by_term("rowid", rowid)
                writer.add_document(_document(rowid, paper_id, text))

    def remove_paper(self, paper_id: str) -> None:
        """Remove every chunk of `paper_id`."""
        with self._writing() as writer:
            writer.delete_documents_by_term("paper_id", paper_id)

    def remove(self, rowids: Iterable[int]) -> None:
        """Remove chunks by rowid (absent ones are ignored)."""
        with self._writing() as writer:
            for rowid in rowids:
                writer.delete_documents_by_term("rowid", int(rowid))

    def search(
        self, query: str, k: int, expansions: Sequence[str] = (), expansion_boost: float = 0.0
    ) -> list[tuple[int, float]]:
        """The `k` best (rowid, BM25 score) for any user text, best first; never a syntax error.

        `expansions` (other names of what the query names) add their terms not already in the
        query, each weighted by `expansion_boost`.
        """
        terms = self.query_terms(query)
        if not terms or k <= 0:
            return []
        subqueries = [
            (tantivy.Occur.Should, tantivy.Query.term_query(self._schema, "text", term))
            for term in terms
        ]
        if expansion_boost > 0:
            extra = dict.fromkeys(t for name in expansions for t in self.query_terms(name))
            subqueries += [
                (
                    tantivy.Occur.Should,
                    tantivy.Query.boost_query(
                        tantivy.Query.term_query(self._schema, "text", term), expansion_boost
                    ),
                )
                for term in list(extra)[:MAX_QUERY_TERMS]
                if term not in terms
            ]
        searcher = self._index.searcher()
        hits = searcher.search(tantivy.Query.boolean_query(subqueries), limit=k, count=False).hits
        addresses = [address for _, address in hits]
        rowids = searcher.fast_field_values("rowid", addresses) if addresses else []
        return [
            (cast(int, rowid), float(score))  # every document has a rowid
            for (score, _), rowid in zip(hits, rowids, strict=True)
        ]

    def query_terms(self, query: str) -> list[str]:
        """The distinct analysed terms of `query`, in order of first appearance."""
        return list(dict.fromkeys(self._analyzer.analyze(query)))[:MAX_QUERY_TERMS]

    def rowids(self) -> np.ndarray:
        """Every indexed chunk's rowid (int64, ascending), to compare with the chunk store."""
        searcher = self._index.searcher()
        if searcher.num_docs == 0:
            return np.zeros(0, dtype=np.int64)
        hits = searcher.search(tantivy.Query.all_query(), limit=searcher.num_docs, count=False).hits
        values = searcher.fast_field_values("rowid", [address for _, address in hits])
        return np.sort(np.asarray(values, dtype=np.int64))

    def __len__(self) -> int:
        return int(self._index.searcher().num_docs)

    def close(self) -> None:
        """Let merges finish and release the folder's writer lock."""
        with self._lock:
            if self._writer is not None:
                self._writer.wait_merging_threads()
                self._writer = None

    @contextmanager
    def _writing(self) -> Iterator[tantivy.IndexWriter]:
        """The writer, under the lock; commit and reload on success, roll back on any error."""
        with self._lock:
            if self._writer is None:
                self._writer = self._index.writer(heap_size=WRITER_HEAP_BYTES, num_threads=1)
            try:
                yield self._writer
                self._writer.commit()
            except BaseException:
                self._writer.rollback()
                raise
            self._index.reload()
