"""The SPARQL 1.1 Protocol on /sparql: query by GET, POST form or POST sparql-query; read-only.

- `default-graph-uri` / `named-graph-uri` (URL or form) name the dataset, over FROM / FROM NAMED;
- the answer's format comes from `format=` or `Accept` (q-values): SELECT/ASK as SPARQL JSON,
  XML, CSV, TSV; CONSTRUCT/DESCRIBE as Turtle, N-Triples, JSON-LD, RDF/XML;
- 400 a malformed query (the parser's message), 403 an update (LOAD only when an operator
  allows it, with the API key), 406 no acceptable format, 415 a body of another media type,
  504 past the time limit; a capped answer says so in `X-Papergraph-Truncated`;
- GET /sparql without a query answers the service description (as /.well-known/void).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from papergraph.api.backend import Backend
from papergraph.api.deps import BackendDep, GraphDep, SettingsDep
from papergraph.api.negotiation import choose
from papergraph.api.routes.void import service_description
from papergraph.api.schemas import error_responses
from papergraph.core.errors import BadRequest
from papergraph.kg.dataset import QueryDataset
from papergraph.kg.errors import QueryForbidden, UnsupportedContentType
from papergraph.kg.load import READ_ONLY, check_loads, run_loads
from papergraph.kg.settings import GraphSettings
from papergraph.kg.sparql import run_configured
from papergraph.kg.store import KnowledgeGraph

router = APIRouter(tags=["sparql"])

_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
_RESPONSES: dict[int | str, dict[str, object]] = {
    200: {
        "content": {
            media: {}
            for media in (
                "application/sparql-results+json",
                "application/sparql-results+xml",
                "text/csv",
                "text/tab-separated-values",
                "text/turtle",
                "application/n-triples",
                "application/ld+json",
                "application/rdf+xml",
            )
        },
        "description": "The answer, in the negotiated format.",
    },
    **error_responses(
        (403, "SPARQL Update, or SERVICE/LOAD while they are not enabled."),
        (406, "No acceptable result format for this kind of query."),
        (415, "A POST body that is neither a form nor application/sparql-query."),
        (504, "The query ran past the time limit."),
    ),
}

DefaultGraphs = Annotated[
    list[str], Query(alias="default-graph-uri", description="Graphs merged into the default graph.")
]
NamedGraphs = Annotated[
    list[str], Query(alias="named-graph-uri", description="Graphs available to GRAPH.")
]
FormatOverride = Annotated[
    str | None,
    Query(description="Overrides Accept: json, xml, csv, tsv; turtle, nt, json-ld, xml."),
]


def answer_query(
    graph: KnowledgeGraph,
    limits: GraphSettings,
    query: str,
    dataset: QueryDataset | None,
    accept: str | None,
    override: str | None,
) -> Response:
    answer = run_configured(graph, query, limits, dataset)
    name = choose(accept, override, graph=answer.is_graph)
    media_type = answer.media_type(name)
    headers = {"Vary": "Accept"}
    if answer.truncated:
        headers["X-Papergraph-Truncated"] = "true"
        headers["X-Papergraph-Max-Rows"] = str(answer.max_rows)
    return Response(answer.serialize(name), media_type=media_type, headers=headers)


def _apply_update(backend: Backend, update: str, api_key: str | None) -> Response:
    """LOAD only, when `graph.allow_load` is on and the API key matches; else 403."""
    loads = check_loads(update, allow_load=backend.settings.graph.allow_load)
    expected = backend.settings.api.api_key
    if expected is None or api_key != expected:
        raise QueryForbidden("LOAD is a write: it needs the X-API-Key header (api.api_key)")
    run_loads(backend.stores.graph, loads)
    backend.stores.chunks.mark_changed()  # views kept while nothing changes (counts) are stale
    return Response(status_code=204)


@router.get("/sparql", response_class=Response, responses=_RESPONSES)
def sparql_get(
    request: Request,
    graph: GraphDep,
    settings: SettingsDep,
    default_graphs: DefaultGraphs = [],  # noqa: B006 - FastAPI copies defaults
    named_graphs: NamedGraphs = [],  # noqa: B006
    query: Annotated[str | None, Query(description="A SPARQL 1.1 query.")] = None,
    format: FormatOverride = None,
) -> Response:
    if "update" in request.query_params:
        raise QueryForbidden(f"{READ_ONLY}; an update is never accepted by GET")
    accept = request.headers.get("accept")
    if query is None:
        return service_description(request, graph, settings.graph.allow_service, accept, format)
    dataset = QueryDataset.from_iris(default_graphs, named_graphs)
    return answer_query(graph, settings.graph, query, dataset, accept, format)


@router.post("/sparql", response_class=Response, responses=_RESPONSES)
async def sparql_post(
    request: Request,
    backend: BackendDep,
    default_graphs: DefaultGraphs = [],  # noqa: B006
    named_graphs: NamedGraphs = [],  # noqa: B006
    format: FormatOverride = None,
    x_api_key: Annotated[str | None, Header()] = None,
) -> Response:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    update: str | None = None
    query: str | None = None
    if content_type == "application/sparql-query":
        query = (await request.body()).decode("utf-8", errors="replace")
    elif content_type == "application/sparql-update":
        update = (await request.body()).decode("utf-8", errors="replace")
    elif content_type in _FORM_TYPES:
        form = await request.form()
        query, update = _text(form.get("query")), _text(form.get("update"))
        default_graphs = [*default_graphs, *map(str, form.getlist("default-graph-uri"))]
        named_graphs = [*named_graphs, *map(str, form.getlist("named-graph-uri"))]
        format = format or _text(form.get("format"))
    else:
        raise UnsupportedContentType(
            f"a SPARQL POST body is application/x-www-form-urlencoded, "
            f"application/sparql-query or application/sparql-update, not {content_type!r}"
        )
    if update is not None:
        return await run_in_threadpool(_apply_update, backend, update, x_api_key)
    if not query:
        raise BadRequest(
            "no SPARQL query given (use ?query=, a form field, or a sparql-query body)"
        )
    dataset = QueryDataset.from_iris(default_graphs, named_graphs)
    accept = request.headers.get("accept")
    graph, limits = backend.stores.graph, backend.settings.graph
    return await run_in_threadpool(answer_query, graph, limits, query, dataset, accept, format)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None
