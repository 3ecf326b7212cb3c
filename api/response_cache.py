"""Answers kept while nothing changes: GET responses of the read routes, keyed by the store's
version counter (and the settings), so a repeated request is answered without searching,
parsing or querying.

An answer is a function of the request and the stored data, and every write (an ingest, a
removal, a SPARQL LOAD) moves `ChunkStore.version()`, in whichever process it happens. So a
response is kept under (version, path, query string, Accept) and replayed byte for byte, its
headers included, for the same request while the version stands; after a write no old entry can
match again and they age out of the LRU. The settings are part of the key too (7 µs to
serialise): tests and operators that change a weight on a live backend see its effect at once. Only 200 answers of the routes in `CACHED_ROUTES`
are kept (errors, streams of the whole graph, the pages and uploads are not), none larger
than `max_bytes`, and no SPARQL query that asks for NOW(), RAND() or a fresh id.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from urllib.parse import unquote_plus

from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: Read routes whose answers depend only on the request and the data.
CACHED_ROUTES = ("/search", "/sparql", "/papers", "/entities", "/leaderboards", "/health")
#: SPARQL functions whose value is new at each evaluation: such a query is never replayed.
FRESH_EACH_TIME = re.compile(r"\b(NOW|RAND|UUID|STRUUID|BNODE)\s*\(", re.IGNORECASE)


@dataclass
class CachedResponse:
    start: Message
    body: bytes


@dataclass
class ResponseLRU:
    """The kept answers, least recently used first; safe to share between threads."""

    size: int
    max_bytes: int
    entries: OrderedDict[tuple[object, ...], CachedResponse] = field(default_factory=OrderedDict)
    hits: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def get(self, key: tuple[object, ...]) -> CachedResponse | None:
        with self._lock:
            found = self.entries.get(key)
            if found is not None:
                self.entries.move_to_end(key)
                self.hits += 1
            return found

    def put(self, key: tuple[object, ...], response: CachedResponse) -> None:
        if len(response.body) > self.max_bytes:
            return
        with self._lock:
            self.entries[key] = response
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)


class ResponseCache:
    """ASGI middleware: replay a kept answer, or run the app and keep its answer."""

    def __init__(
        self, app: ASGIApp, state: Callable[[Scope], Hashable | None], size: int, max_bytes: int
    ) -> None:
        self.app = app
        self.state = state  # what an answer depends on besides the request; None: do not cache
        self.kept = ResponseLRU(size, max_bytes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = self._key(scope)
        if key is None:
            await self.app(scope, receive, send)
            return
        cached = self.kept.get(key)
        if cached is not None:
            await send(dict(cached.start))
            await send({"type": "http.response.body", "body": cached.body})
            return
        await self.app(scope, receive, _Recorder(send, key, self.kept))

    def _key(self, scope: Scope) -> tuple[object, ...] | None:
        if self.kept.size <= 0 or scope["type"] != "http" or scope["method"] != "GET":
            return None
        path: str = scope["path"]
        if not any(path == route or path.startswith(route + "/") for route in CACHED_ROUTES):
            return None
        if FRESH_EACH_TIME.search(unquote_plus(scope["query_string"].decode("latin-1"))):
            return None
        state = self.state(scope)
        if state is None:
            return None
        accept = [value for name, value in scope["headers"] if name == b"accept"]
        return (state, path, scope["query_string"], tuple(accept))


class _Recorder:
    """Passes the app's messages on, and keeps a complete 200 answer."""

    def __init__(self, send: Send, key: tuple[object, ...], kept: ResponseLRU) -> None:
        self._send, self._key, self._kept = send, key, kept
        self._start: Message | None = None
        self._parts: list[bytes] | None = []
        self._size = 0  # bytes in _parts, kept as they come rather than summed at each part

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self._start = message
            if message.get("status") != 200:
                self._parts = None
        elif message["type"] == "http.response.body" and self._parts is not None:
            body = message.get("body", b"")
            self._parts.append(body)
            self._size += len(body)
            if self._size > self._kept.max_bytes:
                self._parts = None
            elif not message.get("more_body", False) and self._start is not None:
                self._kept.put(self._key, CachedResponse(self._start, b"".join(self._parts)))
        await self._send(message)
