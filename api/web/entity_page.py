"""The entity page's data: the API's entity answer, its papers by role, and its leaderboard."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from papergraph.api.details import entity_detail
from papergraph.core.model import Role
from papergraph.index.store import ChunkStore
from papergraph.kg.browse import results
from papergraph.kg.store import KnowledgeGraph

#: "Papers that ... it", strongest role first.
ROLE_PHRASES = {
    Role.PROPOSES.value: "propose",
    Role.EVALUATES_ON.value: "evaluate on",
    Role.USES.value: "use",
    Role.COMPARES_AGAINST.value: "compare against",
    Role.MENTIONS.value: "only mention",
}


@dataclass
class RoleGroup:
    role: str
    phrase: str
    papers: list[dict[str, Any]]


@dataclass
class EntityPage:
    entity: dict[str, Any]
    roles: list[RoleGroup]
    papers: list[dict[str, Any]]
    results: list[dict[str, Any]]


def entity_page(chunks: ChunkStore, graph: KnowledgeGraph, entity_id: str) -> EntityPage:
    """Everything the entity page shows; NotFound when there is no such entity."""
    entity = entity_detail(chunks, graph, entity_id).model_dump()
    found = graph.entity(entity_id)
    mentions = found["papers"] if found is not None else []
    salience = {paper["paper_id"]: paper["salience"] for paper in mentions}
    papers = [
        {
            **_with_year(chunks, paper),
            "salience": salience.get(paper["paper_id"]),
            "role_phrase": ROLE_PHRASES.get(paper.get("role") or "", paper.get("role")),
        }
        for paper in entity["papers"]
    ]
    roles = [
        RoleGroup(role, phrase, [paper for paper in papers if paper.get("role") == role])
        for role, phrase in ROLE_PHRASES.items()
    ]
    return EntityPage(
        entity=entity,
        roles=[group for group in roles if group.papers],
        papers=papers,
        results=results(graph, entity_id=entity_id) or list(entity.get("results") or []),
    )


def _with_year(chunks: ChunkStore, paper: dict[str, Any]) -> dict[str, Any]:
    stored = chunks.get_paper(paper["paper_id"])
    return {
        **paper,
        "year": stored.get("year") if stored else None,
        "title": paper.get("title") or (stored or {}).get("title") or paper["paper_id"],
    }
