"""Papers sent to the server: saved under a name the server makes, then ingested like a file.

The client's file name is a label only. On disk the upload lives in a fresh private folder under
a name built from the label's characters `[A-Za-z0-9._~-]` (anything else becomes `_`, so no
separator, no `..` path, no control character reaches the file system); the paper id a PDF or
text file gets from its name is then the same as `papergraph ingest` would give. Errors and the
stored `source` name the label, never the temporary path.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import BinaryIO

from papergraph.api.backend import Backend
from papergraph.api.errors import PayloadTooLarge, UnsupportedMediaType
from papergraph.core.model import Paper, url_safe_id
from papergraph.ingest.errors import InputError
from papergraph.ingest.pipeline import IngestReport

SUFFIXES = (".pdf", ".jsonl", ".json", ".parquet", ".txt", ".md")  # every reader's
COPY_BYTES = 1 << 20
MAX_STEM = 80


def upload_suffix(label: str) -> str:
    """The suffix that picks the reader, or 415."""
    suffix = PurePosixPath(label).suffix.lower()
    if suffix not in SUFFIXES:
        raise UnsupportedMediaType(
            f"{label!r}: unsupported upload type {suffix or '(none)'!r}; send {', '.join(SUFFIXES)}"
        )
    return suffix


def safe_name(label: str, suffix: str) -> str:
    """A single path component made from the label's last part (Windows or POSIX)."""
    stem = url_safe_id(PurePosixPath(PureWindowsPath(label).name).stem)[:MAX_STEM].lstrip(".")
    return (stem or "upload") + suffix


@contextmanager
def saved_upload(stream: BinaryIO, label: str, max_bytes: int) -> Iterator[Path]:
    """The upload copied into a private temporary folder (removed afterwards); 413 past the
    size limit, checked while copying, so a large body is never held whole."""
    suffix = upload_suffix(label)
    folder = Path(tempfile.mkdtemp(prefix="papergraph-upload-"))
    path = folder / safe_name(label, suffix)
    try:
        size = 0
        with path.open("xb") as target:
            while block := stream.read(COPY_BYTES):
                size += len(block)
                if size > max_bytes:
                    raise PayloadTooLarge(
                        f"{label!r} is larger than the {max_bytes / 1048576:g} MB limit"
                    )
                target.write(block)
        yield path
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def ingest_upload(backend: Backend, stream: BinaryIO, label: str) -> IngestReport:
    """Ingest one uploaded file, one writer at a time; searches go on meanwhile."""
    max_bytes = int(backend.settings.ingest.max_file_mb * 1024 * 1024)
    with saved_upload(stream, label, max_bytes) as path, backend.writing:
        ingester = backend.ingester()
        items = (_relabel(item, path, label) for item in ingester.read([path]))
        report = ingester.ingest_items(items)
        backend.paper_vectors.matrix()  # now, not in the first related-papers request
        return report


def _relabel(item: Paper | InputError, path: Path, label: str) -> Paper | InputError:
    if isinstance(item, Paper):
        item.source = f"upload:{label}"
        return item
    reason = item.reason.replace(str(path), label)
    return InputError(label, reason, line=item.line, page=item.page)
