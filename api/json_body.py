"""A route's JSON answer, serialised in the thread that computed it.

A plain-function route that returns its response model is run in FastAPI's thread pool, and
FastAPI then validates the returned model in a second trip to the pool before pydantic writes
it. Under load each trip waits for a thread and the GIL (issue 19's profile), so the busy routes
write their model here, where they run, exactly as FastAPI would: pydantic's own JSON, by
alias, nothing left out (`tests/api/test_json_body.py` holds them to FastAPI's bytes).
"""

from __future__ import annotations

from fastapi import Response
from pydantic import BaseModel


def json_response(model: BaseModel) -> Response:
    """`model` as the body of a 200 application/json answer, byte for byte what FastAPI
    writes for a route whose `response_model` it is."""
    return Response(model.model_dump_json(by_alias=True).encode(), media_type="application/json")
