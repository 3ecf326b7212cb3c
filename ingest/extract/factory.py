"""Build the configured extractor: a registered name, or a dotted class path as the escape hatch."""

from __future__ import annotations

import importlib

from ingest.extract.base import Extractor
from ingest.extract.errors import ExtractorNotFound, InvalidExtractor
from ingest.extract.hybrid import HybridExtractor
from ingest.extract.lexicon import LexiconExtractor
from ingest.extract.tagged import TaggedExtractor

EXTRACTORS: dict[str, type] = {
    "lexicon": LexiconExtractor,
    "hybrid": HybridExtractor,
    "tagged": TaggedExtractor,
}


def create_extractor(name: str = "lexicon") -> Extractor:
    """An extractor instance for a registered `name` or a `package.module.Class` path."""
    cls = EXTRACTORS.get(name) or _import_class(name)
    if not callable(getattr(cls, "extract", None)):
        raise InvalidExtractor(f"{name!r} has no extract(paper) method")
    extractor = cls()
    if not isinstance(extractor, Extractor):
        raise InvalidExtractor(f"{name!r} does not satisfy the Extractor protocol")
    return extractor


def _import_class(path: str) -> type:
    """The class a dotted path names; ExtractorNotFound when it does not resolve to a class."""
    module_name, _, class_name = path.rpartition(".")
    known = ", ".join(sorted(EXTRACTORS))
    if not module_name:
        raise ExtractorNotFound(
            f"unknown extractor {path!r}; known: {known}, or a dotted class path"
        )
    try:
        cls = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError) as exc:
        raise ExtractorNotFound(f"cannot import extractor {path!r}: {exc}") from exc
    if not isinstance(cls, type):
        raise ExtractorNotFound(f"{path!r} is not a class")
    return cls
