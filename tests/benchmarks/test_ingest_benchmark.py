"""The small form of benchmarks/ingest_throughput.py: every figure is measured, on the same chunks."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import pytest


@pytest.mark.parametrize("engine", ["pypdf", "pdfium"])
def test_ingest_benchmark_measures_pipeline_and_encoder_on_the_same_chunks(
    tmp_path: Path, embedder: Any, shared_data: Path, engine: str
) -> None:
    if engine == "pdfium":
        pytest.importorskip("pypdfium2", reason="pdf_engine=pdfium needs pypdfium2 (.[fast])")
    benchmark = importlib.import_module("benchmarks.ingest_throughput")
    pdfs = sorted((shared_data / "pdfs").rglob("*.pdf"), key=lambda p: p.stat().st_size)[:1]
    if not pdfs:
        pytest.skip("no PDFs in the shared data")
    figures = benchmark.measure(
        pdfs, tmp_path, workers=0, sequential=True, embedder=embedder, pdf_engine=engine
    )
    assert figures.pdf_files >= 1 and figures.pdf_pages >= 1
    assert figures.chunks > 0
    assert figures.pipeline_chunks == figures.chunks  # the pipeline encoded exactly those chunks
    assert figures.encode_rate > 0 and figures.pipeline_rate > 0 and figures.sequential_s
    table = benchmark.report(figures)
    assert "ratio to encoder alone" in table and "bare pypdf" in table
    assert f"PDF reader ({engine})" in table


def test_encoder_benchmark_compares_backends_with_torch(tmp_path: Path, shared_data: Path) -> None:
    pytest.importorskip("onnxruntime")
    benchmark = importlib.import_module("benchmarks.encoder")
    passages, queries = benchmark.corpus(24, 6)
    rows = benchmark.measure(passages, queries, tmp_path / "onnx")
    assert [row.backend for row in rows] == ["torch", "onnx", "onnx-int8"]
    assert rows[0].overlap == 1.0
    assert rows[1].cosine_to_reference > 0.999  # the fp32 export computes the same vectors
    assert 0.9 < rows[2].cosine_to_reference < 1.0  # int8 is close, not equal
    assert "top-10 overlap" in benchmark.report(rows)
