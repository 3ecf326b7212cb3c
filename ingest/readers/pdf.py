"""PDF papers: pypdf refuses what cannot be read; an engine lays the pages out; then the parts.

Every way a PDF can fail (encrypted, too long, corrupt, truncated, scanned) becomes an
`InputError` that names the reason: pypdf raises many exception types from deep inside its
parser, so the reader catches them all at its boundary rather than let one stop a batch.
"""

from __future__ import annotations

import io
import logging
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar

from pypdf import PasswordType, apply_configuration
from pypdf import PdfReader as PypdfReader
from pypdf.errors import LimitReachedError

from papergraph.core.errors import PapergraphError
from papergraph.core.model import Paper, url_safe_id
from papergraph.ingest.chunking import chunk_parts
from papergraph.ingest.errors import InputError
from papergraph.ingest.readers.base import refusal, sha256_hex
from papergraph.ingest.readers.pdf_engines import pdfium_pages, pypdf_page
from papergraph.ingest.readers.pdf_layout import PageLayout
from papergraph.ingest.readers.pdf_parts import PdfParts, find_parts
from papergraph.ingest.settings import IngestSettings

_MIN_TEXT_CHARS = 40


class PdfReader:
    """One paper per PDF file; pages that fail to extract are reported and skipped."""

    suffixes: ClassVar[tuple[str, ...]] = (".pdf",)

    def read(self, path: Path, settings: IngestSettings) -> Iterator[Paper | InputError]:
        refused = refusal(path, settings)
        if refused:
            yield refused
            return
        with _quiet_pypdf(), apply_configuration(**_limits(settings)):  # type: ignore[arg-type]
            try:
                yield from _read(path, path.read_bytes(), settings)
            except LimitReachedError as error:
                yield InputError(str(path), f"refused, over a safety limit (PDF bomb?): {error}")
            except PapergraphError as error:
                yield InputError(str(path), error.message)
            except Exception as error:  # noqa: BLE001 - pypdf raises anything; none may escape
                yield InputError(str(path), f"unreadable PDF: {_describe(error)}")


def _limits(settings: IngestSettings) -> dict[str, int]:
    """pypdf's decompression limits, from `max_stream_mb` (pypdf refuses past them)."""
    stream_bytes = int(settings.max_stream_mb * 1024 * 1024)
    names = ("zlib", "lzw", "run_length", "jbig2", "brotli")
    limits = {f"{name}_maximum_output_length": stream_bytes for name in names}
    limits["array_based_stream_maximum_output_length"] = stream_bytes
    return limits


def _read(path: Path, data: bytes, settings: IngestSettings) -> Iterator[Paper | InputError]:
    if b"%PDF-" not in data[:1024]:  # readers tolerate junk before the header, not its absence
        yield InputError(str(path), "not a PDF (no %PDF- header)")
        return
    try:
        pdf = PypdfReader(io.BytesIO(data))
    except Exception as error:  # noqa: BLE001
        yield InputError(str(path), f"corrupt or truncated PDF: {_describe(error)}")
        return
    problem = _refusal_reason(pdf, settings)
    if problem:
        yield InputError(str(path), problem)
        return
    pages: list[PageLayout] = []
    deadline = time.monotonic() + settings.max_pdf_seconds
    for number, page in enumerate(_layouts(pdf, data, settings), start=1):
        if time.monotonic() > deadline:
            reason = f"refused: reading took over {settings.max_pdf_seconds:g} s"
            yield InputError(str(path), reason, page=number)
            return
        if isinstance(page, LimitReachedError):
            reason = f"refused, over a safety limit (PDF bomb?): {page}"
            yield InputError(str(path), reason, page=number)
            return
        if page is None:
            yield InputError(str(path), "text extraction failed; page skipped", page=number)
            continue
        pages.append(page)
    if (
        sum(char.isalnum() for page in pages for line in page.lines for char in line.text)
        < _MIN_TEXT_CHARS
    ):
        yield InputError(str(path), "no text layer (scanned?)")
        return
    parts = find_parts(pages, _metadata(pdf))
    yield _paper(path, data, parts, settings)


def _layouts(
    pdf: PypdfReader, data: bytes, settings: IngestSettings
) -> Iterator[PageLayout | LimitReachedError | None]:
    """Each page laid out by the chosen engine."""
    if settings.pdf_engine == "pdfium":
        return _guarded(pdf, pdfium_pages(data, pdf.is_encrypted))
    return (pypdf_page(page, number) for number, page in enumerate(pdf.pages, start=1))


def _guarded(
    pdf: PypdfReader, layouts: Iterator[PageLayout | None]
) -> Iterator[PageLayout | LimitReachedError | None]:
    """PDFium's pages, each after pypdf has decompressed its content within the safety limits
    (PDFium has none of its own): a bomb is refused before PDFium inflates it."""
    for page in pdf.pages:
        try:
            contents = page.get_contents()
            if contents is not None:
                contents.get_data()
        except LimitReachedError as error:
            yield error
            return
        except Exception:  # noqa: BLE001, S110 - PDFium may still read what pypdf cannot
            pass
        yield next(layouts, None)


def _refusal_reason(pdf: PypdfReader, settings: IngestSettings) -> str | None:
    if pdf.is_encrypted and pdf.decrypt("") == PasswordType.NOT_DECRYPTED:
        return "encrypted PDF (a password is required)"
    declared = _declared_pages(pdf)
    if declared > settings.max_pages:  # checked before the page tree is walked
        return f"too many pages ({declared} declared > {settings.max_pages})"
    count = len(pdf.pages)
    if count == 0:
        return "PDF has no pages"
    if count > settings.max_pages:
        return f"too many pages ({count} > {settings.max_pages})"
    return None


def _declared_pages(pdf: PypdfReader) -> int:
    """The page count the document claims (`/Root /Pages /Count`), 0 when absent or odd."""
    try:
        count = pdf.trailer["/Root"]["/Pages"]["/Count"]  # type: ignore[index]
        return int(count) if isinstance(count, int) else 0
    except LimitReachedError:
        raise
    except Exception:  # noqa: BLE001 - the real count is checked next anyway
        return 0


def _paper(path: Path, data: bytes, parts: PdfParts, settings: IngestSettings) -> Paper:
    paper_id = parts.arxiv_id or url_safe_id(path.stem)
    chunks, anchors = chunk_parts(
        paper_id, parts.parts, max_tokens=settings.chunk_tokens, overlap=settings.chunk_overlap
    )
    for index, table in enumerate(parts.tables):
        table.chunk_id = anchors.get(f"table-{index}")
    return Paper(
        id=paper_id,
        title=parts.title or path.stem,
        chunks=chunks,
        authors=parts.authors,
        year=parts.year,
        arxiv_id=parts.arxiv_id,
        doi=parts.doi,
        abstract=parts.abstract,
        references=parts.references,
        tables=parts.tables,
        affiliations=parts.affiliations,
        emails=parts.emails,
        venue=parts.venue,
        source=str(path),
        content_hash=sha256_hex(data),
    )


def _metadata(pdf: PypdfReader) -> dict[str, str]:
    try:
        info = pdf.metadata or {}  # type: ignore[var-annotated]
        return {key: str(value) for key, value in info.items() if isinstance(value, str)}
    except Exception:  # noqa: BLE001
        return {}


def _describe(error: Exception) -> str:
    message = re.sub(r"\s+", " ", str(error)).strip()
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs a warning for every odd font; the reader reports what matters itself."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)
