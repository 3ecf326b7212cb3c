"""Ingest throughput against its bound, the encoder, in one run.

(Not named benchmarks/ingest.py: run as a script, that name would shadow the `ingest` package
for every script in this folder.)

Four figures over the same inputs, each on a fresh data folder and one loaded model:

1. PDF parsing: pages/s of the PDF reader (text, repair, parts, chunks), beside pypdf's bare
   `extract_text()` on the same pages as the baseline.
2. The encoder alone: chunks/s of `Embedder.encode` on exactly the chunks the readers make,
   in batches of `encode_batch_chunks` (the bound).
3. The full pipeline (`Ingester.ingest`: read, extract, encode, write every store) in chunks/s,
   and its ratio to 2 (target ≥ 0.9).
4. With `--sequential`: the per-paper loop ingest used before batching (read, extract, encode,
   write, one paper after another), the "before" figure.

    PYTHONPATH=. HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/ingest_throughput.py ../shared/data/pdfs \\
        --workers 1 --sequential [--pdf-engine pdfium]
"""

from __future__ import annotations

import argparse
import logging
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader as PypdfReader

from papergraph.api.backend import Backend
from papergraph.api.config import Settings
from papergraph.core.model import Paper
from papergraph.index.embed import Embedder
from papergraph.ingest.errors import InputError
from papergraph.ingest.readers.base import iter_inputs, read_file


@dataclass
class Figures:
    pdf_files: int = 0
    pdf_pages: int = 0
    parse_s: float = 0.0
    pypdf_s: float = 0.0
    papers: int = 0
    chunks: int = 0
    encode_s: float = 0.0
    pipeline_chunks: int = 0
    pipeline_s: float = 0.0
    sequential_s: float | None = None
    workers: int = 0
    pdf_engine: str = "pypdf"
    failed: list[str] = field(default_factory=list)

    @property
    def encode_rate(self) -> float:
        return self.chunks / self.encode_s if self.encode_s else 0.0

    @property
    def pipeline_rate(self) -> float:
        return self.pipeline_chunks / self.pipeline_s if self.pipeline_s else 0.0


def input_files(paths: Sequence[Path], limit: int | None) -> list[Path]:
    files = [item for item in iter_inputs(paths) if not isinstance(item, InputError)]
    return files[:limit] if limit else files


def read_papers(files: Sequence[Path], settings: Settings, figures: Figures) -> list[Paper]:
    """Every paper the files hold, timing the PDF reader and, beside it, bare pypdf."""
    papers: list[Paper] = []
    for path in files:
        started = time.perf_counter()
        items = list(read_file(path, settings.ingest))
        elapsed = time.perf_counter() - started
        papers += [item for item in items if isinstance(item, Paper)]
        figures.failed += [item.message for item in items if isinstance(item, InputError)]
        if path.suffix.lower() == ".pdf" and any(isinstance(i, Paper) for i in items):
            figures.pdf_files += 1
            figures.parse_s += elapsed
            figures.pdf_pages += pypdf_pages(path, figures)
    return papers


def pypdf_pages(path: Path, figures: Figures) -> int:
    """Pages of `path`, extracting each page's text with bare pypdf (the parsing baseline)."""
    started = time.perf_counter()
    reader = PypdfReader(path)
    for page in reader.pages:
        page.extract_text()
    figures.pypdf_s += time.perf_counter() - started
    return len(reader.pages)


def measure(
    paths: Sequence[Path],
    workdir: Path,
    *,
    workers: int = 0,
    sequential: bool = False,
    limit: int | None = None,
    embedder: Embedder | None = None,
    pdf_engine: str | None = None,
) -> Figures:
    settings = Settings(data_dir=workdir / "pipeline")
    settings.ingest.workers = workers
    if pdf_engine:
        settings.ingest.pdf_engine = pdf_engine  # type: ignore[assignment]  # argparse checks
    embedder = embedder or Embedder(settings.index)
    figures = Figures(workers=workers, pdf_engine=settings.ingest.pdf_engine)
    files = input_files(paths, limit)
    papers = read_papers(files, settings, figures)
    texts = [chunk.text for paper in papers for chunk in paper.chunks]
    figures.papers, figures.chunks = len(papers), len(texts)
    embedder.encode(texts[:8])  # load and warm the model outside every timing

    started = time.perf_counter()
    step = settings.ingest.encode_batch_chunks
    for start in range(0, len(texts), step):
        embedder.encode(texts[start : start + step])
    figures.encode_s = time.perf_counter() - started

    figures.pipeline_chunks, figures.pipeline_s = _pipeline(settings, embedder, files)
    if sequential:
        figures.sequential_s = _sequential(settings, embedder, files, workdir / "sequential")
    return figures


def _pipeline(settings: Settings, embedder: Embedder, files: list[Path]) -> tuple[int, float]:
    backend = Backend.open(settings, embedder=embedder)
    try:
        ingester = backend.ingester()
        started = time.perf_counter()
        report = ingester.ingest(files)
        return report.chunks, time.perf_counter() - started
    finally:
        backend.close()


def _sequential(settings: Settings, embedder: Embedder, files: list[Path], folder: Path) -> float:
    """The per-paper loop of ingest before batching: read, extract, encode, write, in turn."""
    backend = Backend.open(settings.model_copy(update={"data_dir": folder}), embedder=embedder)
    try:
        ingester = backend.ingester()
        started = time.perf_counter()
        for item in ingester.read(files):
            if isinstance(item, Paper) and item.chunks:
                ingester.ingest_paper(item)
        ingester.save()
        return time.perf_counter() - started
    finally:
        backend.close()


def report(figures: Figures) -> str:
    lines = [f"{'figure':<44} {'value':>10}  baseline"]
    if figures.pdf_pages:
        reader = figures.pdf_pages / figures.parse_s
        bare = figures.pdf_pages / figures.pypdf_s
        lines.append(
            f"{f'PDF reader ({figures.pdf_engine}), pages/s':<44} {reader:>10.1f}  "
            "bare pypdf extract_text "
            f"{bare:.1f} pages/s ({figures.pdf_files} PDFs, {figures.pdf_pages} pages)"
        )
    lines.append(
        f"{'encoder alone (model.encode), chunks/s':<44} {figures.encode_rate:>10.1f}  "
        f"{figures.chunks} chunks of {figures.papers} papers"
    )
    ratio = figures.pipeline_rate / figures.encode_rate if figures.encode_rate else 0.0
    lines.append(
        f"{f'full pipeline (workers={figures.workers}), chunks/s':<44} "
        f"{figures.pipeline_rate:>10.1f}  ratio to encoder alone {ratio:.2f} "
        "(target >= 0.9)"
    )
    if figures.sequential_s:
        rate = figures.pipeline_chunks / figures.sequential_s
        lines.append(
            f"{'per-paper loop (before batching), chunks/s':<44} {rate:>10.1f}  "
            f"ratio to encoder alone {rate / figures.encode_rate:.2f}"
        )
    lines += [f"failed input: {message}" for message in figures.failed]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path, help="Files or folders to ingest.")
    parser.add_argument("--workers", type=int, default=1, help="Reader/extractor processes.")
    parser.add_argument("--sequential", action="store_true", help="Also time the per-paper loop.")
    parser.add_argument("--limit", type=int, help="Use only the first N input files.")
    parser.add_argument(
        "--pdf-engine",
        choices=["pypdf", "pdfium"],
        help="What reads PDF pages (default: the setting, pypdf).",
    )
    parser.add_argument(
        "--keep", type=Path, help="Keep the data folders here (the pipeline's is <keep>/pipeline)."
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)  # pypdf warns about every odd font
    with tempfile.TemporaryDirectory() as scratch:
        workdir = args.keep or Path(scratch)
        figures = measure(
            args.paths,
            workdir,
            workers=args.workers,
            sequential=args.sequential,
            limit=args.limit,
            pdf_engine=args.pdf_engine,
        )
    print(report(figures))


if __name__ == "__main__":
    main()
