"""The parts of a paper, from its laid-out pages: front matter, abstract, sections, captions,
tables, figures, footnotes, acknowledgments, references and appendix.

Blocks (see pdf_blocks) are walked in reading order. Page 1's blocks before the abstract (or
the first heading) are the front matter; the abstract runs to the next heading; each heading
opens a section, and its words choose the kind of what follows: "Acknowledgments",
"References" (the bibliography, handed to the reference parser as lines), "Appendix", or any
heading after the references. Running heads and page numbers are left out altogether.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field, replace

from papergraph.core.model import ChunkKind, Reference, Table
from papergraph.ingest.chunking import TextPart
from papergraph.ingest.readers.pdf_blocks import Block, is_section_heading, read_blocks
from papergraph.ingest.readers.pdf_front import FrontMatter, read_front
from papergraph.ingest.readers.pdf_layout import Line, PageLayout
from papergraph.ingest.readers.pdf_math import settled_part, settled_table, unmathed
from papergraph.ingest.readers.pdf_references import parse_references
from papergraph.ingest.readers.pdf_tables import build_table, has_numeric_body, table_text
from papergraph.ingest.readers.references import find_arxiv_id, find_doi, strip_version
from papergraph.ingest.repair import find_arxiv_stamp, repair_text

_BAD_META_TITLE = re.compile(
    r"template|untitled|microsoft word|\.(dvi|pdf|docx?|tex)$", re.IGNORECASE
)
_ABSTRACT = re.compile(r"^\s*a\s?b\s?s\s?t\s?r\s?a\s?c\s?t\b[\s.:—–-]*", re.IGNORECASE)
_REFERENCES = re.compile(
    r"^\s*(?:\d+\.?\s*)?(?:references|bibliography|literature cited)\b", re.IGNORECASE
)
_ACKNOWLEDGMENTS = re.compile(r"^\s*(?:\d+\.?\s*)?acknowledge?ments?\b", re.IGNORECASE)
_APPENDIX = re.compile(
    r"^\s*(?:appendix|appendices|supplementary|supplemental)\b|^\s*[A-H](?:\.\d+)*\.?\s+[A-Z]"
)
_KEYWORDS = re.compile(
    r"(?:^|\n)(?=(?:keywords|key words|index terms|ccs concepts|acm reference format)\b)",
    re.IGNORECASE,
)
_NUMERIC = re.compile(r"^[-+−–]?[\d.,%×x]+$")


@dataclass
class PdfParts:
    title: str
    parts: list[TextPart] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    venue: str | None = None
    arxiv_id: str | None = None
    doi: str | None = None
    year: int | None = None
    abstract: str | None = None
    references: list[Reference] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


def find_parts(pages: list[PageLayout], metadata: dict[str, str]) -> PdfParts:
    """Everything the reader can tell about the paper from its laid-out pages and metadata."""
    blocks, size = read_blocks(pages)
    front_end = _front_end(blocks)
    page_one = [line for page in pages[:1] for line in page.lines]
    front = read_front(_front_lines(blocks[:front_end]), page_one, size)
    walk = _Walk(front_end)
    for block in blocks:
        walk.visit(block)
    walk.finish()
    first_text = " ".join(line.text for line in page_one) + " " + (pages[0].margin if pages else "")
    return _settled(_assemble(front, walk, metadata, first_text))


def _settled(parts: PdfParts) -> PdfParts:
    """The parts with mathematical letters read plain in captions and tables, left out of
    everything else (ingest/readers/pdf_math.py)."""
    return replace(
        parts,
        title=unmathed(parts.title),
        parts=[settled_part(part) for part in parts.parts],
        authors=[unmathed(author) for author in parts.authors],
        affiliations=[unmathed(affiliation) for affiliation in parts.affiliations],
        venue=unmathed(parts.venue) if parts.venue else parts.venue,
        abstract=unmathed(parts.abstract) if parts.abstract else parts.abstract,
        tables=[settled_table(table) for table in parts.tables],
    )


def _assemble(front: FrontMatter, walk: _Walk, metadata: dict[str, str], first: str) -> PdfParts:
    arxiv_id = _arxiv_id(first)
    abstract = " ".join(p.text for p in walk.parts if p.kind == ChunkKind.ABSTRACT and p.text)
    return PdfParts(
        title=front.title or _meta_title(metadata) or "",
        parts=walk.parts,
        authors=front.authors or _meta_authors(metadata),
        affiliations=front.affiliations,
        emails=front.emails,
        venue=front.venue,
        arxiv_id=arxiv_id,
        doi=find_doi(first),
        year=front.year or (2000 + int(arxiv_id[:2]) if arxiv_id else _meta_year(metadata)),
        abstract=abstract or None,
        references=parse_references(unmathed("\n".join(walk.bibliography))),
        tables=walk.tables,
    )


def _front_end(blocks: list[Block]) -> int:
    """Index of the first block after the front matter: the abstract, else the first section
    heading (a bold title or author line is not one), else the end of page 1."""
    early = [(i, block) for i, block in enumerate(blocks) if block.pages[0] <= 2]
    for index, block in early:
        if block.role in ("heading", "text") and _ABSTRACT.match(block.text):
            return index
    for index, block in early:
        if block.role == "heading" and is_section_heading(block.text):
            return _unlabelled_abstract(blocks, index)
    return next((i for i, block in enumerate(blocks) if block.pages[0] > 1), len(blocks))


def _unlabelled_abstract(blocks: list[Block], heading: int) -> int:
    """Where an abstract printed without its label starts: the prose just before the first
    section heading (the walk reads it as the abstract); else the heading itself."""
    start = heading
    while start > 0 and blocks[start - 1].role in ("text", "footnote", "furniture"):
        start -= 1
    prose = [b for b in blocks[start:heading] if b.role == "text"]
    while prose and not _is_paragraph(prose[0].text):  # author and affiliation lines
        prose.pop(0)
    return blocks.index(prose[0]) if prose else heading


def _is_paragraph(text: str) -> bool:
    """Forty words or more, many of them lower-case: running text, not a list of names."""
    words = text.split()
    lower = sum(1 for word in words if word[:1].islower())
    return len(words) >= 40 and lower >= 0.4 * len(words)


def _front_lines(blocks: list[Block]) -> list[Line]:
    """The front matter's lines top to bottom, parts cut apart by a column gutter rejoined
    (author blocks spread across the page often leave a gap down its middle)."""
    kept = [block for block in blocks if block.role not in ("furniture", "footnote")]
    lines = sorted(
        (line for block in kept for line in block.lines), key=lambda line: (line.page, line.top)
    )
    merged: list[Line] = []
    for line in lines:
        last = merged[-1] if merged else None
        if (
            last
            and last.page == line.page
            and _same_band(last, line)
            and last.column != line.column
        ):
            merged[-1] = Line(sorted([*last.words, *line.words], key=lambda w: w.x0), line.page)
        else:
            merged.append(line)
    return merged


def _same_band(one: Line, other: Line) -> bool:
    overlap = min(one.bottom, other.bottom) - max(one.top, other.top)
    return overlap > 0.5 * min(one.bottom - one.top, other.bottom - other.top)


class _Walk:
    """The blocks in reading order, turned into text parts of the right kind and section."""

    def __init__(self, front_end: int) -> None:
        self.front_end = front_end
        self.index = 0
        self.mode = ChunkKind.FRONT
        self.section: str | None = None
        self.parts: list[TextPart] = []
        self.bibliography: list[str] = []
        self.tables: list[Table] = []
        self.abstract_done = False

    def visit(self, block: Block) -> None:
        index, self.index = self.index, self.index + 1
        if block.role == "furniture":
            return
        table = block.role == "caption" and block.label == "table"  # a page cut from a paper
        if index < self.front_end and block.role != "footnote" and not table:
            self._add(block.text, ChunkKind.FRONT, block)
        elif block.role == "heading":
            self._heading(block)
        elif block.role == "text":
            self._text(block)
        elif block.role == "caption":
            self._caption(block)
        elif block.role == "footnote":
            self._add(block.text, ChunkKind.FOOTNOTE, block)
        elif block.role == "figure":
            self._add(block.text, ChunkKind.FIGURE, block)

    def _heading(self, block: Block) -> None:
        text = repair_text(" ".join(line.main_text for line in block.lines))
        if _ABSTRACT.match(text) and self.mode == ChunkKind.FRONT:
            self.mode, self.section = ChunkKind.ABSTRACT, "Abstract"
            rest = _ABSTRACT.sub("", text)
            if rest:
                self._add(rest, ChunkKind.ABSTRACT, block)
            return
        self.section = text
        if _REFERENCES.match(text):
            self.mode = ChunkKind.REFERENCES
        elif _ACKNOWLEDGMENTS.match(text):
            self.mode = ChunkKind.ACKNOWLEDGMENTS
        elif _APPENDIX.match(text) or self.mode in (ChunkKind.REFERENCES, ChunkKind.APPENDIX):
            self.mode = ChunkKind.APPENDIX
        else:
            self.mode = ChunkKind.BODY

    def _text(self, block: Block) -> None:
        text = block.text
        if self.mode == ChunkKind.FRONT and self.abstract_done:
            self._add(text, ChunkKind.FRONT, block)  # keywords, CCS concepts, ACM format
            return
        if self.mode == ChunkKind.FRONT:
            match = _ABSTRACT.match(text)
            self.mode, self.section = ChunkKind.ABSTRACT, "Abstract"
            text = text[match.end() :] if match else text
        if self.mode == ChunkKind.REFERENCES:
            self.bibliography.extend(line.text for line in block.lines)
        if self.mode == ChunkKind.ABSTRACT and (keywords := _KEYWORDS.search(text)):
            self._add(text[: keywords.start()], ChunkKind.ABSTRACT, block)
            self._add(text[keywords.start() :], ChunkKind.FRONT, block)
            self.mode, self.abstract_done = ChunkKind.FRONT, True  # it ends at its keywords
            return
        kind = ChunkKind.FIGURE if _is_figure_text(block) else self.mode
        self._add(text, kind, block)

    def _caption(self, block: Block) -> None:
        caption = repair_text(block.text)
        self._add(block.text, ChunkKind.CAPTION, block)
        if block.label == "table" and block.rows:
            table = build_table(block.rows, block.number, caption, block.pages[0])
            anchor = f"table-{len(self.tables)}" if has_numeric_body(table) else None
            if anchor is not None:  # a grid with no number under its header is no table
                self.tables.append(table)
            pages = sorted({line.page for line in block.rows})
            self.parts.append(
                TextPart(
                    table_text(table),
                    ChunkKind.TABLE,
                    self.section,
                    pages,
                    key=anchor or f"grid-{len(self.parts)}",
                    anchor=anchor,
                    rows=True,
                )
            )

    def _add(self, text: str, kind: ChunkKind, block: Block) -> None:
        previous = self.parts[-1] if self.parts else None
        if previous and previous.kind == kind and previous.text.endswith("-") and not previous.rows:
            previous.text += "\n" + text  # a word hyphenated across a column or page break
            previous.pages = sorted({*previous.pages, *block.pages})
            return
        self.parts.append(TextPart(text, kind, self.section, block.pages))

    def finish(self) -> None:
        for part in self.parts:
            if not part.rows:
                part.text = repair_text(part.text)


def _is_figure_text(block: Block) -> bool:
    """A block that is mostly bare numbers (axis ticks) is figure content, caption or not."""
    words = block.text.split()
    numeric = sum(1 for word in words if _NUMERIC.match(word))
    return len(words) >= 3 and numeric >= 0.6 * len(words)


def _arxiv_id(first_page: str) -> str | None:
    found = find_arxiv_stamp(first_page) or find_arxiv_id(first_page)
    return strip_version(found) if found else None


def _meta_title(metadata: dict[str, str]) -> str | None:
    title = html.unescape(metadata.get("/Title", "")).strip()
    if len(title) < 8 or " " not in title or _BAD_META_TITLE.search(title):
        return None
    return repair_text(title)


def _meta_authors(metadata: dict[str, str]) -> list[str]:
    raw = html.unescape(metadata.get("/Author", "")).strip()
    if not raw or not re.search(r"[A-Za-z]{2,}\s+[A-Za-z]", raw):
        return []
    names = (re.sub(r"[\d*∗†‡§¶]+", "", name).strip() for name in re.split(r";|,|\band\b", raw))
    return [name for name in names if " " in name and not any(c.isdigit() for c in name)]


def _meta_year(metadata: dict[str, str]) -> int | None:
    match = re.match(r"D:(\d{4})", metadata.get("/CreationDate", ""))
    return int(match.group(1)) if match else None
