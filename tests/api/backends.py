"""Backends the API tests open over the test corpus they write (`corpus_dir`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from papergraph.api.backend import Backend
from papergraph.api.config import Settings
from papergraph.index.embed import Embedder


@contextmanager
def ingested(settings: Settings, embedder: Embedder, corpus_dir: Path) -> Iterator[Backend]:
    """A backend over `settings` with every file of `corpus_dir` ingested (the test fails
    naming the files that were not), closed at the end of the block."""
    backend = Backend.open(settings, embedder=embedder)
    try:
        report = backend.ingester().ingest([corpus_dir])
        assert report.ok, [failure.message for failure in report.failed]
        yield backend
    finally:
        backend.close()
