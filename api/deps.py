"""Typed dependencies shared by the routers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request

from papergraph.api.backend import Backend
from papergraph.api.config import Settings
from papergraph.api.related.rank import Recommender
from papergraph.api.search import Searcher
from papergraph.index.store import ChunkStore
from papergraph.kg.store import KnowledgeGraph


def get_backend(request: Request) -> Backend:
    return request.app.state.backend


def get_graph(request: Request) -> KnowledgeGraph:
    return get_backend(request).stores.graph


def get_chunks(request: Request) -> ChunkStore:
    return get_backend(request).stores.chunks


def get_settings(request: Request) -> Settings:
    return get_backend(request).settings


def get_recommender(request: Request) -> Recommender:
    return get_backend(request).recommender


def get_searcher(request: Request) -> Searcher:
    return get_backend(request).searcher


#: What a route takes: the part it uses, not the whole backend where it can.
BackendDep = Annotated[Backend, Depends(get_backend)]
GraphDep = Annotated[KnowledgeGraph, Depends(get_graph)]
ChunksDep = Annotated[ChunkStore, Depends(get_chunks)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
RecommenderDep = Annotated[Recommender, Depends(get_recommender)]
SearcherDep = Annotated[Searcher, Depends(get_searcher)]


def read_snapshot(request: Request) -> Iterator[None]:
    """Hold the backend's snapshot lock for reading while the request runs, so it sees each
    paper in every store or in none (writers hold it only while they put a paper in place)."""
    snapshot = get_backend(request).snapshot
    snapshot.acquire_read()
    try:
        yield
    finally:
        snapshot.release_read()


ReadSnapshot = Depends(read_snapshot)
