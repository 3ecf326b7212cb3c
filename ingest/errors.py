"""The project's base error and the ingest errors.

`PapergraphError` lives here because `ingest.model` and this module are the leaf modules every
package may import; each package's own `errors.py` subclasses it. The API maps `status` to HTTP
once, at its edge.
"""

from __future__ import annotations


class PapergraphError(Exception):
    """Base of every error Papergraph raises on purpose; `status` is the HTTP status it maps to."""

    status: int = 500

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(PapergraphError):
    status = 404


class BadRequest(PapergraphError):
    status = 400


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
