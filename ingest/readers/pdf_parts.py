"""The parts of a paper in a PDF's extracted text: title, authors, ids, abstract, body, references.

Layout is lost by the time text is extracted, so these are heuristics checked against real
papers (arXiv preprints, ACL and ICLR proceedings): the title is the largest type on page 1
(unless the metadata has a real one), the abstract runs from "Abstract" to the introduction,
and the references are what follows the last "References" heading.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from core.model import Reference
from ingest.readers.pdf_references import parse_references
from ingest.readers.references import find_arxiv_id, find_doi, strip_version
from ingest.repair import find_arxiv_stamp, repair_text

_BOILERPLATE = re.compile(
    r"^(proceedings|published|provided proper|content from|journal|preprint|under review|"
    r"workshop|arxiv|doi|copyright|licen[cs]e|\d+(st|nd|rd|th)\b)|@|©|c©|\bpages?\s+\d",
    re.IGNORECASE,
)
_BAD_META_TITLE = re.compile(r"template|untitled|microsoft word|\.(dvi|pdf|docx?|tex)$", re.I)
_ABSTRACT = re.compile(r"(?:^|\n)\s*a\s?b\s?s\s?t\s?r\s?a\s?c\s?t\b[\s.:—-]*", re.IGNORECASE)
_INTRODUCTION = re.compile(r"\n\s*(?:1|I)?\.?\s*Introduction\b", re.IGNORECASE)
_REFERENCES = re.compile(r"\n\s*(?:References|REFERENCES|Bibliography|BIBLIOGRAPHY)\s*\n")
_APPENDIX = re.compile(r"\n\s*(?:[A-Z]\.?\s+)?(?:Appendix|APPENDIX|Supplementary)\b")
_MARKERS = re.compile(r"[*∗†‡§¶♠♢♡♣♦⋆⋄□αβγδτωη,;]|\d+|\band\b")
_AFFILIATION = re.compile(
    r"universit|institut|research|inc\b|\blab|google|facebook|microsoft|openai|deepmind|depart|"
    r"school|college|services|\bai\b|usa\b|contribution|equal|@|\{",
    re.IGNORECASE,
)


@dataclass
class FontLine:
    """A run of page text and the size it is rendered at."""

    text: str
    size: float


@dataclass
class PdfParts:
    title: str
    body: str
    authors: list[str] = field(default_factory=list)
    arxiv_id: str | None = None
    doi: str | None = None
    year: int | None = None
    abstract: str | None = None
    references: list[Reference] = field(default_factory=list)


def find_parts(pages: list[str], runs: list[FontLine], metadata: dict[str, str]) -> PdfParts:
    """Everything the reader can tell about the paper from its pages and metadata."""
    first = pages[0] if pages else ""
    text = "\n".join(pages)
    arxiv_id = _arxiv_id(first)
    cut = _last_match(_REFERENCES, text)
    body, bibliography = (text[: cut.start()], text[cut.end() :]) if cut else (text, "")
    title_lines = _title_lines(first, runs)
    title = _meta_title(metadata) or repair_text(" ".join(title_lines))
    return PdfParts(
        title=title,
        body=repair_text(body),
        authors=_meta_authors(metadata) or _authors_after(first, title_lines),
        arxiv_id=arxiv_id,
        doi=find_doi(first),
        year=2000 + int(arxiv_id[:2]) if arxiv_id else _meta_year(metadata),
        abstract=_abstract(text),
        references=parse_references(_APPENDIX.split(bibliography, maxsplit=1)[0]),
    )


def _arxiv_id(first_page: str) -> str | None:
    found = find_arxiv_stamp(first_page) or find_arxiv_id(first_page)
    return strip_version(found) if found else None


def _last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    matches = list(pattern.finditer(text))
    return matches[-1] if matches else None


def _meta_title(metadata: dict[str, str]) -> str | None:
    title = html.unescape(metadata.get("/Title", "")).strip()
    if len(title) < 8 or " " not in title or _BAD_META_TITLE.search(title):
        return None
    return repair_text(title)


def _meta_authors(metadata: dict[str, str]) -> list[str]:
    raw = html.unescape(metadata.get("/Author", "")).strip()
    if not raw or not re.search(r"[A-Za-z]{2,}\s+[A-Za-z]", raw) or _AFFILIATION.search(raw):
        return []
    return [name.strip() for name in re.split(r";|,|\band\b", raw) if name.strip()]


def _meta_year(metadata: dict[str, str]) -> int | None:
    match = re.match(r"D:(\d{4})", metadata.get("/CreationDate", ""))
    return int(match.group(1)) if match else None


def _title_lines(first_page: str, runs: list[FontLine]) -> list[str]:
    """Lines of page 1 set in the largest type; else the first substantial line."""
    lines = [line.strip() for line in first_page.splitlines() if line.strip()]
    sized = [run for run in runs if _is_candidate(run.text)]
    if sized:
        largest = max(run.size for run in sized)
        pieces = [r.text.strip() for r in sized if r.size >= largest - 0.5]
        chosen = [i for i, line in enumerate(lines) if any(p in line for p in pieces)]
        title = [lines[i] for i in _first_run(chosen)]
        if len(" ".join(title)) >= 10 and " " in " ".join(title):
            return title
    return [next((line for line in lines if _is_candidate(line)), "")]


def _first_run(indices: list[int], longest: int = 4) -> list[int]:
    """The first run of consecutive line numbers (a title spans at most a few lines)."""
    run = indices[:1]
    for index in indices[1:]:
        if index != run[-1] + 1 or len(run) == longest:
            break
        run.append(index)
    return run


def _is_candidate(text: str) -> bool:
    stripped = text.strip()
    letters = sum(char.isalpha() for char in stripped)
    return letters >= 3 and not _BOILERPLATE.search(stripped) and not find_arxiv_stamp(stripped)


def _authors_after(first_page: str, title_lines: list[str]) -> list[str]:
    """Names in the few lines between the title and the abstract (best effort)."""
    lines = [line.strip() for line in first_page.splitlines() if line.strip()]
    start = lines.index(title_lines[-1]) + 1 if title_lines and title_lines[-1] in lines else 0
    names: list[str] = []
    for line in lines[start : start + 12]:
        if _ABSTRACT.match(line):
            break
        if not _AFFILIATION.search(line):
            names.extend(_names_in(line))
    return names[:40]


def _names_in(line: str) -> list[str]:
    names: list[str] = []
    for part in _MARKERS.split(line):
        words = part.split()
        if words and all(_is_name_word(word) for word in words):
            step = 2 if len(words) > 4 and len(words) % 2 == 0 else len(words)
            names.extend(" ".join(words[i : i + step]) for i in range(0, len(words), step))
    return [repair_text(name) for name in names if " " in name]


def _is_name_word(word: str) -> bool:
    return word[0].isupper() and word.replace(".", "").replace("-", "").isalpha()


def _abstract(text: str) -> str | None:
    start = _ABSTRACT.search(text[:20000])
    if not start:
        return None
    rest = text[start.end() :]
    end = _INTRODUCTION.search(rest)
    abstract = repair_text(rest[: end.start() if end else 2500][:5000])
    return abstract or None
