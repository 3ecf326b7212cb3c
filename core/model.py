"""The domain model every package speaks: papers, chunks, references, entities, evidence.

Plain dataclasses so readers, extractors, the graph and the indexes share one vocabulary
without importing each other; and the identity of names (`fold`, `entity_key`, `url_safe_id`):
how two spellings of one concept, or one source, get one id.
"""

from __future__ import annotations

import enum
import re
import unicodedata
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


class ChunkKind(str, enum.Enum):
    """Which part of a paper a chunk comes from; search leaves some kinds out by default."""

    FRONT = "front"
    ABSTRACT = "abstract"
    BODY = "body"
    CAPTION = "caption"
    TABLE = "table"
    FIGURE = "figure"
    FOOTNOTE = "footnote"
    ACKNOWLEDGMENTS = "acknowledgments"
    REFERENCES = "references"
    APPENDIX = "appendix"


@dataclass
class Reference:
    """One entry of a paper's bibliography; any of the identifiers may be missing.

    `paper_id` is set when the entry resolves to an ingested paper; `context` is a sentence of
    the citing paper that cites it.
    """

    raw: str = ""
    arxiv_id: str | None = None
    doi: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    year: int | None = None
    venue: str | None = None
    paper_id: str | None = None
    context: str | None = None
    context_chunk_id: str | None = None  # the chunk the citing sentence was read from


@dataclass
class TableCell:
    """One cell of a table grid; spans are 1 unless the layout shows a merged cell."""

    row: int
    col: int
    text: str
    row_span: int = 1
    col_span: int = 1
    bold: bool = False


@dataclass
class Table:
    """A table read as a grid of cells, with its number ("2"), caption and 1-based page."""

    cells: list[TableCell] = field(default_factory=list)
    number: str | None = None
    caption: str = ""
    page: int | None = None
    chunk_id: str | None = None  # the chunk that carries the table's text, for evidence


@dataclass
class Chunk:
    """A passage of a paper: the unit that is embedded, keyword-indexed and cited as evidence."""

    id: str  # "<paper_id>#<seq>"
    paper_id: str
    seq: int
    text: str
    prev_id: str | None = None
    next_id: str | None = None
    section: str | None = None  # the heading the chunk falls under
    kind: ChunkKind = ChunkKind.BODY
    pages: list[int] = field(default_factory=list)  # 1-based pages it comes from


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
    tables: list[Table] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    venue: str | None = None
    source: str = ""  # the file it came from
    content_hash: str = ""  # sha256 of the source bytes that produced this paper


@dataclass
class Evidence:
    """Where a fact was read: a character span of one chunk, by one extractor.

    A fact read from a table also names the table's page, number and caption, the row and column
    header texts and the cell, so a reader can find the number in the PDF.
    """

    chunk_id: str
    start: int
    end: int
    text: str
    extractor: str
    confidence: float = 1.0
    page: int | None = None
    table: str | None = None  # the table's number as printed ("2")
    caption: str | None = None
    row_header: str | None = None
    column_header: str | None = None
    cell: str | None = None
    #: Why a table value is an ablation (a variant of the method: a change row "+ mixup", or
    #: a table its caption calls an ablation study), None where it is a result: kept off
    #: leaderboards unless asked for.
    ablation: str | None = None


@dataclass
class Entity:
    """A concept a paper mentions, after alias merging within the paper."""

    type: EntityType
    label: str  # preferred label
    aliases: list[str] = field(default_factory=list)
    role: Role = Role.MENTIONS
    salience: float = 0.0
    evidence: list[Evidence] = field(default_factory=list)
    salient: bool = True  # what the paper is about: shown on its page, facets and reasons
    qualifiers: list[str] = field(default_factory=list)  # "2014 en-de" of "WMT14 En-De"

    @property
    def key(self) -> str:
        """The cross-paper identity: type plus normalised preferred label."""
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
    higher_is_better: bool | None = None  # the metric's direction, where it is known


@dataclass
class Extraction:
    """Everything an extractor found in one paper."""

    paper_id: str
    entities: list[Entity] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)


_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_URL_UNSAFE = re.compile(r"[^0-9A-Za-z._~-]+")


def fold(text: str) -> str:
    """Lower-case, accent-free, punctuation-free form: 'GSM-8K' and 'gsm8k' fold alike."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NON_ALNUM.sub("", ascii_text.lower())


def entity_key(entity_type: EntityType, label: str) -> str:
    """The cross-paper identity of an entity: its type and folded label."""
    return f"{entity_type.value.lower()}/{fold(label) or 'unnamed'}"


def url_safe_id(raw: str) -> str:
    """A stable URL-safe id from any string ('2307.12966', 'my paper.pdf' -> 'my_paper.pdf')."""
    cleaned = _URL_UNSAFE.sub("_", raw.strip()).strip("_")
    return cleaned or "paper"


_NON_WORD = re.compile(r"[^0-9a-z]+")


def title_key(title: str) -> str:
    """A title as compared across sources: accent-free lower case, one space between words.

    'Attention Is All You Need.' and 'Attention is all you need' share one key; unlike `fold`,
    word boundaries stay, so a fuzzy match can weigh words.
    """
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return _NON_WORD.sub(" ", ascii_text.lower()).strip()
