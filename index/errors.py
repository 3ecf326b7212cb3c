"""Errors the indexes raise on purpose; each maps to an HTTP status at the API edge."""

from __future__ import annotations

from papergraph.core.errors import Misconfigured, PapergraphError


class UnknownIndexBackend(Misconfigured):
    """`vector_index` names no registered backend and no importable `VectorIndex` subclass."""


class DimensionMismatch(PapergraphError):
    """Vectors whose width differs from the index's: usually an index built by another model."""

    status = 500


class CorruptIndex(PapergraphError):
    """An index file exists but cannot be read."""

    status = 500


class EncoderUnavailable(PapergraphError):
    """The configured encoder backend cannot run here (missing weights or the `fast` extra)."""

    status = 500
