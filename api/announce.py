"""A running server announces itself in its data folder, so the CLI can find and use it.

`papergraph serve` holds the stores (Oxigraph takes an exclusive lock on its folder), so a second
process cannot open them. The server writes `server.json` (address, pid, whether it takes writes)
into the data folder once its port is bound, and removes it on exit; the CLI reads it and sends
its commands to that address instead of opening the stores. An announcement whose process is
gone (a server killed with SIGKILL) is stale and ignored.
"""

from __future__ import annotations

import errno
import json
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from papergraph.core.errors import PapergraphError

FILENAME = "server.json"


class PortBusy(PapergraphError):
    """The address the server should bind is taken, or cannot be bound."""


@dataclass(frozen=True)
class Announcement:
    """Where a server of this data folder answers, its process id, and whether it has an API
    key (so that it takes writes)."""

    url: str
    pid: int
    writes: bool

    def describe(self) -> str:
        return f"the server at {self.url} (pid {self.pid})"


def running_server(data_dir: Path) -> Announcement | None:
    """The live server announced in `data_dir`, or None (none announced, or its process died)."""
    try:
        fields = json.loads((Path(data_dir) / FILENAME).read_text(encoding="utf-8"))
        found = Announcement(
            url=str(fields["url"]), pid=int(fields["pid"]), writes=bool(fields["writes"])
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return found if _alive(found.pid) else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        return True
    return True


@contextmanager
def announced(data_dir: Path, url: str, writes: bool) -> Iterator[Announcement]:
    """Announce this process as the server of `data_dir` while the block runs."""
    announcement = Announcement(url=url, pid=os.getpid(), writes=writes)
    path = Path(data_dir) / FILENAME
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_text(json.dumps(asdict(announcement)), encoding="utf-8")
    temporary.replace(path)
    try:
        yield announcement
    finally:
        if running_server(data_dir) == announcement:
            path.unlink(missing_ok=True)


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on host:port, or PortBusy saying which port and how to pick another."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # Named as TCP, so that asyncio turns Nagle's algorithm off on each accepted connection
    # (it does so only for sockets whose proto is IPPROTO_TCP): uvicorn writes a response's
    # head and body separately, and with Nagle on the body waited for the client's delayed
    # ACK, ~40 ms on every keep-alive request.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        if error.errno == errno.EADDRINUSE:
            raise PortBusy(
                f"port {port} on {host} is already in use (another server?); "
                "choose another with --port"
            ) from None
        raise PortBusy(
            f"cannot listen on {host}:{port}: {error.strerror or error}; "
            "choose another address with --host / --port"
        ) from None
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def url_of(sock: socket.socket) -> str:
    """The http URL a client on this machine uses to reach the bound socket."""
    host, port = sock.getsockname()[:2]
    if host in ("0.0.0.0", "::", ""):
        host = "127.0.0.1"
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"
