"""Papers: the list, one paper's page, and its related papers."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from api.deps import BackendDep
from api.related.rank import related_papers
from api.schemas import PaperDetail, PaperList, PaperSummary, RelatedItem, RelatedResponse
from ingest.errors import NotFound

router = APIRouter(tags=["papers"])


def _summary(paper: dict[str, Any]) -> PaperSummary:
    return PaperSummary(
        paper_id=paper["id"],
        title=paper["title"],
        authors=paper.get("authors") or [],
        year=paper.get("year"),
        arxiv_id=paper.get("arxiv_id"),
    )


@router.get("/papers", response_model=PaperList)
def list_papers(
    backend: BackendDep,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
) -> PaperList:
    papers = backend.stores.chunks.list_papers(offset, limit)
    return PaperList(
        total=backend.stores.chunks.count_papers(),
        offset=offset,
        limit=limit,
        papers=[_summary(paper) for paper in papers],
    )


@router.get("/papers/{paper_id}", response_model=PaperDetail)
def get_paper(backend: BackendDep, paper_id: str) -> PaperDetail:
    paper = backend.stores.chunks.get_paper(paper_id)
    if paper is None:
        raise NotFound(f"no paper with id {paper_id!r}")
    graph = backend.stores.graph
    references = [
        {key: reference.get(key) for key in ("arxiv_id", "doi", "title", "raw")}
        for reference in backend.stores.chunks.references(paper_id)
    ]
    return PaperDetail(
        **_summary(paper).model_dump(),
        abstract=paper.get("abstract"),
        doi=paper.get("doi"),
        source=paper.get("source"),
        entities=graph.paper_entities(paper_id),
        references=references,
        cited_by=graph.cited_by(paper_id),
    )


@router.get("/papers/{paper_id}/related", response_model=RelatedResponse)
def get_related(
    backend: BackendDep,
    paper_id: str,
    k: Annotated[int, Query(ge=1, le=100, description="How many papers.")] = 10,
    seed_negative: Annotated[
        list[str] | None,
        Query(description="Papers to steer away from; repeat it or separate ids by commas."),
    ] = None,
) -> RelatedResponse:
    """The papers most related to this one, never itself, each with its reasons."""
    negative = [pid.strip() for value in seed_negative or [] for pid in value.split(",")]
    negative = [pid for pid in negative if pid]
    related = related_papers(backend, paper_id, k, negative=negative)
    return RelatedResponse(
        paper_id=paper_id,
        seed_negative=negative,
        related=[RelatedItem(**item.__dict__) for item in related],
    )
