"""Plain text and Markdown files: one paper per file."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

from core.model import Paper, url_safe_id
from ingest.chunking import chunk_text
from ingest.errors import InputError
from ingest.readers.base import refusal, sha256_hex
from ingest.repair import repair_text
from ingest.settings import IngestSettings

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)


class TextReader:
    """The title is the first Markdown heading, else the first non-empty line."""

    suffixes: ClassVar[tuple[str, ...]] = (".txt", ".md")

    def read(self, path: Path, settings: IngestSettings) -> Iterator[Paper | InputError]:
        refused = refusal(path, settings)
        if refused:
            yield refused
            return
        try:
            data = path.read_bytes()
            text = data.decode("utf-8-sig")
        except OSError as error:
            yield InputError(str(path), f"cannot read file: {error.strerror or error}")
            return
        except UnicodeDecodeError as error:
            yield InputError(str(path), f"invalid UTF-8 at byte {error.start}")
            return
        yield paper_from_text(path, text, data, settings)


def paper_from_text(path: Path, text: str, data: bytes, settings: IngestSettings) -> Paper | InputError:
    body = repair_text(text)
    if not body:
        return InputError(str(path), "no text")
    paper_id = url_safe_id(path.stem)
    return Paper(
        id=paper_id,
        title=_title(text),
        chunks=chunk_text(
            paper_id, body, max_tokens=settings.chunk_tokens, overlap=settings.chunk_overlap
        ),
        source=str(path),
        content_hash=sha256_hex(data),
    )


def _title(text: str) -> str:
    heading = _HEADING.search(text)
    if heading:
        return repair_text(heading.group(1))
    first = next(line for line in text.splitlines() if line.strip())
    return repair_text(first.lstrip("# ").strip())[:200]
