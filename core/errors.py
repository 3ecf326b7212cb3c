"""The project's base error and its HTTP status classes.

Each package's own `errors.py` subclasses these; the API maps `status` to HTTP once, at its edge.
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


class Misconfigured(PapergraphError):
    """A setting names something that cannot be used (a plugin, a store): the server's fault."""

    status = 500
