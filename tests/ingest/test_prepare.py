"""Reading and extraction in worker processes give what the in-process path gives, in order."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from ingest.errors import InputError
from ingest.extract.factory import create_extractor
from ingest.prepare import Prepared, Preparer
from ingest.settings import IngestSettings


def write_inputs(folder: Path) -> list[Path]:
    folder.mkdir()
    for n, topic in enumerate(["LoRA adapters on GLUE", "DPO on GSM8K", "ResNet on ImageNet"]):
        (folder / f"paper-{n}.md").write_text(f"# Paper {n}\n\nWe study {topic} with BERT.\n")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\nnot really a pdf")
    return sorted(folder.iterdir())


def summary(items: list[Prepared | InputError]) -> list[tuple[str, object]]:
    return [
        ("error", item.message) if isinstance(item, InputError)
        else (item.paper.id, sorted(e.key for e in item.extraction.entities))
        for item in items
    ]


def test_an_input_error_survives_pickling() -> None:
    error = InputError("a.pdf", "corrupt", page=3)
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.path, copy.reason, copy.page, copy.message) == ("a.pdf", "corrupt", 3, error.message)


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
