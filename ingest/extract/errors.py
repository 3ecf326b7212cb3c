"""Errors of the extract package: a configured extractor that cannot be built."""

from __future__ import annotations

from core.errors import BadRequest


class ExtractorNotFound(BadRequest):
    """The `extractor` setting names neither a registered extractor nor an importable class."""


class InvalidExtractor(BadRequest):
    """The `extractor` setting names a class that does not satisfy the Extractor protocol."""
