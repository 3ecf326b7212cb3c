"""The SQLite chunk store: rowids, replacement, cascades, references, transactions."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from papergraph.core.model import Chunk, Paper, Reference
from papergraph.index.store import ChunkStore


def make_paper(paper_id: str, n_chunks: int, title: str = "A paper") -> Paper:
    chunks = [
        Chunk(
            id=f"{paper_id}#{seq}",
            paper_id=paper_id,
            seq=seq,
            text=f"text {seq} of {paper_id}",
            prev_id=f"{paper_id}#{seq - 1}" if seq else None,
            next_id=f"{paper_id}#{seq + 1}" if seq + 1 < n_chunks else None,
            section="Introduction",
        )
        for seq in range(n_chunks)
    ]
    return Paper(
        id=paper_id,
        title=title,
        chunks=chunks,
        authors=["Ada Lovelace", "Alan Turing"],
        year=2024,
        arxiv_id="2401.00001",
        abstract="An abstract.",
        source="a.pdf",
        content_hash="abc123",
        references=[
            Reference(
                raw="[1] Attention is all you need.",
                arxiv_id="1706.03762",
                title="Attention Is All You Need",
            ),
            Reference(raw="[2] BERT.", doi="10.18653/v1/N19-1423"),
        ],
    )


@pytest.fixture
def store(tmp_path: Path) -> ChunkStore:
    return ChunkStore(tmp_path / "db" / "papergraph.sqlite")


def test_upsert_returns_rowids_in_chunk_order(store: ChunkStore) -> None:
    rowids = store.upsert_paper(make_paper("p1", 3))
    assert len(rowids) == 3 and rowids == sorted(rowids)
    chunks = store.chunks_by_rowids(rowids)
    assert [c["chunk_id"] for c in chunks] == ["p1#0", "p1#1", "p1#2"]
    assert chunks[1]["prev_id"] == "p1#0" and chunks[1]["next_id"] == "p1#2"
    assert store.paper_chunks("p1") == chunks


def test_paper_fields_round_trip(store: ChunkStore) -> None:
    store.upsert_paper(make_paper("p1", 1))
    paper = store.get_paper("p1")
    assert paper is not None
    assert paper["authors"] == ["Ada Lovelace", "Alan Turing"]
    assert (paper["title"], paper["year"], paper["arxiv_id"]) == ("A paper", 2024, "2401.00001")
    assert store.paper_hash("p1") == "abc123"
    assert store.get_paper("missing") is None and store.paper_hash("missing") is None


def test_replacing_a_paper_keeps_counts_right_and_never_reuses_rowids(store: ChunkStore) -> None:
    first = store.upsert_paper(make_paper("p1", 3))
    store.upsert_paper(make_paper("p2", 2))
    added_at = store.get_paper("p1")["added_at"]  # type: ignore[index]
    second = store.upsert_paper(make_paper("p1", 2, title="Revised"))
    assert (store.count_papers(), store.count_chunks()) == (2, 4)
    assert not set(first) & set(second)
    assert store.chunks_by_rowids(first) == []
    paper = store.get_paper("p1")
    assert paper is not None and paper["title"] == "Revised" and paper["added_at"] == added_at
    assert len(store.references("p1")) == 2


def test_remove_cascades_to_chunks_and_references(store: ChunkStore) -> None:
    rowids = store.upsert_paper(make_paper("p1", 3))
    store.upsert_paper(make_paper("p2", 1))
    assert store.remove_paper("p1") == rowids
    assert store.get_paper("p1") is None and store.references("p1") == []
    assert (store.count_papers(), store.count_chunks()) == (1, 1)
    assert store.remove_paper("p1") == []
    # The highest rowids were removed; new chunks still get fresh ones.
    assert not set(store.upsert_paper(make_paper("p3", 3))) & set(rowids)


def test_references_are_stored_in_order(store: ChunkStore) -> None:
    store.upsert_paper(make_paper("p1", 1))
    references = store.references("p1")
    assert [r["seq"] for r in references] == [0, 1]
    assert references[0]["arxiv_id"] == "1706.03762"
    assert references[1]["doi"] == "10.18653/v1/N19-1423"
    assert references[0]["raw"].startswith("[1]")


def test_chunks_by_rowids_keeps_the_callers_order(store: ChunkStore) -> None:
    a = store.upsert_paper(make_paper("a", 2))
    b = store.upsert_paper(make_paper("b", 2))
    order = [b[1], a[0], 999_999, b[0]]
    assert [c["rowid"] for c in store.chunks_by_rowids(order)] == [b[1], a[0], b[0]]
    assert store.chunks_by_rowids([]) == []
    many = store.upsert_paper(make_paper("c", 1200))
    assert [c["rowid"] for c in store.chunks_by_rowids(many[::-1])] == many[::-1]


def test_listing_and_minimal_papers(store: ChunkStore) -> None:
    for paper_id in ["p1", "p2", "p3"]:
        store.upsert_paper(make_paper(paper_id, 1))
    assert [p["id"] for p in store.list_papers(offset=1, limit=1)] == ["p2"]
    assert [p["id"] for p in store.list_papers(0, 10)] == ["p1", "p2", "p3"]
    minimal = store.all_papers_minimal()
    assert set(minimal[0]) == {"id", "title", "abstract", "arxiv_id", "year"}


def test_a_failing_transaction_rolls_back_everything(store: ChunkStore) -> None:
    store.upsert_paper(make_paper("p1", 2))
    with pytest.raises(RuntimeError), store.transaction():
        store.remove_paper("p1")
        store.upsert_paper(make_paper("p2", 2))
        raise RuntimeError("the vector index write failed")
    assert [p["id"] for p in store.list_papers(0, 10)] == ["p1"]
    assert store.count_chunks() == 2


def test_store_persists_and_serves_threads(tmp_path: Path) -> None:
    path = tmp_path / "papergraph.sqlite"
    with ChunkStore(path) as store:
        store.upsert_paper(make_paper("p1", 2))
    store = ChunkStore(path)
    assert store.count_chunks() == 2
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            store.upsert_paper(make_paper(f"t{n}", 3))
            assert len(store.paper_chunks(f"t{n}")) == 3
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and store.count_chunks() == 2 + 8 * 3


def test_version_moves_on_every_write_and_is_seen_by_another_connection(
    store: ChunkStore,
) -> None:
    other = ChunkStore(store.path)  # as another process would open it
    start = store.version()
    store.upsert_paper(make_paper("v1", 2))
    after_write = other.version()
    assert after_write > start
    assert store.version() == after_write  # reading does not move it
    store.remove_paper("v1")
    assert other.version() > after_write
    store.mark_changed()
    assert other.version() > after_write + 1
