"""`pg:related(?seed, ?paper)`: the related-papers ranking inside SPARQL.

The function answers the fused score (xsd:double) with which `GET /papers/{seed}/related` would
rank `?paper` for the seed paper, and no value when that ranking would leave it out (the seed
itself, no positive score, either not a paper). So a query can rank a graph pattern's papers by
relatedness, or keep the related papers a pattern admits:

    SELECT ?paper ?score WHERE {
      ?paper pg:evaluatesOn ?d . ?d skos:prefLabel "GSM8K" .
      BIND(pg:related(<https://w3id.org/papergraph/paper/2307.12966>, ?paper) AS ?score)
      FILTER(BOUND(?score))
    } ORDER BY DESC(?score) LIMIT 10

A seed's scores for every paper are computed once (a few vector operations over the snapshot
the ranking reads) and kept for the next calls while the snapshot stands.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import numpy as np
from rdflib import Literal, URIRef
from rdflib.term import Node

from papergraph.api.related.corpus import RelatedCorpus
from papergraph.api.related.rank import Recommender, fused_scores
from papergraph.api.related.signals import seed_signals
from papergraph.kg.functions import SparqlFunction
from papergraph.kg.store import KnowledgeGraph
from papergraph.kg.vocab import PAPER_NS, PG, XSD, paper_id_from_iri

RELATED = PG.related
SEEDS_KEPT = 64


def related_function(recommender: Recommender) -> SparqlFunction:
    """The implementation of `pg:related` over `recommender`'s snapshot and weights."""
    kept: OrderedDict[tuple[int, str], np.ndarray] = OrderedDict()
    lock = threading.Lock()

    def scores(corpus: RelatedCorpus, seed: str) -> np.ndarray:
        key = (id(corpus), seed)
        with lock:
            if key in kept:
                kept.move_to_end(key)
                return kept[key]
        signals = seed_signals(corpus, seed, 0)
        score, _, eligible = fused_scores(corpus, [signals], [], recommender.settings)
        answer = np.where(eligible, score, np.nan)
        with lock:
            kept[key] = answer
            while len(kept) > SEEDS_KEPT:
                kept.popitem(last=False)
        return answer

    def related(seed: Node | None = None, paper: Node | None = None, *extra: Node) -> Node | None:
        if extra or not _is_paper(seed) or not _is_paper(paper):
            return None
        corpus = recommender.snapshot()
        seed_id, paper_id = paper_id_from_iri(str(seed)), paper_id_from_iri(str(paper))
        row = corpus.position.get(paper_id)
        if seed_id not in corpus.position or row is None:
            return None
        value = float(scores(corpus, seed_id)[row])
        return None if np.isnan(value) else Literal(round(value, 6), datatype=XSD.double)

    return related


def _is_paper(node: Node | None) -> bool:
    return isinstance(node, URIRef) and str(node).startswith(PAPER_NS)


def install(graph: KnowledgeGraph, recommender: Recommender) -> None:
    """Make `pg:related` callable in `graph`'s SPARQL queries."""
    graph.register_function(RELATED, related_function(recommender))
