"""Dumps of the graph, streamed one paper's named graph at a time.

Formats that carry graph names (N-Quads, TriG, JSON-LD) keep each paper's named graph; Turtle
and N-Triples give the triples (a triple two papers state appears once per paper, which a
reader merges). Nothing holds more than one paper's graph in memory, so a dump of any size
streams.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import Dataset, Graph, URIRef

from papergraph.core.errors import NotFound
from papergraph.kg.errors import UnsupportedFormat
from papergraph.kg.store import KnowledgeGraph
from papergraph.kg.vocab import paper_graph_iri


@dataclass(frozen=True)
class DumpFormat:
    name: str
    rdflib_format: str
    media_type: str
    extension: str
    keeps_graphs: bool


DUMP_FORMATS: dict[str, DumpFormat] = {
    f.name: f
    for f in (
        DumpFormat("nq", "nquads", "application/n-quads", "nq", True),
        DumpFormat("trig", "trig", "application/trig", "trig", True),
        DumpFormat("jsonld", "json-ld", "application/ld+json", "jsonld", True),
        DumpFormat("ttl", "turtle", "text/turtle", "ttl", False),
        DumpFormat("nt", "nt", "application/n-triples", "nt", False),
    )
}


def dump_format(name: str) -> DumpFormat:
    found = DUMP_FORMATS.get(name.strip().lower())
    if found is None:
        raise UnsupportedFormat(
            f"export format {name!r} is not offered; use one of {', '.join(DUMP_FORMATS)}"
        )
    return found


def export(kg: KnowledgeGraph, format: str, paper_id: str | None = None) -> Iterator[bytes]:
    """The whole graph (or one paper's named graph) in `format`, in pieces of one paper each.

    Raises at once (not on the first `next`) for an unknown format or paper.
    """
    chosen = dump_format(format)
    if paper_id is not None and not kg.has_paper(paper_id):
        raise NotFound(f"no paper with id {paper_id!r} in the graph")
    paper_ids = [paper_id] if paper_id is not None else kg.paper_ids()
    return _pieces(kg, chosen, paper_ids, single=paper_id is not None)


def _pieces(
    kg: KnowledgeGraph, chosen: DumpFormat, paper_ids: list[str], *, single: bool
) -> Iterator[bytes]:
    if chosen.name == "jsonld" and not single:
        yield b"[\n"
    for number, paper_id in enumerate(paper_ids):
        if chosen.name == "jsonld" and number:
            yield b",\n"
        yield serialize_paper(kg.paper_rdf(paper_id), paper_graph_iri(paper_id), chosen)
    if chosen.name == "jsonld" and not single:
        yield b"\n]\n"


def serialize_paper(graph: Graph, name: URIRef, chosen: DumpFormat) -> bytes:
    """One paper's named graph in `chosen`: as a named graph where the format has them."""
    if chosen.name == "jsonld":
        nodes = json.loads(graph.serialize(format="json-ld"))
        return json.dumps({"@id": str(name), "@graph": nodes}, ensure_ascii=False).encode()
    if chosen.keeps_graphs:
        dataset = Dataset()
        for prefix, namespace in graph.namespaces():
            dataset.bind(prefix, namespace)
        named = dataset.graph(name)
        named += graph
        return dataset.serialize(format=chosen.rdflib_format, encoding="utf-8")
    return graph.serialize(format=chosen.rdflib_format, encoding="utf-8")
