"""The chunk store: papers, chunks and references in SQLite; a chunk's rowid is its index id.

Chunk rowids are `INTEGER PRIMARY KEY AUTOINCREMENT`, so an id is never handed out twice: a
vector or keyword entry left behind by a crash can never be mistaken for a newer chunk.

Threads: one connection opened with `check_same_thread=False`, guarded by one re-entrant lock
that is held for each statement and for the whole of a `transaction()`. That serialises reads
as well as writes, which is fine for short lookups by key; WAL mode lets other processes (a CLI
beside the server) read while this one writes.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from papergraph.core.closing import Closing
from papergraph.core.model import Chunk, ChunkKind, Paper
from papergraph.index.migrations import backfill_title_keys, migrate
from papergraph.index.reference_rows import REFERENCE_INDEXES, ReferenceRows

SCHEMA = """
CREATE TABLE IF NOT EXISTS papers (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    authors TEXT NOT NULL DEFAULT '[]',
    year INTEGER,
    arxiv_id TEXT,
    doi TEXT,
    abstract TEXT,
    source TEXT NOT NULL DEFAULT '',
    content_hash TEXT NOT NULL DEFAULT '',
    added_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS chunks (
    rowid INTEGER PRIMARY KEY AUTOINCREMENT,
    chunk_id TEXT NOT NULL UNIQUE,
    paper_id TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    text TEXT NOT NULL,
    prev_id TEXT,
    next_id TEXT,
    section TEXT,
    kind TEXT NOT NULL DEFAULT 'body',
    pages TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS chunks_by_paper ON chunks(paper_id, seq);
CREATE TABLE IF NOT EXISTS paper_references (
    paper_id TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    arxiv_id TEXT,
    doi TEXT,
    title TEXT,
    raw TEXT NOT NULL DEFAULT '',
    authors TEXT NOT NULL DEFAULT '[]',
    year INTEGER,
    venue TEXT,
    cited_id TEXT,
    context TEXT,
    context_chunk TEXT,
    title_key TEXT,
    title_key_rev TEXT,
    PRIMARY KEY (paper_id, seq)
);
CREATE TABLE IF NOT EXISTS chunk_vectors (
    rowid INTEGER PRIMARY KEY REFERENCES chunks(rowid) ON DELETE CASCADE,
    vector BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS papers_by_arxiv ON papers(arxiv_id);
CREATE INDEX IF NOT EXISTS papers_by_doi ON papers(doi);
CREATE TABLE IF NOT EXISTS store_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT OR IGNORE INTO store_version (id, version) VALUES (1, 0);
CREATE TRIGGER IF NOT EXISTS papers_inserted AFTER INSERT ON papers
    BEGIN UPDATE store_version SET version = version + 1; END;
CREATE TRIGGER IF NOT EXISTS papers_updated AFTER UPDATE ON papers
    BEGIN UPDATE store_version SET version = version + 1; END;
CREATE TRIGGER IF NOT EXISTS papers_deleted AFTER DELETE ON papers
    BEGIN UPDATE store_version SET version = version + 1; END;
"""

PAPER_COLUMNS = "id, title, authors, year, arxiv_id, doi, abstract, source, content_hash, added_at"
CHUNK_COLUMNS = "rowid, chunk_id, paper_id, seq, text, prev_id, next_id, section, kind, pages"
SQLITE_MAX_VARIABLES = 500  # ids bound per IN (...) query


def chunk_row(row: sqlite3.Row) -> dict[str, Any]:
    chunk = dict(row)
    chunk["pages"] = json.loads(chunk.get("pages") or "[]")
    return chunk


def paper_row(row: sqlite3.Row) -> dict[str, Any]:
    paper = dict(row)
    if "authors" in paper:
        paper["authors"] = json.loads(paper["authors"])
    return paper


class ChunkStore(ReferenceRows, Closing):
    """Papers and their chunks and references, in one SQLite file at `path` (or ':memory:')."""

    def __init__(self, path: str | Path) -> None:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.RLock()
        self._depth = 0  # nesting of transaction(); only touched while holding _lock
        self._version_lock = threading.Lock()
        self._version_db: sqlite3.Connection | None = None  # see committed_version()
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        for pragma in ("journal_mode=WAL", "foreign_keys=ON", "synchronous=NORMAL"):
            self._db.execute(f"PRAGMA {pragma}")
        self._db.execute("PRAGMA busy_timeout=5000")
        migrate(self._db)  # before the schema: its indexes name columns old stores lack
        self._db.executescript(SCHEMA)
        self._db.executescript(REFERENCE_INDEXES)
        backfill_title_keys(self._db)

    # -- transactions ---------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write: commits when the outermost block exits, rolls back on an error.

        Nests, so a caller can wrap `remove_paper` + `upsert_paper` + its own index writes in one
        block and have the SQL undone if the index write fails. Other threads wait meanwhile.
        """
        with self._lock:
            outermost = self._depth == 0
            if outermost:
                self._db.execute("BEGIN IMMEDIATE")
            self._depth += 1
            try:
                yield self._db
            except BaseException:
                self._depth -= 1
                if outermost:
                    self._db.execute("ROLLBACK")
                raise
            self._depth -= 1
            if outermost:
                self._db.execute("COMMIT")

    def _query(self, sql: str, parameters: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._db.execute(sql, parameters).fetchall()

    # -- writes ---------------------------------------------------------------------------

    def upsert_paper(self, paper: Paper) -> list[int]:
        """Store `paper`, replacing any earlier version; return its chunks' rowids in order.

        The replaced chunks get new rowids: take the old ones from `remove_paper` first (in
        the same transaction) to drop them from the vector and keyword indexes.
        """
        with self.transaction() as db:
            added_at = self._added_at(paper.id)
            db.execute("DELETE FROM papers WHERE id = ?", (paper.id,))
            db.execute(
                f"INSERT INTO papers ({PAPER_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    paper.id,
                    paper.title,
                    json.dumps(paper.authors),
                    paper.year,
                    paper.arxiv_id,
                    paper.doi,
                    paper.abstract,
                    paper.source,
                    paper.content_hash,
                    added_at,
                ),
            )
            rowids = [self._insert_chunk(db, chunk) for chunk in paper.chunks]
            self._insert_references(db, paper.id, paper.references)
            self._insert_title_key(db, paper.id, paper.title)
        return rowids

    def put_vectors(self, rowids: Sequence[int], vectors: np.ndarray) -> None:
        """Keep each chunk's embedding beside it, so the vector index can always be rebuilt."""
        rows = np.ascontiguousarray(vectors, dtype=np.float32)
        with self.transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO chunk_vectors (rowid, vector) VALUES (?, ?)",
                [(int(rowid), row.tobytes()) for rowid, row in zip(rowids, rows, strict=True)],
            )

    def remove_paper(self, paper_id: str) -> list[int]:
        """Delete a paper with its chunks and references; return the removed chunks' rowids."""
        with self.transaction() as db:
            rowids = self.paper_rowids(paper_id)
            db.execute("DELETE FROM papers WHERE id = ?", (paper_id,))
            self.forget_cited(paper_id)
        return rowids

    def _added_at(self, paper_id: str) -> str:
        """When the paper was first added; now for a new paper."""
        rows = self._query("SELECT added_at FROM papers WHERE id = ?", (paper_id,))
        return str(rows[0]["added_at"]) if rows else datetime.now(UTC).isoformat()

    @staticmethod
    def _insert_chunk(db: sqlite3.Connection, chunk: Chunk) -> int:
        cursor = db.execute(
            "INSERT INTO chunks (chunk_id, paper_id, seq, text, prev_id, next_id, section, kind, "
            "pages) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                chunk.id,
                chunk.paper_id,
                chunk.seq,
                chunk.text,
                chunk.prev_id,
                chunk.next_id,
                chunk.section,
                ChunkKind(chunk.kind).value,
                json.dumps(chunk.pages),
            ),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    # -- reads ----------------------------------------------------------------------------

    def get_paper(self, paper_id: str) -> dict[str, Any] | None:
        rows = self._query(f"SELECT {PAPER_COLUMNS} FROM papers WHERE id = ?", (paper_id,))
        return paper_row(rows[0]) if rows else None

    def list_papers(self, offset: int = 0, limit: int = 50) -> list[dict[str, Any]]:
        """Papers in the order they were first added."""
        rows = self._query(
            f"SELECT {PAPER_COLUMNS} FROM papers ORDER BY added_at, id LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [paper_row(row) for row in rows]

    def version(self) -> int:
        """A number that moves whenever a paper is written or removed, by any process.

        Triggers on `papers` move it in the writing transaction; `mark_changed` moves it once a
        paper's other stores are written too, so a snapshot keyed on it never misses their part.
        """
        return int(self._query("SELECT version FROM store_version")[0][0])

    def committed_version(self) -> int:
        """`version()` as last committed, read on a connection of its own, so that it never
        waits for this process's writer (a WAL reader does not block): for callers on an event
        loop."""
        if str(self.path) == ":memory:":  # a second connection would open another database
            return self.version()
        with self._version_lock:
            if self._version_db is None:
                self._version_db = sqlite3.connect(
                    f"{Path(self.path).resolve().as_uri()}?mode=ro",  # quoted: '?', '#'
                    uri=True,
                    check_same_thread=False,
                )
            return int(self._version_db.execute("SELECT version FROM store_version").fetchone()[0])

    def mark_changed(self) -> None:
        with self.transaction() as db:
            db.execute("UPDATE store_version SET version = version + 1")

    def count_papers(self) -> int:
        return int(self._query("SELECT count(*) FROM papers")[0][0])

    def count_chunks(self) -> int:
        return int(self._query("SELECT count(*) FROM chunks")[0][0])

    def paper_hash(self, paper_id: str) -> str | None:
        """The content hash the paper was stored with, to skip re-ingesting unchanged files."""
        rows = self._query("SELECT content_hash FROM papers WHERE id = ?", (paper_id,))
        return str(rows[0]["content_hash"]) if rows else None

    def paper_rowids(self, paper_id: str) -> list[int]:
        rows = self._query("SELECT rowid FROM chunks WHERE paper_id = ? ORDER BY seq", (paper_id,))
        return [int(row["rowid"]) for row in rows]

    def paper_chunks(self, paper_id: str) -> list[dict[str, Any]]:
        rows = self._query(
            f"SELECT {CHUNK_COLUMNS} FROM chunks WHERE paper_id = ? ORDER BY seq", (paper_id,)
        )
        return [chunk_row(row) for row in rows]

    def chunks_by_rowids(self, rowids: Sequence[int]) -> list[dict[str, Any]]:
        """Chunks in the order of `rowids` (a search's ranking); unknown rowids are skipped."""
        found: dict[int, dict[str, Any]] = {}
        unique = list(dict.fromkeys(int(rowid) for rowid in rowids))
        for start in range(0, len(unique), SQLITE_MAX_VARIABLES):
            batch = unique[start : start + SQLITE_MAX_VARIABLES]
            marks = ", ".join("?" * len(batch))
            sql = f"SELECT {CHUNK_COLUMNS} FROM chunks WHERE rowid IN ({marks})"
            found.update((int(row["rowid"]), chunk_row(row)) for row in self._query(sql, batch))
        return [found[rowid] for rowid in (int(r) for r in rowids) if rowid in found]

    def chunk_places(self, rowids: Sequence[int]) -> dict[int, tuple[str, str]]:
        """(paper id, kind) of each known rowid: what ranking needs, without reading texts."""
        rows = self._rows_in("SELECT rowid, paper_id, kind FROM chunks WHERE rowid IN", rowids)
        return {int(row[0]): (str(row[1]), str(row[2])) for row in rows}

    def paper_titles(self, paper_ids: Sequence[str]) -> dict[str, str]:
        """Each known paper's title, in one round trip per 500 papers."""
        rows = self._rows_in("SELECT id, title FROM papers WHERE id IN", paper_ids)
        return {str(row[0]): str(row[1]) for row in rows}

    def _rows_in(self, select: str, keys: Sequence[Any]) -> list[sqlite3.Row]:
        """`select ... IN (keys)`, in batches of at most SQLITE_MAX_VARIABLES keys."""
        unique, rows = list(dict.fromkeys(keys)), []
        for start in range(0, len(unique), SQLITE_MAX_VARIABLES):
            batch = unique[start : start + SQLITE_MAX_VARIABLES]
            rows += self._query(f"{select} ({', '.join('?' * len(batch))})", batch)
        return rows

    def all_rowids(self) -> np.ndarray:
        """Every chunk's rowid (the ids the vector and keyword indexes must hold), ascending."""
        rows = self._query("SELECT rowid FROM chunks ORDER BY rowid")
        return np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))

    def all_paper_ids(self) -> set[str]:
        return {str(row[0]) for row in self._query("SELECT id FROM papers")}

    def stored_vectors(self, rowids: Sequence[int], dimension: int) -> dict[int, np.ndarray]:
        """The kept embeddings of these chunks, by rowid; chunks stored without one are absent."""
        found: dict[int, np.ndarray] = {}
        unique = list(dict.fromkeys(int(rowid) for rowid in rowids))
        for start in range(0, len(unique), SQLITE_MAX_VARIABLES):
            batch = unique[start : start + SQLITE_MAX_VARIABLES]
            marks = ", ".join("?" * len(batch))
            sql = f"SELECT rowid, vector FROM chunk_vectors WHERE rowid IN ({marks})"
            for row in self._query(sql, batch):
                vector = np.frombuffer(row["vector"], dtype=np.float32)
                if vector.shape == (dimension,):  # a vector of another model is re-encoded
                    found[int(row["rowid"])] = vector
        return found

    def all_papers_minimal(self) -> list[dict[str, Any]]:
        """Every paper's id, title, abstract, arxiv_id and year, for recommendation."""
        rows = self._query("SELECT id, title, abstract, arxiv_id, year FROM papers ORDER BY id")
        return [dict(row) for row in rows]

    def paper_profiles(self) -> list[dict[str, Any]]:
        """Every paper's id, title, abstract and content hash: what a paper-level vector reads."""
        rows = self._query("SELECT id, title, abstract, content_hash FROM papers ORDER BY id")
        return [dict(row) for row in rows]

    # -- lifetime -------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._db.close()
        with self._version_lock:
            if self._version_db is not None:
                self._version_db.close()
