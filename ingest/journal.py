"""The write journal: papers part-way through being written or removed, kept in SQLite.

A paper's rows go into the chunk store in the same transaction as its journal entry; the entry
is deleted only once the vector index, the keyword index and the graph hold the paper too. An
entry found on the next start therefore marks a paper that may be in some stores and not in
others, and the recovery (`papergraph.ingest.recovery`) drops it everywhere.
"""

from __future__ import annotations

from datetime import UTC, datetime

from papergraph.index.store import ChunkStore

SCHEMA = """
CREATE TABLE IF NOT EXISTS write_journal (
    paper_id TEXT PRIMARY KEY,
    action TEXT NOT NULL,
    started_at TEXT NOT NULL
)
"""


class Journal:
    """Begin/finish marks for one paper at a time, in the chunk store's SQLite file."""

    def __init__(self, store: ChunkStore) -> None:
        self.store = store
        with store.transaction() as db:
            db.execute(SCHEMA)

    def begin(self, paper_id: str, action: str) -> None:
        """Mark `paper_id` as being written ('ingest') or removed ('remove').

        Joins the caller's transaction when there is one, so the mark commits with the rows.
        """
        with self.store.transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO write_journal (paper_id, action, started_at) "
                "VALUES (?, ?, ?)",
                (paper_id, action, datetime.now(UTC).isoformat()),
            )

    def finish(self, paper_id: str) -> None:
        """The paper is now in every store (or in none): forget the mark."""
        with self.store.transaction() as db:
            db.execute("DELETE FROM write_journal WHERE paper_id = ?", (paper_id,))
            self.store.mark_changed()  # the graph and indexes hold it now: snapshots refresh

    def pending(self) -> list[tuple[str, str]]:
        """(paper_id, action) of every write that began and did not finish, oldest first."""
        with self.store.transaction() as db:
            rows = db.execute(
                "SELECT paper_id, action FROM write_journal ORDER BY started_at, paper_id"
            ).fetchall()
        return [(str(row[0]), str(row[1])) for row in rows]
