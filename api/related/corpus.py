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
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from papergraph.index.paper_vectors import PaperMatrix, PaperVectors
from papergraph.index.store import ChunkStore
from papergraph.kg.store import KnowledgeGraph

#: Preferred labels of entity keys, asked of the graph (`KnowledgeGraph.entity_labels`).
LabelSource = Callable[[list[str]], dict[str, str]]


def _no_labels(keys: list[str]) -> dict[str, str]:
    return {}


def bm25_idf(document_frequency: int, papers: int) -> float:
    """Rarity of an entity: near 0 when every paper has it, large when few do."""
    return math.log(1 + (papers - document_frequency + 0.5) / (document_frequency + 0.5))


@dataclass
class RelatedCorpus:
    """Papers (id → title), their vectors, entity keys with idf, and citation links.

    Built once per snapshot, with what every request would otherwise recompute: each paper's
    row (`ids`, `position`), the papers holding each entity (`postings`), each paper's entity
    norm, and where the paper vectors sit among the rows; a request then touches only the
    papers that share something with its seed.
    """

    titles: dict[str, str]
    matrix: PaperMatrix
    entity_keys: dict[str, set[str]]
    references: dict[str, set[str]] = field(default_factory=dict)  # paper → what it cites
    citers: dict[str, set[str]] = field(default_factory=dict)  # paper → who cites it
    label_source: LabelSource = field(default=_no_labels, repr=False)
    document_frequency: Counter[str] = field(init=False)
    idf: dict[str, float] = field(init=False)
    ids: tuple[str, ...] = field(init=False)
    position: dict[str, int] = field(init=False)
    postings: dict[str, np.ndarray] = field(init=False)
    norms: np.ndarray = field(init=False)
    name_order: np.ndarray = field(init=False)  # each row's rank by paper id, to break ties
    text_rows: np.ndarray = field(init=False)  # the row of each paper vector, -1 when unknown
    _labels: dict[str, str | None] = field(init=False, default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.document_frequency = Counter(key for keys in self.entity_keys.values() for key in keys)
        papers = max(len(self.titles), 1)
        self.idf = {key: bm25_idf(count, papers) for key, count in self.document_frequency.items()}
        self.ids = tuple(self.titles)
        self.position = {pid: row for row, pid in enumerate(self.ids)}
        rows_of: dict[str, list[int]] = defaultdict(list)
        self.norms = np.zeros(len(self.ids))
        for pid, keys in self.entity_keys.items():
            row = self.position.get(pid)
            if row is None:
                continue
            for key in keys:
                rows_of[key].append(row)
            self.norms[row] = math.sqrt(sum(self.idf[key] ** 2 for key in keys))
        self.postings = {key: np.asarray(rows, dtype=np.int64) for key, rows in rows_of.items()}
        self.name_order = np.empty(len(self.ids), dtype=np.int64)
        self.name_order[np.argsort(np.asarray(self.ids, dtype=object), kind="stable")] = np.arange(
            len(self.ids)
        )
        self.text_rows = np.asarray(
            [self.position.get(pid, -1) for pid in self.matrix.ids], dtype=np.int64
        )

    @classmethod
    def load(cls, chunks: ChunkStore, graph: KnowledgeGraph, matrix: PaperMatrix) -> RelatedCorpus:
        """The snapshot of `chunks`' papers, `graph`'s entities and citations, and `matrix`."""
        papers = chunks.all_papers_minimal()
        titles = {str(paper["id"]): str(paper["title"]) for paper in papers}
        by_arxiv = {str(p["arxiv_id"]): str(p["id"]) for p in papers if p.get("arxiv_id")}
        references: dict[str, set[str]] = defaultdict(set)
        citers: dict[str, set[str]] = defaultdict(set)
        for citing, cited in graph.citation_edges():
            cited = cited if cited in titles else by_arxiv.get(cited, cited)
            if citing != cited:
                references[citing].add(cited)
                citers[cited].add(citing)
        entity_keys = graph.paper_entity_keys()
        return cls(
            titles=titles,
            matrix=matrix,
            entity_keys={pid: keys for pid, keys in entity_keys.items() if pid in titles},
            references=dict(references),
            citers=dict(citers),
            label_source=graph.entity_labels,
        )

    def labels(self, keys: set[str]) -> dict[str, str]:
        """Preferred labels of entity keys, asked of the graph once per key and snapshot (each
        paper's graph restates its entities' labels, so the lookup reads many triples)."""
        missing = keys - self._labels.keys()
        if missing:
            found = self.label_source(sorted(missing))
            self._labels.update({key: found.get(key) for key in missing})  # None: has no label
        return {key: label for key in keys if (label := self._labels.get(key)) is not None}

    def entity_norm(self, paper_id: str) -> float:
        row = self.position.get(paper_id)
        return 0.0 if row is None else float(self.norms[row])

    def dense(self, scores: dict[str, float]) -> np.ndarray:
        """`scores` by paper id as one value per row (0 for papers not named)."""
        array = np.zeros(len(self.ids))
        for pid, score in scores.items():
            row = self.position.get(pid)
            if row is not None:
                array[row] = score
        return array


class CorpusCache:
    """The last snapshot, reused while no paper changed and it is younger than `max_age_s`.

    Ingest and removal change the chunk store, so a changed paper is seen at once; a graph edit
    made some other way (a SPARQL update) is seen within `max_age_s`.
    """

    def __init__(self, chunks: ChunkStore, graph: KnowledgeGraph, vectors: PaperVectors) -> None:
        self._chunks, self._graph, self._vectors = chunks, graph, vectors
        self._lock = threading.Lock()
        self._corpus: RelatedCorpus | None = None
        self._taken = 0.0
        self._version: int | None = None

    def current(self, max_age_s: float) -> RelatedCorpus:
        with self._lock:
            corpus = self._corpus
            fresh = time.monotonic() - self._taken < max_age_s
            version = self._chunks.version()  # moves on any paper change
            if corpus is not None and fresh and version == self._version:
                return corpus
            matrix = self._vectors.matrix()  # re-encodes changed papers only
            if corpus is None or corpus.matrix is not matrix or not fresh:
                corpus = RelatedCorpus.load(self._chunks, self._graph, matrix)
                self._corpus, self._taken = corpus, time.monotonic()
            self._version = version
            return corpus
