"""A paper's graph carries no triple a query needs the vocabulary for, and still every span of
evidence: what was cut to bring the triples per paper down (README "Scaling out")."""

from __future__ import annotations

from papergraph.core.model import Extraction, Paper
from papergraph.kg.mapping import paper_graph
from papergraph.kg.vocab import PG, PROV, RDF


def test_evidence_is_untyped_but_whole(paper_a: tuple[Paper, Extraction]) -> None:
    paper, extraction = paper_a
    graph = paper_graph(paper, extraction)
    assert not list(graph.triples((None, RDF.type, PG.Evidence)))
    spans = {
        (e.chunk_id, e.start, e.end) for entity in extraction.entities for e in entity.evidence
    }
    spans |= {
        (e.chunk_id, e.start, e.end) for result in extraction.results for e in result.evidence
    }
    found = set()
    for evidence in set(graph.objects(None, PG.evidence)):
        assert graph.value(evidence, PROV.value) is not None
        found.add(
            (
                str(graph.value(evidence, PROV.wasDerivedFrom)).rsplit("/", 1)[-1],
                graph.value(evidence, PG.start).toPython(),
                graph.value(evidence, PG.end).toPython(),
            )
        )
    assert len(found) == len(spans) > 0
