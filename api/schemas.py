"""Response models: the JSON shapes clients rely on, described in the OpenAPI document."""

from __future__ import annotations

from pydantic import AliasChoices, BaseModel, ConfigDict, Field

from papergraph.api.related.faceted import Facet
from papergraph.api.related.reasons import RelatedReason


class Health(BaseModel):
    status: str
    papers: int
    chunks: int
    triples: int


class Highlight(BaseModel):
    start: int = Field(description="First character of a matching word in `text`.")
    end: int = Field(description="One past its last character.")


class QueryEntityOut(BaseModel):
    id: str = Field(description="Entity key, e.g. dataset/squad.")
    type: str = Field(description="Method, Dataset, Benchmark, Task or Metric")
    label: str
    text: str = Field(description="The words of the query that name it.")
    start: int
    end: int
    confidence: float = Field(description="How surely the words name it, in (0, 1].")
    aliases: list[str] = Field([], description="Its other names (added to the keyword query).")


class SearchResult(BaseModel):
    paper_id: str
    title: str
    chunk_id: str
    text: str
    score: float = Field(description="Cosine (semantic), BM25 (keyword) or fused RRF (hybrid).")
    rank: int = Field(0, description="Position in the whole ranking, from 1.")
    semantic_rank: int | None = Field(None, description="Rank in the semantic list, if in it.")
    keyword_rank: int | None = Field(None, description="Rank in the keyword list, if in it.")
    highlights: list[Highlight] = Field([], description="Where the query's words occur in text.")
    snippet: str = Field("", description="HTML-escaped excerpt, query words in <mark>.")
    section: str | None = Field(None, description="The heading the chunk falls under.")
    kind: str = Field(
        "body", description="Which part of the paper the chunk is (body, abstract, ...)."
    )
    pages: list[int] = Field([], description="The 1-based pages the chunk comes from.")
    reasons: list[dict[str, object]] = Field(
        [],
        description="Why the chunk's paper was lifted by the entities the query names: "
        "{kind (its role: evaluatesOn, proposes, uses, ..., or reports_result), entity, label, "
        "confidence, salience, lift, text}.",
    )


class PaperResult(BaseModel):
    paper_id: str
    title: str
    score: float = Field(description="The score of the paper's best chunk.")
    rank: int
    chunks: list[SearchResult] = Field(description="The paper's best chunks, best first.")
    reasons: list[dict[str, object]] = Field([], description="Why the paper was lifted.")


class SearchResponse(BaseModel):
    query: str
    mode: str
    results: list[SearchResult] = Field(description="Chunks, best first; empty with group=paper.")
    papers: list[PaperResult] | None = Field(None, description="With group=paper: papers.")
    offset: int = 0
    k: int = 10
    next_offset: int | None = Field(None, description="Offset of the next page; null: last.")
    filters: dict[str, list[str] | int] = Field({}, description="The filters applied.")
    filtered_papers: int | None = Field(None, description="Papers the filters admit.")
    query_entities: list[QueryEntityOut] = Field(
        [], description="Entities the query names (entities=on): evidence for ranking, not filters."
    )


class EvidenceOut(BaseModel):
    chunk_id: str
    text: str
    start: int | None = None
    end: int | None = None
    extractor: str | None = None
    confidence: float | None = None
    kind: str | None = Field(
        None, description="The kind of chunk it was read from (body, table, ...)."
    )
    section: str | None = Field(None, description="The heading that chunk falls under.")
    pages: list[int] = Field([], description="The 1-based pages that chunk comes from.")


class ReferenceOut(BaseModel):
    """One entry of the paper's bibliography; `paper_id` when it resolves to a stored paper."""

    paper_id: str | None = Field(None, description="The ingested paper this entry cites.")
    arxiv_id: str | None = None
    doi: str | None = None
    title: str | None = None
    authors: list[str] = []
    year: int | None = None
    venue: str | None = None
    raw: str | None = Field(None, description="The entry as printed.")
    context: str | None = Field(None, description="A sentence of the paper that cites it.")
    context_chunk_id: str | None = Field(None, description="The chunk that sentence is in.")


class EntityOut(BaseModel):
    id: str
    type: str = Field(description="Method, Dataset, Benchmark, Task or Metric")
    label: str
    aliases: list[str] = []
    role: str | None = None
    salience: float | None = None
    salient: bool = Field(
        True, description="The paper is about it (pg:about); else it is only mentioned"
    )
    evidence: list[EvidenceOut] = []


class PaperSummary(BaseModel):
    paper_id: str
    title: str
    authors: list[str] = []
    year: int | None = None
    arxiv_id: str | None = None


class PaperList(BaseModel):
    total: int = Field(description="Papers in the store.")
    offset: int
    limit: int
    next_offset: int | None = Field(None, description="Offset of the next page; null: last.")
    papers: list[PaperSummary]


class PaperDetail(PaperSummary):
    abstract: str | None = None
    doi: str | None = None
    source: str | None = None
    entities: list[EntityOut]
    references: list[ReferenceOut]
    cited_by: list[str]


class RelatedItem(BaseModel):
    paper_id: str
    title: str
    score: float = Field(description="Fused score: weighted sum of the signals (less negatives).")
    signals: dict[str, float] = Field(
        default_factory=dict,
        description="Each signal's score in [0, 1]: text, entities, citations; sentences "
        "(max-sim of matched sentences) and facet_entities when sentences are read.",
    )
    reasons: list[RelatedReason] = Field(
        description="Why: {kind, text, ...}; kinds cites, cited_by, co_cited, coupled, "
        "shared_<entity type> (entity, label, idf, papers), similar_text (score), "
        "matched_sentences (facet, score, pairs of seed_sentence and sentence with cosine)."
    )


class RelatedResponse(BaseModel):
    paper_id: str
    seed_negative: list[str] = []
    related: list[RelatedItem]


class RecommendRequest(BaseModel):
    """Seeds of a recommendation, as Semantic Scholar's API takes them (camelCase accepted)."""

    model_config = ConfigDict(extra="forbid")

    positive_paper_ids: list[str] = Field(
        min_length=1,
        validation_alias=AliasChoices("positive_paper_ids", "positivePaperIds"),
        description="Papers the recommendations should resemble (at least one).",
    )
    negative_paper_ids: list[str] = Field(
        default_factory=list,
        validation_alias=AliasChoices("negative_paper_ids", "negativePaperIds"),
        description="Papers the recommendations should not resemble.",
    )
    k: int = Field(10, ge=1, le=100, description="How many papers to recommend.")
    facet: Facet | None = Field(
        None,
        description="Rank by one facet: background, method or result (as GET "
        "/papers/{id}/related?facet=).",
    )


class RecommendResponse(BaseModel):
    positive_paper_ids: list[str]
    negative_paper_ids: list[str]
    recommended_papers: list[RelatedItem]


class EntityPaper(BaseModel):
    paper_id: str
    title: str | None = None
    role: str | None = None


class EntityDetail(BaseModel):
    id: str
    type: str
    label: str
    aliases: list[str] = []
    papers: list[EntityPaper]


class EntityList(BaseModel):
    total: int = Field(description="Entities the type and `q` admit, over all pages.")
    offset: int
    limit: int
    next_offset: int | None = Field(None, description="Offset of the next page; null: last.")
    entities: list[EntityOut]


def next_offset(offset: int, shown: int, total: int) -> int | None:
    """Where the next page starts, or None when this page reaches the end."""
    return offset + shown if shown and offset + shown < total else None


class ErrorBody(BaseModel):
    type: str
    message: str
    status: int


class ErrorResponse(BaseModel):
    error: ErrorBody


class InputFailure(BaseModel):
    """One input (a file, or one line or page of it) that was not ingested, and why."""

    file: str
    reason: str
    line: int | None = None
    page: int | None = None
    message: str


class IngestResult(BaseModel):
    ingested: list[str] = Field(description="Papers written (new and replaced).")
    replaced: list[str] = Field([], description="Those of `ingested` whose id was already stored.")
    unchanged: list[str]
    failed: list[InputFailure]
    chunks: int


class RemovedPaper(BaseModel):
    paper_id: str
    removed: bool


def error_responses(*documented: tuple[int, str]) -> dict[int | str, dict[str, object]]:
    """OpenAPI `responses` entries for errors a route may answer, all in the one error shape."""
    return {
        status: {"model": ErrorResponse, "description": description}
        for status, description in documented
    }


class QueryRequest(BaseModel):
    """A hybrid query: papers a SPARQL pattern admits, ranked by meaning of `text`."""

    model_config = {"extra": "forbid"}

    text: str = Field(min_length=1, max_length=2000, description="What the papers should be about.")
    where: str | None = Field(
        None, description="A SPARQL group graph pattern binding ?paper, e.g. '?paper pg:uses ?m'."
    )
    sparql: str | None = Field(None, description="A whole SPARQL SELECT projecting ?paper.")
    k: int = Field(10, ge=1, le=100, description="How many papers to answer.")


class QueryEvidence(BaseModel):
    chunk_id: str
    text: str
    score: float = Field(description="Cosine between the chunk and the query text.")
    highlights: list[Highlight] = []
    snippet: str = ""


class QueryResult(BaseModel):
    paper_id: str
    title: str
    score: float = Field(description="Cosine of the paper's best chunk to the query text.")
    bindings: list[dict[str, str]] = Field(description="The pattern's rows for this paper.")
    evidence: QueryEvidence


class QueryResponse(BaseModel):
    text: str
    sparql: str = Field(description="The SELECT query that was run.")
    matched_papers: int = Field(description="Papers the pattern admitted (with text indexed).")
    truncated: bool = Field(description="The pattern had more rows than the row cap.")
    results: list[QueryResult]


class LeaderboardEvidence(BaseModel):
    chunk_id: str = Field(description="The chunk the value was read from.")
    text: str = Field(description="The evidence as a sentence: the table cell, or the sentence.")
    page: int | None = Field(None, description="The PDF page (1-based) it is printed on.")
    table: str | None = Field(None, description="The table's number, as printed.")
    caption: str | None = Field(None, description="The table's caption.")
    row_header: str | None = Field(None, description="The row's label, as printed.")
    column_header: str | None = Field(None, description="The column's header texts.")
    cell: str | None = Field(None, description="The cell, as printed.")
    ablation: str | None = Field(
        None,
        description="Why the value is an ablation (a variant of the method taken apart); "
        "such rows are listed only with ablations=true.",
    )


class LeaderboardRow(BaseModel):
    method: str | None = Field(description="The method, as the paper names it.")
    value: float
    printed_value: float | None = Field(
        None,
        description="The number the paper printed where it printed a share as a fraction (0.73) "
        "on a board of percentages: `value` is then that share in percent (73.0).",
    )
    paper_id: str = Field(description="The paper that reports the value.")
    supporting_papers: int = Field(
        description="Papers that report a result (or a claim) of this method on this dataset."
    )
    evidence: LeaderboardEvidence | None = None


class Leaderboard(BaseModel):
    task: str | None = Field(description="The task most of its rows are reported for.")
    dataset: str = Field(
        description="The dataset as its papers print it most ('WMT 2014 English-German')."
    )
    qualifier: str = Field(
        "",
        description="The variant of the dataset's node the board is on: year, split or language "
        "pair ('2014 en-de' of WMT), '' for the dataset itself.",
    )
    metric: str
    higher_is_better: bool = Field(description="Rows are sorted best first by this direction.")
    rows: list[LeaderboardRow]


class LeaderboardList(BaseModel):
    leaderboards: list[Leaderboard]
