"""The small form of benchmarks/web_pages.py: every page and its baseline answer and are timed."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]


def _benchmark() -> Any:
    spec = importlib.util.spec_from_file_location("web_pages", REPO / "benchmarks" / "web_pages.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_page_benchmark_runs_on_a_small_corpus(
    tmp_path: Path, embedder: Any, web_corpus_dir: Path
) -> None:
    benchmark = _benchmark()
    timings = benchmark.measure(
        [web_corpus_dir],
        tmp_path / "data",
        repeats=2,
        query="preference optimization",
        embedder=embedder,
    )
    assert [t.page for t in timings] == ["search", "browse all papers", "paper", "entity", "graph"]
    assert all(t.page_ms > 0 and t.baseline_ms > 0 for t in timings)
    table = benchmark.report(timings)
    assert table.splitlines()[0].split()[:3] == ["page", "page", "ms"]
    assert "/papers/" in table  # the baselines are named beside the figures
