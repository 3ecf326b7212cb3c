"""Hybrid graph + semantic query: POST /query."""

from __future__ import annotations

from dataclasses import asdict

from fastapi import APIRouter

from papergraph.api.deps import GraphDep, SearcherDep, SettingsDep
from papergraph.api.hybrid_query import hybrid_query, select_for
from papergraph.api.schemas import QueryRequest, QueryResponse, error_responses

router = APIRouter(tags=["query"])


@router.post(
    "/query",
    response_model=QueryResponse,
    responses=error_responses(
        (403, "The SPARQL is an update, or uses SERVICE/LOAD while they are not enabled."),
        (504, "The query ran past the time limit."),
    ),
)
def query(
    request: QueryRequest, graph: GraphDep, settings: SettingsDep, searcher: SearcherDep
) -> QueryResponse:
    """Papers that satisfy a SPARQL pattern (`where`) or SELECT (`sparql`), binding ?paper,
    ranked by semantic relevance to `text`, each with its bindings and best evidence chunk."""
    select = select_for(request.where, request.sparql)
    answer = hybrid_query(
        graph, settings.graph, searcher.retriever, request.text, select, request.k
    )
    return QueryResponse.model_validate(asdict(answer))
