"""The CI form of benchmarks/related.py: a few SciREX papers, every ranking in one run."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.related import gold_pairs, ndcg_at, paper_row, read_scirex, relevance, run


def test_ndcg_counts_relevant_papers_by_rank() -> None:
    assert ndcg_at(["a", "b"], {"a"}) == 1.0
    assert ndcg_at(["x", "a"], {"a"}) == pytest.approx(1 / 1.5849625)
    assert ndcg_at(["x", "y"], {"a"}) == 0.0


def test_scirex_rows_and_gold_relatedness(shared_data: Path) -> None:
    documents = read_scirex(shared_data / "scirex" / "train_docs", 30)
    row = paper_row(documents[0], 50)
    assert row["title"].startswith("Full-Resolution Residual Networks")
    assert row["abstract"].startswith("Semantic image segmentation")
    assert len(row["text"].split()) == 50 and "section :" not in row["text"]
    related = relevance({doc["doc_id"]: gold_pairs(doc) for doc in documents})
    pairs = {doc["doc_id"]: gold_pairs(doc) for doc in documents}
    assert any(related.values())
    for paper, others in related.items():
        assert paper not in others
        assert all(pairs[paper] & pairs[other] for other in others)


def test_small_run_reports_every_ranking(
    shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], embedder
) -> None:
    scirex = shared_data / "scirex" / "train_docs"
    figures = run(scirex, 30, 30, tmp_path, sweep=False, embedder=embedder)
    assert {"embedding-only", "graph-only", "fused (defaults)"} <= set(figures)
    names = set(figures) - {"embedding-only", "graph-only", "fused (defaults)"}
    assert {name.split(" (")[0] for name in names} == {"fused + sentences", "facet=result"}
    for by_split in figures.values():
        assert all(0.0 <= value <= 1.0 for value in by_split.values())
    assert figures["embedding-only"]["all"] > 0.3  # text finds related papers
    assert figures["graph-only"]["all"] > 0.0  # extracted entities do too
    printed = capsys.readouterr().out
    assert "NDCG@10" in printed and "queries with a related paper" in printed
