"""Typed dependencies shared by the routers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

import anyio
import anyio.to_thread
from fastapi import Depends, Request

from papergraph.api.backend import Backend
from papergraph.api.config import Settings
from papergraph.api.related.rank import Recommender
from papergraph.api.search import Searcher
from papergraph.index.store import ChunkStore
from papergraph.kg.store import KnowledgeGraph


def backend_of(request: Request) -> Backend:
    return request.app.state.backend


# The dependencies are coroutines: FastAPI runs a plain function dependency in its thread pool,
# one round trip between the event loop and a worker thread per dependency and request, which
# under load queues behind the threads holding the GIL (issue 19's profile). These only read
# an attribute, which the event loop does at once.


async def get_backend(request: Request) -> Backend:
    return backend_of(request)


async def get_graph(request: Request) -> KnowledgeGraph:
    return backend_of(request).stores.graph


async def get_chunks(request: Request) -> ChunkStore:
    return backend_of(request).stores.chunks


async def get_settings(request: Request) -> Settings:
    return backend_of(request).settings


async def get_recommender(request: Request) -> Recommender:
    return backend_of(request).recommender


async def get_searcher(request: Request) -> Searcher:
    return backend_of(request).searcher


#: What a route takes: the part it uses, not the whole backend where it can.
BackendDep = Annotated[Backend, Depends(get_backend)]
GraphDep = Annotated[KnowledgeGraph, Depends(get_graph)]
ChunksDep = Annotated[ChunkStore, Depends(get_chunks)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
RecommenderDep = Annotated[Recommender, Depends(get_recommender)]
SearcherDep = Annotated[Searcher, Depends(get_searcher)]


async def read_snapshot(request: Request) -> AsyncIterator[None]:
    """Hold the backend's snapshot lock for reading while the request runs, so it sees each
    paper in every store or in none (writers hold it only while they put a paper in place).
    Taken on the event loop when free (nearly always); waited for in a worker thread while a
    writer has it, shielded so that a cancelled request cannot leave it taken."""
    snapshot = backend_of(request).snapshot
    if not snapshot.try_acquire_read():
        with anyio.CancelScope(shield=True):
            await anyio.to_thread.run_sync(snapshot.acquire_read)
    try:
        yield
    finally:
        snapshot.release_read()


ReadSnapshot = Depends(read_snapshot)
