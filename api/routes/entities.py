"""Entities: methods, datasets, benchmarks, tasks and metrics across papers."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from papergraph.api.deps import ChunksDep, GraphDep
from papergraph.api.details import entity_detail
from papergraph.api.schemas import EntityDetail, EntityList, next_offset
from papergraph.core.model import EntityType

router = APIRouter(tags=["entities"])


@router.get("/entities", response_model=EntityList)
def list_entities(
    graph: GraphDep,
    type: EntityType | None = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
) -> EntityList:
    """One page of entities, most-mentioned first, with the total and the next page's offset."""
    kind = type.value if type else None
    found = graph.entities(type=kind, q=q, limit=limit, offset=offset)
    total = graph.count_entities(type=kind, q=q)
    return EntityList(
        total=total,
        offset=offset,
        limit=limit,
        next_offset=next_offset(offset, len(found), total),
        entities=found,
    )


@router.get("/entities/{entity_id:path}", response_model=EntityDetail)
def get_entity(chunks: ChunksDep, graph: GraphDep, entity_id: str) -> EntityDetail:
    return entity_detail(chunks, graph, entity_id)
