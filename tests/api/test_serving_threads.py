"""The server's numpy products run on `api.blas_threads` threads while it serves, and the
process gets its own limit back when the app stops."""

from __future__ import annotations

from fastapi.testclient import TestClient
from threadpoolctl import threadpool_info

from papergraph.api.app import create_app
from papergraph.api.backend import Backend


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
