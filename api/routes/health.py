"""Liveness and counts."""

from __future__ import annotations

from fastapi import APIRouter

from papergraph.api.deps import BackendDep
from papergraph.api.schemas import Health

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health)
def health(backend: BackendDep) -> dict[str, int | str]:
    return backend.health()
