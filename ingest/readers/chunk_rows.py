"""arXiv chunk datasets: rows that are passages of papers, linked by prechunk/postchunk ids.

The dataset already chose the chunk boundaries and ids, so they are kept (the ids made URL-safe
only where they are not); the text of each chunk is repaired, and the rows of one paper are put
back in reading order by following their links.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from papergraph.core.model import Chunk, Paper, url_safe_id
from papergraph.ingest.errors import InputError
from papergraph.ingest.readers.base import canonical_json, sha256_hex
from papergraph.ingest.readers.references import dedupe, reference_from_value
from papergraph.ingest.repair import repair_text

ChunkRow = dict[str, Any]
_TRAILING_NUMBER = re.compile(r"#(\d+)$")


def is_chunk_row(row: dict[str, Any]) -> bool:
    """Chunk rows carry `content` and an arXiv id or a chunk link; paper rows do not."""
    return "content" in row and ("arxiv_id" in row or "prechunk_id" in row)


class ChunkRows:
    """Collects the chunk rows of one file, grouped by paper, until the file has been read."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.groups: dict[str, list[tuple[int, ChunkRow]]] = {}

    def add(self, line: int, row: ChunkRow) -> InputError | None:
        problem = _problem(row)
        if problem:
            return InputError(str(self.path), problem, line=line)
        self.groups.setdefault(_paper_key(row), []).append((line, row))
        return None

    def papers(self) -> list[Paper]:
        return [self._paper(key, [row for _, row in rows]) for key, rows in self.groups.items()]

    def _paper(self, key: str, rows: list[ChunkRow]) -> Paper:
        ordered = order_chunk_rows(rows)
        paper_id = url_safe_id(key)
        ids = [_chunk_id(paper_id, row, seq) for seq, row in enumerate(ordered)]
        chunks = [
            Chunk(
                id=ids[seq],
                paper_id=paper_id,
                seq=seq,
                text=repair_text(row["content"]),
                prev_id=ids[seq - 1] if seq else None,
                next_id=ids[seq + 1] if seq + 1 < len(ids) else None,
            )
            for seq, row in enumerate(ordered)
        ]
        titles = [row["title"] for row in ordered if isinstance(row.get("title"), str)]
        joined = b"\n".join(canonical_json(row) for row in ordered)
        return Paper(
            id=paper_id,
            title=repair_text(titles[0]) if titles else paper_id,
            chunks=chunks,
            arxiv_id=key if _looks_arxiv(key) else None,
            year=_year_of(key),
            references=dedupe(
                ref
                for row in ordered
                for ref in map(reference_from_value, row.get("references") or [])
                if ref is not None
            ),
            source=str(self.path),
            content_hash=sha256_hex(joined),
        )


def order_chunk_rows(rows: list[ChunkRow]) -> list[ChunkRow]:
    """Reading order: follow postchunk links from the head; fall back to the "#n" numbers."""
    by_id = {str(row.get("id")): row for row in rows}
    heads = [row for row in rows if not by_id.get(str(row.get("prechunk_id") or ""))]
    if len(heads) == 1:
        chain: list[ChunkRow] = []
        seen: set[int] = set()
        row: ChunkRow | None = heads[0]
        while row is not None and id(row) not in seen:
            chain.append(row)
            seen.add(id(row))
            row = by_id.get(str(row.get("postchunk_id") or ""))
        if len(chain) == len(rows):
            return chain
    return sorted(rows, key=_number)


def _problem(row: ChunkRow) -> str | None:
    if not isinstance(row["content"], str):
        return "'content' must be a string"
    for key in ("id", "arxiv_id", "title", "prechunk_id", "postchunk_id"):
        if row.get(key) is not None and not isinstance(row[key], str):
            return f"'{key}' must be a string"
    if not (row.get("arxiv_id") or row.get("id")):
        return "chunk row without 'arxiv_id' or 'id'"
    references = row.get("references")
    if references is not None and not isinstance(references, list):
        return "'references' must be a list"
    try:
        for reference in references or []:
            reference_from_value(reference)
    except ValueError as error:
        return str(error)
    return None


def _paper_key(row: ChunkRow) -> str:
    return row.get("arxiv_id") or str(row["id"]).split("#", 1)[0]


def _chunk_id(paper_id: str, row: ChunkRow, seq: int) -> str:
    """The dataset's own id, "<paper>#<n>", kept when it is already URL-safe."""
    raw = str(row.get("id") or "")
    paper_part, _, number = raw.partition("#")
    if not number:
        return f"{paper_id}#{seq}"
    return f"{url_safe_id(paper_part) if paper_part else paper_id}#{url_safe_id(number)}"


def _number(row: ChunkRow) -> int:
    match = _TRAILING_NUMBER.search(str(row.get("id") or ""))
    return int(match.group(1)) if match else 0


def _looks_arxiv(key: str) -> bool:
    return re.fullmatch(r"\d{4}\.\d{4,5}", key) is not None


def _year_of(key: str) -> int | None:
    return 2000 + int(key[:2]) if _looks_arxiv(key) else None
