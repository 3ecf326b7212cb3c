"""Extraction without stores: read inputs with the ingest readers, extract, emit JSON objects.

Behind `papergraph extract PATH... --json`, for evaluation and debugging: one object per paper,
`{"paper_id", "entities": [...], "results": [...]}`, each fact with its evidence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from papergraph.core.model import Entity, Extraction, Paper, Result
from papergraph.ingest.errors import InputError
from papergraph.ingest.extract.base import Extractor
from papergraph.ingest.readers.base import read_inputs
from papergraph.ingest.settings import IngestSettings


def read_papers(paths: Iterable[Path], settings: IngestSettings) -> Iterator[Paper | InputError]:
    """Every paper the inputs hold, by the readers `ingest` uses; an InputError per bad input."""
    return read_inputs(paths, settings)


def extraction_record(extraction: Extraction) -> dict[str, Any]:
    """The JSON object of one paper's extraction."""
    return {
        "paper_id": extraction.paper_id,
        "entities": [_entity(e) for e in extraction.entities],
        "results": [_result(r) for r in extraction.results],
    }


@dataclass(frozen=True)
class SamePaper:
    """A paper read again from another file (two downloads of one arXiv paper): its rows were
    printed once already."""

    paper_id: str


def extract_records(
    paths: Iterable[Path], settings: IngestSettings, extractor: Extractor
) -> Iterator[dict[str, Any] | InputError | SamePaper]:
    """One record per paper, each paper once: a later file holding a paper already read gives
    a SamePaper notice, not its rows again."""
    seen: set[str] = set()
    for item in read_papers(paths, settings):
        if isinstance(item, InputError):
            yield item
        elif item.id in seen:
            yield SamePaper(item.id)
        else:
            seen.add(item.id)
            yield extraction_record(extractor.extract(item))


def _entity(entity: Entity) -> dict[str, Any]:
    return {
        "type": entity.type.value,
        "label": entity.label,
        "key": entity.key,
        "aliases": entity.aliases,
        "role": entity.role.value,
        "salience": entity.salience,
        "salient": entity.salient,
        "qualifiers": entity.qualifiers,
        "evidence": [asdict(e) for e in entity.evidence],
    }


def _result(result: Result) -> dict[str, Any]:
    return {
        "method": result.method,
        "task": result.task,
        "dataset": result.dataset,
        "metric": result.metric,
        "value": result.value,
        "higher_is_better": result.higher_is_better,
        "evidence": [asdict(e) for e in result.evidence],
    }
