"""The retrieval benchmark's CI-sized form: 60 SciTLDR papers through the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.retrieval import load_corpus, print_report, run


def test_corpus_pairs_each_tldr_with_its_paper(shared_data: Path) -> None:
    corpus = load_corpus(shared_data / "scitldr", papers=10)
    ids = {paper["id"] for paper in corpus.papers}
    assert len(ids) == 10
    assert corpus.dev and corpus.test
    assert all(item.paper_id in ids for item in corpus.dev + corpus.test)
    assert all(paper["abstract"] and paper["title"] for paper in corpus.papers)


def test_small_benchmark_reports_every_mode(
    shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = run(shared_data / "scitldr", papers=30, work_dir=tmp_path, log=False)
    assert report.papers == 30 and report.chunks >= 30
    assert set(report.test) == {"keyword", "semantic", "hybrid", "hybrid-tuned"}
    for scores in report.test.values():
        assert scores.queries > 30
        assert 0.0 <= scores.mrr <= scores.recall <= 1.0
    # 30 candidate papers: a TLDR finds its paper most of the time in every mode
    assert min(scores.mrr for scores in report.test.values()) > 0.5
    assert list(tmp_path.glob("data-*/built.json"))  # the next run reuses the stores
    print_report(report)
    printed = capsys.readouterr().out
    assert "MRR@10" in printed and "baseline" in printed and "hybrid" in printed
