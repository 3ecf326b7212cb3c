"""Search over chunks: GET /search."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from papergraph.api.deps import BackendDep
from papergraph.api.json_body import json_response
from papergraph.api.schemas import SearchResponse
from papergraph.api.search import DEFAULT_KINDS, PaperHit, SearchHit, SearchMode, SearchRequest
from papergraph.api.search import search as run_search
from papergraph.core.model import ChunkKind
from papergraph.kg.filters import PaperFilter
from papergraph.kg.query_entities import QueryEntity

router = APIRouter(tags=["search"])


def _entity_filter(description: str) -> Any:  # noqa: ANN401 - FastAPI's Query() is untyped
    return Query(description=description + " Repeat to require several; aliases match.")


@router.get("/search", response_model=SearchResponse)
def search(
    backend: BackendDep,
    q: Annotated[str, Query(description="What to look for, in words.", max_length=2000)],
    k: Annotated[int, Query(ge=1, le=100, description="How many results per page.")] = 10,
    offset: Annotated[int, Query(ge=0, le=10_000, description="Results to skip (paging).")] = 0,
    mode: Annotated[SearchMode, Query(description="hybrid (RRF), semantic or keyword.")] = (
        SearchMode.HYBRID
    ),
    group: Annotated[
        str | None, Query(pattern="^paper$", description="'paper': one result per paper.")
    ] = None,
    method: Annotated[list[str], _entity_filter("Papers that mention this method.")] = [],
    dataset: Annotated[
        list[str], _entity_filter("Papers that mention this dataset (or benchmark).")
    ] = [],
    benchmark: Annotated[list[str], _entity_filter("Papers that mention this benchmark.")] = [],
    task: Annotated[list[str], _entity_filter("Papers that mention this task.")] = [],
    author: Annotated[
        list[str], Query(description="Papers with an author whose name contains this.")
    ] = [],
    year_from: Annotated[int | None, Query(description="Papers issued in or after.")] = None,
    year_to: Annotated[int | None, Query(description="Papers issued in or before.")] = None,
    kind: Annotated[
        list[ChunkKind],
        Query(
            description="Chunk kinds to search (repeatable). Default: every kind but front, "
            "references, figure and footnote."
        ),
    ] = [],
    entities: Annotated[
        str,
        Query(
            pattern="^(on|off)$",
            description="'off': do not link the entities the "
            "query names, nor lift the papers that hold them.",
        ),
    ] = "on",
) -> Response:
    named = {"method": method, "dataset": dataset, "benchmark": benchmark, "task": task}
    paper_filter = PaperFilter(
        entities={name: values for name, values in named.items() if values},
        authors=author,
        year_from=year_from,
        year_to=year_to,
    )
    request = SearchRequest(
        query=q,
        k=k,
        offset=offset,
        mode=mode,
        group_by_paper=group == "paper",
        paper_filter=paper_filter,
        kinds=frozenset(kind) or DEFAULT_KINDS,
        entities=entities == "on",
    )
    page = run_search(backend.searcher, request)
    filters: dict[str, list[str] | int] = {**paper_filter.entities}
    if author:
        filters["author"] = author
    if year_from is not None:
        filters["year_from"] = year_from
    if year_to is not None:
        filters["year_to"] = year_to
    if kind:
        filters["kind"] = [k.value for k in kind]
    answer = SearchResponse.model_validate(
        {
            "query": q,
            "mode": mode.value,
            "results": [_plain_hit(hit) for hit in page.hits],
            "papers": [_plain_paper(p) for p in page.papers] if page.papers is not None else None,
            "offset": offset,
            "k": k,
            "next_offset": page.next_offset,
            "filters": filters,
            "filtered_papers": page.filtered_papers,
            "query_entities": [_query_entity(e) for e in page.query_entities],
        }
    )
    return json_response(answer)


def _plain_hit(hit: SearchHit) -> dict[str, Any]:
    """`dataclasses.asdict(hit)` without its deep copies (a tenth of a search request in
    the profile): the answer is validated into new objects at once."""
    return {**vars(hit), "highlights": [vars(span) for span in hit.highlights]}


def _plain_paper(paper: PaperHit) -> dict[str, Any]:
    return {**vars(paper), "chunks": [_plain_hit(hit) for hit in paper.chunks]}


def _query_entity(entity: QueryEntity) -> dict[str, Any]:
    return {
        "id": entity.key,
        "type": entity.type.value,
        "label": entity.label,
        "text": entity.text,
        "start": entity.start,
        "end": entity.end,
        "confidence": entity.confidence,
        "aliases": list(entity.aliases),
    }
