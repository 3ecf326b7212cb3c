"""Dumps: GET /export streams the whole graph, or one paper's named graph, as RDF."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response, StreamingResponse

from papergraph.api.deps import GraphDep
from papergraph.api.negotiation import negotiate
from papergraph.api.schemas import error_responses
from papergraph.kg.errors import UnsupportedFormat
from papergraph.kg.export import DUMP_FORMATS, dump_format, export
from papergraph.kg.store import KnowledgeGraph

router = APIRouter(tags=["export"])


@router.get(
    "/export",
    response_class=StreamingResponse,
    responses={
        200: {"content": {f.media_type: {} for f in DUMP_FORMATS.values()}},
        **error_responses((406, "No acceptable format.")),
    },
)
def export_graph(
    graph: GraphDep,
    format: Annotated[str, Query(description=f"One of {', '.join(DUMP_FORMATS)}.")] = "nq",
    paper_id: Annotated[str | None, Query(description="Only this paper's named graph.")] = None,
) -> StreamingResponse:
    chosen = dump_format(format)
    pieces = export(graph, chosen.name, paper_id)
    filename = f"{paper_id or 'papergraph'}.{chosen.extension}"
    return StreamingResponse(
        pieces,
        media_type=chosen.media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


#: What GET /papers/{id} offers: its JSON page first (the default), then the paper's graph.
_PAPER_OFFERS = {
    "application/json": "json",
    "text/turtle": "ttl",
    "application/n-triples": "nt",
    "application/n-quads": "nq",
    "application/trig": "trig",
    "application/ld+json": "jsonld",
}


def paper_rdf_response(graph: KnowledgeGraph, paper_id: str, accept: str | None) -> Response | None:
    """The paper's named graph when Accept prefers an RDF syntax to JSON; None otherwise."""
    try:
        name = negotiate(accept, _PAPER_OFFERS)
    except UnsupportedFormat:  # the JSON page stays the answer for any other Accept
        return None
    if name == "json":
        return None
    chosen = dump_format(name)
    body = b"".join(export(graph, chosen.name, paper_id))
    return Response(body, media_type=chosen.media_type, headers={"Vary": "Accept"})
