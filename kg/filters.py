"""Which papers satisfy search filters (method, dataset, author, year, ...), asked of the graph.

An entity filter value is resolved to entities by folded name (`papergraph.core.model.fold`): it
matches an entity whose preferred label or any alias folds to the same string, so
`dataset=GSM-8K` finds GSM8K and `method=Direct Preference Optimization` finds DPO. A `dataset`
filter also matches benchmarks, as result rows do (`papergraph.kg.mapping`): which of the two a suite is
called varies from paper to paper. Repeated filters must all hold.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.term import Node

from papergraph.core.model import EntityType, fold
from papergraph.kg.store import KnowledgeGraph
from papergraph.kg.vocab import ENTITY_CLASS, paper_id_from_iri

#: filter name -> the entity types its value may name, as in `GET /search?dataset=...`.
ENTITY_FILTERS: dict[str, tuple[EntityType, ...]] = {
    "method": (EntityType.METHOD,),
    "dataset": (EntityType.DATASET, EntityType.BENCHMARK),
    "benchmark": (EntityType.BENCHMARK,),
    "task": (EntityType.TASK,),
}


@dataclass
class PaperFilter:
    """Facts a paper must have; every list entry is one more condition (AND)."""

    entities: dict[str, list[str]] = field(default_factory=dict)  # ENTITY_FILTERS key -> values
    authors: list[str] = field(default_factory=list)
    year_from: int | None = None
    year_to: int | None = None

    @property
    def is_empty(self) -> bool:
        no_entities = not any(values for values in self.entities.values())
        return no_entities and not self.authors and self.year_from is None and self.year_to is None


def _iri(node: Node) -> str:
    return f"<{node}>"


def _rows(kg: KnowledgeGraph, sparql: str) -> list[dict[str, Node]]:
    result = kg.query(sparql)
    names = [str(v) for v in result.vars or []]
    return [{n: row[i] for i, n in enumerate(names) if row[i] is not None} for row in result]  # type: ignore[index]


def resolve_entities(kg: KnowledgeGraph, value: str, types: tuple[EntityType, ...]) -> set[URIRef]:
    """The entities of `types` that `value` names, by folded preferred label or alias."""
    folded = fold(value)
    if not folded:
        return set()
    classes = " ".join(_iri(ENTITY_CLASS[t]) for t in types)
    rows = _rows(
        kg,
        f"SELECT DISTINCT ?e ?label WHERE {{ VALUES ?type {{ {classes} }} ?e a ?type . "
        "{ ?e skos:altLabel ?label } UNION { ?e skos:prefLabel ?label } }",
    )
    return {URIRef(str(row["e"])) for row in rows if fold(str(row["label"])) == folded}


def matching_papers(kg: KnowledgeGraph, paper_filter: PaperFilter) -> set[str]:
    """Ids of the papers that satisfy every condition of `paper_filter`."""
    patterns = ["?paper a fabio:ResearchPaper ."]
    for index, (name, values) in enumerate(paper_filter.entities.items()):
        for position, value in enumerate(values):
            entities = resolve_entities(kg, value, ENTITY_FILTERS[name])
            if not entities:
                return set()
            variable = f"?e{index}_{position}"
            members = " ".join(_iri(e) for e in sorted(entities))
            patterns.append(f"VALUES {variable} {{ {members} }} ?paper pg:about {variable} .")
    for position, author in enumerate(paper_filter.authors):
        needle = Literal(author.strip().lower()).n3()
        patterns.append(
            f"?paper dcterms:creator ?author{position} . "
            f"FILTER(CONTAINS(LCASE(STR(?author{position})), {needle}))"
        )
    if paper_filter.year_from is not None or paper_filter.year_to is not None:
        patterns.append("?paper dcterms:issued ?year .")
        if paper_filter.year_from is not None:
            patterns.append(f"FILTER(?year >= {int(paper_filter.year_from)})")
        if paper_filter.year_to is not None:
            patterns.append(f"FILTER(?year <= {int(paper_filter.year_to)})")
    rows = _rows(kg, f"SELECT DISTINCT ?paper WHERE {{ {' '.join(patterns)} }}")
    return {paper_id_from_iri(row["paper"]) for row in rows}  # type: ignore[arg-type]
