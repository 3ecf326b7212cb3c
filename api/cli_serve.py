"""`papergraph serve`: bind the port first (a busy one is one line, not uvicorn's traceback),
check that no other process holds the stores, announce the server in its data folder, serve."""

from __future__ import annotations

import os
import signal
import socket
import sys
from pathlib import Path
from types import FrameType

from papergraph.api.announce import announced, bind, running_server, url_of
from papergraph.api.cli_remote import FolderHeld
from papergraph.api.config import Settings


def bind_for(settings: Settings, host: str | None, port: int | None) -> socket.socket:
    """The listening socket for a server of this data folder, or an error that says why not:
    another server holds the folder, the port is busy, or another process holds the stores."""
    data_dir = Path(settings.data_dir)
    server = running_server(data_dir)
    if server:
        raise FolderHeld(f"{server.describe()} already serves {data_dir}: use it, or stop it first")
    sock = bind(host or settings.api.host, port if port is not None else settings.api.port)
    try:
        _check_stores_free(settings)
    except BaseException:
        sock.close()
        raise
    return sock


def _check_stores_free(settings: Settings) -> None:
    """Open and close the graph store: a process that holds it (an ingest, a server started by
    other means) is reported now, in one line, instead of in uvicorn's startup traceback."""
    from papergraph.kg.errors import StoreUnavailable
    from papergraph.kg.store import KnowledgeGraph

    try:
        with KnowledgeGraph(settings.graph, Path(settings.data_dir)):
            pass
    except StoreUnavailable as error:
        raise FolderHeld(
            f"cannot serve {settings.data_dir}: {error.message} (another papergraph "
            "process is using it; wait for it or stop it)"
        ) from None


class WorkersTakeNoWrites(FolderHeld):
    """Several server processes were asked for while writes are on (an API key is set): a
    usage error (exit 2), like a folder another process holds."""


def serve_on(sock: socket.socket, settings: Settings) -> None:
    """Serve the app on the bound socket until interrupted, announced in the data folder:
    in this process, or in `settings.api.workers` processes sharing the stores read-only."""
    if settings.api.workers > 1:
        _serve_workers(sock, settings)
        return
    import uvicorn

    from papergraph.api.app import create_app

    url = url_of(sock)
    config = uvicorn.Config(create_app(settings), log_level="info")
    server = uvicorn.Server(config)
    # uvicorn shuts down gracefully on SIGINT/SIGTERM, then raises the signal again for the
    # handler it found; this one ends the process through `finally`, so the announcement goes.
    for stop in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stop, _stop)
    with announced(Path(settings.data_dir), url, writes=bool(settings.api.api_key)):
        print(
            f"serving {settings.data_dir} at {url} (web pages at /, API docs at /docs); "
            "Ctrl+C stops",
            file=sys.stderr,
            flush=True,
        )
        server.run(sockets=[sock])


def _serve_workers(sock: socket.socket, settings: Settings) -> None:
    """uvicorn's worker processes on the bound socket, each over the stores opened read-only.

    Writes stay with a single process: with an API key set this refuses to start. What a
    worker would otherwise write (the paper-level vectors of papers changed since they were
    saved) is brought up to date here first, once."""
    from uvicorn import Config
    from uvicorn.supervisors import Multiprocess

    from papergraph.api.app import WORKER_SETTINGS

    if settings.api.api_key:
        raise WorkersTakeNoWrites(
            f"--workers {settings.api.workers} serves read-only, but an API key is set (writes "
            "on): serve with --workers 1 to take writes, or unset the key"
        )
    _refresh_paper_vectors(settings)
    os.environ[WORKER_SETTINGS] = worker_settings(settings).model_dump_json()
    config = Config(
        "papergraph.api.app:create_worker_app",
        factory=True,
        workers=settings.api.workers,
        log_level="info",
    )
    with announced(Path(settings.data_dir), url_of(sock), writes=False):
        print(
            f"serving {settings.data_dir} at {url_of(sock)} with {settings.api.workers} worker "
            "processes, read-only; Ctrl+C stops",
            file=sys.stderr,
            flush=True,
        )
        Multiprocess(config, sockets=[sock]).run()


def worker_settings(settings: Settings) -> Settings:
    """One worker's settings: the graph opened read-only and the vectors memory-mapped, so the
    processes share one copy of the index pages."""
    worker = settings.model_copy(deep=True)
    worker.graph.read_only, worker.index.mmap, worker.api.workers = True, True, 1
    return worker


def _refresh_paper_vectors(settings: Settings) -> None:
    from papergraph.api.backend import Backend

    backend = Backend.open(settings)
    try:
        backend.paper_vectors.matrix()
    finally:
        backend.close()


def _stop(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(0)
