"""Errors of reading and ingesting inputs; the base classes live in `papergraph.core.errors`."""

from __future__ import annotations

from papergraph.core.errors import BadRequest, PapergraphError


class InputError(BadRequest):
    """A file (or one line or page of it) that could not be ingested, and why.

    Readers yield these instead of raising so a batch goes on past a bad input.
    """

    def __init__(self, path: str, reason: str, *, line: int | None = None, page: int | None = None):
        where = f" line {line}" if line is not None else f" page {page}" if page is not None else ""
        super().__init__(f"{path}{where}: {reason}")
        self.path = path
        self.reason = reason
        self.line = line
        self.page = page

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle by the constructor's arguments, so an error crosses to and from a worker."""
        return (_input_error, (self.path, self.reason, self.line, self.page))


def _input_error(path: str, reason: str, line: int | None, page: int | None) -> InputError:
    return InputError(path, reason, line=line, page=page)


class PdfEngineUnavailable(PapergraphError):
    """The configured PDF engine (`ingest.pdf_engine`) is not installed."""


class EngineUnavailable(PapergraphError):
    """The configured ingest engine (`ingest.engine`) is not installed or cannot be reached."""

    status = 500
