"""A PDF's bibliography, cut into entries, each with the ids it names and a guess at its title.

Three entry shapes cover most papers: "[12] ..." brackets, "12. ..." numbers, and author-year
lists where an entry ends in a full stop at the end of a line and the next begins a new name.
"""

from __future__ import annotations

import re

from core.model import Reference
from ingest.readers.references import dedupe, find_arxiv_id, find_doi
from ingest.repair import repair_text

_BRACKETED = re.compile(r"(?:^|\n)\s*\[\d{1,3}\]\s*")
_NUMBERED = re.compile(r"(?:^|\n)\s*\d{1,3}\.\s+(?=[A-Z])")
_ENTRY_END = re.compile(r"(?<=[.?!])\s*\n(?=\s*(?:[A-Z][\w'’\-]+,|[A-Z][\w'’\-]+ [A-Z]|[A-Z]\.))")
_YEAR_TITLE = re.compile(r"\b(?:19|20)\d{2}[a-z]?\)?\.\s+(.{8,}?[^A-Z])[.?!](?:\s|$)")
_MAX_ENTRIES = 500


def parse_references(section: str) -> list[Reference]:
    """References of a bibliography section's text, in order, without duplicates."""
    entries = [repair_text(entry) for entry in split_entries(section)]
    return dedupe(_reference(entry) for entry in entries if len(entry) > 20)[:_MAX_ENTRIES]


def split_entries(section: str) -> list[str]:
    """The entries of a bibliography, choosing the splitter that finds the most of them."""
    if not section.strip():
        return []
    for marker in (_BRACKETED, _NUMBERED):
        if len(marker.findall(section)) >= 3:
            return [part for part in marker.split(section) if part.strip()]
    return [part for part in _ENTRY_END.split(section) if part.strip()]


def _reference(entry: str) -> Reference:
    arxiv_id = find_arxiv_id(entry) or _arxiv_journal_id(entry)
    return Reference(raw=entry, arxiv_id=arxiv_id, doi=find_doi(entry), title=_title(entry))


def _arxiv_journal_id(entry: str) -> str | None:
    """'arXiv preprint arXiv:1706.03762' is common, but so is 'CoRR, abs/1706.03762'."""
    match = re.search(r"abs/(\d{4}\.\d{4,5})", entry)
    return match.group(1) if match else None


def _title(entry: str) -> str | None:
    """After the year in author-year styles; else the first long sentence after the authors."""
    after_year = _YEAR_TITLE.search(entry)
    if after_year:
        return after_year.group(1).strip()
    sentences = [s.strip() for s in re.split(r"(?<=[a-z0-9)])\.\s+", entry) if s.strip()]
    candidates = [s for s in sentences[1:] if len(s.split()) >= 3]
    return candidates[0].rstrip(".") if candidates else None
