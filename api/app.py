"""The FastAPI application: `create_app(settings)` builds it, with no state at import time."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from api.backend import Backend
from api.config import Settings
from api.errors import install_error_handlers
from api.routes import entities, health, papers, query, search, sparql
from api.schemas import ErrorResponse


def create_app(settings: Settings | None = None, backend: Backend | None = None) -> FastAPI:
    """An app over the stores `settings` names (or over an already open `backend`)."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.backend = backend or Backend.open(settings)
        app.state.backend.embedder.encode_query("warm up")  # load the model before serving
        yield
        if backend is None:
            app.state.backend.close()

    app = FastAPI(
        title="Papergraph",
        description="A knowledge graph and semantic search over research papers.",
        version="0.1.0",
        lifespan=lifespan,
        responses={404: {"model": ErrorResponse}, 400: {"model": ErrorResponse}},
    )
    install_error_handlers(app)
    for module in (health, search, query, sparql, papers, entities):
        app.include_router(module.router)
    return app
