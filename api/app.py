"""The FastAPI application: `create_app(settings)` builds it, with no state at import time."""

from __future__ import annotations

import gc
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.types import Scope
from threadpoolctl import threadpool_limits

from papergraph.api.backend import Backend
from papergraph.api.config import Settings
from papergraph.api.deps import ReadSnapshot
from papergraph.api.docs import offline_docs_app
from papergraph.api.errors import install_error_handlers
from papergraph.api.response_cache import ResponseCache
from papergraph.api.routes import (
    entities,
    export,
    health,
    leaderboards,
    papers,
    query,
    recommend,
    search,
    sparql,
    void,
    web,
)
from papergraph.api.schemas import ErrorResponse

#: How `serve --workers N` hands its settings to the worker processes it spawns.
WORKER_SETTINGS = "_PAPERGRAPH_WORKER_SETTINGS"


def create_app(settings: Settings | None = None, backend: Backend | None = None) -> FastAPI:
    """An app over the stores `settings` names (or over an already open `backend`)."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        blas = threadpool_limits(settings.api.blas_threads, user_api="blas")
        app.state.backend = backend or Backend.open(settings)
        app.state.backend.install_sparql_functions()  # pg:similar and pg:related
        app.state.backend.embedder.encode_query("warm up")  # load the model before serving
        app.state.backend.claim_writer()  # recover a crashed writer's leftovers before serving
        if backend is None:  # a server process: what the first requests would wait for
            app.state.backend.recommender.snapshot()  # the related-papers snapshot
            app.state.backend.entity_lexicon()  # the entity names search links queries to
            _freeze_what_was_loaded()
        yield
        if backend is None:
            app.state.backend.close()
        blas.restore_original_limits()

    app = offline_docs_app(  # /docs and /redoc with every asset served here, not from a CDN
        title="Papergraph",
        description="A knowledge graph and semantic search over research papers.",
        version="0.1.0",
        lifespan=lifespan,
        responses={status: {"model": ErrorResponse} for status in (400, 404, 422, 500)},
    )
    install_error_handlers(app)
    app.add_middleware(
        ResponseCache,
        state=_answer_state,
        size=settings.api.response_cache_size,
        max_bytes=settings.api.response_cache_max_bytes,
    )
    if settings.api.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.api.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Accept", "Content-Type"],
        )
    for module in (health, search, query, sparql, entities, leaderboards, export, void, recommend):
        app.include_router(module.router, dependencies=[ReadSnapshot])
    app.include_router(papers.router)  # reads take the snapshot per route; writes take the key
    web.install(app, [ReadSnapshot])  # the pages at /, /paper/..., /entity/..., and /static
    return app


def _freeze_what_was_loaded() -> None:
    """Leave the objects loaded at start (lexicon, snapshot, models: ~360k at 5,000 papers) out
    of the cyclic garbage collector's passes. Each full pass over them held the GIL for
    0.2-0.6 s, every request waiting (issue 19: one in ~300 hybrid requests under load);
    requests' own objects are collected as before."""
    gc.collect()
    gc.freeze()


def create_worker_app() -> FastAPI:
    """The app of one `papergraph serve --workers N` process, with the settings its parent
    handed over (`papergraph.api.cli_serve.worker_settings`)."""
    return create_app(Settings.model_validate_json(os.environ[WORKER_SETTINGS]))


def _answer_state(scope: Scope) -> tuple[int, str] | None:
    """What a read's answer depends on besides the request: the data's version and the
    settings (None before the stores are open: nothing is cached then)."""
    backend: Backend | None = getattr(scope["app"].state, "backend", None)
    if backend is None:
        return None
    return backend.stores.chunks.committed_version(), backend.settings.model_dump_json()
