"""`papergraph ingest` here (this process writes the stores) or there (a running server does)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from papergraph.api.cli_output import errors
from papergraph.api.cli_progress import IngestProgress
from papergraph.api.cli_remote import upload_all
from papergraph.api.remote import RemoteServer
from papergraph.ingest.errors import InputError
from papergraph.ingest.pipeline import Ingester, IngestReport
from papergraph.ingest.ray_engine import RayIngester

if TYPE_CHECKING:
    from papergraph.api.backend import Backend


def ingest_here(backend: Backend, paths: list[Path], inputs: int, every_s: float) -> IngestReport:
    """Ingest into the stores of this data folder, showing progress; closes the backend."""
    try:
        ingester = _ingester(backend)
        with IngestProgress(errors, inputs, every_s) as progress:
            report = ingester.ingest(paths, on_item=progress.advance)
            progress.describe("encoding paper-level vectors")
            backend.paper_vectors.matrix()  # now, not in the first related-papers request
        return report
    finally:
        backend.close()


def _ingester(backend: Backend) -> Ingester | RayIngester:
    """The configured engine (`ingest.engine`) over this backend's writer."""
    ingester = backend.ingester()
    if backend.settings.ingest.engine == "local":
        return ingester
    return RayIngester(ingester, backend.settings.index, backend.embedder.dimension)


def ingest_there(
    client: RemoteServer, paths: list[Path], inputs: int, every_s: float
) -> IngestReport:
    """Send every input to the running server, one file at a time, showing progress."""
    try:
        with IngestProgress(errors, inputs, every_s) as progress:

            def answered(item: Path | InputError, report: IngestReport) -> None:
                name = item.path if isinstance(item, InputError) else str(item)
                progress.input_done(name, len(report.ingested), report.chunks, len(report.failed))

            return upload_all(client, paths, answered)
    finally:
        client.close()
