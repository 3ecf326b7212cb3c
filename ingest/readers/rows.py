"""Rows of tabular inputs (JSONL, JSON, Parquet) as papers: one reading for every row format.

A row is either a whole paper (id, title, abstract and/or text, ...) or one chunk of an arXiv
chunk dataset (content, arxiv_id, prechunk_id/postchunk_id). Paper rows become papers at once;
chunk rows are gathered per paper and become papers when the file ends.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from papergraph.core.model import ChunkKind, Paper, Reference, url_safe_id
from papergraph.ingest.chunking import chunk_sections
from papergraph.ingest.errors import InputError
from papergraph.ingest.readers.base import canonical_json, sha256_hex
from papergraph.ingest.readers.chunk_rows import ChunkRows, is_chunk_row
from papergraph.ingest.readers.references import dedupe, reference_from_value, strip_version
from papergraph.ingest.repair import repair_text
from papergraph.ingest.settings import IngestSettings

Row = dict[str, Any]
NumberedRow = tuple[int, "Row | InputError"]
#: Fields that hold a paper's text; a file whose first row has none holds no papers.
_TEXT_FIELDS = ("abstract", "text", "content", "source")
#: A 'source' string naming where a row came from: a URL, a path to a file, `repo@commit:file`.
_PROVENANCE = re.compile(r"://|@[0-9a-f]{7,}|\.(?:pdf|tex|jsonl?|txt|html?|xml)\s*$", re.IGNORECASE)


class BadRow(ValueError):
    """A row whose fields cannot make a paper; the message is the reason shown to the user."""


def papers_from_rows(
    path: Path, rows: Iterable[NumberedRow], settings: IngestSettings
) -> Iterator[Paper | InputError]:
    """Papers from numbered rows; a row that is an error, or is bad, yields an error and no paper."""
    chunk_rows = ChunkRows(path)
    first = True
    for line, row in rows:
        if first and isinstance(row, dict):
            first = False
            if refused := _not_papers(path, row):
                yield refused
                return
        if isinstance(row, InputError):
            yield row
        elif not isinstance(row, dict):
            yield InputError(str(path), f"expected a JSON object, got {_kind(row)}", line=line)
        elif is_chunk_row(row):
            error = chunk_rows.add(line, row)
            if error:
                yield error
        else:
            yield _paper_or_error(path, line, row, settings)
    yield from chunk_rows.papers()


def _not_papers(path: Path, row: Row) -> InputError | None:
    """The file refused when its first row has no text of a paper or a chunk: its rows are some
    other data (a gold file's annotations, a list of names), never a paper each."""
    if is_chunk_row(row) or any(_text_field(row, key) for key in _TEXT_FIELDS):
        return None
    fields = ", ".join(sorted(map(str, row))[:8]) or "none"
    return InputError(
        str(path),
        "not papers: its rows have no 'abstract', 'text' or 'content' field "
        f"(the first row's fields: {fields})",
        line=1,
    )


def _text_field(row: Row, key: str) -> bool:
    try:
        return (_source_text(row) if key == "source" else _joined_text(row, key)) is not None
    except BadRow:
        return True  # a text field of the wrong type: that row's own error says so


def _paper_or_error(
    path: Path, line: int, row: Row, settings: IngestSettings
) -> Paper | InputError:
    try:
        return paper_from_row(path, line, row, settings)
    except BadRow as error:
        return InputError(str(path), str(error), line=line)


def _parts(
    abstract: str | None, body: str | None, *, from_abstract: bool
) -> list[tuple[ChunkKind, str | None, str]]:
    """The abstract's chunks are of kind abstract, the text's (or a 'source' field's) body."""
    first = (ChunkKind.ABSTRACT, "Abstract") if from_abstract else (ChunkKind.BODY, None)
    parts = [(*first, abstract), (ChunkKind.BODY, None, body)]
    return [(kind, section, repair_text(text)) for kind, section, text in parts if text]


def paper_from_row(path: Path, line: int, row: Row, settings: IngestSettings) -> Paper:
    """A paper from a paper row; raises BadRow naming the field that is wrong."""
    abstract = _joined_text(row, "abstract") or _source_text(row)
    body = _joined_text(row, "text")
    text = repair_text("\n\n".join(part for part in (abstract, body) if part))
    if not text:
        raise BadRow("no text: expected 'abstract', 'text' or 'source'")
    arxiv_id = _string(row, "arxiv_id")
    paper_id = url_safe_id(_identifier(row) or arxiv_id or f"{path.stem}-{line}")
    return Paper(
        id=paper_id,
        title=repair_text(_string(row, "title") or "") or text[:120],
        chunks=chunk_sections(
            paper_id,
            _parts(abstract, body, from_abstract=_joined_text(row, "abstract") is not None),
            max_tokens=settings.chunk_tokens,
            overlap=settings.chunk_overlap,
        ),
        authors=_authors(row.get("authors")),
        year=_year(row.get("year")),
        arxiv_id=strip_version(arxiv_id) if arxiv_id else None,
        doi=_string(row, "doi"),
        abstract=repair_text(abstract) if abstract else None,
        references=_references(row.get("references")),
        source=str(path),
        content_hash=sha256_hex(canonical_json(row)),
    )


def _identifier(row: Row) -> str | None:
    for key in ("id", "paper_id"):
        value = row.get(key)
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
            return str(value)
        if value is not None and not isinstance(value, (str, int)):
            raise BadRow(f"'{key}' must be a string or an integer")
    return None


def _string(row: Row, key: str) -> str | None:
    value = row.get(key)
    if value is None or isinstance(value, str):
        return (value.strip() or None) if value else None
    raise BadRow(f"'{key}' must be a string, not {_kind(value)}")


def _source_text(row: Row) -> str | None:
    """A 'source' field as the paper's text: SciTLDR's list of sentences, or prose; a path, a
    URL or a file name there says where the row came from, not what the paper says."""
    value = row.get("source")
    if isinstance(value, str) and (len(value.split()) < 8 or _PROVENANCE.search(value)):
        return None
    return _joined_text(row, "source")


def _joined_text(row: Row, key: str) -> str | None:
    """A text field given as a string or as a list of strings (sentences, paragraphs)."""
    value = row.get(key)
    if isinstance(value, list) and all(isinstance(part, str) for part in value):
        return " ".join(part.strip() for part in value if part.strip()) or None
    return _string(row, key)


def _authors(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        separator = ";" if ";" in value else ","
        return [name.strip() for name in value.split(separator) if name.strip()]
    if isinstance(value, list) and all(isinstance(name, str) for name in value):
        return [name.strip() for name in value if name.strip()]
    raise BadRow("'authors' must be a list of strings or a comma-separated string")


def _year(value: Any) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    raise BadRow(f"'year' must be an integer, not {value!r}")


def _references(value: Any) -> list[Reference]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise BadRow("'references' must be a list")
    try:
        found = [reference_from_value(item) for item in value]
    except ValueError as error:
        raise BadRow(str(error)) from error
    return dedupe(ref for ref in found if ref is not None)


def _kind(value: Any) -> str:
    return {list: "an array", str: "a string", type(None): "null"}.get(
        type(value), type(value).__name__
    )
