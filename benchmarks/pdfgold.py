"""The pdfgold-dev corpus (real PDFs with Papers with Code gold) and its fixed tune/test split.

Every benchmark that tunes on these PDFs uses `split(record)`, so what one tunes on is what the
others leave out: `tune` when the first hex digit of the PDF's sha256 is below 8, else `test`.
Report figures on `test`.

`hand=True` adds our own reading of tune papers that Papers with Code gives no rows
(benchmarks/data/hand_gold/*.jsonl, one headline row per line, `file` naming the PDF as gold.jsonl
does): the paper's own models on its main tables, written from the PDF before looking at what the
extractor reads. Test papers never get hand rows; the loader refuses one.

`gold_papers("shared")` is a third set, tune material too: the shared PDFs users read (`pdfs/`,
no Papers with Code gold) with our hand-read headline rows alone
(benchmarks/data/hand_gold_shared/*.jsonl, `file` naming the PDF below `pdfs/`), written by the
same protocol. `split=None` keeps to pdfgold-dev's two splits.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from benchmarks.shared_data import SHARED_DATA

PDFGOLD = SHARED_DATA / "pdfgold-dev"
HAND_GOLD = Path(__file__).resolve().parent / "data" / "hand_gold"
SHARED_PDFS = SHARED_DATA / "pdfs"
HAND_GOLD_SHARED = HAND_GOLD.parent / "hand_gold_shared"
Split = Literal["tune", "test", "shared"]


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
    shared: bool = False  # one of the shared PDFs, with our hand gold alone

    @property
    def split(self) -> Split:
        if self.shared:
            return "shared"
        return "tune" if self.sha256[:1] in set("01234567") else "test"


def hand_rows(folder: Path = HAND_GOLD) -> dict[str, list[dict[str, Any]]]:
    """Hand-read headline rows by PDF file ("pdfs/<id>.pdf"), marked in the PDF and by hand."""
    rows: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                row = json.loads(line)
                if not {"file", "dataset", "metric", "value"} <= row.keys():
                    raise ValueError(f"{path}:{number}: needs file, dataset, metric and value")
                rows.setdefault(row["file"], []).append(
                    {**row, "in_pdf": True, "source": "papergraph-hand"}
                )
    return rows


def gold_papers(
    split: Split | None = None, root: Path = PDFGOLD, hand: bool = False
) -> Iterator[GoldPaper]:
    """The gold records in file order, of one split or both; `hand` adds our hand-read rows."""
    if split == "shared":
        yield from shared_papers()
        return
    extra = hand_rows() if hand else {}
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
            if record["file"] in extra:
                if paper.split != "tune":
                    raise ValueError(f"hand gold names a test paper: {record['file']}")
                paper = replace(paper, results=paper.results + extra[record["file"]])
            if split is None or paper.split == split:
                yield paper


def shared_papers(folder: Path = HAND_GOLD_SHARED, root: Path = SHARED_PDFS) -> Iterator[GoldPaper]:
    """The shared PDFs we wrote headline rows for, one paper per PDF, in file-name order."""
    for file, rows in sorted(hand_rows(folder).items()):
        if not (root / file).is_file():
            raise ValueError(f"hand gold names no shared PDF: {file}")
        yield GoldPaper(
            pdf=root / file,
            arxiv_id=None,
            title="",
            authors=[],
            methods=[],
            datasets=[],
            results=rows,
            shared=True,
        )
