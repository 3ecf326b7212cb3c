"""Errors of the knowledge graph; the API maps each `status` to HTTP once."""

from __future__ import annotations

from papergraph.core.errors import BadRequest, PapergraphError


class SparqlSyntaxError(BadRequest):
    """The query does not parse; `message` carries the parser's own words (line, column)."""


class QueryForbidden(BadRequest):
    """A well-formed request this endpoint refuses: SPARQL Update, or SERVICE / LOAD not enabled."""

    status = 403


class UnsupportedFormat(BadRequest):
    """No serialisation of this kind of answer in the requested format."""

    status = 406


class QueryTimeout(PapergraphError):
    """The query ran past `GraphSettings.query_timeout_s`."""

    status = 504


class StoreUnavailable(PapergraphError):
    """The triple store cannot be opened or reached."""

    status = 503


class UnsupportedContentType(PapergraphError):
    """A request body in a media type this endpoint does not read (SPARQL Protocol: 415)."""

    status = 415
