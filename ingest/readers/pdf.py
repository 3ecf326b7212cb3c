"""PDF papers, read with pypdf: refuse what cannot be read, then find the paper's parts.

Every way a PDF can fail (encrypted, too long, corrupt, truncated, scanned) becomes an
`InputError` that names the reason: pypdf raises many exception types from deep inside its
parser, so the reader catches them all at its boundary rather than let one stop a batch.
"""

from __future__ import annotations

import io
import itertools
import logging
import math
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar

from pypdf import PageObject, PasswordType, apply_configuration
from pypdf import PdfReader as PypdfReader
from pypdf.errors import LimitReachedError

from core.errors import PapergraphError
from core.model import Paper, url_safe_id
from ingest.chunking import chunk_text
from ingest.errors import InputError, PdfEngineUnavailable
from ingest.readers.base import refusal, sha256_hex
from ingest.readers.pdf_parts import FontLine, PdfParts, find_parts
from ingest.settings import IngestSettings

_MIN_TEXT_CHARS = 40


class PdfReader:
    """One paper per PDF file; pages that fail to extract are reported and skipped."""

    suffixes: ClassVar[tuple[str, ...]] = (".pdf",)

    def read(self, path: Path, settings: IngestSettings) -> Iterator[Paper | InputError]:
        refused = refusal(path, settings)
        if refused:
            yield refused
            return
        with _quiet_pypdf(), apply_configuration(**_limits(settings)):
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
    pages: list[str] = []
    deadline = time.monotonic() + settings.max_pdf_seconds
    first, runs = _first_page(pdf.pages[0])  # pypdf, either engine: titles are found by size
    rest: Iterator[str | LimitReachedError | None] = (_page_text(page) for page in pdf.pages[1:])
    if settings.pdf_engine == "pdfium":
        rest = _pdfium_texts(data, pdf.is_encrypted, start=1)
    for number, text in enumerate(itertools.chain([first], rest), start=1):
        if time.monotonic() > deadline:
            reason = f"refused: reading took over {settings.max_pdf_seconds:g} s"
            yield InputError(str(path), reason, page=number)
            return
        if isinstance(text, LimitReachedError):
            reason = f"refused, over a safety limit (PDF bomb?): {text}"
            yield InputError(str(path), reason, page=number)
            return
        if text is None:
            yield InputError(str(path), "text extraction failed; page skipped", page=number)
        pages.append(text or "")
    if sum(char.isalnum() for char in "".join(pages)) < _MIN_TEXT_CHARS:
        yield InputError(str(path), "no text layer (scanned?)")
        return
    parts = find_parts(pages, runs, _metadata(pdf))
    yield _paper(path, data, parts, settings)


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
        count = pdf.trailer["/Root"]["/Pages"]["/Count"]
        return int(count) if isinstance(count, int) else 0
    except LimitReachedError:
        raise
    except Exception:  # noqa: BLE001 - the real count is checked next anyway
        return 0


def _paper(path: Path, data: bytes, parts: PdfParts, settings: IngestSettings) -> Paper:
    paper_id = parts.arxiv_id or url_safe_id(path.stem)
    return Paper(
        id=paper_id,
        title=parts.title or path.stem,
        chunks=chunk_text(
            paper_id, parts.body, max_tokens=settings.chunk_tokens, overlap=settings.chunk_overlap
        ),
        authors=parts.authors,
        year=parts.year,
        arxiv_id=parts.arxiv_id,
        doi=parts.doi,
        abstract=parts.abstract,
        references=parts.references,
        source=str(path),
        content_hash=sha256_hex(data),
    )


def _page_text(page: PageObject) -> str | LimitReachedError | None:
    """The page's text; None when its content is broken, the error when it is a bomb."""
    try:
        return page.extract_text() or ""
    except LimitReachedError as error:
        return error
    except Exception:  # noqa: BLE001 - a broken content stream spoils one page, not the paper
        return None


def _pdfium_texts(data: bytes, encrypted: bool, start: int = 0) -> Iterator[str | None]:
    """Each page's text as PDFium reads it, shaped like pypdf's: \n line ends, and a hyphen
    PDFium marks at a line end (\x02, the line joined) put back as "-\n" for the repair to
    judge. A page PDFium cannot read gives None."""
    try:
        import pypdfium2
    except ImportError as error:
        raise PdfEngineUnavailable(
            "pdf_engine 'pdfium' needs the pypdfium2 package (pip install '.[fast]')"
        ) from error
    document = pypdfium2.PdfDocument(data, password="" if encrypted else None)
    try:
        for number in range(start, len(document)):
            try:
                page = document[number]
                textpage = page.get_textpage()
                raw = textpage.get_text_bounded()
                textpage.close()
                page.close()
            except Exception:  # noqa: BLE001 - one broken page, not the paper
                yield None
                continue
            yield _PDFIUM_CONTROL.sub("", raw.replace("\r\n", "\n").replace("\x02", "-\n"))
    finally:
        document.close()


_PDFIUM_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\ufffe\uffff]")


def _first_page(page: PageObject) -> tuple[str | LimitReachedError | None, list[FontLine]]:
    """Page 1's text (as `_page_text` gives it) and its text runs with their rendered font
    size: the title is set in the largest."""
    runs: list[FontLine] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text.strip():
            scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
            runs.append(FontLine(text=text, size=round(float(size) * scale, 1)))

    try:
        return page.extract_text(visitor_text=visit) or "", runs
    except LimitReachedError as error:
        return error, []
    except Exception:  # noqa: BLE001 - a broken content stream spoils one page, not the paper
        return None, []


def _metadata(pdf: PypdfReader) -> dict[str, str]:
    try:
        info = pdf.metadata or {}
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
