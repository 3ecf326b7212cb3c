"""The read commands run here, on this process's own stores, in the shapes the CLI prints
(the same a running server answers: see `papergraph.api.remote`)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from papergraph.api.cli_output import console, say_error
from papergraph.api.config import Settings
from papergraph.api.remote import RemoteServer
from papergraph.ingest.errors import InputError

if TYPE_CHECKING:
    from papergraph.api.backend import Backend

#: A SELECT answer as the CLI's table: variables, rows of strings, and the cap when capped.
Rows = tuple[list[str], list[dict[str, str]], int | None]


def search_here(backend: Backend, params: dict[str, Any]) -> list[dict[str, Any]]:
    """The hits `GET /search` would answer for the same parameters."""
    from papergraph.api.search import DEFAULT_KINDS, SearchMode, SearchRequest
    from papergraph.api.search import search as run_search
    from papergraph.core.model import ChunkKind
    from papergraph.kg.filters import PaperFilter

    entities = {name: params[name] for name in ("method", "dataset", "benchmark", "task")}
    paper_filter = PaperFilter(
        entities={name: values for name, values in entities.items() if values},
        authors=params["author"],
        year_from=params.get("year_from"),
        year_to=params.get("year_to"),
    )
    kinds = frozenset(ChunkKind(kind) for kind in params.get("kind", [])) or DEFAULT_KINDS
    request = SearchRequest(
        query=params["q"],
        k=params["k"],
        mode=SearchMode(params["mode"]),
        paper_filter=paper_filter,
        kinds=kinds,
    )
    try:
        return [dataclasses.asdict(hit) for hit in run_search(backend.searcher, request).hits]
    finally:
        backend.close()


def related_here(
    backend: Backend, positive: list[str], negative: list[str], k: int, facet: str | None = None
) -> list[dict[str, Any]]:
    """The papers `POST /recommend` would answer."""
    from papergraph.api.related.faceted import Facet
    from papergraph.api.related.rank import recommend
    from papergraph.api.schemas import RelatedItem

    chosen = Facet(facet) if facet else None
    try:
        items = recommend(backend.recommender, positive, negative, k, facet=chosen)
        return [RelatedItem(**item.__dict__).model_dump(mode="json") for item in items]
    finally:
        backend.close()


def sparql_here(backend: Backend, query: str, format: str) -> bytes | Rows:
    """The answer serialised in `format`, or a SELECT's rows for the table."""
    from papergraph.kg.sparql import run_configured

    try:
        answer = run_configured(backend.stores.graph, query, backend.settings.graph)
        if format or answer.kind != "SELECT":
            return answer.serialize(format or ("json" if answer.kind == "ASK" else "turtle"))
    finally:
        backend.close()
    rows = [{name: str(value) for name, value in row.items()} for row in answer.rows]
    return answer.variables, rows, answer.max_rows if answer.truncated else None


def sparql_there(remote: RemoteServer, query: str, format: str) -> bytes | Rows:
    """The running server's answer, as `sparql_here` gives it."""
    try:
        response = remote.sparql(query, format)
    finally:
        remote.close()
    if format or "sparql-results+json" not in response.headers.get("content-type", ""):
        return response.content
    answer = response.json()
    if "results" not in answer:  # ASK
        return response.content
    variables = list(answer["head"]["vars"])
    rows = [
        {name: str(cell["value"]) for name, cell in binding.items()}
        for binding in answer["results"]["bindings"]
    ]
    capped = answer.get("papergraph", {}).get("max_rows")
    truncated = response.headers.get("x-papergraph-truncated") == "true"
    return variables, rows, capped if truncated else None


def export_here(settings: Settings, format: str, paper_id: str | None) -> Iterator[bytes]:
    """The graph as RDF, piece by piece, opening only the graph store (no model)."""
    from papergraph.kg.export import export as export_graph
    from papergraph.kg.store import KnowledgeGraph

    with KnowledgeGraph(settings.graph, Path(settings.data_dir)) as graph:
        yield from export_graph(graph, format, paper_id)


def extract_here(paths: list[Path], as_json: bool, extractor: str | None) -> int:
    """Print each paper's entities and results; the exit code (1 when an input failed)."""
    from papergraph.ingest.extract import create_extractor
    from papergraph.ingest.extract.report import SamePaper, extract_records

    settings = Settings().ingest
    failed = False
    chosen = create_extractor(extractor or settings.extractor, settings.gazetteer)
    for record in extract_records(paths, settings, chosen):
        if isinstance(record, InputError):
            failed = True
            say_error(record.message, "failed")
        elif isinstance(record, SamePaper):
            say_error(f"{record.paper_id} read again from another file; printed once", "skipped")
        elif as_json:
            typer.echo(json.dumps(record, ensure_ascii=False))
        else:
            top = ", ".join(f"{e['label']} ({e['type']})" for e in record["entities"][:10])
            console.print(
                f"{record['paper_id']}: {len(record['entities'])} entities, "
                f"{len(record['results'])} results; top: {top}",
                highlight=False,
                markup=False,
            )
    return 1 if failed else 0
