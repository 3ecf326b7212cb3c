"""The paper and entity answers, read from the chunk store and the graph: one service that the
routes (`GET /papers/{id}`, `GET /entities/{id}`) and the web pages both call."""

from __future__ import annotations

from typing import Any

from papergraph.api.schemas import EntityDetail, PaperDetail, PaperSummary, ReferenceOut
from papergraph.core.errors import NotFound
from papergraph.index.store import ChunkStore
from papergraph.kg.records import PaperEntityRecord
from papergraph.kg.store import KnowledgeGraph


def paper_summary(paper: dict[str, Any]) -> PaperSummary:
    return PaperSummary(
        paper_id=paper["id"],
        title=paper["title"],
        authors=paper.get("authors") or [],
        year=paper.get("year"),
        arxiv_id=paper.get("arxiv_id"),
    )


def paper_detail(
    chunks: ChunkStore, graph: KnowledgeGraph, paper_id: str, every_entity: bool = False
) -> PaperDetail:
    """One paper's page as JSON: metadata, the entities it is about (all of them with
    `every_entity`, each saying whether it is `salient`), references, citing papers."""
    paper = chunks.get_paper(paper_id)
    if paper is None:
        raise NotFound(f"no paper with id {paper_id!r}")
    references = [_reference(row) for row in chunks.references(paper_id)]
    entities = [e for e in graph.paper_entities(paper_id) if every_entity or e["salient"]]
    _place_evidence(entities, chunks.paper_chunks(paper_id))
    return PaperDetail(
        **paper_summary(paper).model_dump(),
        abstract=paper.get("abstract"),
        doi=paper.get("doi"),
        source=paper.get("source"),
        entities=entities,
        references=references,
        cited_by=graph.cited_by(paper_id),
    )


def _reference(row: dict[str, Any]) -> ReferenceOut:
    fields = {key: row.get(key) for key in ReferenceOut.model_fields if key in row}
    return ReferenceOut(
        **fields, paper_id=row.get("cited_id"), context_chunk_id=row.get("context_chunk")
    )


def _place_evidence(entities: list[PaperEntityRecord], chunks: list[dict[str, Any]]) -> None:
    """Each evidence passage says which kind of chunk, section and pages it was read from."""
    places = {chunk["chunk_id"]: chunk for chunk in chunks}
    for entity in entities:
        for evidence in entity["evidence"]:
            chunk = places.get(evidence["chunk_id"])
            if chunk is not None:
                evidence["kind"], evidence["section"] = chunk["kind"], chunk["section"]
                evidence["pages"] = chunk["pages"]


def entity_detail(chunks: ChunkStore, graph: KnowledgeGraph, entity_id: str) -> EntityDetail:
    """One entity as JSON: its label, type, aliases and the papers that mention it (titled)."""
    found = graph.entity(entity_id)
    if found is None:
        raise NotFound(f"no entity with id {entity_id!r}")
    titles = {}
    for paper in found.get("papers", []):
        stored = chunks.get_paper(paper["paper_id"])
        titles[paper["paper_id"]] = stored["title"] if stored else None
    papers = [{**paper, "title": titles[paper["paper_id"]]} for paper in found.get("papers", [])]
    return EntityDetail(**{**found, "id": entity_id, "papers": papers})
