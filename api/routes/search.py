"""Search over chunks."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import BackendDep
from api.schemas import SearchResponse
from api.search import SearchMode, search_chunks

router = APIRouter(tags=["search"])


@router.get("/search", response_model=SearchResponse)
def search(
    backend: BackendDep,
    q: Annotated[str, Query(description="What to look for, in words.", max_length=2000)],
    k: Annotated[int, Query(ge=1, le=100, description="How many chunks to answer.")] = 10,
    mode: SearchMode = SearchMode.SEMANTIC,
) -> SearchResponse:
    hits = search_chunks(backend, q, k, mode)
    return SearchResponse.model_validate(
        {"query": q, "mode": mode.value, "results": [hit.__dict__ for hit in hits]}
    )
