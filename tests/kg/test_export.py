"""Dumps round-trip: what export writes parses back into the papers' named graphs."""

from __future__ import annotations

import json

import pytest
from rdflib import Dataset, Graph

from papergraph.core.errors import NotFound
from papergraph.kg.errors import UnsupportedFormat
from papergraph.kg.export import DUMP_FORMATS, export
from papergraph.kg.store import KnowledgeGraph
from papergraph.kg.vocab import paper_graph_iri

pytestmark = pytest.mark.filterwarnings(
    "ignore:(Dataset|ConjunctiveGraph).*deprecated:DeprecationWarning"
)
IDS = ("2201.11903", "2307.12966")


def dump(kg: KnowledgeGraph, format: str, paper_id: str | None = None) -> bytes:
    return b"".join(export(kg, format, paper_id))


@pytest.mark.parametrize("format", ["nq", "trig"])
def test_quad_dumps_keep_each_paper_graph(filled: KnowledgeGraph, format: str) -> None:
    parsed = Dataset()
    parsed.parse(data=dump(filled, format), format=DUMP_FORMATS[format].rdflib_format)
    for paper_id in IDS:
        assert set(parsed.graph(paper_graph_iri(paper_id))) == set(filled.paper_rdf(paper_id))


def test_jsonld_dump_is_a_list_of_named_graphs(filled: KnowledgeGraph) -> None:
    body = json.loads(dump(filled, "jsonld"))
    assert [item["@id"] for item in body] == [str(paper_graph_iri(i)) for i in IDS]
    parsed = Dataset()
    parsed.parse(data=json.dumps(body), format="json-ld")
    assert set(parsed.graph(paper_graph_iri(IDS[0]))) == set(filled.paper_rdf(IDS[0]))


@pytest.mark.parametrize("format", ["ttl", "nt"])
def test_triple_dumps_hold_the_union(filled: KnowledgeGraph, format: str) -> None:
    parsed = Graph().parse(data=dump(filled, format), format=DUMP_FORMATS[format].rdflib_format)
    union = filled.paper_rdf(IDS[0]) + filled.paper_rdf(IDS[1])
    assert set(parsed) == set(union)


def test_one_paper(filled: KnowledgeGraph) -> None:
    parsed = Graph().parse(data=dump(filled, "ttl", IDS[1]), format="turtle")
    assert set(parsed) == set(filled.paper_rdf(IDS[1]))


def test_unknown_paper_and_format_fail_at_once(filled: KnowledgeGraph) -> None:
    with pytest.raises(NotFound, match="no-such"):
        export(filled, "nq", "no-such")
    with pytest.raises(UnsupportedFormat, match="rdfa"):
        export(filled, "rdfa")
