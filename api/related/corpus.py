"""One snapshot of what recommendation reads: paper vectors, entity sets and citation links.

Taken once per request (or once per benchmark run) so that every seed and candidate is scored
against the same state. The paper vectors come from the cached `PaperVectors`; entity sets and
citations are two SPARQL queries over the graph.
"""

from __future__ import annotations

import math
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from index.paper_vectors import PaperMatrix
from kg.store import KnowledgeGraph
from kg.vocab import entity_iri, entity_key_from_iri

if TYPE_CHECKING:  # api.backend holds a CorpusCache, so this module must not import it
    from api.backend import Backend


def bm25_idf(document_frequency: int, papers: int) -> float:
    """Rarity of an entity: near 0 when every paper has it, large when few do."""
    return math.log(1 + (papers - document_frequency + 0.5) / (document_frequency + 0.5))


@dataclass
class RelatedCorpus:
    """Papers (id → title), their vectors, entity keys with idf, and citation links."""

    titles: dict[str, str]
    matrix: PaperMatrix
    entity_keys: dict[str, set[str]]
    references: dict[str, set[str]] = field(default_factory=dict)  # paper → what it cites
    citers: dict[str, set[str]] = field(default_factory=dict)  # paper → who cites it
    document_frequency: Counter[str] = field(init=False)
    idf: dict[str, float] = field(init=False)

    def __post_init__(self) -> None:
        self.document_frequency = Counter(
            key for keys in self.entity_keys.values() for key in keys
        )
        papers = max(len(self.titles), 1)
        self.idf = {
            key: bm25_idf(count, papers) for key, count in self.document_frequency.items()
        }

    @classmethod
    def load(cls, backend: Backend) -> RelatedCorpus:
        papers = backend.stores.chunks.all_papers_minimal()
        titles = {str(paper["id"]): str(paper["title"]) for paper in papers}
        by_arxiv = {str(p["arxiv_id"]): str(p["id"]) for p in papers if p.get("arxiv_id")}
        references: dict[str, set[str]] = defaultdict(set)
        citers: dict[str, set[str]] = defaultdict(set)
        for citing, cited in backend.stores.graph.citation_edges():
            cited = cited if cited in titles else by_arxiv.get(cited, cited)
            if citing != cited:
                references[citing].add(cited)
                citers[cited].add(citing)
        entity_keys = backend.stores.graph.paper_entity_keys()
        return cls(
            titles=titles,
            matrix=backend.paper_vectors.matrix(),
            entity_keys={pid: keys for pid, keys in entity_keys.items() if pid in titles},
            references=dict(references),
            citers=dict(citers),
        )

    def entity_norm(self, paper_id: str) -> float:
        return math.sqrt(sum(self.idf[key] ** 2 for key in self.entity_keys.get(paper_id, ())))


class CorpusCache:
    """The last snapshot, reused while no paper changed and it is younger than `max_age_s`.

    Ingest and removal change the chunk store, so a changed paper is seen at once; a graph edit
    made some other way (a SPARQL update) is seen within `max_age_s`.
    """

    def __init__(self, backend: Backend) -> None:
        self._backend = backend
        self._lock = threading.Lock()
        self._corpus: RelatedCorpus | None = None
        self._taken = 0.0

    def current(self, max_age_s: float) -> RelatedCorpus:
        matrix = self._backend.paper_vectors.matrix()  # refreshes on any paper change
        with self._lock:
            corpus = self._corpus
            fresh = time.monotonic() - self._taken < max_age_s
            if corpus is None or corpus.matrix is not matrix or not fresh:
                corpus = RelatedCorpus.load(self._backend)
                self._corpus, self._taken = corpus, time.monotonic()
            return corpus


def entity_labels(graph: KnowledgeGraph, keys: set[str]) -> dict[str, str]:
    """Preferred labels of entity keys, in one query; a key with no label is left out."""
    if not keys:
        return {}
    values = " ".join(f"<{entity_iri(key)}>" for key in sorted(keys))
    result = graph.query(
        f"SELECT ?e (MIN(STR(?l)) AS ?label) WHERE {{ VALUES ?e {{ {values} }} "
        "?e skos:prefLabel ?l } GROUP BY ?e"
    )
    return {entity_key_from_iri(str(row[0])): str(row[1]) for row in result if row[1] is not None}
