"""SPARQL 1.1 query over the SPARQL protocol: GET ?query=, POST form, POST sparql-query."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from api.deps import BackendDep
from ingest.errors import BadRequest
from kg.sparql import GRAPH_FORMATS, TABLE_FORMATS, QueryAnswer, run_query

router = APIRouter(tags=["sparql"])

_BY_MEDIA_TYPE = {media: name for name, media in {**GRAPH_FORMATS, **TABLE_FORMATS}.items()}
_BY_MEDIA_TYPE.update({"application/json": "json", "text/plain": "nt"})


def _format(answer: QueryAnswer, accept: str, override: str | None) -> str:
    """The answer format: `format=` if given, else the first acceptable one in Accept."""
    if override:
        return override
    formats = GRAPH_FORMATS if answer.is_graph else TABLE_FORMATS
    for part in accept.split(","):
        name = _BY_MEDIA_TYPE.get(part.split(";")[0].strip().lower())
        if name in formats:
            return name
    return "turtle" if answer.is_graph else "json"


def _answer(backend: BackendDep, query: str | None, accept: str, override: str | None) -> Response:
    if not query:
        raise BadRequest("no SPARQL query given (use ?query=, a form field, or a sparql-query body)")
    graph_settings = backend.settings.graph
    answer = run_query(backend.stores.graph, query, timeout_s=graph_settings.query_timeout_s,
                       max_rows=graph_settings.max_rows)
    name = _format(answer, accept, override)
    headers = {"X-Papergraph-Truncated": "true"} if answer.truncated else {}
    return Response(answer.serialize(name), media_type=answer.media_type(name), headers=headers)


@router.get("/sparql", response_class=Response)
def sparql_get(
    request: Request,
    backend: BackendDep,
    query: Annotated[str | None, Query(description="A SPARQL 1.1 query.")] = None,
    format: Annotated[str | None, Query(description="json, xml, csv, tsv; turtle, nt, json-ld")] = None,
) -> Response:
    return _answer(backend, query, request.headers.get("accept", ""), format)


@router.post("/sparql", response_class=Response)
async def sparql_post(request: Request, backend: BackendDep, format: str | None = None) -> Response:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/sparql-query":
        query = (await request.body()).decode("utf-8", errors="replace")
    else:
        query = str((await request.form()).get("query") or "")
    return await run_in_threadpool(_answer, backend, query, request.headers.get("accept", ""),
                                   format)
