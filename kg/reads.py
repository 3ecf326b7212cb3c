"""The read queries of the knowledge graph: papers, citations, entities.

`KnowledgeGraph` (kg/store.py) opens the store, writes and runs queries; these methods only ask
it, through `_select`, `_ask`, `_count` and `query`, so a new read query goes here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import rdflib.query
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from papergraph.core.model import EntityType, Role, fold
from papergraph.kg.mapping import ROLE_ORDER, new_graph
from papergraph.kg.records import (
    EntityPaperRecord,
    EntityRecord,
    EntitySummaryRecord,
    PaperEntityRecord,
    ReferenceRecord,
)
from papergraph.kg.vocab import (
    ENTITY_CLASS,
    GRAPH_NS,
    PAPER_NS,
    ROLE_PROPERTY,
    XSD,
    entity_iri,
    entity_key_from_iri,
    paper_graph_iri,
    paper_id_from_graph_iri,
    paper_id_from_iri,
    paper_iri,
)

_TYPE_OF_CLASS = {str(iri): t.value for t, iri in ENTITY_CLASS.items()}
_ROLE_OF_PROPERTY = {str(iri): r for r, iri in ROLE_PROPERTY.items()}


def _iri(node: URIRef) -> str:
    return f"<{node}>"


def plain_term(term: Node) -> Node:
    """Oxigraph answers simple literals as xsd:string ones; rdflib keeps them apart."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


class GraphReads:
    """The catalogue of read queries, mixed into `KnowledgeGraph`."""

    def query(self, sparql: str) -> rdflib.query.Result:
        raise NotImplementedError

    def _select(self, sparql: str) -> list[dict[str, Any]]:
        raise NotImplementedError

    def _ask(self, sparql: str) -> bool:
        raise NotImplementedError

    def _count(self, sparql: str) -> int:
        raise NotImplementedError

    # ------------------------------------------------------------------ papers

    def has_graph(self, name: URIRef) -> bool:
        return self._ask(f"ASK {{ GRAPH {_iri(name)} {{ ?s ?p ?o }} }}")

    def has_paper(self, paper_id: str) -> bool:
        return self.has_graph(paper_graph_iri(paper_id))

    def paper_ids(self) -> list[str]:
        rows = self._select(
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?paper a fabio:ResearchPaper } }"
        )
        return sorted(
            paper_id_from_graph_iri(r["g"]) for r in rows if str(r["g"]).startswith(GRAPH_NS)
        )

    def count_papers(self) -> int:
        return len(self.paper_ids())

    def count_triples(self) -> int:
        """Statements in all named graphs (a triple two papers state counts twice)."""
        return self._count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")

    def paper_rdf(self, paper_id: str) -> Graph:
        """A copy of the paper's named graph, e.g. to export it."""
        name = _iri(paper_graph_iri(paper_id))
        result = self.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {name} {{ ?s ?p ?o }} }}")
        graph = new_graph()
        for s, p, o in result.graph or ():
            graph.add((s, p, plain_term(o)))
        return graph

    def paper_entities(self, paper_id: str) -> list[PaperEntityRecord]:
        """The entities a paper mentions, with role, salience and evidence, most salient first."""
        from papergraph.kg.paper_entities import paper_entities  # SELECTs, not a copy of the graph

        return paper_entities(
            self._select, _iri(paper_graph_iri(paper_id)), _iri(paper_iri(paper_id))
        )

    def paper_references(self, paper_id: str) -> list[ReferenceRecord]:
        """What the paper cites: {paper_id, doi, title, ingested}; DOIs of ingested papers resolve."""
        rows = self._select(
            f"SELECT ?cited ?doi ?title WHERE {{ GRAPH {_iri(paper_graph_iri(paper_id))} {{ "
            f"{_iri(paper_iri(paper_id))} cito:cites ?cited . "
            "OPTIONAL { ?cited bibo:doi ?doi } OPTIONAL { ?cited dcterms:title ?title } } }"
        )
        ingested = set(self.paper_ids())
        by_doi = self._papers_by_doi()
        references: list[ReferenceRecord] = []
        for row in rows:
            cited, doi = str(row["cited"]), row.get("doi")
            cited_id = paper_id_from_iri(cited) if cited.startswith(PAPER_NS) else None
            if cited_id is None and doi is not None:
                cited_id = by_doi.get(str(doi))
            references.append(
                {
                    "paper_id": cited_id,
                    "doi": str(doi) if doi is not None else None,
                    "title": str(row["title"]) if "title" in row else None,
                    "ingested": cited_id in ingested,
                }
            )
        references.sort(key=lambda r: (r["paper_id"] or "", r["doi"] or "", r["title"] or ""))
        return references

    def _papers_by_doi(self) -> dict[str, str]:
        rows = self._select(
            "SELECT DISTINCT ?paper ?doi WHERE { ?paper a fabio:ResearchPaper ; bibo:doi ?doi }"
        )
        return {str(r["doi"]): paper_id_from_iri(r["paper"]) for r in rows}

    @staticmethod
    def _cites(cited: str = "?cited") -> str:
        """?citing cites `cited` (a variable, or a paper's IRI put in: a FILTER on a bound
        ?cited would make the store join every citation first, 60 ms a call at 5,000 papers)
        by its paper IRI or through a reference with the same DOI."""
        return (
            f'{{ ?citing cito:cites {cited} . FILTER(STRSTARTS(STR({cited}), "{PAPER_NS}")) }} '
            f"UNION {{ ?citing cito:cites ?ref . ?ref bibo:doi ?doi . "
            f"{cited} a fabio:ResearchPaper ; bibo:doi ?doi . }}"
        )

    def cited_by(self, paper_id: str) -> list[str]:
        """Ids of the ingested papers that cite this one, by arXiv id or by DOI."""
        cites = self._cites(_iri(paper_iri(paper_id)))
        rows = self._select(f"SELECT DISTINCT ?citing WHERE {{ {cites} }}")
        return sorted(paper_id_from_iri(r["citing"]) for r in rows)

    def citation_edges(self, *, ingested_only: bool = False) -> list[tuple[str, str]]:
        """(citing, cited) paper ids; with `ingested_only`, both ends are in the graph."""
        only = "?cited a fabio:ResearchPaper ." if ingested_only else ""
        rows = self._select(f"SELECT DISTINCT ?citing ?cited WHERE {{ {self._cites()} {only} }}")
        return sorted(
            {(paper_id_from_iri(r["citing"]), paper_id_from_iri(r["cited"])) for r in rows}
        )

    # ------------------------------------------------------------------ entities

    def paper_entity_keys(self) -> dict[str, set[str]]:
        """paper id -> keys of the entities it is about (pg:about: its salient ones)."""
        rows = self._select("SELECT DISTINCT ?paper ?entity WHERE { ?paper pg:about ?entity }")
        keys: dict[str, set[str]] = {}
        for row in rows:
            keys.setdefault(paper_id_from_iri(row["paper"]), set()).add(
                entity_key_from_iri(row["entity"])
            )
        return keys

    def entity_labels(self, keys: Iterable[str]) -> dict[str, str]:
        """Entity key -> preferred label, for many entities in one query."""
        values = " ".join(_iri(entity_iri(key)) for key in keys)
        rows = self._select(
            f"SELECT ?e (MIN(STR(?l)) AS ?label) WHERE {{ VALUES ?e {{ {values} }} "
            "?e skos:prefLabel ?l } GROUP BY ?e"
        )
        return {entity_key_from_iri(row["e"]): str(row["label"]) for row in rows}

    def entities(
        self,
        type: EntityType | str | None = None,
        q: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[EntitySummaryRecord]:
        """Entities by number of papers, optionally of one type and matching `q`.

        `q` matches labels and aliases case-insensitively as a substring, and also the folded
        form ('gsm-8k' finds GSM8K).
        """
        # Every paper's graph restates its entities' type and labels, so the union default
        # graph holds each of those triples once per paper: joining them directly multiplies
        # (papers^3 rows for an entity; seconds to minutes at 5,000 papers). Types and paper
        # counts are made distinct in subqueries first.
        rows = self._select(
            "SELECT ?e ?type (MIN(STR(?l)) AS ?label) (COALESCE(SAMPLE(?n), 0) AS ?papers) "
            f"WHERE {{ {_entity_pattern(type, q)} "
            "OPTIONAL { { SELECT ?e (COUNT(DISTINCT ?p) AS ?n) "
            "WHERE { ?p pg:mentions ?e } GROUP BY ?e } } } GROUP BY ?e ?type "
            f"ORDER BY DESC(?papers) ?label ?e LIMIT {int(limit)} OFFSET {int(offset)}"
        )
        rows = [r for r in rows if "e" in r]  # rdflib answers an empty group with an empty row
        aliases = self._aliases([r["e"] for r in rows])
        return [
            {
                "id": entity_key_from_iri(r["e"]),
                "type": _TYPE_OF_CLASS[str(r["type"])],
                "label": str(r["label"]),
                "aliases": sorted(aliases.get(r["e"], set()) - {str(r["label"])}),
                "paper_count": int(r["papers"]),
            }
            for r in rows
        ]

    def count_entities(self, type: EntityType | str | None = None, q: str | None = None) -> int:
        """How many entities `entities(type, q)` pages through."""
        return self._count(
            "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?e ?type WHERE { "
            f"{_entity_pattern(type, q)} }} }}"
        )

    def _aliases(self, nodes: list[URIRef]) -> dict[URIRef, set[str]]:
        """Every label and alias any paper gives these entities."""
        if not nodes:
            return {}
        rows = self._select(
            f"SELECT DISTINCT ?e ?a WHERE {{ VALUES ?e {{ {' '.join(_iri(n) for n in nodes)} }} "
            "{ ?e skos:altLabel ?a } UNION { ?e skos:prefLabel ?a } }"
        )
        aliases: dict[URIRef, set[str]] = {}
        for row in rows:
            aliases.setdefault(row["e"], set()).add(str(row["a"]))
        return aliases

    def entity(self, key: str) -> EntityRecord | None:
        """One entity with its labels and the papers that mention it, most salient first."""
        node = entity_iri(key)
        rows = self._select(  # each paper restates type and label: keep them apart
            f"SELECT ?type ?label WHERE {{ {{ SELECT DISTINCT ?type WHERE {{ {_iri(node)} a ?type }} }} "
            f"{{ SELECT (MIN(STR(?l)) AS ?label) WHERE {{ {_iri(node)} skos:prefLabel ?l }} }} }}"
        )
        typed = [r for r in rows if str(r["type"]) in _TYPE_OF_CLASS]
        if not typed:
            return None
        label = str(typed[0]["label"])
        papers = self._entity_papers(node)
        return {
            "id": key,
            "type": _TYPE_OF_CLASS[str(typed[0]["type"])],
            "label": label,
            "aliases": sorted(self._aliases([node]).get(node, set()) - {label}),
            "papers": papers,
        }

    def _entity_papers(self, node: URIRef) -> list[EntityPaperRecord]:
        rows = self._select(
            "SELECT ?paper ?role ?salience ?title WHERE { GRAPH ?g { "
            f"?paper ?role {_iri(node)} ; a fabio:ResearchPaper . "
            f"OPTIONAL {{ ?paper pg:hasMention ?m . ?m pg:entity {_iri(node)} ; pg:salience ?salience }} "
            "OPTIONAL { ?paper dcterms:title ?title } } }"
        )
        first: dict[str, dict[str, Any]] = {}  # each paper's first row
        roles: dict[str, set[Role]] = {}
        for row in rows:
            role = _ROLE_OF_PROPERTY.get(str(row["role"]))
            if role is None:
                continue
            paper_id = paper_id_from_iri(row["paper"])
            first.setdefault(paper_id, row)
            roles.setdefault(paper_id, set()).add(role)
        result: list[EntityPaperRecord] = [
            {
                "paper_id": paper_id,
                "title": str(row["title"]) if "title" in row else None,
                "salience": float(row["salience"]) if "salience" in row else 0.0,
                "role": _strongest(roles[paper_id]).value,
            }
            for paper_id, row in first.items()
        ]
        result.sort(key=lambda p: (-p["salience"], p["paper_id"]))
        return result


def _entity_pattern(type: EntityType | str | None, q: str | None) -> str:
    """The entities of a type (or of all) whose label, alias or folded key matches `q`, each
    with its type and labels made distinct first (see `KnowledgeGraph.entities`)."""
    classes = [ENTITY_CLASS[EntityType(type)]] if type is not None else list(ENTITY_CLASS.values())
    values = " ".join(_iri(c) for c in classes)
    where = ""
    if q:
        needle = Literal(q.lower()).n3()
        tests = [
            f"CONTAINS(LCASE(STR(?l)), {needle})",
            f"EXISTS {{ ?e skos:altLabel ?a FILTER(CONTAINS(LCASE(STR(?a)), {needle})) }}",
        ]
        if fold(q):
            tests.append(f'CONTAINS(REPLACE(STR(?e), "^.*/", ""), "{fold(q)}")')
        where = f"FILTER({' || '.join(tests)})"
    return (
        f"{{ SELECT DISTINCT ?e ?type WHERE {{ VALUES ?type {{ {values} }} ?e a ?type }} }} "
        f"{{ SELECT DISTINCT ?e ?l WHERE {{ ?e skos:prefLabel ?l }} }} {where}"
    )


def _strongest(roles: set[Role]) -> Role:
    return next((r for r in ROLE_ORDER if r in roles), Role.MENTIONS)
