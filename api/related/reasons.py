"""A recommendation (`RelatedPaper`) and why it is related: one typed model per kind of reason,
documented in the OpenAPI schema.

Each reason is built complete where its signal is computed (`papergraph.api.related.signals`,
`papergraph.api.related.faceted`): a machine-readable `kind` with its fields and a human-readable `text`.
`seed` names the seed paper a reason is about, only when several seeds were given. A reason
also reads like the JSON object it becomes (`reason["kind"]`, `"seed" in reason`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


def _absent(value: object) -> bool:
    return value is None


class _Reason(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: str = Field(description="What kind of evidence this is.")
    text: str = Field(description="The reason in words, for a person.")
    seed: str | None = Field(
        None,
        description="The seed paper this reason is about (only when there are several seeds).",
        exclude_if=_absent,
    )

    def __getitem__(self, name: str) -> Any:
        if name not in self._keys():
            raise KeyError(name)
        return getattr(self, name)

    def __contains__(self, name: object) -> bool:
        return name in self._keys()

    def get(self, name: str, default: Any = None) -> Any:
        return self[name] if name in self else default

    def _keys(self) -> set[str]:
        return set(self.model_dump())


class SimilarTextReason(_Reason):
    kind: Literal["similar_text"] = "similar_text"
    score: float = Field(description="Cosine of the two papers' title-and-abstract vectors.")


class SharedEntityReason(_Reason):
    kind: str = Field(
        pattern=r"^shared_\w+$", description="shared_<entity type>, e.g. shared_dataset."
    )
    entity: str = Field(description="The entity's key, `<type>/<name>`.")
    label: str = Field(description="The entity's preferred label.")
    idf: float = Field(description="How rare the entity is across the papers (BM25 idf).")
    papers: int = Field(description="How many papers mention the entity.")


class CitationReason(_Reason):
    kind: Literal["cites", "cited_by", "co_cited", "coupled"] = Field(
        description="cites / cited_by: a direct citation; co_cited: cited together by other "
        "papers; coupled: both cite the same papers."
    )
    count: int | None = Field(
        None, description="How many papers co-cite or are cited by both.", exclude_if=_absent
    )


class SentencePair(BaseModel):
    seed_sentence: str = Field(description="A sentence of the seed paper.")
    sentence: str = Field(description="The related paper's sentence that matches it.")
    cosine: float = Field(description="Cosine of the two sentences' vectors.")


class MatchedSentencesReason(_Reason):
    kind: Literal["matched_sentences"] = "matched_sentences"
    facet: str | None = Field(description="The facet the sentences were matched in, or null.")
    score: float = Field(description="Max-sim of the seed's sentences against the paper's.")
    pairs: list[SentencePair] = Field(description="The best matched sentence pairs.")


RelatedReason = SimilarTextReason | SharedEntityReason | CitationReason | MatchedSentencesReason


@dataclass
class RelatedPaper:
    """One recommendation: its fused score, each signal's part, and why."""

    paper_id: str
    title: str
    score: float
    signals: dict[str, float] = field(default_factory=dict)
    reasons: list[RelatedReason] = field(default_factory=list)
