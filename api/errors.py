"""Every error leaves the API in one JSON shape: {"error": {"type", "message", "status"}}."""

from __future__ import annotations

from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from ingest.errors import PapergraphError


def error_response(status: int, type_name: str, message: str) -> JSONResponse:
    body = {"error": {"type": type_name, "message": message, "status": status}}
    return JSONResponse(body, status_code=status)


async def _papergraph_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, PapergraphError)
    return error_response(error.status, type(error).__name__, error.message)


async def _http_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, HTTPException)
    name = HTTPStatus(error.status_code).phrase.replace(" ", "")
    response = error_response(error.status_code, name, str(error.detail))
    response.headers.update(error.headers or {})
    return response


async def _validation_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    problems = "; ".join(
        f"{'.'.join(str(part) for part in problem['loc'])}: {problem['msg']}"
        for problem in error.errors()
    )
    return error_response(422, "ValidationError", problems)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(PapergraphError, _papergraph_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
