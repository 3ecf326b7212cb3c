"""The small form of benchmarks/query.py and benchmarks/vectors.py: a real server answers every
request kind under 1 and 8 clients, and the vector table has both layouts at each size."""

from __future__ import annotations

import importlib
from pathlib import Path

import numpy as np


def test_query_benchmark_drives_a_real_server_on_a_synthetic_corpus(
    tmp_path: Path, shared_data: Path
) -> None:
    benchmark = importlib.import_module("benchmarks.query")
    benchmark.SHARED = shared_data
    benchmark.build_corpus(tmp_path / "corpus", papers=20, chunks=3)
    figures, (rss, peak) = benchmark.run(tmp_path / "corpus", requests=5)
    kinds = {figure.name for figure in figures}
    assert {
        "static file (baseline)",
        "search semantic",
        "search keyword",
        "search hybrid",
        "related papers",
        "paper detail",
    } <= kinds
    assert any(kind.startswith("sparql") for kind in kinds)
    assert {figure.clients for figure in figures} == {1, 8}
    assert all(figure.requests >= 2 and figure.p99_ms >= figure.p50_ms > 0 for figure in figures)
    assert 0 < rss <= peak
    table = benchmark.report(figures)
    assert "| search hybrid | 8 |" in table
    # each kind's rate is read against the static file's in the same run, and its CPU is kept
    static = [line for line in table.splitlines() if line.startswith("| static file")]
    assert len(static) == 2 and all("| 1.00 |" in line for line in static)
    assert any(figure.server_cpu_ms > 0 for figure in figures)


def test_vector_benchmark_compares_exact_and_hnsw(tmp_path: Path) -> None:
    benchmark = importlib.import_module("benchmarks.vectors")
    queries = benchmark.synthetic(20, seed=1)
    rows = benchmark.run(
        "synthetic", benchmark.synthetic(2000, seed=0), queries, benchmark.IndexSettings(), tmp_path
    )
    assert [row.layout for row in rows] == ["flat", "hnsw"]
    assert rows[0].recall == 1.0 and 0.9 <= rows[1].recall <= 1.0
    assert all(row.file_mb > 0 and row.p50_ms > 0 for row in rows)


def test_vector_benchmark_measures_recall_on_real_sentence_embeddings(
    tmp_path: Path, shared_data: Path
) -> None:
    benchmark = importlib.import_module("benchmarks.vectors")
    cache = tmp_path / "sentences.npz"
    base, queries = benchmark.sentence_vectors(300, 12, cache)
    assert base.shape == (300, 384) and queries.shape == (12, 384)
    assert np.allclose(np.linalg.norm(base, axis=1), 1.0, atol=1e-4)
    again, _ = benchmark.sentence_vectors(300, 12, cache)  # from the cache, not re-encoded
    assert np.array_equal(again, base)
    rows = benchmark.run("real sentences", base, queries, benchmark.IndexSettings(), tmp_path)
    assert rows[0].recall == 1.0 and 0.9 <= rows[1].recall <= 1.0
