"""Settings of related-paper recommendation: the weight of each signal in the fused score."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class RelatedSettings(BaseModel):
    """Weights of the fused score (text weight 1 sets the scale).

    `entity_weight` is the best on the SciREX tune split of `benchmarks/related.py --sweep`
    (NDCG@10 0.638 against 0.581 for text alone; 0.25-0.5 all within 0.01). SciREX has no
    citations, so `citation_weight` and `negative_weight` are priors, not measurements: a direct
    citation adds as much as half a perfect text match.
    """

    model_config = ConfigDict(extra="forbid")

    text_weight: float = Field(
        1.0,
        ge=0,
        description="Weight of paper-level embedding similarity (cosine of the "
        "title+abstract vectors, or of pooled chunk vectors when there is no abstract).",
    )
    entity_weight: float = Field(
        0.4,
        ge=0,
        description="Weight of shared entities (methods, datasets, benchmarks, tasks, "
        "metrics), each weighted by rarity (BM25 idf): idf-weighted cosine of the entity sets.",
    )
    citation_weight: float = Field(
        0.5,
        ge=0,
        description="Weight of citation structure: direct citation either way (1.0), "
        "plus co-citation and bibliographic coupling (Salton-normalised counts), capped at 1.",
    )
    negative_weight: float = Field(
        0.5,
        ge=0,
        description="How much a candidate's mean fused score against the negative "
        "seeds is subtracted from its mean score against the positive seeds.",
    )
    sentence_weight: float = Field(
        0.0,
        ge=0,
        description="Without a facet: weight of sentence-level similarity (max-sim "
        "of the seed's title and abstract sentences against the candidate's) added to the "
        "fused score of the top `facet_candidates` papers (0: not read). 0.25 is best on the "
        "SciREX tune split (+0.015 NDCG@10 on test) but encodes every candidate's sentences on "
        "first use, so it is off by default.",
    )
    facet_sentence_weight: float = Field(
        0.25,
        ge=0,
        description="With facet=: weight of the max-sim of the seed's sentences of "
        "that facet against the candidate's (best on the SciREX tune split for facet=result).",
    )
    facet_candidates: int = Field(
        50,
        ge=1,
        le=1000,
        description="Papers of the fused ranking re-scored by sentences (each "
        "new paper's sentences are encoded once, then cached).",
    )
    snapshot_max_age_s: float = Field(
        60.0,
        ge=0,
        description="Longest the entity and citation snapshot is reused while no "
        "paper changes (0: read the graph on every request).",
    )
    max_entity_reasons: int = Field(
        3, ge=0, description="Shared entities listed as reasons per item, rarest first."
    )
