"""Plain text and Markdown files: one paper per file."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

from papergraph.core.model import ChunkKind, Paper, url_safe_id
from papergraph.ingest.chunking import chunk_sections
from papergraph.ingest.errors import InputError
from papergraph.ingest.readers.base import refusal, sha256_hex
from papergraph.ingest.readers.pdf_references import parse_references
from papergraph.ingest.repair import repair_text
from papergraph.ingest.settings import IngestSettings

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


def paper_from_text(
    path: Path, text: str, data: bytes, settings: IngestSettings
) -> Paper | InputError:
    body = repair_text(text)
    if not body:
        return InputError(str(path), "no text")
    paper_id = url_safe_id(path.stem)
    parts = text_parts(text)
    bibliography = "\n".join(t for kind, _, t in parts if kind is ChunkKind.REFERENCES)
    return Paper(
        id=paper_id,
        title=_title(text),
        chunks=chunk_sections(
            paper_id,
            [(kind, section, repair_text(part)) for kind, section, part in parts if part.strip()],
            max_tokens=settings.chunk_tokens,
            overlap=settings.chunk_overlap,
        ),
        references=parse_references(bibliography),
        source=str(path),
        content_hash=sha256_hex(data),
    )


_SECTION_LINE = re.compile(
    r"^(?:\s{0,3}#{1,6}\s+(?P<md>.+?)\s*#*|(?P<bare>(?:\d+\.?\s+)?[A-Z][A-Za-z ]{2,40}))\s*$",
    re.MULTILINE,
)
_KIND_OF_HEADING = (
    (
        re.compile(
            r"^(?:\d+\.?\s+)?(?:references|bibliography|works cited|literature cited)$",
            re.IGNORECASE,
        ),
        ChunkKind.REFERENCES,
    ),
    (re.compile(r"^(?:\d+\.?\s+)?acknowledge?ments?$", re.IGNORECASE), ChunkKind.ACKNOWLEDGMENTS),
    (re.compile(r"^(?:[A-Z]\.?\s+)?appendix\b", re.IGNORECASE), ChunkKind.APPENDIX),
    (re.compile(r"^abstract$", re.IGNORECASE), ChunkKind.ABSTRACT),
)


def text_parts(text: str) -> list[tuple[ChunkKind, str | None, str]]:
    """(kind, heading, text) of each section: Markdown headings, and in plain text the lines
    that are only a known heading ("References", "Acknowledgments", "Appendix A")."""
    parts: list[tuple[ChunkKind, str | None, str]] = []
    kind, section, start = ChunkKind.BODY, None, 0
    for match in _SECTION_LINE.finditer(text):
        heading = (match.group("md") or match.group("bare") or "").strip()
        new_kind = _kind_of(heading)
        if match.group("md") is None and new_kind is None:
            continue  # a short capitalised line in plain text is not a heading unless known
        parts.append((kind, section, text[start : match.start()]))
        kind, section, start = new_kind or _after(kind), heading, match.start()
    parts.append((kind, section, text[start:]))
    return parts


def _kind_of(heading: str) -> ChunkKind | None:
    return next((kind for pattern, kind in _KIND_OF_HEADING if pattern.match(heading)), None)


def _after(kind: ChunkKind) -> ChunkKind:
    """An unknown heading after the abstract or the references starts body (or appendix) text."""
    return (
        ChunkKind.APPENDIX if kind in (ChunkKind.APPENDIX, ChunkKind.REFERENCES) else ChunkKind.BODY
    )


def _title(text: str) -> str:
    heading = _HEADING.search(text)
    if heading:
        return repair_text(heading.group(1))
    first = next(line for line in text.splitlines() if line.strip())
    return repair_text(first.lstrip("# ").strip())[:200]
