"""The shown-entity benchmark in CI size: one pdfgold-dev PDF per split through the scoring."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from benchmarks.entities_pdf import benchmark

LINE = re.compile(
    r"^\s+(before|after)\s+shown-entity precision ([\d.]+) \((\d+)/(\d+), ([\d.]+) per paper\)"
    r"\s+dataset recall ([\d.]+)"
)


def test_curated_extraction_shows_fewer_entities_and_reports_both(shared_data: Path) -> None:
    if not (shared_data / "pdfgold-dev" / "gold.jsonl").is_file():
        pytest.skip(f"no pdfgold-dev under {shared_data}")
    text = benchmark(papers=1, sample_size=5)
    rows = [m.groups() for line in text.splitlines() if (m := LINE.match(line))]
    assert [name for name, *_ in rows] == ["before", "after", "before", "after"]
    for _, precision, right, shown, _, recall in rows:
        assert 0.0 <= float(precision) <= 1.0 and 0.0 <= float(recall) <= 1.0
        assert int(right) <= int(shown)
    for before, after in (rows[0:2], rows[2:4]):
        assert float(after[4]) < float(before[4])  # fewer entities shown per paper
    assert "shown entities of the test split" in text


def test_the_wrong_list_names_each_entity_its_split_paper_and_origins(shared_data: Path) -> None:
    if not (shared_data / "pdfgold-dev" / "gold.jsonl").is_file():
        pytest.skip(f"no pdfgold-dev under {shared_data}")
    text = benchmark(papers=2, wrong=True)
    listed = text.split("Shown entities read wrong, or unread and not judged right:")[1]
    lines = [line for line in listed.splitlines() if line]
    assert lines  # A3C's loose "AUC" and "top-5 accuracy" were read wrong
    for line in lines:
        assert re.match(
            r"^  (tune|test)  \S+\.pdf  \w+: .+  \([\w, ]+; (read: wrong|unread)\)$", line
        )


def test_one_split_reports_that_split_alone(shared_data: Path) -> None:
    """While tuning, `--split tune` scores the tune PDFs and never reads a test one."""
    if not (shared_data / "pdfgold-dev" / "gold.jsonl").is_file():
        pytest.skip(f"no pdfgold-dev under {shared_data}")
    text = benchmark(papers=1, sample_size=5, splits=("tune",))
    assert "tune split (1 PDFs)" in text
    assert "test split" not in text
    assert [m.group(1) for line in text.splitlines() if (m := LINE.match(line))] == [
        "before",
        "after",
    ]
