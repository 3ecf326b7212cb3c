"""An app over a small corpus the tests write: papers JSONL plus an arXiv chunk file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from papergraph.api.app import create_app
from papergraph.api.backend import Backend
from papergraph.api.config import Settings
from tests.api.backends import ingested


@pytest.fixture(scope="package")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory, corpus_writer) -> Path:
    return corpus_writer(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="package")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(data_dir=tmp_path_factory.mktemp("data"))


@pytest.fixture(scope="package")
def backend(settings: Settings, embedder, corpus_dir: Path) -> Iterator[Backend]:
    with ingested(settings, embedder, corpus_dir) as opened:
        yield opened


@pytest.fixture(scope="package")
def client(settings: Settings, backend: Backend) -> Iterator[TestClient]:
    with TestClient(create_app(settings, backend)) as test_client:
        yield test_client


@pytest.fixture(scope="package")
def serve():
    """`with serve(app) as base_url:` runs a real uvicorn server on a free localhost port in a
    thread, for tests that need real concurrent HTTP clients."""
    import socket
    import threading
    import time
    from contextlib import contextmanager

    import uvicorn

    @contextmanager
    def serving(app) -> Iterator[str]:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        deadline = time.monotonic() + 120
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        try:
            yield f"http://127.0.0.1:{sock.getsockname()[1]}"
        finally:
            server.should_exit = True
            thread.join(timeout=30)
            sock.close()

    return serving
