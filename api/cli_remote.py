"""The CLI beside a running server: which commands go to it, and what a write needs.

Read commands go to the announced server with the same output; `ingest` and `remove` go to it
as writes when the CLI has the server's API key, and otherwise stop with one line that says which
server holds the folder and what to do.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from papergraph.api.announce import Announcement
from papergraph.api.remote import RemoteError, RemoteServer
from papergraph.core.errors import PapergraphError
from papergraph.ingest.errors import InputError
from papergraph.ingest.pipeline import IngestReport
from papergraph.ingest.readers.base import iter_inputs


class FolderHeld(PapergraphError):
    """A server holds the data folder and the CLI cannot send this command to it."""

    status = 409


def writer(server: Announcement, data_dir: Path, api_key: str | None) -> RemoteServer:
    """A client that may write to `server`, or FolderHeld saying what to do."""
    held = f"{server.describe()} holds {data_dir}"
    if not server.writes:
        raise FolderHeld(
            f"{held} and takes no writes (it has no API key): stop it to write "
            "here, or restart it with PAPERGRAPH_API__API_KEY set and pass that "
            "key with --api-key"
        )
    if not api_key:
        raise FolderHeld(
            f"{held}: pass its API key with --api-key (or set "
            "PAPERGRAPH_API__API_KEY) to send this to it, or stop it first"
        )
    return RemoteServer(server, api_key)


def upload_all(
    client: RemoteServer,
    paths: list[Path],
    on_file: Callable[[Path | InputError, IngestReport], None] | None = None,
) -> IngestReport:
    """Every input file sent to the server (POST /papers), one at a time, with one report;
    files a folder holds that are not papers are skipped here as a local ingest skips them."""
    report = IngestReport()
    for item in iter_inputs(paths, report.skipped):
        if isinstance(item, InputError):
            report.failed.append(item)
        else:
            _upload(client, item, report)
        if on_file is not None:
            on_file(item, report)
    return report


def _upload(client: RemoteServer, path: Path, report: IngestReport) -> None:
    try:
        answer = client.upload(path)
    except RemoteError as error:
        if error.status in (401, 403):
            raise FolderHeld(
                f"{client.server.describe()} refused the write: {error.message}"
            ) from None
        report.failed.append(InputError(str(path), error.message))
        return
    report.ingested += answer["ingested"]
    report.replaced += answer.get("replaced", [])
    report.unchanged += answer["unchanged"]
    report.chunks += int(answer["chunks"])
    for failure in answer["failed"]:
        report.failed.append(
            InputError(
                str(path), failure["reason"], line=failure.get("line"), page=failure.get("page")
            )
        )
