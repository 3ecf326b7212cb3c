"""Results read from the tables of real PDFs: the Transformer's BLEU, ResNet's top-5 error.

Tables come from the PDF reader, or, where it gives none, from the benchmark's throwaway dump
(benchmarks/pdf_tables.py). Skips without the shared corpora.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from benchmarks.pdf_tables import pdf_tables
from benchmarks.shared_data import SHARED_DATA
from papergraph.core.model import Result
from papergraph.ingest.extract import create_extractor
from papergraph.ingest.extract.report import read_papers
from papergraph.ingest.settings import IngestSettings

PAPERS = SHARED_DATA / "pdfs" / "labmlai_annotated_dl_papers"


def _results(name: str) -> list[Result]:
    path = PAPERS / name
    if not path.exists():
        pytest.skip(f"{path} not found (set PAPERGRAPH_SHARED_DATA)")
    pytest.importorskip("pdfplumber", reason="the table dump needs pdfplumber")
    paper = next(p for p in read_papers([path], IngestSettings()) if not hasattr(p, "message"))
    paper = replace(paper, tables=paper.tables or pdf_tables(Path(path)))
    return create_extractor("tagged").extract(paper).results  # type: ignore[arg-type]


def test_attention_is_all_you_need_gives_the_transformer_bleu_with_its_cell() -> None:
    rows = {(r.method, r.dataset, r.metric, r.value): r for r in _results("1706.03762.pdf")}
    german = rows[("Transformer (big)", "WMT 2014 English-German", "BLEU", 28.4)]
    assert ("Transformer (big)", "WMT 2014 English-French", "BLEU", 41.8) in rows
    evidence = german.evidence[0]
    assert (evidence.table, evidence.page, evidence.cell) == ("2", 8, "28.4")
    assert evidence.row_header == "Transformer (big)" and "EN-DE" in evidence.column_header
    assert evidence.caption.startswith("Table 2")


def test_resnet_gives_its_imagenet_top5_error_lower_is_better() -> None:
    top5 = [r for r in _results("resnet.pdf") if r.metric == "Top-5 Error"]
    assert any(r.dataset == "ImageNet" and r.value == 3.57 for r in top5)
    assert all(r.higher_is_better is False and r.evidence[0].cell for r in top5)
