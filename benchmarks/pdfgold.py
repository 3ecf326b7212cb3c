"""The pdfgold-dev corpus (real PDFs with Papers with Code gold) and its fixed tune/test split.

Every benchmark that tunes on these PDFs uses `split(record)`, so what one tunes on is what the
others leave out: `tune` when the first hex digit of the PDF's sha256 is below 8, else `test`.
Report figures on `test`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from benchmarks.shared_data import SHARED_DATA

PDFGOLD = SHARED_DATA / "pdfgold-dev"
Split = Literal["tune", "test"]


@dataclass(frozen=True)
class GoldPaper:
    """One gold.jsonl record: the PDF's path and what Papers with Code says of it."""

    pdf: Path
    arxiv_id: str | None
    title: str
    authors: list[str]
    methods: list[str]
    datasets: list[str]
    results: list[dict[str, Any]] = field(default_factory=list)
    sha256: str = ""

    @property
    def split(self) -> Split:
        return "tune" if self.sha256[:1] in set("01234567") else "test"


def gold_papers(split: Split | None = None, root: Path = PDFGOLD) -> Iterator[GoldPaper]:
    """The gold records in file order, of one split or all."""
    with (root / "gold.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            paper = GoldPaper(
                pdf=root / record["file"],
                arxiv_id=record.get("arxiv_id"),
                title=record["title"],
                authors=list(record.get("authors") or []),
                methods=list(record.get("methods") or []),
                datasets=list(record.get("datasets") or []),
                results=list(record.get("results") or []),
                sha256=record.get("sha256", ""),
            )
            if split is None or paper.split == split:
                yield paper
