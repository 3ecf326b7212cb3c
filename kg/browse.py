"""Read-only views of the graph that pages browse by: facets, years, and reported results.

Each is one SPARQL query over the union of the papers' graphs, answered as plain Python values,
so the web pages (and anything else) need not know the vocabulary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from papergraph.core.model import EntityType
from papergraph.kg.store import KnowledgeGraph
from papergraph.kg.vocab import (
    ENTITY_CLASS,
    PAPER_NS,
    entity_iri,
    entity_key_from_iri,
    paper_graph_iri,
    paper_id_from_iri,
)

#: The entity types a search can be narrowed by, in the order the page shows them.
FACET_TYPES: tuple[EntityType, ...] = (
    EntityType.METHOD,
    EntityType.DATASET,
    EntityType.BENCHMARK,
    EntityType.TASK,
)
_TYPE_OF_CLASS = {str(iri): t.value for t, iri in ENTITY_CLASS.items()}
RESULT_SLOTS = ("method", "task", "dataset", "metric")


@dataclass
class FacetEntity:
    """An entity that can narrow a search: its key, type and preferred label."""

    id: str
    type: str
    label: str


@dataclass
class PaperFacts:
    """What the facets know of every paper: the entities it mentions and its year."""

    entities: dict[str, FacetEntity] = field(default_factory=dict)
    mentions: dict[str, set[str]] = field(default_factory=dict)
    years: dict[str, int] = field(default_factory=dict)


def paper_facts(graph: KnowledgeGraph, types: tuple[EntityType, ...] = FACET_TYPES) -> PaperFacts:
    """Which paper mentions which entity of `types`, and each paper's year."""
    classes = " ".join(f"<{ENTITY_CLASS[t]}>" for t in types)
    facts = PaperFacts()
    # Within the paper's own graph: every paper restates its entities' type and label, so over
    # the union each mention would meet every paper's copy of both (papers^2 rows per mention).
    rows = graph.query(
        "SELECT DISTINCT ?paper ?entity ?type ?label WHERE { "
        f"VALUES ?type {{ {classes} }} GRAPH ?g {{ ?paper pg:about ?entity . "
        "?entity a ?type ; skos:prefLabel ?label } }"
    )
    for paper, entity, type_, label in rows:  # type: ignore[misc]
        key = entity_key_from_iri(str(entity))
        known = facts.entities.get(key)
        if known is None or str(label) < known.label:  # one label per entity, stable
            facts.entities[key] = FacetEntity(key, _TYPE_OF_CLASS[str(type_)], str(label))
        facts.mentions.setdefault(paper_id_from_iri(str(paper)), set()).add(key)
    years = graph.query(
        "SELECT DISTINCT ?paper ?year WHERE { ?paper a fabio:ResearchPaper ; dcterms:issued ?year }"
    )
    for paper, year in years:  # type: ignore[misc]
        if str(paper).startswith(PAPER_NS) and str(year).lstrip("-").isdigit():
            facts.years[paper_id_from_iri(str(paper))] = int(str(year))
    return facts


_RESULTS_QUERY = """
SELECT DISTINCT ?paper ?title ?result ?value {slots} WHERE {{
  GRAPH {graph} {{
    ?paper pg:reportsResult ?result . ?result pg:value ?value .
    OPTIONAL {{ ?paper dcterms:title ?title }}
    {optionals}
    {where}
  }}
}}
"""


def results(
    graph: KnowledgeGraph, *, paper_id: str | None = None, entity_id: str | None = None
) -> list[dict[str, Any]]:
    """Reported results (method, task, dataset, metric, value) of one paper or about one entity.

    Each row holds the slot labels, their entity keys (`method_id`, ...), the value (a float where
    it is a number) and the reporting paper's id and title.
    """
    graph_term = f"<{paper_graph_iri(paper_id)}>" if paper_id is not None else "?g"
    where = ""
    if entity_id is not None:
        node = f"<{entity_iri(entity_id)}>"
        where = " UNION ".join(
            f"{{ ?result pg:result{slot.title()} {node} }}" for slot in RESULT_SLOTS
        )
    optionals = " ".join(
        f"OPTIONAL {{ ?result pg:result{slot.title()} ?{slot} . "
        f"OPTIONAL {{ ?{slot} skos:prefLabel ?{slot}Label }} }}"
        for slot in RESULT_SLOTS
    )
    slots = " ".join(f"?{slot} ?{slot}Label" for slot in RESULT_SLOTS)
    query = _RESULTS_QUERY.format(graph=graph_term, slots=slots, optionals=optionals, where=where)
    rows = graph.query(query)
    by_result: dict[str, dict[str, Any]] = {}
    for row in rows:
        values = row.asdict()  # type: ignore[union-attr]
        by_result.setdefault(str(values["result"]), _result_row(values))
    return sorted(by_result.values(), key=_result_order)


def _result_row(values: dict[str, Any]) -> dict[str, Any]:
    raw = str(values["value"])
    try:
        value: float | str = float(raw)
    except ValueError:
        value = raw
    row: dict[str, Any] = {
        "paper_id": paper_id_from_iri(str(values["paper"])),
        "paper_title": str(values["title"]) if "title" in values else None,
        "value": value,
    }
    for slot in RESULT_SLOTS:
        node = values.get(slot)
        row[f"{slot}_id"] = entity_key_from_iri(str(node)) if node is not None else None
        label = values.get(f"{slot}Label")
        row[slot] = str(label) if label is not None else None
    return row


def _result_order(row: dict[str, Any]) -> tuple[str, str, str, str]:
    return (row["dataset"] or "", row["metric"] or "", row["method"] or "", row["paper_id"])
