"""JSON Lines and JSON files of paper rows or chunk rows (see `rows` for the row formats)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

from papergraph.core.model import Paper
from papergraph.ingest.errors import InputError
from papergraph.ingest.readers.base import refusal
from papergraph.ingest.readers.rows import NumberedRow, papers_from_rows
from papergraph.ingest.settings import IngestSettings


class JsonlReader:
    """One row per line (.jsonl), or a .json file holding an array of rows or a single row."""

    suffixes: ClassVar[tuple[str, ...]] = (".jsonl", ".json")

    def read(self, path: Path, settings: IngestSettings) -> Iterator[Paper | InputError]:
        refused = refusal(path, settings)
        if refused:
            yield refused
            return
        rows = json_rows(path) if path.suffix.lower() == ".json" else jsonl_rows(path)
        yield from papers_from_rows(path, rows, settings)


def jsonl_rows(path: Path) -> Iterator[NumberedRow]:
    """Each non-blank line parsed; a line that is not UTF-8 JSON becomes an error for that line."""
    try:
        with path.open("rb") as lines:
            for number, raw in enumerate(lines, start=1):
                if raw.strip():
                    yield number, _parse_line(path, number, raw)
    except OSError as error:
        yield 0, InputError(str(path), f"cannot read file: {error.strerror or error}")


def _parse_line(path: Path, number: int, raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
    except UnicodeDecodeError as error:
        return InputError(str(path), f"invalid UTF-8 at byte {error.start}", line=number)
    except json.JSONDecodeError as error:
        return InputError(str(path), f"invalid JSON: {_reason(error)}", line=number)
    except RecursionError:
        return InputError(str(path), "invalid JSON: nested too deeply", line=number)


def _reason(error: json.JSONDecodeError) -> str:
    """The parser's whole reason with the column it stopped at ("Invalid control character at"
    alone says nothing); the line is the error's own `line`."""
    return f"{error.msg} column {error.colno}"


def json_rows(path: Path) -> Iterator[NumberedRow]:
    """The rows of a JSON array (numbered from 1), or the one object the file holds."""
    try:
        document = json.loads(path.read_bytes().decode("utf-8-sig"))
    except OSError as error:
        yield 0, InputError(str(path), f"cannot read file: {error.strerror or error}")
        return
    except UnicodeDecodeError as error:
        yield 0, InputError(str(path), f"invalid UTF-8 at byte {error.start}")
        return
    except RecursionError:
        yield 0, InputError(str(path), "invalid JSON: nested too deeply")
        return
    except json.JSONDecodeError as error:
        if error.msg == "Extra data":  # JSON Lines saved with a .json suffix
            yield from jsonl_rows(path)
        else:
            yield 0, InputError(str(path), f"invalid JSON: {_reason(error)}", line=error.lineno)
        return
    if isinstance(document, list):
        yield from enumerate(document, start=1)
    elif isinstance(document, dict):
        yield 1, document
    else:
        yield 0, InputError(str(path), "expected a JSON array of rows or a JSON object")
