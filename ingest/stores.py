"""The stores a paper is written to, as one bundle the pipeline, the crash recovery and the API share."""

from __future__ import annotations

from dataclasses import dataclass

from papergraph.index.base import VectorIndex
from papergraph.index.keyword import KeywordIndex
from papergraph.index.store import ChunkStore
from papergraph.kg.store import KnowledgeGraph


@dataclass
class Stores:
    """Everything a paper is written to. The chunk store is the source of truth: the vector
    index, the keyword index and the graph can each be rebuilt from it."""

    chunks: ChunkStore
    vectors: VectorIndex
    keywords: KeywordIndex
    graph: KnowledgeGraph
