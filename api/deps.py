"""Typed dependencies shared by the routers."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.backend import Backend


def get_backend(request: Request) -> Backend:
    return request.app.state.backend  # type: ignore[no-any-return]


BackendDep = Annotated[Backend, Depends(get_backend)]
