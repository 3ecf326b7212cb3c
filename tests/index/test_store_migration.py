"""A chunk store written before chunk kinds and resolved references opens, upgraded in place."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from papergraph.core.model import Chunk, ChunkKind, Paper, Reference
from papergraph.index.store import ChunkStore

OLD_SCHEMA = """
CREATE TABLE papers (id TEXT PRIMARY KEY, title TEXT NOT NULL, authors TEXT NOT NULL DEFAULT '[]',
    year INTEGER, arxiv_id TEXT, doi TEXT, abstract TEXT, source TEXT NOT NULL DEFAULT '',
    content_hash TEXT NOT NULL DEFAULT '', added_at TEXT NOT NULL);
CREATE TABLE chunks (rowid INTEGER PRIMARY KEY AUTOINCREMENT, chunk_id TEXT NOT NULL UNIQUE,
    paper_id TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE, seq INTEGER NOT NULL,
    text TEXT NOT NULL, prev_id TEXT, next_id TEXT, section TEXT);
CREATE TABLE paper_references (paper_id TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, arxiv_id TEXT, doi TEXT, title TEXT, raw TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (paper_id, seq));
INSERT INTO papers (id, title, added_at) VALUES ('old', 'Attention Is All You Need', 'then');
INSERT INTO chunks (chunk_id, paper_id, seq, text) VALUES ('old#0', 'old', 0, 'Some text.');
INSERT INTO paper_references (paper_id, seq, title, raw)
    VALUES ('old', 0, 'Deep residual learning for image recognition', 'K. He. Deep residual ...');
"""


def test_an_old_store_gets_kinds_pages_and_reference_keys(tmp_path: Path) -> None:
    path = tmp_path / "chunks.sqlite"
    with sqlite3.connect(path) as db:
        db.executescript(OLD_SCHEMA)
    with ChunkStore(path) as store:
        chunk = store.paper_chunks("old")[0]
        assert (chunk["kind"], chunk["pages"]) == ("body", [])
        # the old paper's title and the old reference's title are findable for resolution
        assert [c.paper_id for c in store.title_candidates("attention is all you need")] == ["old"]
        rows = store.unresolved_citing(
            None, None, "deep residual learning for image recognition", "x"
        )
        assert [(row["paper_id"], row["seq"]) for row in rows] == [("old", 0)]


def test_kind_section_pages_and_reference_fields_round_trip(tmp_path: Path) -> None:
    paper = Paper(
        id="p",
        title="A paper",
        chunks=[
            Chunk(
                "p#0", "p", 0, "Results.", section="4 Results", kind=ChunkKind.TABLE, pages=[3, 4]
            )
        ],
        references=[
            Reference(
                raw="r",
                title="T",
                authors=["A. B"],
                year=2020,
                venue="V",
                context="c",
                context_chunk_id="p#0",
            )
        ],
    )
    with ChunkStore(tmp_path / "chunks.sqlite") as store:
        store.upsert_paper(paper)
        chunk = store.paper_chunks("p")[0]
        assert (chunk["kind"], chunk["section"], chunk["pages"]) == ("table", "4 Results", [3, 4])
        stored = store.references("p")[0]
        assert (stored["authors"], stored["year"], stored["venue"]) == (["A. B"], 2020, "V")
        assert (stored["context"], stored["context_chunk"]) == ("c", "p#0")
