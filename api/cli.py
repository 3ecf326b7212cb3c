"""The `papergraph` command: ingest, remove, serve, demo, search, related, sparql, extract,
export, stats.

Exit codes a script can trust: 0 ok, 1 some inputs failed (or the request failed), 2 usage, or
a data folder or port that another process holds. While `papergraph serve` runs on a data folder
it announces itself there (`papergraph.api.announce`), and the commands that need the stores go to it over
HTTP (`papergraph.api.remote`) with the same output.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from papergraph.api.announce import PortBusy, running_server
from papergraph.api.cli_options import ApiKey, DataDir, Engine, Host, Port, Workers
from papergraph.api.cli_output import (
    print_hits,
    print_json,
    print_related,
    print_report,
    print_rows,
    say_error,
)
from papergraph.api.cli_remote import FolderHeld, writer
from papergraph.api.config import Settings
from papergraph.api.remote import RemoteServer
from papergraph.core.errors import PapergraphError
from papergraph.core.model import ChunkKind
from papergraph.ingest.errors import InputError
from papergraph.ingest.locks import WriterBusy
from papergraph.ingest.readers.base import iter_inputs

if TYPE_CHECKING:
    from papergraph.api.backend import Backend

app = typer.Typer(
    help="Papergraph: a knowledge graph and semantic search over research papers.",
    no_args_is_help=True,
    add_completion=False,
)


#: Conditions a user fixes by choosing another folder, port or key: exit 2, like a usage error.
HELD = (FolderHeld, PortBusy, WriterBusy)


def _settings(data_dir: Path | None) -> Settings:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    return Settings(data_dir=data_dir) if data_dir else Settings()


def _remote(settings: Settings) -> RemoteServer | None:
    """A client of the server announced in the data folder, if one is running."""
    server = running_server(Path(settings.data_dir))
    return RemoteServer(server) if server else None


def _open(settings: Settings) -> Backend:
    """This process's own stores; a folder another process locks is said in one line."""
    from papergraph.api.backend import Backend
    from papergraph.kg.errors import StoreUnavailable

    try:
        backend = Backend.open(settings)
    except StoreUnavailable as error:
        if "lock" not in error.message.lower():
            raise
        raise FolderHeld(
            f"another papergraph process holds {settings.data_dir} ({error.message}); "
            "wait for it or stop it, or start servers with `papergraph serve`, "
            "which the other commands can use"
        ) from None
    backend.install_sparql_functions()  # pg:similar and pg:related in `papergraph sparql`
    return backend


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (searched recursively).")],
    data_dir: DataDir = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=0,
            help="Processes that read and extract while the encoder runs "
            "(PAPERGRAPH_INGEST__WORKERS; 0: in this process).",
        ),
    ] = None,
    api_key: ApiKey = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List skipped files and replaced papers.")
    ] = False,
    progress_every: Annotated[
        float,
        typer.Option(
            "--progress-every",
            min=0,
            help="Seconds between progress lines when stderr is not a terminal (logs, CI).",
        ),
    ] = 10.0,
    engine: Annotated[
        Engine | None,
        typer.Option(
            "--engine",
            help="Where reading, extraction and encoding run: local, or ray "
            "(PAPERGRAPH_INGEST__ENGINE; the `scale` extra).",
        ),
    ] = None,
    ray_address: Annotated[
        str | None,
        typer.Option(
            "--ray-address",
            help="With --engine ray: 'auto', 'ray://HOST:10001', or none to start "
            "Ray for this run (PAPERGRAPH_INGEST__RAY_ADDRESS).",
        ),
    ] = None,
) -> None:
    """Ingest PDFs, JSONL/JSON/Parquet (arXiv chunks or papers), .txt and .md files; beside a
    running server, send them to it (with its API key)."""
    from papergraph.api.cli_ingest import ingest_here, ingest_there

    settings = _settings(data_dir)
    if workers is not None:
        settings.ingest.workers = workers
    if engine is not None:
        settings.ingest.engine = engine.value
    if ray_address is not None:
        settings.ingest.ray_address = ray_address
    inputs = sum(1 for item in iter_inputs(paths) if not isinstance(item, InputError))
    server = running_server(Path(settings.data_dir))
    if server:
        client = writer(server, Path(settings.data_dir), api_key or settings.api.api_key)
        report = ingest_there(client, paths, inputs, progress_every)
    else:
        report = ingest_here(_open(settings), paths, inputs, progress_every)
    print_report(report, verbose)
    raise typer.Exit(0 if report.ok else 1)


@app.command()
def remove(
    paper_ids: Annotated[list[str], typer.Argument(help="Ids of the papers to remove.")],
    data_dir: DataDir = None,
    api_key: ApiKey = None,
) -> None:
    """Remove papers from the graph, both indexes and the store; exit 1 if one was not there."""
    settings = _settings(data_dir)
    server = running_server(Path(settings.data_dir))
    if server:
        client = writer(server, Path(settings.data_dir), api_key or settings.api.api_key)
        missing = [paper_id for paper_id in paper_ids if not client.remove(paper_id)]
    else:
        backend = _open(settings)
        try:
            ingester = backend.ingester()
            missing = [paper_id for paper_id in paper_ids if not ingester.remove(paper_id)]
        finally:
            backend.close()
    print(f"removed {len(paper_ids) - len(missing)} paper(s)")
    if missing:
        raise PapergraphError(f"no paper with id {', '.join(map(repr, missing))}")


@app.command()
def serve(
    data_dir: DataDir = None, host: Host = None, port: Port = None, workers: Workers = None
) -> None:
    """Serve the HTTP API and the web pages (OpenAPI docs at /docs)."""
    from papergraph.api.cli_serve import bind_for, serve_on

    settings = _settings(data_dir)
    settings.api.workers = workers or settings.api.workers
    serve_on(bind_for(settings, host, port), settings)


@app.command()
def demo(
    data_dir: DataDir = None,
    host: Host = None,
    port: Port = None,
    no_serve: Annotated[bool, typer.Option("--no-serve", help="Ingest only.")] = False,
) -> None:
    """Write the built-in demo corpus (papers JSONL + a generated PDF), ingest it, and serve."""
    from papergraph.api.cli_ingest import ingest_here
    from papergraph.api.cli_serve import bind_for, serve_on
    from papergraph.ingest.demo import write_demo_corpus

    settings = _settings(data_dir)
    server = running_server(Path(settings.data_dir))
    if server:
        raise FolderHeld(
            f"{server.describe()} already serves {settings.data_dir}: use it, or stop it first"
        )
    sock = None if no_serve else bind_for(settings, host, port)  # a busy port fails first
    corpus = write_demo_corpus(Path(settings.data_dir) / "demo-corpus")
    report = ingest_here(_open(settings), corpus, len(corpus), 10.0)
    print_report(report)
    if not report.ok:
        raise typer.Exit(1)
    if sock is not None:
        serve_on(sock, settings)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="What to look for.")],
    k: Annotated[int, typer.Option("-k", min=1, max=100, help="How many results.")] = 10,
    mode: Annotated[str, typer.Option(help="hybrid, semantic or keyword.")] = "hybrid",
    method: Annotated[
        list[str] | None,
        typer.Option(help="Only papers that mention this method (repeatable: all of them)."),
    ] = None,
    dataset: Annotated[
        list[str] | None, typer.Option(help="Only papers that mention this dataset or benchmark.")
    ] = None,
    benchmark: Annotated[
        list[str] | None, typer.Option(help="Only papers that mention this benchmark.")
    ] = None,
    task: Annotated[
        list[str] | None, typer.Option(help="Only papers that mention this task.")
    ] = None,
    author: Annotated[
        list[str] | None, typer.Option(help="Only papers with an author whose name contains this.")
    ] = None,
    year_from: Annotated[int | None, typer.Option(help="Papers issued in or after.")] = None,
    year_to: Annotated[int | None, typer.Option(help="Papers issued in or before.")] = None,
    kind: Annotated[
        list[ChunkKind] | None,
        typer.Option(
            help="Chunk kinds to search (repeatable); default: all but front, references, figure, "
            "footnote."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    data_dir: DataDir = None,
) -> None:
    """Search chunks by meaning and/or keywords, optionally among papers with given facts
    (entities are matched by label or alias, as GET /search does)."""
    from papergraph.api.cli_read import search_here

    if mode not in ("hybrid", "semantic", "keyword"):
        raise typer.BadParameter(
            f"{mode!r} is not one of hybrid, semantic, keyword", param_hint="--mode"
        )
    params: dict[str, Any] = {
        "q": query,
        "k": k,
        "mode": mode,
        "method": method or [],
        "dataset": dataset or [],
        "benchmark": benchmark or [],
        "task": task or [],
        "author": author or [],
        "kind": [item.value for item in kind or []],
        **({"year_from": year_from} if year_from is not None else {}),
        **({"year_to": year_to} if year_to is not None else {}),
    }
    settings = _settings(data_dir)
    remote = _remote(settings)
    hits = remote.search(params) if remote else search_here(_open(settings), params)
    print_hits(hits, as_json)


@app.command()
def related(
    paper_ids: Annotated[list[str], typer.Argument(help="The paper's id (several: recommend).")],
    negative: Annotated[
        list[str] | None,
        typer.Option("--negative", "-n", help="A paper to steer away from (repeatable)."),
    ] = None,
    k: Annotated[int, typer.Option("-k", min=1, max=100, help="How many papers.")] = 10,
    facet: Annotated[
        str | None,
        typer.Option("--facet", help="background, method or result: rank by that facet."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    data_dir: DataDir = None,
) -> None:
    """Papers related to one paper (or several), with the reasons."""
    from papergraph.api.cli_read import related_here
    from papergraph.api.related.faceted import Facet

    if facet is not None and facet not in {f.value for f in Facet}:
        raise typer.BadParameter(f"--facet must be one of {', '.join(f.value for f in Facet)}")
    settings = _settings(data_dir)
    remote = _remote(settings)
    if remote:
        items = remote.recommend(paper_ids, negative or [], k, facet)
    else:
        items = related_here(_open(settings), paper_ids, negative or [], k, facet)
    print_related(items, as_json)


@app.command()
def sparql(
    query: Annotated[str, typer.Argument(help="A SPARQL 1.1 query (read-only).")],
    format: Annotated[str, typer.Option(help="json, xml, csv, tsv; turtle, nt, json-ld.")] = "",
    data_dir: DataDir = None,
) -> None:
    """Run a SPARQL query over the graph; SELECT prints a table unless --format is given."""
    from papergraph.api.cli_read import sparql_here, sparql_there

    settings = _settings(data_dir)
    remote = _remote(settings)
    answer = (
        sparql_there(remote, query, format)
        if remote
        else sparql_here(_open(settings), query, format)
    )
    if isinstance(answer, bytes):
        sys.stdout.buffer.write(answer)
        sys.stdout.flush()
    else:
        print_rows(*answer)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders, as for ingest.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="JSON Lines, one object per paper.")
    ] = False,
    extractor: Annotated[
        str | None, typer.Option("--extractor", help="Extractor name or dotted class path.")
    ] = None,
) -> None:
    """Extract entities and results without writing any store (JSON Lines with --json)."""
    from papergraph.api.cli_read import extract_here

    raise typer.Exit(extract_here(paths, as_json, extractor))


@app.command()
def export(
    format: Annotated[
        str, typer.Option(help="nq, trig, jsonld (named graphs kept); ttl, nt.")
    ] = "nq",
    paper: Annotated[str | None, typer.Option(help="Only this paper's named graph.")] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File (default stdout).")
    ] = None,
    data_dir: DataDir = None,
) -> None:
    """Dump the graph (or one paper's named graph) as RDF, streamed paper by paper."""
    from papergraph.api.cli_read import export_here

    settings = _settings(data_dir)
    remote = _remote(settings)
    pieces = remote.export(format, paper) if remote else export_here(settings, format, paper)
    with output.open("wb") if output else os.fdopen(os.dup(1), "wb") as sink:
        for piece in pieces:
            sink.write(piece)


@app.command()
def stats(data_dir: DataDir = None) -> None:
    """Counts of papers, chunks and triples."""
    settings = _settings(data_dir)
    remote = _remote(settings)
    if remote:
        print_json(remote.health())
        return
    backend = _open(settings)
    try:
        print_json(backend.health())
    finally:
        backend.close()


def main() -> None:
    """Run the command; an expected condition ends in one line on stderr, never a traceback."""
    try:
        app()
    except HELD as error:
        say_error(error.message)
        sys.exit(2)
    except PapergraphError as error:
        say_error(error.message)
        sys.exit(1)
    except BrokenPipeError:  # `papergraph export | head`: the reader has what it wanted
        sys.stderr.close()
        sys.exit(0)
    except OSError as error:  # an output file that cannot be written, say
        say_error(f"{error.strerror or error}: {error.filename or ''}".rstrip(": "))
        sys.exit(1)
