"""Recommendations from several seed papers: POST /recommend."""

from __future__ import annotations

from fastapi import APIRouter

from papergraph.api.deps import RecommenderDep
from papergraph.api.related.rank import recommend
from papergraph.api.schemas import RecommendRequest, RecommendResponse, RelatedItem

router = APIRouter(tags=["papers"])


@router.post("/recommend", response_model=RecommendResponse)
def post_recommend(recommender: RecommenderDep, request: RecommendRequest) -> RecommendResponse:
    """Papers like the positive seeds and unlike the negative ones, each with its reasons.

    Unknown ids answer 404; an id both positive and negative answers 400.
    """
    items = recommend(
        recommender,
        request.positive_paper_ids,
        request.negative_paper_ids,
        request.k,
        facet=request.facet,
    )
    return RecommendResponse(
        positive_paper_ids=request.positive_paper_ids,
        negative_paper_ids=request.negative_paper_ids,
        recommended_papers=[RelatedItem(**item.__dict__) for item in items],
    )
