"""The service description and VoID document: /.well-known/void (and GET /sparql, no query)."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from papergraph.api.deps import GraphDep, SettingsDep
from papergraph.api.negotiation import GRAPH_OFFERS, choose
from papergraph.api.schemas import error_responses
from papergraph.kg.sparql import GRAPH_FORMATS
from papergraph.kg.store import KnowledgeGraph
from papergraph.kg.void import describe

router = APIRouter(tags=["sparql"])


def service_description(
    request: Request,
    graph: KnowledgeGraph,
    federated: bool,
    accept: str | None,
    override: str | None,
) -> Response:
    """The description of this server's /sparql, in the RDF syntax Accept asks for."""
    name = choose(accept, override, graph=True)
    endpoint = str(request.url_for("sparql_get"))
    description = describe(graph, endpoint, federated=federated)
    return Response(
        description.serialize(format=name, encoding="utf-8"),
        media_type=GRAPH_FORMATS[name],
        headers={"Vary": "Accept"},
    )


@router.get(
    "/.well-known/void",
    response_class=Response,
    responses={
        200: {"content": {media: {} for media in GRAPH_OFFERS}},
        **error_responses((406, "No acceptable format.")),
    },
)
def void(
    request: Request,
    graph: GraphDep,
    settings: SettingsDep,
    format: str | None = Query(None, description="Overrides Accept: turtle, nt, json-ld, xml."),
) -> Response:
    """SPARQL service description + VoID: vocabularies, counts, dump, example queries."""
    accept, federated = request.headers.get("accept"), settings.graph.allow_service
    return service_description(request, graph, federated, accept, format)
