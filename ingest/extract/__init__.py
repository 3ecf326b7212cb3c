"""Entity extraction: pluggable extractors that turn a paper's chunks into typed entities."""

from __future__ import annotations

from papergraph.ingest.extract.base import Extractor
from papergraph.ingest.extract.errors import ExtractorNotFound, InvalidExtractor
from papergraph.ingest.extract.factory import create_extractor
from papergraph.ingest.extract.lexicon import LexiconExtractor

__all__ = [
    "Extractor",
    "ExtractorNotFound",
    "InvalidExtractor",
    "LexiconExtractor",
    "create_extractor",
]
