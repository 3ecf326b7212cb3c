"""`papergraph serve`: bind the port first (a busy one is one line, not uvicorn's traceback),
check that no other process holds the stores, announce the server in its data folder, serve."""

from __future__ import annotations

import signal
import socket
import sys
from pathlib import Path
from types import FrameType

from api.announce import announced, bind, running_server, url_of
from api.cli_remote import FolderHeld
from api.config import Settings


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
    from kg.errors import StoreUnavailable
    from kg.store import KnowledgeGraph

    try:
        with KnowledgeGraph(settings.graph, Path(settings.data_dir)):
            pass
    except StoreUnavailable as error:
        raise FolderHeld(
            f"cannot serve {settings.data_dir}: {error.message} (another papergraph "
            "process is using it; wait for it or stop it)"
        ) from None


def serve_on(sock: socket.socket, settings: Settings) -> None:
    """Serve the app on the bound socket until interrupted, announced in the data folder."""
    import uvicorn

    from api.app import create_app

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


def _stop(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(0)
