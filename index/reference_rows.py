"""References in the chunk store: what each paper cites, and which stored paper that is.

Resolution (`papergraph.ingest.citations`) asks two questions of SQLite, both by index: which stored papers
might a reference name (same arXiv id, DOI, or a title that starts or ends alike), and which
stored references might name a paper just written (the same, the other way round). Titles are
compared by `title_key`; the key and its reverse are indexed so that a prefix range finds the
candidates a fuzzy match then scores, without reading every title.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from typing import Any, NamedTuple

from papergraph.core.model import Reference, title_key

REFERENCE_INDEXES = """
CREATE TABLE IF NOT EXISTS paper_title_keys (
    paper_id TEXT PRIMARY KEY REFERENCES papers(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    key_rev TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS title_keys_by_key ON paper_title_keys(key);
CREATE INDEX IF NOT EXISTS title_keys_by_rev ON paper_title_keys(key_rev);
CREATE INDEX IF NOT EXISTS references_by_arxiv ON paper_references(arxiv_id);
CREATE INDEX IF NOT EXISTS references_by_doi ON paper_references(lower(doi));
CREATE INDEX IF NOT EXISTS references_by_title ON paper_references(title_key);
CREATE INDEX IF NOT EXISTS references_by_title_rev ON paper_references(title_key_rev);
CREATE INDEX IF NOT EXISTS references_by_cited ON paper_references(cited_id);
CREATE INDEX IF NOT EXISTS references_by_raw ON paper_references(raw);
"""

REFERENCE_COLUMNS = (
    "seq, arxiv_id, doi, title, raw, authors, year, venue, cited_id, context, context_chunk"
)


class TitleCandidate(NamedTuple):
    paper_id: str
    key: str
    arxiv_id: str | None
    year: int | None


BLOCK_CHARS = 8  # titles that share their first (or last) 8 key characters are compared
_AFTER = "\x7f"  # sorts after every character a key holds


def block(key: str) -> tuple[str, str, str, str]:
    """The prefix range and the reversed-suffix range a key's candidates lie in."""
    head, tail = key[:BLOCK_CHARS], key[::-1][:BLOCK_CHARS]
    return head, head + _AFTER, tail, tail + _AFTER


class ReferenceRows:
    """The reference half of `ChunkStore` (which supplies `_query` and `transaction`)."""

    def _query(self, sql: str, parameters: Sequence[Any] = ()) -> list[sqlite3.Row]:
        raise NotImplementedError

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    @staticmethod
    def _insert_title_key(db: sqlite3.Connection, paper_id: str, title: str) -> None:
        key = title_key(title)
        if key:
            db.execute(
                "INSERT OR REPLACE INTO paper_title_keys (paper_id, key, key_rev) VALUES (?, ?, ?)",
                (paper_id, key, key[::-1]),
            )

    @staticmethod
    def _insert_references(
        db: sqlite3.Connection, paper_id: str, references: Iterable[Reference]
    ) -> None:
        db.executemany(
            "INSERT INTO paper_references (paper_id, seq, arxiv_id, doi, title, raw, authors, "
            "year, venue, cited_id, context, context_chunk, title_key, title_key_rev) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [_reference_values(paper_id, seq, ref) for seq, ref in enumerate(references)],
        )

    def references(self, paper_id: str) -> list[dict[str, Any]]:
        """The paper's references in order; `cited_id` is the stored paper one resolves to."""
        rows = self._query(
            f"SELECT {REFERENCE_COLUMNS} FROM paper_references WHERE paper_id = ? ORDER BY seq",
            (paper_id,),
        )
        return [{**dict(row), "authors": json.loads(row["authors"] or "[]")} for row in rows]

    def papers_by_arxiv_ids(self, arxiv_ids: Iterable[str]) -> dict[str, str]:
        """arXiv id -> the stored paper with that id or arXiv id."""
        found: dict[str, str] = {}
        for arxiv_id in set(arxiv_ids):
            rows = self._query(
                "SELECT id FROM papers WHERE arxiv_id = ? OR id = ? ORDER BY id LIMIT 1",
                (arxiv_id, arxiv_id),
            )
            if rows:
                found[arxiv_id] = str(rows[0]["id"])
        return found

    def papers_by_dois(self, dois: Iterable[str]) -> dict[str, str]:
        """Lower-cased DOI -> the stored paper with that DOI."""
        found: dict[str, str] = {}
        for doi in {d.lower() for d in dois}:
            rows = self._query("SELECT id FROM papers WHERE lower(doi) = ? LIMIT 1", (doi,))
            if rows:
                found[doi] = str(rows[0]["id"])
        return found

    def existing_paper_ids(self, paper_ids: Iterable[str]) -> set[str]:
        return {
            pid
            for pid in set(paper_ids)
            if self._query("SELECT 1 FROM papers WHERE id = ?", (pid,))
        }

    def title_candidates(self, key: str) -> list[TitleCandidate]:
        """Stored papers whose title key starts or ends like `key`."""
        low, high, low_rev, high_rev = block(key)
        rows = self._query(
            "SELECT t.paper_id, t.key, p.arxiv_id, p.year FROM paper_title_keys t "
            "JOIN papers p ON p.id = t.paper_id WHERE t.paper_id IN ("
            "SELECT paper_id FROM paper_title_keys WHERE key >= ? AND key < ? UNION "
            "SELECT paper_id FROM paper_title_keys WHERE key_rev >= ? AND key_rev < ?)",
            (low, high, low_rev, high_rev),
        )
        return [TitleCandidate(str(r[0]), str(r[1]), r[2], r[3]) for r in rows]

    def unresolved_citing(
        self, arxiv_id: str | None, doi: str | None, key: str, paper_id: str
    ) -> list[dict[str, Any]]:
        """Stored references not yet resolved that may name a paper with these ids or title."""
        low, high, low_rev, high_rev = block(key) if key else ("", "", "", "")
        rows = self._query(
            "SELECT paper_id, seq, arxiv_id, doi, raw, title, year, title_key "
            "FROM paper_references WHERE cited_id IS NULL AND (arxiv_id = ? OR lower(doi) = ? "
            "OR raw = ? OR (title_key >= ? AND title_key < ?) "
            "OR (title_key_rev >= ? AND title_key_rev < ?))",
            (arxiv_id, (doi or "").lower() or None, paper_id, low, high, low_rev, high_rev),
        )
        return [dict(row) for row in rows]

    def set_cited(self, links: Iterable[tuple[str, int, str]]) -> None:
        """Resolve stored references: (citing paper id, reference seq, cited paper id)."""
        with self.transaction() as db:
            db.executemany(
                "UPDATE paper_references SET cited_id = ? WHERE paper_id = ? AND seq = ?",
                [(cited, citing, seq) for citing, seq, cited in links],
            )

    def reference(self, paper_id: str, seq: int) -> dict[str, Any] | None:
        rows = self._query(
            f"SELECT {REFERENCE_COLUMNS} FROM paper_references WHERE paper_id = ? AND seq = ?",
            (paper_id, seq),
        )
        return (
            {**dict(rows[0]), "authors": json.loads(rows[0]["authors"] or "[]")} if rows else None
        )

    def chunk_text(self, chunk_id: str) -> str | None:
        rows = self._query("SELECT text FROM chunks WHERE chunk_id = ?", (chunk_id,))
        return str(rows[0][0]) if rows else None

    def forget_cited(self, paper_id: str) -> None:
        """References to a removed paper go back to being bibliographic entries."""
        with self.transaction() as db:
            db.execute(
                "UPDATE paper_references SET cited_id = NULL WHERE cited_id = ?", (paper_id,)
            )


def _reference_values(paper_id: str, seq: int, ref: Reference) -> tuple[Any, ...]:
    key = title_key(ref.title) if ref.title else ""
    return (
        paper_id,
        seq,
        ref.arxiv_id,
        ref.doi,
        ref.title,
        ref.raw,
        json.dumps(ref.authors),
        ref.year,
        ref.venue,
        ref.paper_id,
        ref.context,
        ref.context_chunk_id,
        key or None,
        key[::-1] or None,
    )
