"""Build the configured extractor: a registered name, or a dotted class path as the escape hatch."""

from __future__ import annotations

import inspect
from pathlib import Path

from papergraph.core.plugins import resolve_class
from papergraph.ingest.extract.base import Extractor
from papergraph.ingest.extract.errors import ExtractorNotFound, InvalidExtractor
from papergraph.ingest.extract.gazetteer import read_gazetteer
from papergraph.ingest.extract.hybrid import HybridExtractor
from papergraph.ingest.extract.lexicon import LexiconExtractor
from papergraph.ingest.extract.tagged import TaggedExtractor

EXTRACTORS: dict[str, type] = {
    "lexicon": LexiconExtractor,
    "hybrid": HybridExtractor,
    "tagged": TaggedExtractor,
}


def create_extractor(name: str = "tagged", gazetteer: Path | None = None) -> Extractor:
    """An extractor instance for a registered `name` or a `package.module.Class` path; with
    `gazetteer` (a folder of TSV files), one that reads those names in place of the shipped
    generated ones."""
    cls = resolve_class(name, EXTRACTORS, kind="extractor", error=ExtractorNotFound)
    if not callable(getattr(cls, "extract", None)):
        raise InvalidExtractor(f"{name!r} has no extract(paper) method")
    if gazetteer is None:
        extractor = cls()
    elif "gazetteer" in inspect.signature(cls).parameters:
        extractor = cls(gazetteer=read_gazetteer(gazetteer))
    else:
        raise InvalidExtractor(
            f"extractor {name!r} reads no gazetteer; unset the gazetteer setting"
        )
    if not isinstance(extractor, Extractor):
        raise InvalidExtractor(f"{name!r} does not satisfy the Extractor protocol")
    return extractor
