"""`pg:similar(?node, "text")`: vector search inside SPARQL.

The function answers the cosine (xsd:double, -1..1) between the text's embedding and
- a paper IRI: the paper's best chunk (`index.chunk_vectors`),
- a chunk IRI: that chunk,
and no value for anything else, so `BIND`, `FILTER` and `ORDER BY` can use it:

    SELECT ?paper ?score WHERE {
      ?paper a fabio:ResearchPaper ; pg:evaluatesOn ?d .
      BIND(pg:similar(?paper, "learning from AI feedback") AS ?score)
      FILTER(?score > 0.3)
    } ORDER BY DESC(?score) LIMIT 10

It lives in `api` because it joins the graph (`kg`) with the encoder and indexes (`index`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.functions import SparqlFunction
from kg.vocab import CHUNK_NS, PAPER_NS, PG, XSD, chunk_id_from_iri, paper_id_from_iri

if TYPE_CHECKING:
    from api.backend import Backend

SIMILAR = PG.similar


def similar_function(backend: Backend) -> SparqlFunction:
    """The implementation of `pg:similar` over `backend`'s stores."""

    def similar(node: Node | None = None, text: Node | None = None, *extra: Node) -> Node | None:
        if extra or not isinstance(node, URIRef) or not isinstance(text, Literal):
            return None
        if not str(text).strip():
            return None
        score = _score(backend, str(node), str(text))
        return Literal(round(score, 6), datatype=XSD.double) if score is not None else None

    return similar


def _score(backend: Backend, iri: str, text: str) -> float | None:
    vector = backend.embedder.encode_query(text)
    if iri.startswith(PAPER_NS):
        best = backend.chunk_vectors.best_chunk(paper_id_from_iri(iri), vector)
        return best.score if best is not None else None
    if iri.startswith(CHUNK_NS):
        chunk_id = chunk_id_from_iri(iri)
        paper_id = chunk_id.rpartition("#")[0]
        for chunk in backend.stores.chunks.paper_chunks(paper_id):
            if chunk["chunk_id"] == chunk_id:
                return backend.chunk_vectors.chunk_score(paper_id, chunk["rowid"], vector)
    return None


def install(backend: Backend) -> None:
    """Make `pg:similar` callable in this backend's SPARQL queries."""
    backend.stores.graph.register_function(SIMILAR, similar_function(backend))
