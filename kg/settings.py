"""Settings of the knowledge graph: which rdflib store holds it."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class GraphSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    store: str = Field(
        "Oxigraph",
        description="rdflib store plugin name: 'Oxigraph' (embedded, persistent), 'Memory', "
        "or 'SPARQLUpdateStore' for an external SPARQL 1.1 server.",
    )
    store_config: str | None = Field(
        None,
        description="Store configuration: a folder for Oxigraph (default <data_dir>/graph); "
        "'QUERY_URL[,UPDATE_URL]' for SPARQLUpdateStore.",
    )
    query_timeout_s: float = Field(
        30.0, gt=0, description="Longest a SPARQL query may run; past it the answer is a 504."
    )
    max_rows: int = Field(
        10_000,
        ge=1,
        description="Most rows (SELECT) or triples (CONSTRUCT, DESCRIBE) a SPARQL answer holds; "
        "a capped answer says so (header X-Papergraph-Truncated).",
    )
    allow_service: bool = Field(
        False,
        description="Let SPARQL queries use SERVICE (federated query): the server then sends "
        "requests to URLs named in the query. Off by default.",
    )
    allow_load: bool = Field(
        False,
        description="Accept SPARQL Update requests made only of LOAD <url> INTO GRAPH <g> (g "
        "outside the papers' graphs), with the API key: the server then fetches the URL. Off "
        "by default; every other update is always refused.",
    )
    read_only: bool = Field(
        False,
        description="Open the embedded Oxigraph store read-only, so that several processes "
        "(`papergraph serve --workers N`) share it; no process may write to it meanwhile.",
    )
