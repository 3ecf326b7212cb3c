"""`pg:similar(?node, "text")`: vector search inside SPARQL.

The function answers the cosine (xsd:double, -1..1) between the text's embedding and
- a paper IRI: the paper's best chunk (`papergraph.index.chunk_vectors`),
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

import numpy as np
from rdflib import Literal, URIRef
from rdflib.term import Node

from papergraph.index.chunk_vectors import PaperChunkVectors
from papergraph.index.embed import Embedder
from papergraph.index.store import ChunkStore
from papergraph.kg.functions import SparqlFunction
from papergraph.kg.store import KnowledgeGraph
from papergraph.kg.vocab import CHUNK_NS, PAPER_NS, PG, XSD, chunk_id_from_iri, paper_id_from_iri

SIMILAR = PG.similar


def similar_function(
    embedder: Embedder, chunks: ChunkStore, vectors: PaperChunkVectors
) -> SparqlFunction:
    """The implementation of `pg:similar`: `embedder` encodes the text, `vectors` scores."""

    def similar(node: Node | None = None, text: Node | None = None, *extra: Node) -> Node | None:
        if extra or not isinstance(node, URIRef) or not isinstance(text, Literal):
            return None
        if not str(text).strip():
            return None
        score = _score(chunks, vectors, str(node), embedder.encode_query(str(text)))
        return Literal(round(score, 6), datatype=XSD.double) if score is not None else None

    return similar


def _score(
    chunks: ChunkStore, vectors: PaperChunkVectors, iri: str, vector: np.ndarray
) -> float | None:
    if iri.startswith(PAPER_NS):
        best = vectors.best_chunk(paper_id_from_iri(iri), vector)
        return best.score if best is not None else None
    if iri.startswith(CHUNK_NS):
        chunk_id = chunk_id_from_iri(iri)
        paper_id = chunk_id.rpartition("#")[0]
        for chunk in chunks.paper_chunks(paper_id):
            if chunk["chunk_id"] == chunk_id:
                return vectors.chunk_score(paper_id, chunk["rowid"], vector)
    return None


def install(
    graph: KnowledgeGraph, embedder: Embedder, chunks: ChunkStore, vectors: PaperChunkVectors
) -> None:
    """Make `pg:similar` callable in `graph`'s SPARQL queries."""
    graph.register_function(SIMILAR, similar_function(embedder, chunks, vectors))
