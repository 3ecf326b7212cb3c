"""The web pages, served beside the JSON API: search, paper, entity, graph, SPARQL, ingest.

Pages live at `/`, `/paper/{id}`, `/entity/{id}`, `/leaderboard`, `/graph`, `/sparql-editor` and
`/ingest`; the JSON stays at `/papers/...`, `/entities/...` and `/leaderboards`. Pages are left
out of the OpenAPI document.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from papergraph.api.deps import BackendDep, ChunksDep, GraphDep, RecommenderDep
from papergraph.api.search import SearchMode
from papergraph.api.web.entity_page import entity_page
from papergraph.api.web.leaderboard_page import leaderboard_page
from papergraph.api.web.neighbourhood import entity_neighbourhood, paper_neighbourhood
from papergraph.api.web.paper_page import paper_page
from papergraph.api.web.search_page import PAGE_SIZE, Selection, search_page
from papergraph.api.web.sparql_examples import EXAMPLES
from papergraph.api.web.templating import STATIC_DIR, create_templates
from papergraph.core.errors import BadRequest, PapergraphError
from papergraph.kg.vocab import ENTITY_NS, PAPER_NS

router = APIRouter(include_in_schema=False)
templates = create_templates()


def install(app: FastAPI, dependencies: Sequence[Any] = ()) -> None:
    """Add the pages (with `dependencies`, e.g. the read snapshot) and their static files."""
    app.include_router(router, dependencies=list(dependencies))
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")


def _page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status)


def _error_page(request: Request, error: PapergraphError) -> HTMLResponse:
    return _page(request, "error.html", error.status, error=error, title=type(error).__name__)


@router.get("/", response_class=HTMLResponse)
async def search(
    request: Request,
    backend: BackendDep,
    q: Annotated[str, Query(max_length=2000)] = "",
    mode: SearchMode = SearchMode.HYBRID,
    entity: Annotated[list[str], Query()] = [],  # noqa: B006 - FastAPI reads the default
    year: Annotated[list[int], Query()] = [],  # noqa: B006
    page: Annotated[int, Query(ge=1)] = 1,
    per: Annotated[int, Query(ge=1, le=50, description="Papers per page.")] = PAGE_SIZE,
) -> HTMLResponse:
    selection = Selection(entities=entity, years=year)
    found = await run_in_threadpool(search_page, backend, q, mode, selection, page, per)
    return _page(
        request,
        "search.html",
        result=found,
        modes=list(SearchMode),
        selection=selection,
        title=q or "Search",
    )


@router.get("/paper/{paper_id}", response_class=HTMLResponse)
async def paper(
    request: Request,
    chunks: ChunksDep,
    graph: GraphDep,
    recommender: RecommenderDep,
    paper_id: str,
) -> HTMLResponse:
    try:
        shown = await run_in_threadpool(paper_page, chunks, graph, recommender, paper_id)
    except PapergraphError as error:
        return _error_page(request, error)
    return _page(request, "paper.html", page=shown, title=shown.paper["title"])


@router.get("/entity/{entity_id:path}", response_class=HTMLResponse)
async def entity(
    request: Request, chunks: ChunksDep, graph: GraphDep, entity_id: str
) -> HTMLResponse:
    try:
        shown = await run_in_threadpool(entity_page, chunks, graph, entity_id)
    except PapergraphError as error:
        return _error_page(request, error)
    return _page(request, "entity.html", page=shown, title=shown.entity["label"])


@router.get("/leaderboard", response_class=HTMLResponse)
async def leaderboard(
    request: Request,
    chunks: ChunksDep,
    graph: GraphDep,
    dataset: str | None = None,
    metric: str | None = None,
    task: str | None = None,
    ablations: bool = False,
) -> HTMLResponse:
    try:
        shown = await run_in_threadpool(
            leaderboard_page, chunks, graph, task, dataset, metric, ablations
        )
    except PapergraphError as error:
        return _error_page(request, error)
    title = f"{shown.board.dataset} · {shown.board.metric}" if shown.board else "Leaderboards"
    return _page(request, "leaderboard.html", page=shown, title=title)


@router.get("/graph", response_class=HTMLResponse)
async def graph(
    request: Request,
    chunks: ChunksDep,
    store: GraphDep,
    recommender: RecommenderDep,
    paper: str | None = None,
    entity: str | None = None,
) -> HTMLResponse:
    parts = (chunks, store, recommender)
    try:
        if paper:
            hood = await run_in_threadpool(paper_neighbourhood, *parts, paper)
        elif entity:
            hood = await run_in_threadpool(entity_neighbourhood, *parts, entity)
        else:
            raise BadRequest("say whose neighbourhood to draw: /graph?paper=ID or ?entity=ID")
    except PapergraphError as error:
        return _error_page(request, error)
    return _page(
        request, "graph.html", hood=hood, graph_json=hood.as_json(), title=f"Graph: {hood.title}"
    )


@router.get("/sparql-editor", response_class=HTMLResponse)
def sparql_editor(request: Request, query: str = "") -> HTMLResponse:
    return _page(
        request,
        "sparql.html",
        examples=EXAMPLES,
        query=query or EXAMPLES[0].query,
        paper_ns=PAPER_NS,
        entity_ns=ENTITY_NS,
        title="SPARQL",
    )


@router.get("/ingest", response_class=HTMLResponse)
def ingest(request: Request, backend: BackendDep) -> HTMLResponse:
    writes_enabled = backend.settings.api.api_key is not None
    return _page(request, "ingest.html", writes_enabled=writes_enabled, title="Ingest")
