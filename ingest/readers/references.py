"""Identifiers in bibliography entries: arXiv ids and DOIs, wherever a reference names them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from papergraph.core.model import Reference

ARXIV_ID = re.compile(
    r"(?<![\d.])(?:arXiv:\s?|abs/|pdf/)?(\d{4}\.\d{4,5})(?:v\d+)?(?![\d])", re.IGNORECASE
)
_EXPLICIT_ARXIV = re.compile(r"(?:arXiv:\s?|arxiv\.org/(?:abs|pdf)/)(\d{4}\.\d{4,5})", re.I)
DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)")
_BARE_ARXIV = re.compile(r"^\s*(?:arXiv:)?(\d{4}\.\d{4,5})(?:v\d+)?\s*$", re.IGNORECASE)


def strip_version(arxiv_id: str) -> str:
    return re.sub(r"v\d+$", "", arxiv_id)


def find_doi(text: str) -> str | None:
    """The first DOI in `text`, without trailing punctuation."""
    match = DOI.search(text)
    return match.group(1).rstrip(".,;)]") if match else None


def find_arxiv_id(text: str, *, explicit: bool = True) -> str | None:
    """An arXiv id (no version) in `text`; only "arXiv:"/"abs/" forms unless `explicit` is off."""
    match = (_EXPLICIT_ARXIV if explicit else ARXIV_ID).search(text)
    return match.group(1) if match else None


def reference_from_value(value: Any) -> Reference | None:
    """A reference from a dataset value: an arXiv id, a DOI, other text, or a dict of those."""
    if isinstance(value, str):
        return _reference_from_string(value) if value.strip() else None
    if isinstance(value, dict):
        fields = {key: value.get(key) for key in ("arxiv_id", "doi", "title", "raw")}
        if not all(v is None or isinstance(v, str) for v in fields.values()):
            raise ValueError("reference fields must be strings")
        if not any(fields.values()):
            return None
        raw = fields["raw"] or fields["arxiv_id"] or fields["doi"] or fields["title"] or ""
        arxiv = strip_version(fields["arxiv_id"]) if fields["arxiv_id"] else None
        return Reference(raw=raw, arxiv_id=arxiv, doi=fields["doi"], title=fields["title"])
    raise ValueError(f"reference must be a string or an object, not {type(value).__name__}")


def _reference_from_string(value: str) -> Reference:
    bare = _BARE_ARXIV.match(value)
    if bare:
        return Reference(raw=value.strip(), arxiv_id=bare.group(1))
    return Reference(raw=value.strip(), doi=find_doi(value), arxiv_id=find_arxiv_id(value))


def dedupe(references: Iterable[Reference]) -> list[Reference]:
    """References in first-seen order, one per arXiv id, DOI or raw text."""
    seen: set[str] = set()
    unique: list[Reference] = []
    for reference in references:
        key = reference.arxiv_id or reference.doi or reference.raw
        if key not in seen:
            seen.add(key)
            unique.append(reference)
    return unique
