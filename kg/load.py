"""SPARQL Update, refused except for LOAD when an operator allows it (`GraphSettings.allow_load`).

A LOAD makes the server fetch a URL, so it is off by default. When allowed, an update request
may hold only `LOAD <url> INTO GRAPH <g>` operations, and `g` may not be a paper's graph:
papers are written by ingest alone, whole.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyparsing import ParseException
from rdflib import URIRef
from rdflib.plugins.sparql.algebra import translateUpdate
from rdflib.plugins.sparql.parser import parseUpdate

from papergraph.kg.errors import QueryForbidden, SparqlSyntaxError
from papergraph.kg.sparql import PARSING
from papergraph.kg.store import KnowledgeGraph
from papergraph.kg.vocab import GRAPH_NS, SPARQL_PREFIXES

READ_ONLY = (
    "SPARQL Update (INSERT, DELETE, LOAD, CLEAR, DROP, ...) is not accepted: this endpoint is "
    "read-only"
)


@dataclass(frozen=True)
class Load:
    """One `LOAD <source> INTO GRAPH <graph>`."""

    source: URIRef
    graph: URIRef
    silent: bool = False


def check_loads(update: str, *, allow_load: bool) -> list[Load]:
    """The LOAD operations of an update request; refuse it unless it is only allowed LOADs."""
    if not allow_load:
        raise QueryForbidden(READ_ONLY)
    try:
        with PARSING:  # rdflib's grammar is not safe to share between threads
            operations = translateUpdate(parseUpdate(update), initNs=SPARQL_PREFIXES).algebra
    except ParseException as exc:
        raise SparqlSyntaxError(f"SPARQL Update syntax error: {exc}") from exc
    loads = []
    for operation in operations:
        if operation.name != "Load":
            raise QueryForbidden(
                f"only LOAD is accepted, not {operation.name}: apart from LOAD this endpoint "
                "is read-only"
            )
        graph = operation["graphiri"] if "graphiri" in operation else None
        if graph is None:
            raise QueryForbidden("LOAD needs INTO GRAPH <iri>: the default graph is the papers'")
        if str(graph).startswith(GRAPH_NS):
            raise QueryForbidden(f"LOAD may not write a paper's graph ({graph})")
        loads.append(Load(URIRef(operation.iri), URIRef(graph), "silent" in operation))
    return loads


def run_loads(kg: KnowledgeGraph, loads: list[Load]) -> None:
    """Have the store fetch each source into its graph (Oxigraph and servers: SPARQL LOAD)."""
    for load in loads:
        silent = " SILENT" if load.silent else ""
        kg.run_update(f"LOAD{silent} <{load.source}> INTO GRAPH <{load.graph}>")
