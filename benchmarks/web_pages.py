"""How long the web pages take to render, beside the JSON answers they are built from.

Ingests a corpus into a fresh data folder, then times each page and its baseline (the JSON API
request(s) the page adds to: grouping, facets, evidence passages, results) through the app, in
process, median of `--repeats` runs after one warm-up.

    PYTHONPATH=. HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/web_pages.py \\
        ../shared/data/ai-arxiv2-sample.jsonl --repeats 20
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from papergraph.api.app import create_app
from papergraph.api.backend import Backend
from papergraph.api.config import Settings


@dataclass
class Timing:
    page: str
    page_ms: float
    baseline: str
    baseline_ms: float


def _median_ms(client: TestClient, urls: list[str], repeats: int) -> float:
    for url in urls:  # warm-up, and a check that every URL answers
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code, response.text[:300])
    runs = []
    for _ in range(repeats):
        started = time.perf_counter()
        for url in urls:
            client.get(url)
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs)


def _pairs(backend: Backend, query: str) -> list[tuple[str, list[str], list[str]]]:
    """(name, page URLs, baseline URLs) for a busy paper and a busy entity of the corpus."""
    entity = backend.stores.graph.entities(limit=1)[0]["id"]
    paper = max(backend.stores.graph.paper_entity_keys().items(), key=lambda item: len(item[1]))[0]
    return [
        ("search", [f"/?q={query}"], [f"/search?q={query}&k=100&mode=hybrid"]),
        ("browse all papers", ["/"], ["/papers?limit=10"]),
        ("paper", [f"/paper/{paper}"], [f"/papers/{paper}", f"/papers/{paper}/related?k=8"]),
        ("entity", [f"/entity/{entity}"], [f"/entities/{entity}"]),
        ("graph", [f"/graph?paper={paper}"], [f"/papers/{paper}"]),
    ]


def measure(
    corpus: list[Path], data_dir: Path, repeats: int, query: str, embedder: Any = None
) -> list[Timing]:
    settings = Settings(data_dir=data_dir)
    backend = Backend.open(settings, embedder=embedder)
    try:
        report = backend.ingester().ingest(corpus)
        assert report.ok, [failure.message for failure in report.failed]
        with TestClient(create_app(settings, backend)) as client:
            return [
                Timing(
                    name,
                    _median_ms(client, page, repeats),
                    " + ".join(base),
                    _median_ms(client, base, repeats),
                )
                for name, page, base in _pairs(backend, query)
            ]
    finally:
        backend.close()


def report(timings: list[Timing]) -> str:
    lines = [f"{'page':<18} {'page ms':>8}  {'baseline ms':>11}  baseline (JSON)"]
    lines += [
        f"{t.page:<18} {t.page_ms:>8.1f}  {t.baseline_ms:>11.1f}  {t.baseline}" for t in timings
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="+", type=Path)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--query", default="direct preference optimization")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        print(report(measure(args.corpus, Path(folder), args.repeats, args.query)))


if __name__ == "__main__":
    main()
