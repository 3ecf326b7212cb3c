"""Encoder backends against the reference (sentence-transformers on torch, fp32), in one run.

For each backend: chunks/s on the same real passages (SciTLDR abstracts, ~150-250 tokens), and
the quality cost as the top-10 neighbour overlap with torch fp32: for every query (a SciTLDR
one-sentence summary), the share of the reference's 10 nearest passages that the backend's own
vectors also rank in their top 10. The ONNX export is made on first use (not timed).

    PYTHONPATH=. HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/encoder.py --passages 600 --queries 200
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from benchmarks.shared_data import SHARED_DATA
from papergraph.index.embed import Embedder
from papergraph.index.settings import IndexSettings

BACKENDS = ("torch", "onnx", "onnx-int8")


@dataclass
class Row:
    backend: str
    chunks_per_s: float
    overlap: float
    cosine_to_reference: float


def corpus(passages: int, queries: int) -> tuple[list[str], list[str]]:
    texts, summaries = [], []
    with open(SHARED_DATA / "scitldr" / "train.jsonl") as rows:
        for line in rows:
            row = json.loads(line)
            texts.append(" ".join(row["source"]))
            summaries.append(row["target"][0])
            if len(texts) >= max(passages, queries):
                break
    return texts[:passages], summaries[:queries]


def top10(passages: np.ndarray, queries: np.ndarray) -> np.ndarray:
    return np.argsort(-(queries @ passages.T), axis=1)[:, :10]


def measure(
    passages: list[str], queries: list[str], cache: Path, backends: tuple[str, ...] = BACKENDS
) -> list[Row]:
    rows: list[Row] = []
    reference: tuple[np.ndarray, np.ndarray] | None = None
    for backend in backends:
        embedder = Embedder(IndexSettings(encoder_backend=backend, onnx_cache_dir=cache))
        embedder.encode(passages[:4])  # load (and export) outside the timing
        started = time.perf_counter()
        vectors = embedder.encode(passages)
        rate = len(passages) / (time.perf_counter() - started)
        asked = embedder.encode(queries)
        if reference is None:
            reference = (vectors, asked)
        nearest, expected = top10(vectors, asked), top10(*reference)
        overlap = np.mean(
            [len(set(a) & set(b)) / 10 for a, b in zip(nearest, expected, strict=True)]
        )
        cosine = float(np.mean(np.sum(vectors * reference[0], axis=1)))
        rows.append(Row(backend, rate, float(overlap), cosine))
    return rows


def report(rows: list[Row]) -> str:
    base = rows[0].chunks_per_s
    lines = [
        "| backend | chunks/s | vs torch fp32 | top-10 overlap vs torch fp32 | mean cosine |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| {r.backend} | {r.chunks_per_s:.1f} | {r.chunks_per_s / base:.2f} | "
        f"{r.overlap:.3f} | {r.cosine_to_reference:.4f} |"
        for r in rows
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=600)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--cache", type=Path, help="ONNX cache folder (default: a temporary one).")
    args = parser.parse_args()
    passages, queries = corpus(args.passages, args.queries)
    with tempfile.TemporaryDirectory() as scratch:
        print(report(measure(passages, queries, args.cache or Path(scratch))))


if __name__ == "__main__":
    main()
