"""Build the configured extractor: a registered name, or a dotted class path as the escape hatch."""

from __future__ import annotations

from papergraph.core.plugins import resolve_class
from papergraph.ingest.extract.base import Extractor
from papergraph.ingest.extract.errors import ExtractorNotFound, InvalidExtractor
from papergraph.ingest.extract.hybrid import HybridExtractor
from papergraph.ingest.extract.lexicon import LexiconExtractor
from papergraph.ingest.extract.tagged import TaggedExtractor

EXTRACTORS: dict[str, type] = {
    "lexicon": LexiconExtractor,
    "hybrid": HybridExtractor,
    "tagged": TaggedExtractor,
}


def create_extractor(name: str = "tagged") -> Extractor:
    """An extractor instance for a registered `name` or a `package.module.Class` path."""
    cls = resolve_class(name, EXTRACTORS, kind="extractor", error=ExtractorNotFound)
    if not callable(getattr(cls, "extract", None)):
        raise InvalidExtractor(f"{name!r} has no extract(paper) method")
    extractor = cls()
    if not isinstance(extractor, Extractor):
        raise InvalidExtractor(f"{name!r} does not satisfy the Extractor protocol")
    return extractor
