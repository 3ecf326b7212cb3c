"""The `papergraph` command: ingest, serve, search, sparql, related, stats, demo.

Exit codes a script can trust: 0 ok, 1 some inputs failed (or the request failed), 2 usage.
"""

from __future__ import annotations

import dataclasses
import json
import os
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from api.backend import Backend
from api.config import Settings
from api.search import SearchMode, SearchRequest
from api.search import search as run_search
from core.errors import PapergraphError
from core.model import Paper
from ingest.errors import InputError
from ingest.pipeline import Ingester, IngestReport
from ingest.ray_engine import RayIngester
from kg.filters import PaperFilter

app = typer.Typer(help="Papergraph: a knowledge graph and semantic search over research papers.",
                  no_args_is_help=True, add_completion=False)
console = Console()
errors = Console(stderr=True)

class Engine(str, Enum):
    local = "local"
    ray = "ray"


DataDir = Annotated[
    Optional[Path], typer.Option("--data-dir", help="Where the stores live (PAPERGRAPH_DATA_DIR).")
]


def _settings(data_dir: Path | None) -> Settings:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    return Settings(data_dir=data_dir) if data_dir else Settings()


def _fail(message: str) -> typer.Exit:
    errors.print(f"[red]error:[/red] {message}", highlight=False)
    return typer.Exit(1)


def _ingester(backend: Backend) -> Ingester | RayIngester:
    """The configured engine (`ingest.engine`) over this backend's writer."""
    ingester = backend.ingester()
    if backend.settings.ingest.engine == "local":
        return ingester
    return RayIngester(ingester, backend.settings.index, backend.embedder.dimension)


def _ingest(backend: Backend, paths: list[Path]) -> IngestReport:
    ingester = _ingester(backend)
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
               TextColumn("{task.completed} inputs"), TimeElapsedColumn())
    with Progress(*columns, console=errors, transient=True) as progress:
        task = progress.add_task("ingesting", total=None)

        def advance(item: Paper | InputError) -> None:
            name = item.id if isinstance(item, Paper) else "error"
            progress.update(task, advance=1, description=f"ingesting {name}")

        report = ingester.ingest(paths, on_item=advance)
        progress.update(task, description="encoding paper-level vectors")
        backend.paper_vectors.matrix()  # now, not in the first related-papers request
        return report


def _print_report(report: IngestReport) -> None:
    console.print(f"ingested {len(report.ingested)} paper(s) ({report.chunks} chunks), "
                  f"{len(report.unchanged)} unchanged, {len(report.failed)} failed")
    for failure in report.failed:
        errors.print(f"[red]failed:[/red] {failure.message}", highlight=False)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (searched recursively).")],
    data_dir: DataDir = None,
    workers: Annotated[Optional[int], typer.Option(
        "--workers", min=0, help="Processes that read and extract while the encoder runs "
        "(PAPERGRAPH_INGEST__WORKERS; 0: in this process).")] = None,
    engine: Annotated[Optional[Engine], typer.Option(
        "--engine", help="Where reading, extraction and encoding run: local, or ray "
        "(PAPERGRAPH_INGEST__ENGINE; the `scale` extra).")] = None,
    ray_address: Annotated[Optional[str], typer.Option(
        "--ray-address", help="With --engine ray: 'auto', 'ray://HOST:10001', or none to start "
        "Ray for this run (PAPERGRAPH_INGEST__RAY_ADDRESS).")] = None,
) -> None:
    """Ingest PDFs, JSONL/JSON/Parquet (arXiv chunks or papers), .txt and .md files."""
    settings = _settings(data_dir)
    if workers is not None:
        settings.ingest.workers = workers
    if engine is not None:
        settings.ingest.engine = engine.value
    if ray_address is not None:
        settings.ingest.ray_address = ray_address
    backend = Backend.open(settings)
    try:
        report = _ingest(backend, paths)
    except PapergraphError as error:  # another writer holds the folder, a store is down
        raise _fail(error.message) from error
    finally:
        backend.close()
    _print_report(report)
    raise typer.Exit(0 if report.ok else 1)


@app.command()
def remove(
    paper_ids: Annotated[list[str], typer.Argument(help="Ids of the papers to remove.")],
    data_dir: DataDir = None,
) -> None:
    """Remove papers from the graph, both indexes and the store; exit 1 if one was not there."""
    backend = Backend.open(_settings(data_dir))
    try:
        ingester = backend.ingester()
        missing = [paper_id for paper_id in paper_ids if not ingester.remove(paper_id)]
    except PapergraphError as error:
        raise _fail(error.message) from error
    finally:
        backend.close()
    console.print(f"removed {len(paper_ids) - len(missing)} paper(s)")
    if missing:
        raise _fail(f"no paper with id {', '.join(map(repr, missing))}")


@app.command()
def serve(
    data_dir: DataDir = None,
    host: Annotated[Optional[str], typer.Option(help="Bind address.")] = None,
    port: Annotated[Optional[int], typer.Option(help="Port.")] = None,
) -> None:
    """Serve the HTTP API (OpenAPI docs at /docs)."""
    import uvicorn

    from api.app import create_app

    settings = _settings(data_dir)
    uvicorn.run(create_app(settings), host=host or settings.api.host,
                port=port if port is not None else settings.api.port)


@app.command()
def demo(
    data_dir: DataDir = None,
    host: Annotated[Optional[str], typer.Option(help="Bind address.")] = None,
    port: Annotated[Optional[int], typer.Option(help="Port.")] = None,
    no_serve: Annotated[bool, typer.Option("--no-serve", help="Ingest only.")] = False,
) -> None:
    """Write the built-in demo corpus (papers JSONL + a generated PDF), ingest it, and serve."""
    from ingest.demo import write_demo_corpus

    settings = _settings(data_dir)
    corpus = write_demo_corpus(Path(settings.data_dir) / "demo-corpus")
    backend = Backend.open(settings)
    try:
        report = _ingest(backend, corpus)
    finally:
        backend.close()
    _print_report(report)
    if not report.ok:
        raise typer.Exit(1)
    if not no_serve:
        serve(data_dir=data_dir, host=host, port=port)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="What to look for.")],
    k: Annotated[int, typer.Option("-k", min=1, max=100, help="How many results.")] = 10,
    mode: Annotated[SearchMode, typer.Option(help="hybrid, semantic or keyword.")] = SearchMode.HYBRID,
    method: Annotated[Optional[list[str]], typer.Option(
        help="Only papers that mention this method (repeatable: all of them).")] = None,
    dataset: Annotated[Optional[list[str]], typer.Option(
        help="Only papers that mention this dataset or benchmark.")] = None,
    benchmark: Annotated[Optional[list[str]], typer.Option(
        help="Only papers that mention this benchmark.")] = None,
    task: Annotated[Optional[list[str]], typer.Option(
        help="Only papers that mention this task.")] = None,
    author: Annotated[Optional[list[str]], typer.Option(
        help="Only papers with an author whose name contains this.")] = None,
    year_from: Annotated[Optional[int], typer.Option(help="Papers issued in or after.")] = None,
    year_to: Annotated[Optional[int], typer.Option(help="Papers issued in or before.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    data_dir: DataDir = None,
) -> None:
    """Search chunks by meaning and/or keywords, optionally among papers with given facts
    (entities are matched by label or alias, as GET /search does)."""
    entities = {"method": method, "dataset": dataset, "benchmark": benchmark, "task": task}
    paper_filter = PaperFilter(
        entities={name: values for name, values in entities.items() if values},
        authors=author or [], year_from=year_from, year_to=year_to,
    )
    backend = Backend.open(_settings(data_dir))
    try:
        request = SearchRequest(query=query, k=k, mode=mode, paper_filter=paper_filter)
        hits = run_search(backend, request).hits
    finally:
        backend.close()
    if as_json:
        console.print_json(json.dumps([dataclasses.asdict(hit) for hit in hits]))
        return
    table = Table("score", "paper", "chunk", "text")
    for hit in hits:
        table.add_row(f"{hit.score:.3f}", hit.title[:40], hit.chunk_id, hit.text[:120])
    console.print(table)


@app.command()
def related(
    paper_ids: Annotated[list[str], typer.Argument(help="The paper's id (several: recommend).")],
    negative: Annotated[
        Optional[list[str]],
        typer.Option("--negative", "-n", help="A paper to steer away from (repeatable)."),
    ] = None,
    k: Annotated[int, typer.Option("-k", min=1, max=100, help="How many papers.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    data_dir: DataDir = None,
) -> None:
    """Papers related to one paper (or several), with the reasons."""
    from api.related.rank import recommend

    backend = Backend.open(_settings(data_dir))
    try:
        items = recommend(backend, paper_ids, negative or [], k)
    except PapergraphError as error:
        raise _fail(error.message) from error
    finally:
        backend.close()
    if as_json:
        console.print_json(json.dumps([item.__dict__ for item in items]))
        return
    table = Table("score", "paper", "title", "reasons")
    for item in items:
        reasons = "; ".join(str(reason.get("text", reason["kind"])) for reason in item.reasons)
        table.add_row(f"{item.score:.3f}", item.paper_id, item.title[:50], reasons)
    console.print(table)


@app.command()
def sparql(
    query: Annotated[str, typer.Argument(help="A SPARQL 1.1 query (read-only).")],
    format: Annotated[str, typer.Option(help="json, xml, csv, tsv; turtle, nt, json-ld.")] = "",
    data_dir: DataDir = None,
) -> None:
    """Run a SPARQL query over the graph; SELECT prints a table unless --format is given."""
    from kg.sparql import run_query

    settings = _settings(data_dir)
    backend = Backend.open(settings)
    try:
        answer = run_query(backend.stores.graph, query, timeout_s=settings.graph.query_timeout_s,
                           max_rows=settings.graph.max_rows)
        output = answer.serialize(format) if format or answer.kind != "SELECT" else None
    except PapergraphError as error:
        raise _fail(error.message) from error
    finally:
        backend.close()
    if output is not None:
        typer.echo(output.decode("utf-8"), nl=False)
        return
    table = Table(*answer.variables)
    for row in answer.rows:
        table.add_row(*(str(row.get(name, "")) for name in answer.variables))
    console.print(table)
    if answer.truncated:
        errors.print(f"[yellow]truncated at {settings.graph.max_rows} rows[/yellow]")


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders, as for ingest.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="JSON Lines, one object per paper.")
    ] = False,
    extractor: Annotated[
        Optional[str], typer.Option("--extractor", help="Extractor name or dotted class path.")
    ] = None,
) -> None:
    """Extract entities and results without writing any store (JSON Lines with --json)."""
    from ingest.extract import create_extractor
    from ingest.extract.report import extract_records

    settings = Settings().ingest
    failed = False
    chosen = create_extractor(extractor or settings.extractor)
    for record in extract_records(paths, settings, chosen):
        if isinstance(record, InputError):
            failed = True
            errors.print(f"[red]failed:[/red] {record.message}", highlight=False)
        elif as_json:
            typer.echo(json.dumps(record, ensure_ascii=False))
        else:
            top = ", ".join(f"{e['label']} ({e['type']})" for e in record["entities"][:10])
            console.print(f"{record['paper_id']}: {len(record['entities'])} entities, "
                          f"{len(record['results'])} results; top: {top}", highlight=False)
    raise typer.Exit(1 if failed else 0)


@app.command()
def export(
    format: Annotated[
        str, typer.Option(help="nq, trig, jsonld (named graphs kept); ttl, nt.")
    ] = "nq",
    paper: Annotated[Optional[str], typer.Option(help="Only this paper's named graph.")] = None,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="File (default stdout).")
    ] = None,
    data_dir: DataDir = None,
) -> None:
    """Dump the graph (or one paper's named graph) as RDF, streamed paper by paper."""
    from kg.export import export as export_graph
    from kg.store import KnowledgeGraph

    settings = _settings(data_dir)
    try:
        with KnowledgeGraph(settings.graph, Path(settings.data_dir)) as graph:  # no model needed
            pieces = export_graph(graph, format, paper)
            with output.open("wb") if output else os.fdopen(os.dup(1), "wb") as sink:
                for piece in pieces:
                    sink.write(piece)
    except PapergraphError as error:
        raise _fail(error.message) from error


@app.command()
def stats(data_dir: DataDir = None) -> None:
    """Counts of papers, chunks and triples."""
    backend = Backend.open(_settings(data_dir))
    try:
        console.print_json(json.dumps(backend.health()))
    finally:
        backend.close()


def main() -> None:
    app()
