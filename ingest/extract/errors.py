"""Errors of the extract package: a configured extractor that cannot be built (a server
misconfiguration, so 500)."""

from __future__ import annotations

from papergraph.core.errors import Misconfigured


class ExtractorNotFound(Misconfigured):
    """The `extractor` setting names neither a registered extractor nor an importable class."""


class InvalidExtractor(Misconfigured):
    """The `extractor` setting names a class that does not satisfy the Extractor protocol."""


class GazetteerUnreadable(Misconfigured):
    """The `gazetteer` setting names a folder with no TSV file, or a row of an unknown type."""
