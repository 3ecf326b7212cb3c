"""A dataset the paper itself names as one keeps the capitals it writes.

`core.canonical` lower-cases a name of plain or Title-Case words that no list holds ("Hand Drawn
Sketches" -> "hand drawn sketches"), so a heading's or a table's capitals make no second label.
A dataset the paper names in a sentence as a corpus, a dataset or a benchmark ("the Semantic
Scholar corpus", "the Wizard-of-Internet dataset": ingest/extract/patterns.py), capitalised
there, is a proper name: S2ORC showed "semantic scholar", OPT "wizard-of-internet".
"""

from __future__ import annotations

from papergraph.core.canonical import DATASET_TYPES
from papergraph.core.model import Entity


def written_label(entity: Entity, label: str) -> str:
    """`label`, or the entity's own spelling where `label` only lower-cases it and any of the
    pattern extractor's patterns found the entity (ingest/extract/patterns.py: "the X dataset",
    "X corpus", or any other of its patterns; not only those naming it as a dataset)."""
    lowered = label == entity.label.lower() != entity.label
    named = any(e.extractor == "pattern" for e in entity.evidence)
    return entity.label if lowered and named and entity.type in DATASET_TYPES else label
