"""What the CLI prints, the same whether a command ran here or on a running server."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from papergraph.ingest.pipeline import IngestReport

console = Console()
errors = Console(stderr=True)


def say_error(message: str, label: str = "error") -> None:
    """One line on stderr, printed whole: no markup read from it, no line breaks added."""
    errors.print(Text.assemble((f"{label}: ", "red"), message), soft_wrap=True, highlight=False)


def print_report(report: IngestReport, verbose: bool = False) -> None:
    """The summary line (new, replaced, unchanged, skipped, failed), then each failure; with
    `verbose`, each skipped file and each replaced paper too."""
    hint = " (--verbose lists them)" if report.skipped and not verbose else ""
    console.print(
        f"ingested {report.new} new paper(s), {len(report.replaced)} replaced "
        f"({report.chunks} chunks); {len(report.unchanged)} unchanged, "
        f"{len(report.skipped)} skipped{hint}, {len(report.failed)} failed",
        highlight=False,
        markup=False,
        soft_wrap=True,
    )
    for failure in report.failed:
        say_error(failure.message, "failed")
    if verbose:
        for skipped in report.skipped:
            say_error(skipped.message, "skipped")
        for paper_id in report.replaced:
            say_error(f"{paper_id}: an input of the same id replaced the stored paper", "replaced")


def print_hits(hits: list[dict[str, Any]], as_json: bool) -> None:
    """Search hits as JSON, or as a table of score, paper title, chunk and text."""
    if as_json:
        console.print_json(json.dumps(hits))
        return
    table = Table("score", "paper", "chunk", "text")
    for hit in hits:
        table.add_row(f"{hit['score']:.3f}", hit["title"][:40], hit["chunk_id"], hit["text"][:120])
    console.print(table)


def print_related(items: list[dict[str, Any]], as_json: bool) -> None:
    """Related papers as JSON, or as a table with their reasons."""
    if as_json:
        console.print_json(json.dumps(items))
        return
    table = Table("score", "paper", "title", "reasons")
    for item in items:
        reasons = "; ".join(str(reason.get("text", reason["kind"])) for reason in item["reasons"])
        table.add_row(f"{item['score']:.3f}", item["paper_id"], item["title"][:50], reasons)
    console.print(table)


def print_rows(variables: list[str], rows: list[dict[str, str]], truncated_at: int | None) -> None:
    """A SELECT answer as a table; a capped answer says so on stderr."""
    table = Table(*variables)
    for row in rows:
        table.add_row(*(row.get(name, "") for name in variables))
    console.print(table)
    if truncated_at is not None:
        errors.print(f"[yellow]truncated at {truncated_at} rows[/yellow]")


def print_json(value: object) -> None:
    console.print_json(json.dumps(value))
