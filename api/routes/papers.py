"""Papers: the list, one paper's page, and its related papers (open); upload and removal
(behind the API key, see `papergraph.api.security`)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Query, Request, UploadFile
from fastapi.responses import Response

from papergraph.api.deps import BackendDep, ChunksDep, GraphDep, ReadSnapshot, RecommenderDep
from papergraph.api.details import paper_detail, paper_summary
from papergraph.api.errors import NothingIngested
from papergraph.api.related.faceted import Facet
from papergraph.api.related.rank import related_papers
from papergraph.api.routes.export import paper_rdf_response
from papergraph.api.schemas import (
    ErrorResponse,
    IngestResult,
    InputFailure,
    PaperDetail,
    PaperList,
    RelatedItem,
    RelatedResponse,
    RemovedPaper,
    next_offset,
)
from papergraph.api.security import WriteAccess
from papergraph.api.uploads import ingest_upload
from papergraph.core.errors import NotFound
from papergraph.ingest.pipeline import IngestReport

router = APIRouter(tags=["papers"])

WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": description}
    for status, description in (
        (401, "No API key, or a wrong one, in X-API-Key."),
        (403, "Writes are disabled: the server has no API key."),
        (409, "Another process is writing to the data folder."),
    )
}
UPLOAD_ERRORS: dict[int | str, dict[str, Any]] = {
    **WRITE_ERRORS,
    413: {"model": ErrorResponse, "description": "The file is over the size limit."},
    415: {"model": ErrorResponse, "description": "Not a file type Papergraph reads."},
    422: {"model": ErrorResponse, "description": "No paper in the file could be ingested."},
}


@router.get("/papers", response_model=PaperList, dependencies=[ReadSnapshot])
def list_papers(
    chunks: ChunksDep,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
) -> PaperList:
    papers = chunks.list_papers(offset, limit)
    total = chunks.count_papers()
    return PaperList(
        total=total,
        offset=offset,
        limit=limit,
        next_offset=next_offset(offset, len(papers), total),
        papers=[paper_summary(paper) for paper in papers],
    )


@router.get("/papers/{paper_id}", response_model=PaperDetail, dependencies=[ReadSnapshot])
def get_paper(
    chunks: ChunksDep,
    graph: GraphDep,
    paper_id: str,
    request: Request,
    entities: Annotated[
        Literal["salient", "all"],
        Query(description="`salient`: the entities the paper is about; `all`: every mention."),
    ] = "salient",
) -> PaperDetail | Response:
    paper = chunks.get_paper(paper_id)
    if paper is None:
        raise NotFound(f"no paper with id {paper_id!r}")
    rdf = paper_rdf_response(graph, paper_id, request.headers.get("accept"))
    if rdf is not None:  # Accept: text/turtle etc. gets the paper's named graph
        return rdf
    return paper_detail(chunks, graph, paper_id, every_entity=entities == "all")


@router.get(
    "/papers/{paper_id}/related", response_model=RelatedResponse, dependencies=[ReadSnapshot]
)
def get_related(
    recommender: RecommenderDep,
    paper_id: str,
    k: Annotated[int, Query(ge=1, le=100, description="How many papers.")] = 10,
    seed_negative: Annotated[
        list[str] | None,
        Query(description="Papers to steer away from; repeat it or separate ids by commas."),
    ] = None,
    facet: Annotated[
        Facet | None,
        Query(
            description="Rank by what the papers share in one facet: background, method "
            "(+ shared methods) or result (+ shared datasets, metrics, tasks); reasons quote "
            "the matched sentences."
        ),
    ] = None,
) -> RelatedResponse:
    """The papers most related to this one, never itself, each with its reasons."""
    negative = [pid.strip() for value in seed_negative or [] for pid in value.split(",")]
    negative = [pid for pid in negative if pid]
    related = related_papers(recommender, paper_id, k, negative=negative, facet=facet)
    return RelatedResponse(
        paper_id=paper_id,
        seed_negative=negative,
        related=[RelatedItem(**item.__dict__) for item in related],
    )


@router.post(
    "/papers",
    response_model=IngestResult,
    dependencies=[WriteAccess],
    responses=UPLOAD_ERRORS,
    summary="Upload a PDF or a JSONL/JSON file of papers",
)
def upload_papers(
    backend: BackendDep,
    file: Annotated[
        UploadFile, File(description="A .pdf, .jsonl, .json, .parquet, .txt or .md file.")
    ],
) -> IngestResult:
    """Ingest the file's papers into every store; a paper already there unchanged is skipped, a
    changed one replaced. Lines or pages that fail are listed under `failed`."""
    report = ingest_upload(backend, file.file, file.filename or "upload")
    if not report.ingested and not report.unchanged:
        reasons = "; ".join(failure.message for failure in report.failed) or "no papers found"
        raise NothingIngested(f"nothing ingested: {reasons}")
    return _result(report)


@router.delete(
    "/papers/{paper_id}",
    response_model=RemovedPaper,
    dependencies=[WriteAccess],
    responses=WRITE_ERRORS,
    summary="Remove a paper from the graph, both indexes and the store",
)
def remove_paper(backend: BackendDep, paper_id: str) -> RemovedPaper:
    with backend.writing:
        removed = backend.ingester().remove(paper_id)
    if not removed:
        raise NotFound(f"no paper with id {paper_id!r}")
    return RemovedPaper(paper_id=paper_id, removed=True)


def _result(report: IngestReport) -> IngestResult:
    return IngestResult(
        ingested=report.ingested,
        replaced=report.replaced,
        unchanged=report.unchanged,
        failed=[
            InputFailure(
                file=failure.path,
                reason=failure.reason,
                line=failure.line,
                page=failure.page,
                message=failure.message,
            )
            for failure in report.failed
        ],
        chunks=report.chunks,
    )
