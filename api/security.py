"""The API key that guards the write endpoints; reads stay open.

The key is `ApiSettings.api_key` (`PAPERGRAPH_API__API_KEY`), sent in the `X-API-Key` header and
compared in constant time. With no key configured every write is refused (403), so a server
started without one cannot be written to by anyone.
"""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader

from papergraph.api.deps import backend_of
from papergraph.api.errors import Unauthorized, WritesDisabled

HEADER = "X-API-Key"

api_key_header = APIKeyHeader(
    name=HEADER,
    auto_error=False,
    description="Required by write endpoints: the server's PAPERGRAPH_API__API_KEY.",
)


def require_api_key(
    request: Request, given: Annotated[str | None, Depends(api_key_header)]
) -> None:
    """Let the request write, or raise 403 (writes disabled) / 401 (missing or wrong key)."""
    expected = backend_of(request).settings.api.api_key
    if not expected:
        raise WritesDisabled(
            "writes are disabled: this server has no API key (set PAPERGRAPH_API__API_KEY)"
        )
    if not given:
        raise Unauthorized(f"this endpoint needs the API key in the {HEADER} header")
    if not secrets.compare_digest(given.encode(), expected.encode()):
        raise Unauthorized(f"wrong API key in the {HEADER} header")


WriteAccess = Depends(require_api_key)
