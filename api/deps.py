"""Typed dependencies shared by the routers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request

from api.backend import Backend


def get_backend(request: Request) -> Backend:
    return request.app.state.backend


BackendDep = Annotated[Backend, Depends(get_backend)]


def read_snapshot(request: Request) -> Iterator[None]:
    """Hold the backend's snapshot lock for reading while the request runs, so it sees each
    paper in every store or in none (writers hold it only while they put a paper in place)."""
    snapshot = get_backend(request).snapshot
    snapshot.acquire_read()
    try:
        yield
    finally:
        snapshot.release_read()


ReadSnapshot = Depends(read_snapshot)
