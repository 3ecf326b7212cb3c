"""Entity extraction: pluggable extractors that turn a paper's chunks into typed entities."""

from __future__ import annotations

from ingest.extract.base import Extractor
from ingest.extract.errors import ExtractorNotFound, InvalidExtractor
from ingest.extract.factory import create_extractor
from ingest.extract.lexicon import LexiconExtractor

__all__ = [
    "Extractor",
    "ExtractorNotFound",
    "InvalidExtractor",
    "LexiconExtractor",
    "create_extractor",
]
