"""How a server process runs: its numpy products on `api.blas_threads` threads while it
serves (the process gets its own limit back when the app stops), and what it loaded at start
out of the garbage collector's passes."""

from __future__ import annotations

import gc
from pathlib import Path

from fastapi.testclient import TestClient
from threadpoolctl import threadpool_info

from papergraph.api.app import create_app
from papergraph.api.backend import Backend
from papergraph.api.config import Settings
from papergraph.index.embed import Embedder


def blas_threads() -> set[int]:
    return {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"}


def test_numpy_products_use_the_configured_threads_while_serving(backend: Backend) -> None:
    before = blas_threads()
    settings = backend.settings.model_copy(deep=True)
    settings.api.blas_threads = 1
    with TestClient(create_app(settings, backend)) as client:
        assert client.get("/papers/dpo-paper/related?k=3").status_code == 200
        assert blas_threads() <= {1}
    assert blas_threads() == before


def test_a_server_leaves_what_it_loaded_at_start_out_of_garbage_collection(
    tmp_path: Path, embedder: Embedder
) -> None:
    """A server process (an app that opens its own stores) freezes what it loaded, so that
    full collections under load do not walk the lexicon and snapshots again and again."""
    settings = Settings(data_dir=tmp_path / "data")
    opened = Backend.open(settings, embedder=embedder)
    opened.close()  # the folder exists; the app opens it itself, as `serve` does
    try:
        with TestClient(create_app(settings)) as client:
            assert client.get("/health").status_code == 200
            assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
