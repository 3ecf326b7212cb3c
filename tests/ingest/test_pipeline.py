"""The ingest pipeline's promises, in-process over real stores: a paper is in every store or in
none whatever step fails, the repair restores agreement from SQLite, re-ingest is idempotent,
removal is total, and only one process writes a data folder at a time."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from papergraph.api.backend import Backend
from papergraph.api.config import Settings
from papergraph.index.embed import Embedder
from papergraph.ingest.locks import SnapshotLock, WriterBusy
from papergraph.ingest.pipeline import Ingester, Stores
from papergraph.kg.settings import GraphSettings

ABSTRACTS = {
    "dpo": "We propose DPO, which aligns language models without a reward model, on GSM8K.",
    "lora": "We fine-tune BERT with LoRA adapters and evaluate accuracy on GLUE.",
    "resnet": "Residual networks classify ImageNet images with high top-1 accuracy.",
}


def write_paper(folder: Path, paper_id: str, text: str | None = None) -> Path:
    path = folder / f"{paper_id}.md"
    path.write_text(f"# Paper {paper_id}\n\n{text or ABSTRACTS[paper_id]}\n")
    return path


@pytest.fixture
def backend(tmp_path: Path, embedder: Embedder) -> Iterator[Backend]:
    opened = Backend.open(Settings(data_dir=tmp_path / "data"), embedder=embedder)
    yield opened
    opened.close()


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "inputs"
    folder.mkdir()
    for paper_id in ABSTRACTS:
        write_paper(folder, paper_id)
    return folder


def where_is(stores: Stores, paper_id: str) -> dict[str, bool]:
    """Which stores hold any trace of the paper."""
    rowids = set(stores.chunks.paper_rowids(paper_id))
    keyword_hits = stores.keywords.search(paper_id, 50)  # the title holds the id
    return {
        "sqlite": stores.chunks.get_paper(paper_id) is not None,
        "vectors": bool(rowids & set(stores.vectors.ids().tolist())),
        "keywords": bool(rowids & {rowid for rowid, _ in keyword_hits}),
        "graph": stores.graph.has_paper(paper_id),
    }


def assert_agree(stores: Stores) -> None:
    """Every store holds exactly the chunk store's papers and chunks, once each."""
    rowids = stores.chunks.all_rowids().tolist()
    assert sorted(stores.vectors.ids().tolist()) == rowids
    assert stores.keywords.rowids().tolist() == rowids
    assert set(stores.graph.paper_ids()) == stores.chunks.all_paper_ids()


# --- atomicity --------------------------------------------------------------------------------

STEPS = [
    ("chunks", "put_vectors"),
    ("vectors", "add"),
    ("keywords", "replace_paper"),
    ("graph", "replace_paper"),
]


@pytest.mark.parametrize(("store", "method"), STEPS)
def test_a_failing_store_leaves_the_paper_in_none(
    backend: Backend, inputs: Path, store: str, method: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingester = backend.ingester()
    ingester.ingest([inputs / "lora.md", inputs / "resnet.md"])

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(getattr(backend.stores, store), method, fail)
    report = ingester.ingest([inputs / "dpo.md"])
    monkeypatch.undo()

    assert [failure.path for failure in report.failed] == [str(inputs / "dpo.md")]
    assert "No space left on device" in report.failed[0].message
    assert where_is(backend.stores, "dpo") == dict.fromkeys(where_is(backend.stores, "dpo"), False)
    assert ingester.journal.pending() == []
    assert_agree(backend.stores)
    assert ingester.ingest([inputs / "dpo.md"]).ingested == ["dpo"]  # and it can come back
    assert all(where_is(backend.stores, "dpo").values())
    assert_agree(backend.stores)


@pytest.mark.parametrize("steps_done", range(len(STEPS) + 1))
def test_a_crash_after_any_step_is_repaired_on_the_next_start(
    backend: Backend, inputs: Path, steps_done: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash is a failure with no undo: the journal mark stays and the repair drops the paper."""
    ingester = backend.ingester()
    ingester.ingest([inputs / "lora.md"])

    class Crash(BaseException):
        pass

    def crash(*args: object, **kwargs: object) -> None:
        raise Crash

    if steps_done < len(STEPS):
        store, method = STEPS[steps_done]
        monkeypatch.setattr(getattr(backend.stores, store), method, crash)
    else:
        monkeypatch.setattr(ingester.journal, "finish", crash)
    monkeypatch.setattr(ingester, "_undo", lambda paper_id: None)
    with pytest.raises(Crash):
        ingester.ingest_paper(next(iter(ingester.read([inputs / "dpo.md"]))))  # type: ignore[arg-type]
    monkeypatch.undo()
    # a crash inside the SQLite transaction rolls the mark back with the rows: no trace at all
    interrupted = ["dpo"] if steps_done > 0 else []
    assert ingester.journal.pending() == [(paper_id, "ingest") for paper_id in interrupted]

    report = ingester.recover()
    assert report.dropped == interrupted
    assert not any(where_is(backend.stores, "dpo").values())
    assert all(where_is(backend.stores, "lora").values())
    assert_agree(backend.stores)


# --- repair from SQLite -----------------------------------------------------------------------


def test_repair_restores_indexes_and_graph_from_sqlite(backend: Backend, inputs: Path) -> None:
    ingester = backend.ingester()
    ingester.ingest([inputs])
    stores = backend.stores
    entities_before = stores.graph.paper_entities("dpo")
    dpo, lora = stores.chunks.paper_rowids("dpo"), stores.chunks.paper_rowids("lora")
    stores.vectors.remove(np.asarray(dpo))  # vectors a crash lost (the file was not saved)
    stores.vectors.add(np.asarray([999_999]), np.ones((1, stores.vectors.dimension)))  # stale
    stores.keywords.remove(lora)
    stores.keywords.add([(888_888, "ghost", "a chunk of a paper that is gone")])
    stores.graph.remove_paper("resnet")
    stores.graph.replace_paper("ghost", stores.graph.paper_rdf("lora"))
    with stores.chunks.transaction() as db:  # a store written before embeddings were kept
        db.execute("DELETE FROM chunk_vectors WHERE rowid = ?", (dpo[0],))

    report = ingester.recover()

    assert (report.vectors_added, report.vectors_removed, report.vectors_encoded) == (
        len(dpo),
        1,
        1,
    )
    assert (report.keywords_added, report.keywords_removed) == (len(lora), 1)
    assert (report.graphs_rebuilt, report.graphs_removed) == (["resnet"], ["ghost"])
    assert_agree(stores)
    assert stores.graph.paper_entities("dpo") == entities_before
    hits = stores.vectors.search(backend.embedder.encode_query("aligning LMs without reward"), 1)
    assert hits[0][0] in dpo
    assert ingester.recover().clean  # a second repair finds nothing to do


def test_repair_is_clean_on_agreeing_stores(backend: Backend, inputs: Path) -> None:
    ingester = backend.ingester()
    ingester.ingest([inputs])
    assert ingester.recover().clean


# --- idempotence, replacement, removal --------------------------------------------------------


def test_same_file_twice_changes_nothing(backend: Backend, inputs: Path) -> None:
    ingester = backend.ingester()
    first = ingester.ingest([inputs])
    rowids = backend.stores.chunks.all_rowids().tolist()
    triples = backend.stores.graph.count_triples()
    second = ingester.ingest([inputs, inputs / "dpo.md"])
    assert sorted(first.ingested) == sorted(ABSTRACTS) and second.ingested == []
    assert sorted(second.unchanged) == sorted([*ABSTRACTS, "dpo"])
    assert backend.stores.chunks.all_rowids().tolist() == rowids
    assert backend.stores.graph.count_triples() == triples
    assert_agree(backend.stores)


def test_a_changed_file_replaces_its_paper(backend: Backend, inputs: Path) -> None:
    ingester = backend.ingester()
    ingester.ingest([inputs])
    old = backend.stores.chunks.paper_rowids("dpo")
    write_paper(inputs, "dpo", "Kangaroo locomotion energetics measured on treadmills.")
    report = ingester.ingest([inputs])
    assert report.ingested == ["dpo"] and sorted(report.unchanged) == ["lora", "resnet"]
    new = backend.stores.chunks.paper_rowids("dpo")
    assert not set(old) & set(backend.stores.vectors.ids().tolist())
    assert [rowid for rowid, _ in backend.stores.keywords.search("kangaroo", 5)] == new
    assert backend.stores.keywords.search("reward", 5) == []
    assert backend.stores.chunks.count_papers() == 3
    assert_agree(backend.stores)


def test_remove_takes_a_paper_out_of_every_store(backend: Backend, inputs: Path) -> None:
    ingester = backend.ingester()
    ingester.ingest([inputs])
    assert ingester.remove("dpo") is True
    assert not any(where_is(backend.stores, "dpo").values())
    assert ingester.remove("dpo") is False
    assert_agree(backend.stores)


# --- one writer per folder --------------------------------------------------------------------


def test_a_second_writer_on_the_same_folder_is_refused(tmp_path: Path, embedder: Embedder) -> None:
    """(Embedded Oxigraph locks its folder against a second opener by itself; a graph store that
    does not, such as a SPARQL server or Memory, relies on the writer lock.)"""
    settings = Settings(data_dir=tmp_path / "data", graph=GraphSettings(store="Memory"))
    first = Backend.open(settings, embedder=embedder)
    first.ingester()
    other = Backend.open(settings, embedder=embedder)
    try:
        with pytest.raises(WriterBusy, match="another papergraph process"):
            other.ingester()
        assert other.health()["papers"] == 0  # reading is fine
    finally:
        other.close()
    first.close()
    again = Backend.open(settings, embedder=embedder)
    try:
        assert isinstance(again.ingester(), Ingester)
    finally:
        again.close()


def test_snapshot_lock_holds_readers_while_a_paper_is_written() -> None:
    lock = SnapshotLock()
    events: list[str] = []
    with lock.read():
        writer = threading.Thread(target=lambda: _hold(lock, events))
        writer.start()
        time.sleep(0.05)
        assert events == []  # the writer waits for the reader
    writer.join(timeout=2)
    assert events == ["written"]
    reader_done: list[bool] = []
    with lock.write():
        reader = threading.Thread(target=lambda: reader_done.append(_read(lock)))
        reader.start()
        time.sleep(0.05)
        assert reader_done == []  # the reader waits for the writer
    reader.join(timeout=2)
    assert reader_done == [True]


def test_a_reader_that_cannot_wait_is_refused_while_a_paper_is_written() -> None:
    """The server takes the read lock on its event loop only when it is free at once."""
    lock = SnapshotLock()
    with lock.write():
        assert not lock.try_acquire_read()
    assert lock.try_acquire_read()
    events: list[str] = []
    writer = threading.Thread(target=lambda: _hold(lock, events))
    writer.start()
    time.sleep(0.05)
    assert events == []  # the reader it let in holds the writer off
    assert not lock.try_acquire_read()  # and a waiting writer goes before new readers
    lock.release_read()
    writer.join(timeout=2)
    assert events == ["written"]  # the refused attempts left nothing taken


def _hold(lock: SnapshotLock, events: list[str]) -> None:
    with lock.write():
        events.append("written")


def _read(lock: SnapshotLock) -> bool:
    with lock.read():
        return True
