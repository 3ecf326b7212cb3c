"""Reading and extraction in worker processes give what the in-process path gives, in order."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from papergraph.ingest.errors import InputError
from papergraph.ingest.extract.factory import create_extractor
from papergraph.ingest.prepare import Prepared, Preparer
from papergraph.ingest.settings import IngestSettings


def write_inputs(folder: Path) -> list[Path]:
    folder.mkdir()
    for n, topic in enumerate(["LoRA adapters on GLUE", "DPO on GSM8K", "ResNet on ImageNet"]):
        (folder / f"paper-{n}.md").write_text(f"# Paper {n}\n\nWe study {topic} with BERT.\n")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\nnot really a pdf")
    return sorted(folder.iterdir())


def summary(items: list[Prepared | InputError]) -> list[tuple[str, object]]:
    return [
        ("error", item.message)
        if isinstance(item, InputError)
        else (item.paper.id, sorted(e.key for e in item.extraction.entities))
        for item in items
    ]


def test_an_input_error_survives_pickling() -> None:
    error = InputError("a.pdf", "corrupt", page=3)
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.path, copy.reason, copy.page, copy.message) == (
        "a.pdf",
        "corrupt",
        3,
        error.message,
    )


@pytest.mark.parametrize("workers", [1, 2])
def test_workers_prepare_the_same_papers_in_input_order(tmp_path: Path, workers: int) -> None:
    paths = write_inputs(tmp_path / "inputs")
    extractor = create_extractor("lexicon")
    in_process = list(Preparer(IngestSettings(extractor="lexicon"), extractor).from_paths(paths))
    settings = IngestSettings(extractor="lexicon", workers=workers)
    pooled = list(Preparer(settings, extractor).from_paths(paths))
    assert summary(pooled) == summary(in_process)
    errors = [item.message for item in pooled if isinstance(item, InputError)]
    assert any("broken.pdf" in m for m in errors) and any("empty.txt" in m for m in errors)
    assert sum(isinstance(item, Prepared) for item in pooled) == 3


def test_ingest_with_workers_writes_every_paper_once_and_reports_bad_files(
    tmp_path: Path, embedder: object
) -> None:
    from papergraph.api.backend import Backend
    from papergraph.api.config import Settings

    paths = write_inputs(tmp_path / "inputs")
    settings = Settings(
        data_dir=tmp_path / "data",
        ingest=IngestSettings(workers=2, extractor="lexicon", encode_batch_chunks=2),
    )
    backend = Backend.open(settings, embedder=embedder)  # type: ignore[arg-type]
    try:
        first = next(p for p in paths if p.name == "paper-0.md")
        report = backend.ingester().ingest([*paths, first])  # paper-0 twice
        stores = backend.stores
        assert sorted(report.ingested) == ["paper-0", "paper-1", "paper-2"]
        assert report.unchanged == ["paper-0"]
        assert sorted(f.path for f in report.failed) == [str(p) for p in paths if p.suffix != ".md"]
        rowids = sorted(int(r) for r in stores.chunks.all_rowids())
        assert sorted(int(i) for i in stores.vectors.ids()) == rowids
        assert sorted(int(r) for r in stores.keywords.rowids()) == rowids
        assert set(stores.graph.paper_ids()) == {"paper-0", "paper-1", "paper-2"}
        hit = stores.vectors.search(embedder.encode(["DPO on GSM8K with BERT"])[0], 1)  # type: ignore[attr-defined]
        assert stores.chunks.chunks_by_rowids([hit[0][0]])[0]["paper_id"] == "paper-1"
    finally:
        backend.close()


def test_a_worker_that_dies_costs_only_the_input_that_killed_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The death breaks the pool and fails every task in flight; each is run again alone, so
    only the killer is reported, and the inputs after it go to a fresh pool."""
    monkeypatch.syspath_prepend(str(Path(__file__).parent))  # spawned workers import from here
    folder = tmp_path / "inputs"
    folder.mkdir()
    for n in range(8):
        text = "KILL-THE-WORKER" if n == 2 else f"We study LoRA adapters on GLUE, run {n}."
        (folder / f"paper-{n}.md").write_text(f"# Paper {n}\n\n{text}\n")
    settings = IngestSettings(extractor="worker_killer.KillingExtractor", workers=2)
    items = list(
        Preparer(settings, create_extractor("lexicon")).from_paths(sorted(folder.iterdir()))
    )
    assert [item.paper.id if isinstance(item, Prepared) else "error" for item in items] == [
        "paper-0",
        "paper-1",
        "error",
        "paper-3",
        "paper-4",
        "paper-5",
        "paper-6",
        "paper-7",
    ]
    error = items[2]
    assert isinstance(error, InputError)
    assert "paper-2.md" in error.message and "died" in error.message
    assert all(
        "lora" in {e.key.split("/")[-1] for e in item.extraction.entities}
        for item in items
        if isinstance(item, Prepared)
    )
