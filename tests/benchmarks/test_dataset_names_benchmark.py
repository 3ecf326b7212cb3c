"""benchmarks/dataset_names.py: how many keys the result rows' dataset names resolve to."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.dataset_names import main


def _extract(path: Path, *datasets: str) -> Path:
    rows = [{"dataset": name, "value": 1.0} for name in datasets] + [
        {"dataset": "X", "value": None}
    ]
    path.write_text(json.dumps({"paper_id": "p", "results": rows}) + "\n", "utf-8")
    return path


def test_spellings_of_one_dataset_count_once_and_unlisted_names_are_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _extract(tmp_path / "out.jsonl", "SQuAD 1.1", "SQuAD v1.1", "SQuAD2.0", "Zorblax-7")
    assert main([str(out), "--show-unlisted"]) == 0
    printed = capsys.readouterr().out
    assert "names 4 (rows 4); keys 3;" in printed
    assert "names resolving to a listed name 3" in printed
    assert "met  dataset/squad11: ['SQuAD 1.1', 'SQuAD v1.1']" in printed
    assert "none 'Zorblax-7'" in printed


def test_a_missing_file_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "gone.jsonl")]) == 2
    assert "gone.jsonl" in capsys.readouterr().err
