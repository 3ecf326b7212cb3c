"""The domain model every package speaks: papers, chunks, references, entities, evidence.

Plain dataclasses so readers, extractors, the graph and the indexes share one vocabulary
without importing each other.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class EntityType(str, enum.Enum):
    """The kinds of scientific concept Papergraph extracts."""

    METHOD = "Method"
    DATASET = "Dataset"
    BENCHMARK = "Benchmark"
    TASK = "Task"
    METRIC = "Metric"


class Role(str, enum.Enum):
    """What a paper does with an entity, where the text says so."""

    PROPOSES = "proposes"
    USES = "uses"
    EVALUATES_ON = "evaluatesOn"
    COMPARES_AGAINST = "comparesAgainst"
    MENTIONS = "mentions"


@dataclass
class Reference:
    """One entry of a paper's bibliography; any of the identifiers may be missing."""

    raw: str = ""
    arxiv_id: str | None = None
    doi: str | None = None
    title: str | None = None


@dataclass
class Chunk:
    """A passage of a paper: the unit that is embedded, keyword-indexed and cited as evidence."""

    id: str  # "<paper_id>#<seq>"
    paper_id: str
    seq: int
    text: str
    prev_id: str | None = None
    next_id: str | None = None
    section: str | None = None


@dataclass
class Paper:
    """A paper as read from one source, with repaired text already cut into chunks."""

    id: str  # stable, URL-safe
    title: str
    chunks: list[Chunk] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    year: int | None = None
    arxiv_id: str | None = None
    doi: str | None = None
    abstract: str | None = None
    references: list[Reference] = field(default_factory=list)
    source: str = ""  # the file it came from
    content_hash: str = ""  # sha256 of the source bytes that produced this paper


@dataclass
class Evidence:
    """Where a fact was read: a character span of one chunk, by one extractor."""

    chunk_id: str
    start: int
    end: int
    text: str
    extractor: str
    confidence: float = 1.0


@dataclass
class Entity:
    """A concept a paper mentions, after alias merging within the paper."""

    type: EntityType
    label: str  # preferred label
    aliases: list[str] = field(default_factory=list)
    role: Role = Role.MENTIONS
    salience: float = 0.0
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def key(self) -> str:
        """The cross-paper identity: type plus normalised preferred label."""
        from ingest.normalize import entity_key

        return entity_key(self.type, self.label)


@dataclass
class Result:
    """A reported result: the leaderboard row a user wants to query."""

    method: str | None
    task: str | None
    dataset: str | None
    metric: str | None
    value: float | str | None  # None: the paper reports on this combination; no number read
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Extraction:
    """Everything an extractor found in one paper."""

    paper_id: str
    entities: list[Entity] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)
