"""The reader interface, the registry of readers by file suffix, and walking the inputs.

A reader turns one file into papers. It yields an `InputError` for anything it cannot read
(the whole file, one line, one page) instead of raising, so one bad input never stops a batch.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from papergraph.core.errors import PapergraphError
from papergraph.core.model import Paper
from papergraph.ingest.errors import InputError
from papergraph.ingest.readers.non_papers import not_a_paper
from papergraph.ingest.settings import IngestSettings

_READERS: dict[str, Reader] = {}


@runtime_checkable
class Reader(Protocol):
    """Reads the files whose suffix it claims into papers (or input errors)."""

    suffixes: tuple[str, ...]

    def read(self, path: Path, settings: IngestSettings) -> Iterator[Paper | InputError]: ...


def register(reader: Reader) -> Reader:
    """Make `reader` the one used for its suffixes (a later registration wins)."""
    for suffix in reader.suffixes:
        _READERS[suffix.lower()] = reader
    return reader


def reader_for(path: Path) -> Reader | None:
    """The registered reader for this file's suffix, if any."""
    return _READERS.get(path.suffix.lower())


def registered_suffixes() -> tuple[str, ...]:
    return tuple(sorted(_READERS))


@dataclass(frozen=True)
class Skipped:
    """A file inside a folder that was not read, and why (unsupported type, not a paper)."""

    path: str
    reason: str

    @property
    def message(self) -> str:
        return f"{self.path}: {self.reason}"


def iter_inputs(
    paths: Iterable[Path], skipped: list[Skipped] | None = None
) -> Iterator[Path | InputError]:
    """The readable files named by `paths`, folders walked recursively in sorted order.

    Hidden files and folders are passed over. Files inside a folder that no reader handles, or
    that are plainly not papers (a licence, a README), are left out and added to `skipped` with
    the reason; a file named explicitly that no reader handles is an error, as is a path that is
    missing.
    """
    skipped = skipped if skipped is not None else []
    for path in paths:
        if path.is_dir():
            found = False
            for found_path in _walk(path, skipped):
                found = True
                yield found_path
            if not found:
                kinds = ", ".join(registered_suffixes())
                yield InputError(str(path), f"folder holds no file Papergraph reads ({kinds})")
        elif not path.exists():
            yield InputError(str(path), "no such file or folder")
        elif not path.is_file():
            yield InputError(str(path), "not a regular file")
        elif reader_for(path) is None:
            yield InputError(str(path), f"unsupported file type {path.suffix or '(none)'!r}")
        else:
            yield path


def _walk(folder: Path, skipped: list[Skipped]) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
        if hidden or not path.is_file():
            continue
        reason = _skip_reason(path)
        if reason:
            skipped.append(Skipped(str(path), reason))
        else:
            yield path


def _skip_reason(path: Path) -> str | None:
    if reader_for(path) is None:
        return f"unsupported file type {path.suffix or '(none)'!r}"
    return not_a_paper(path)


def read_inputs(paths: Iterable[Path], settings: IngestSettings) -> Iterator[Paper | InputError]:
    """Every paper in `paths`, with an `InputError` for each input that failed, in order."""
    for item in iter_inputs(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_file(item, settings)


def read_file(path: Path, settings: IngestSettings) -> Iterator[Paper | InputError]:
    """Every paper in one file, or the errors that name the file and the reason: what a reader
    raises becomes an `InputError` too (a reader bug must not end the batch)."""
    try:
        yield from read_path(path, settings)
    except PapergraphError as error:
        yield InputError(str(path), error.message)
    except Exception as error:
        yield InputError(str(path), f"unreadable: {type(error).__name__}: {error}")


def read_path(path: Path, settings: IngestSettings) -> Iterator[Paper | InputError]:
    """Let the file's reader read it (each reader checks the file's size first)."""
    reader = reader_for(path)
    if reader is None:
        yield InputError(str(path), f"unsupported file type {path.suffix or '(none)'!r}")
        return
    yield from reader.read(path, settings)


def refusal(path: Path, settings: IngestSettings) -> InputError | None:
    """The error for a file refused before it is opened: empty, unreadable, or too large."""
    problem = size_problem(path, settings)
    return InputError(str(path), problem) if problem else None


def size_problem(path: Path, settings: IngestSettings) -> str | None:
    try:
        size = path.stat().st_size
    except OSError as error:
        return f"cannot read file: {error.strerror or error}"
    if size == 0:
        return "empty file (0 bytes)"
    if size > settings.max_file_mb * 1024 * 1024:
        return f"file too large ({size / 1048576:.1f} MB > {settings.max_file_mb:g} MB)"
    return None


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def canonical_json(row: dict[str, Any]) -> bytes:
    """A row's bytes for hashing, independent of key order and whitespace in the file."""
    text = json.dumps(row, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return text.encode("utf-8")
