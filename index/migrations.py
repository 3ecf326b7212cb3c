"""Bring a chunk store written by an older Papergraph up to the current schema, in place.

SQLite adds a column without rewriting the table, so each migration is an `ALTER TABLE ... ADD
COLUMN` for a column the file lacks, plus the backfill of keys computed in Python. Runs before
the schema script (whose indexes name the new columns) and is a no-op on a new or current file.
"""

from __future__ import annotations

import sqlite3

from papergraph.core.model import title_key

#: table -> the columns added since the first release, with their declarations.
ADDED_COLUMNS: dict[str, dict[str, str]] = {
    "chunks": {"kind": "TEXT NOT NULL DEFAULT 'body'", "pages": "TEXT NOT NULL DEFAULT '[]'"},
    "paper_references": {
        "authors": "TEXT NOT NULL DEFAULT '[]'",
        "year": "INTEGER",
        "venue": "TEXT",
        "cited_id": "TEXT",
        "context": "TEXT",
        "context_chunk": "TEXT",
        "title_key": "TEXT",
        "title_key_rev": "TEXT",
    },
}


def migrate(db: sqlite3.Connection) -> None:
    """Add the columns an older store lacks and fill their keys."""
    for table, columns in ADDED_COLUMNS.items():
        present = _columns(db, table)
        if not present:
            continue  # a new store: the schema script creates the table whole
        missing = [name for name in columns if name not in present]
        for name in missing:
            db.execute(f"ALTER TABLE {table} ADD COLUMN {name} {columns[name]}")
        if "title_key" in missing:
            _backfill_reference_keys(db)


def _columns(db: sqlite3.Connection, table: str) -> set[str]:
    return {str(row[1]) for row in db.execute(f"PRAGMA table_info({table})")}


def _backfill_reference_keys(db: sqlite3.Connection) -> None:
    rows = db.execute(
        "SELECT paper_id, seq, title FROM paper_references WHERE title IS NOT NULL"
    ).fetchall()
    db.executemany(
        "UPDATE paper_references SET title_key = ?, title_key_rev = ? "
        "WHERE paper_id = ? AND seq = ?",
        [
            (key, key[::-1], paper_id, seq)
            for paper_id, seq, title in rows
            if (key := title_key(str(title)))
        ],
    )


def backfill_title_keys(db: sqlite3.Connection) -> None:
    """Keys of papers stored before `paper_title_keys` existed (the table is new; the schema
    script has just created it empty)."""
    rows = db.execute(
        "SELECT id, title FROM papers WHERE id NOT IN (SELECT paper_id FROM paper_title_keys)"
    ).fetchall()
    db.executemany(
        "INSERT INTO paper_title_keys (paper_id, key, key_rev) VALUES (?, ?, ?)",
        [(pid, key, key[::-1]) for pid, title in rows if (key := title_key(str(title)))],
    )
