"""A PDF's bibliography, cut into entries, each with the ids it names and a guess at its title.

Three entry shapes cover most papers: "[12] ..." brackets, "12. ..." numbers, and author-year
lists where an entry ends in a full stop at the end of a line and the next begins a new name.
"""

from __future__ import annotations

import re

from papergraph.core.model import Reference
from papergraph.ingest.readers.bibliography import parse_entry
from papergraph.ingest.readers.references import dedupe
from papergraph.ingest.repair import repair_text

_BRACKETED = re.compile(r"(?:^|\n)\s*\[\d{1,3}\]\s*")
_NUMBERED = re.compile(r"(?:^|\n)\s*\d{1,3}\.\s+(?=[A-Z])")
_ENTRY_END = re.compile(
    r"(?<=[.?!])\s*\n(?!\s*(?:In|Proceedings|Advances|Journal|Transactions|Association|URL|"
    r"arXiv|IEEE|ACM|Springer|PMLR)\b)"
    r"(?=\s*(?:[A-Z][\w'’\-]+,|[A-Z][\w'’\-]+ [A-Z]|[A-Z]\.))"
)
_PAGE_NUMBER_LINE = re.compile(r"\n\s*\d{1,4}\s*(?=\n)")  # a page's number between two entries
_MAX_ENTRIES = 500


def parse_references(section: str) -> list[Reference]:
    """References of a bibliography section's text, in order, without duplicates."""
    entries = [repair_text(entry) for entry in split_entries(section)]
    references = (parse_entry(entry) for entry in entries if len(entry) > 20)
    return dedupe(ref for ref in references if _is_entry(ref))[:_MAX_ENTRIES]


def split_entries(section: str) -> list[str]:
    """The entries of a bibliography: by printed markers ("[12]", "12.") when they are about
    as many as the entries that end a line with a full stop, else by those line ends. (A
    references section that runs on into an appendix has numbered lists of its own.)"""
    section = _PAGE_NUMBER_LINE.sub("\n", section)
    if not section.strip():
        return []
    line_ends = len(_ENTRY_END.findall(section))
    for marker in (_BRACKETED, _NUMBERED):  # entries keep their printed number
        starts = [match.start() for match in marker.finditer(section)]
        if len(starts) >= 3 and len(starts) * 2 >= line_ends:
            bounds = zip([0, *starts], [*starts, len(section)], strict=True)
            return [part for start, end in bounds if (part := section[start:end].strip())]
    return [part for part in _ENTRY_END.split(section) if part.strip()]


def _is_entry(reference: Reference) -> bool:
    """A bibliography entry names an id, or a year with authors or a title; figure text and
    page furniture caught between entries name neither."""
    if reference.arxiv_id or reference.doi:
        return True
    return reference.year is not None and bool(reference.authors or reference.title)
