"""What the graph's read queries answer (`papergraph.kg.reads`, `papergraph.kg.paper_entities`): typed records.

They are TypedDicts, so each field is checked where it is read and the answers stay the plain
JSON-shaped dicts the API models validate and the pages render.
"""

from __future__ import annotations

from typing import NotRequired, TypedDict


class EvidenceRecord(TypedDict):
    """A span of a chunk that names an entity, and who found it."""

    chunk_id: str | None
    start: int
    end: int
    text: str
    extractor: str | None
    confidence: float
    kind: NotRequired[
        str
    ]  # the chunk's kind, section and pages, placed by `papergraph.api.details`
    section: NotRequired[str | None]
    pages: NotRequired[list[int]]


class PaperEntityRecord(TypedDict):
    """An entity as one paper mentions it: its strongest role, salience and evidence."""

    id: str
    type: str | None
    label: str
    aliases: list[str]
    role: str | None
    salience: float
    evidence: list[EvidenceRecord]
    salient: bool  # the paper is about it (pg:about)


class ReferenceRecord(TypedDict):
    """What a paper cites; `paper_id` when it resolves to a paper (by IRI or DOI)."""

    paper_id: str | None
    doi: str | None
    title: str | None
    ingested: bool


class EntitySummaryRecord(TypedDict):
    """An entity in a list of entities."""

    id: str
    type: str
    label: str
    aliases: list[str]
    paper_count: int


class EntityPaperRecord(TypedDict):
    """A paper that mentions an entity, with its strongest role there."""

    paper_id: str
    title: str | None
    salience: float
    role: str


class EntityRecord(TypedDict):
    """One entity with its labels and the papers that mention it."""

    id: str
    type: str
    label: str
    aliases: list[str]
    papers: list[EntityPaperRecord]
