"""The paper page's data: the API's paper answer, plus evidence passages, results and links.

It starts from the same answer `GET /papers/{id}` gives, so fields the API gains later (a
`results` list, for one) reach the page without changes here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from papergraph.api.details import paper_detail
from papergraph.api.related.rank import Recommender, related_papers
from papergraph.api.web.highlight import evidence_passage
from papergraph.core.model import EntityType, Role
from papergraph.index.store import ChunkStore
from papergraph.kg.browse import results
from papergraph.kg.store import KnowledgeGraph

TYPE_ORDER = [t.value for t in EntityType]
EVIDENCE_PER_ENTITY = 3
RELATED_SHOWN = 8
ROLE_PHRASES = {
    Role.PROPOSES.value: "proposes",
    Role.USES.value: "uses",
    Role.EVALUATES_ON.value: "evaluates on",
    Role.COMPARES_AGAINST.value: "compares against",
    Role.MENTIONS.value: "mentions",
}


@dataclass
class EntityGroup:
    type: str
    entities: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class PaperPage:
    paper: dict[str, Any]
    groups: list[EntityGroup]
    results: list[dict[str, Any]]
    references: list[dict[str, Any]]
    cited_by: list[dict[str, Any]]
    related: list[dict[str, Any]]
    also_mentioned: list[dict[str, Any]] = field(default_factory=list)  # not what it is about


def paper_page(
    store: ChunkStore, graph: KnowledgeGraph, recommender: Recommender, paper_id: str
) -> PaperPage:
    """Everything the paper page shows; NotFound when there is no such paper."""
    paper = paper_detail(store, graph, paper_id, every_entity=True).model_dump()
    entities = paper["entities"]
    paper["entities"] = [e for e in entities if e["salient"]]
    chunks = {chunk["chunk_id"]: chunk["text"] for chunk in store.paper_chunks(paper_id)}
    rows = results(graph, paper_id=paper_id) or list(paper.get("results") or [])
    return PaperPage(
        paper=paper,
        groups=_entity_groups(paper["entities"], chunks),
        results=rows,
        references=[_reference(store, ref) for ref in paper["references"]],
        cited_by=[_paper_link(store, citing) for citing in paper["cited_by"]],
        related=[item.__dict__ for item in related_papers(recommender, paper_id, RELATED_SHOWN)],
        also_mentioned=[e for e in entities if not e["salient"]],
    )


def _entity_groups(entities: list[dict[str, Any]], chunks: dict[str, str]) -> list[EntityGroup]:
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entity in entities:
        passages = _passages(entity.get("evidence") or [], chunks)[:EVIDENCE_PER_ENTITY]
        by_type[entity.get("type") or "Other"].append(
            {
                **entity,
                "passages": passages,
                "role_phrase": ROLE_PHRASES.get(entity.get("role") or ""),
            }
        )
    order = TYPE_ORDER + sorted(set(by_type) - set(TYPE_ORDER))
    return [EntityGroup(name, by_type[name]) for name in order if by_type.get(name)]


def _passages(evidence: list[dict[str, Any]], chunks: dict[str, str]) -> list[Markup]:
    """One passage per chunk, every span of the entity in it marked; the span alone if no chunk."""
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    loose: list[Markup] = []
    for item in evidence:
        chunk_id, start, end = item.get("chunk_id") or "", item.get("start"), item.get("end")
        if chunk_id in chunks and start is not None and end is not None:
            spans[chunk_id].append((int(start), int(end)))
        elif item.get("text"):
            loose.append(Markup(escape(item["text"])))
    places = {item.get("chunk_id"): _place(item) for item in evidence}
    return [
        evidence_passage(chunks[chunk_id], found) + places.get(chunk_id, Markup(""))
        for chunk_id, found in spans.items()
    ] + loose


def _place(evidence: dict[str, Any]) -> Markup:
    """' — Results, p. 4 (table)': where in the paper the passage was read."""
    parts = [evidence.get("section") or ""]
    pages = evidence.get("pages") or []
    if pages:
        parts.append(f"p. {pages[0]}" if len(pages) == 1 else f"pp. {pages[0]}–{pages[-1]}")
    kind = evidence.get("kind")
    where = ", ".join(part for part in parts if part)
    if kind and kind != "body":
        where = f"{where} ({kind})" if where else kind
    return Markup(' <span class="where muted">— {}</span>').format(where) if where else Markup("")


def _paper_link(store: ChunkStore, paper_id: str) -> dict[str, Any]:
    stored = store.get_paper(paper_id)
    return {
        "paper_id": paper_id,
        "title": stored["title"] if stored else paper_id,
        "year": stored.get("year") if stored else None,
        "ingested": stored is not None,
    }


def _reference(store: ChunkStore, reference: dict[str, Any]) -> dict[str, Any]:
    """A reference with a link: its page when ingested, else arXiv or doi.org."""
    arxiv_id, doi = reference.get("arxiv_id"), reference.get("doi")
    target = reference.get("paper_id") or arxiv_id or reference.get("raw")
    stored = store.get_paper(target) if target else None
    if stored is not None:
        return {**reference, "title": stored["title"], "paper_id": stored["id"], "href": None}
    href = (
        f"https://arxiv.org/abs/{arxiv_id}"
        if arxiv_id
        else f"https://doi.org/{doi}"
        if doi
        else None
    )
    label = reference.get("title") or arxiv_id or doi or reference.get("raw") or "reference"
    return {**reference, "title": label, "paper_id": None, "href": href}
