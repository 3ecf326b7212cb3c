"""The interface every entity extractor meets, so the pipeline can swap them by setting."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from papergraph.core.model import Extraction, Paper


@runtime_checkable
class Extractor(Protocol):
    """Reads one paper's chunks and returns the entities (and results) it found, with evidence."""

    name: str

    def extract(self, paper: Paper) -> Extraction:
        """Everything this extractor finds in `paper`; never raises on odd text."""
        ...
