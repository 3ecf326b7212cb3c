"""One snapshot of what recommendation reads: paper vectors, entity sets and citation links.

Taken once per request (or once per benchmark run) so that every seed and candidate is scored
against the same state. The paper vectors come from the cached `PaperVectors`; entity sets and
citations are two SPARQL queries over the graph.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from api.backend import Backend
from index.paper_vectors import PaperMatrix
from kg.store import KnowledgeGraph
from kg.vocab import entity_iri, entity_key_from_iri


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
