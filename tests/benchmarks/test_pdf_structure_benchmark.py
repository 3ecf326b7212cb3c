"""The small form of benchmarks/pdf_structure.py: two gold PDFs and one hand-checked paper."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest


def test_pdf_structure_benchmark_scores_front_matter(shared_data: Path) -> None:
    benchmark = importlib.import_module("benchmarks.pdf_structure")
    gold = sorted((shared_data / "pdfgold-dev" / "pdfs").glob("*.pdf"))[:2]
    checked = shared_data / "pdfs" / "labmlai_annotated_dl_papers" / "1706.03762.pdf"
    if not gold or not checked.exists():
        pytest.skip("pdfgold-dev or the hand-checked PDFs are not in the shared data")
    reads, seconds = benchmark.read_all([*gold, checked], workers=1)
    assert all(read.pages > 0 and read.title for read in reads)
    table = benchmark.report(reads, seconds, len(gold), workers=1)
    assert "abstracts ending right (hand-checked, the 39): 1/1" in table
    assert "pages/s with 1 workers" in table and "author F1" in table
    scored = {g.pdf.name: g for g in importlib.import_module("benchmarks.pdfgold").gold_papers()}
    for read in reads[:2]:
        hits, _found, wanted = benchmark.author_counts(read.authors, scored[read.file].authors)
        assert hits >= 0.5 * wanted  # every gold paper's authors are mostly found


def test_family_names_match_across_spellings() -> None:
    benchmark = importlib.import_module("benchmarks.pdf_structure")
    assert benchmark.author_counts(
        ["Tri Dao", "D. Y. Fu", "Mountain View"], ["Tri Dao", "Daniel Y. Fu"]
    ) == (2, 3, 2)
    assert benchmark.prf([(2, 3, 2)]) == pytest.approx((2 / 3, 1.0, 0.8))
