"""A paper's or an entity's neighbourhood as nodes and edges, for the graph view to draw."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import quote

from papergraph.api.related.corpus import RelatedCorpus
from papergraph.api.related.rank import Recommender
from papergraph.core.errors import NotFound
from papergraph.index.store import ChunkStore
from papergraph.kg.store import KnowledgeGraph

MAX_ENTITIES = 24
MAX_PAPERS = 30


@dataclass
class Node:
    id: str
    kind: str  # "paper", or an entity type: "Method", "Dataset", ...
    label: str
    href: str | None = None
    center: bool = False


@dataclass
class Edge:
    source: str
    target: str
    kind: str  # "cites", or a role: "proposes", "uses", ...


@dataclass
class Neighbourhood:
    title: str
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)

    def add(self, node: Node) -> None:
        if all(known.id != node.id for known in self.nodes):
            self.nodes.append(node)

    def as_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "nodes": [asdict(n) for n in self.nodes],
            "edges": [asdict(e) for e in self.edges],
        }


def paper_url(paper_id: str) -> str:
    return f"/paper/{quote(paper_id, safe='')}"


def entity_url(entity_id: str) -> str:
    return f"/entity/{quote(entity_id, safe='/')}"


def _paper_node(chunks: ChunkStore, paper_id: str, center: bool = False) -> Node:
    stored = chunks.get_paper(paper_id)
    if stored is None:  # cited but not ingested: drawn, not linked
        return Node(f"paper:{paper_id}", "paper", paper_id)
    return Node(f"paper:{paper_id}", "paper", stored["title"], paper_url(paper_id), center)


def paper_neighbourhood(
    chunks: ChunkStore, graph: KnowledgeGraph, recommender: Recommender, paper_id: str
) -> Neighbourhood:
    """The paper, its most salient entities, the papers it cites and the papers citing it."""
    stored = chunks.get_paper(paper_id)
    if stored is None:
        raise NotFound(f"no paper with id {paper_id!r}")
    hood = Neighbourhood(stored["title"])
    center = _paper_node(chunks, paper_id, center=True)
    hood.add(center)
    about = [e for e in graph.paper_entities(paper_id) if e["salient"]]
    for entity in about[:MAX_ENTITIES]:
        node = Node(
            f"entity:{entity['id']}",
            entity["type"] or "entity",
            entity["label"],
            entity_url(entity["id"]),
        )
        hood.add(node)
        hood.edges.append(Edge(center.id, node.id, entity["role"] or "mentions"))
    links = _citations(recommender)
    for cited in sorted(links.references.get(paper_id, ())):
        hood.add(_paper_node(chunks, cited))
        hood.edges.append(Edge(f"paper:{paper_id}", f"paper:{cited}", "cites"))
    for citing in sorted(links.citers.get(paper_id, ())):
        hood.add(_paper_node(chunks, citing))
        hood.edges.append(Edge(f"paper:{citing}", f"paper:{paper_id}", "cites"))
    return hood


def _citations(recommender: Recommender) -> RelatedCorpus:
    """Who cites whom, from the snapshot related papers read (not a scan of every citation
    per page: a second at 5,000 papers)."""
    return recommender.snapshot()


def entity_neighbourhood(
    chunks: ChunkStore, graph: KnowledgeGraph, recommender: Recommender, entity_id: str
) -> Neighbourhood:
    """The entity, the papers that mention it (by role), and citations among those papers."""
    found = graph.entity(entity_id)
    if found is None:
        raise NotFound(f"no entity with id {entity_id!r}")
    hood = Neighbourhood(found["label"])
    center = Node(f"entity:{entity_id}", found["type"], found["label"], entity_url(entity_id), True)
    hood.add(center)
    papers = [paper["paper_id"] for paper in found["papers"][:MAX_PAPERS]]
    for paper in found["papers"][:MAX_PAPERS]:
        node = _paper_node(chunks, paper["paper_id"])
        hood.add(node)
        hood.edges.append(Edge(node.id, center.id, paper.get("role") or "mentions"))
    shown = set(papers)
    references = _citations(recommender).references
    for citing in papers:
        for cited in sorted(references.get(citing, set()) & shown):
            hood.edges.append(Edge(f"paper:{citing}", f"paper:{cited}", "cites"))
    return hood
