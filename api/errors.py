"""Every error leaves the API in one JSON shape: {"error": {"type", "message", "status"}}."""

from __future__ import annotations

import logging
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from papergraph.core.errors import BadRequest, PapergraphError

log = logging.getLogger(__name__)


class Unauthorized(PapergraphError):
    """A write without the API key, or with a wrong one."""

    status = 401


class WritesDisabled(PapergraphError):
    """A write to a server that has no API key configured."""

    status = 403


class PayloadTooLarge(BadRequest):
    status = 413


class UnsupportedMediaType(BadRequest):
    status = 415


class NothingIngested(BadRequest):
    """An upload that held no paper that could be ingested; the message lists why."""

    status = 422


class InternalError(PapergraphError):
    """What a client sees of an unexpected exception: the shape, not the internals."""


def error_response(status: int, type_name: str, message: str) -> JSONResponse:
    body = {"error": {"type": type_name, "message": message, "status": status}}
    return JSONResponse(body, status_code=status)


async def _papergraph_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, PapergraphError)
    response = error_response(error.status, type(error).__name__, error.message)
    if isinstance(error, Unauthorized):
        response.headers["WWW-Authenticate"] = "ApiKey"
    return response


async def _unexpected_error(request: Request, error: Exception) -> JSONResponse:
    """A bug: log it with its traceback, answer 500 in the one shape without the details."""
    log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=error)
    return error_response(500, InternalError.__name__, "internal error; the server log has details")


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
    app.add_exception_handler(Exception, _unexpected_error)
