"""The CLI's commands sent to a running server over HTTP (see `papergraph.api.announce`).

Each method answers what the local command computes, in the same shape, so the CLI prints the
same output either way. An error the server answers (its JSON error shape) becomes a
`RemoteError` carrying the server's message; a server that does not answer becomes one too.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx

from papergraph.api.announce import Announcement
from papergraph.core.errors import PapergraphError

READ_TIMEOUT_S = 300.0  # the first request waits while a starting server loads its model


class RemoteError(PapergraphError):
    """The server refused the request (`status`, its message) or could not be reached (502)."""

    def __init__(self, message: str, status: int = 502) -> None:
        super().__init__(message)
        self.status = status


class RemoteServer:
    """A client of one announced server; `api_key` is sent with writes."""

    def __init__(self, server: Announcement, api_key: str | None = None) -> None:
        self.server = server
        self._client = httpx.Client(base_url=server.url, timeout=httpx.Timeout(READ_TIMEOUT_S))
        self._headers = {"X-API-Key": api_key} if api_key else {}

    def close(self) -> None:
        self._client.close()

    def _send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            response = self._client.request(method, path, **kwargs)
        except httpx.HTTPError as error:
            raise RemoteError(f"{self.server.describe()} did not answer: {error}") from None
        if response.status_code >= 400:
            raise _refusal(response)
        return response

    def search(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        """GET /search's results, as the local search's hits."""
        return list(self._send("GET", "/search", params=params).json()["results"])

    def recommend(
        self, positive: list[str], negative: list[str], k: int, facet: str | None = None
    ) -> list[dict[str, Any]]:
        body: dict[str, Any] = {
            "positive_paper_ids": positive,
            "negative_paper_ids": negative,
            "k": k,
            **({"facet": facet} if facet else {}),
        }
        return list(self._send("POST", "/recommend", json=body).json()["recommended_papers"])

    def sparql(self, query: str, format: str) -> httpx.Response:
        """The answer in `format`, or (no format) SPARQL JSON for tables, Turtle for graphs."""
        if format:
            return self._send("GET", "/sparql", params={"query": query, "format": format})
        accept = "application/sparql-results+json, text/turtle;q=0.9"
        return self._send("GET", "/sparql", params={"query": query}, headers={"Accept": accept})

    def health(self) -> dict[str, Any]:
        return dict(self._send("GET", "/health").json())

    def export(self, format: str, paper_id: str | None) -> Iterator[bytes]:
        params = {"format": format, **({"paper_id": paper_id} if paper_id else {})}
        try:
            with self._client.stream("GET", "/export", params=params) as response:
                if response.status_code >= 400:
                    response.read()
                    raise _refusal(response)
                yield from response.iter_bytes()
        except httpx.HTTPError as error:
            raise RemoteError(f"{self.server.describe()} did not answer: {error}") from None

    def upload(self, path: Path) -> dict[str, Any]:
        """POST /papers with one file: {"ingested", "replaced", "unchanged", "failed", "chunks"}."""
        with path.open("rb") as content:
            files = {"file": (path.name, content)}
            return dict(
                self._send(
                    "POST", "/papers", files=files, headers=self._headers, timeout=None
                ).json()
            )

    def remove(self, paper_id: str) -> bool:
        """DELETE /papers/{id}; False when the server has no such paper."""
        try:
            self._send("DELETE", f"/papers/{paper_id}", headers=self._headers)
        except RemoteError as error:
            if error.status == 404:
                return False
            raise
        return True


def _refusal(response: httpx.Response) -> RemoteError:
    """The server's own message (its JSON error shape), with the HTTP status."""
    try:
        message = str(response.json()["error"]["message"])
    except (ValueError, KeyError, TypeError):
        message = f"HTTP {response.status_code}: {response.text.strip() or response.reason_phrase}"
    return RemoteError(message, response.status_code)
