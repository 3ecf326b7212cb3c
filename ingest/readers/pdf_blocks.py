"""A paper's laid-out lines sorted into blocks with a role: heading, paragraph, caption,
footnote, figure or table text, or page furniture (running heads, page numbers) to leave out.

The cues are the ones a reader uses: body text is the size most characters have; headings are
short lines in bold or larger type, often numbered; captions open with "Figure 3:"/"Table 2.";
footnotes are the smaller lines at the foot of a column; running heads repeat in the top or
bottom margin; a figure's text (axis ticks, legends) is what sits between its caption and the
nearest prose, and a table's rows are what follows (or precedes) its caption the same way.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from papergraph.ingest.readers import pdf_cues
from papergraph.ingest.readers.pdf_cues import CAPTION, VALUE, cell_parts, has_value_cell, spaced
from papergraph.ingest.readers.pdf_figure_grids import MIN_ROWS, grid_throughout, value_rows
from papergraph.ingest.readers.pdf_footnotes import footnotes
from papergraph.ingest.readers.pdf_halves import across_gutter
from papergraph.ingest.readers.pdf_layout import Line, PageLayout, body_size, lies_between
from papergraph.ingest.readers.pdf_region_cues import capitals_heading, next_line_below

_NUMBERED = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})*|[A-H](?:\.\d{1,2})+|[A-H]\.?(?=\s+[A-Z])|[IVX]{1,4})\.?\s+\S"
)
_NAMED = re.compile(
    r"^(?:(?:\d{1,2}|[IVX]{1,4})\.?\s+)?(?:abstract|introduction|related work|background|conclusions?|discussion|references|"
    r"bibliography|acknowledge?ments?|appendix|appendices|supplementary material)\b",
    re.IGNORECASE,
)
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?[\divxlc]{1,4}(?:\s*(?:of|/)\s*\d+)?$", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_ALGORITHM = re.compile(r"^\d{1,2}:")
_DECIMAL = re.compile(r"^[(±+−-]?\d*\.\d+%?[)*†‡]*$")  # "75.6", ".93": a value, not "2021."


@dataclass
class Block:
    """Consecutive lines of one role; `number` is a caption's figure or table number."""

    lines: list[Line]
    role: str  # heading, text, caption, footnote, figure, table, furniture
    label: str = ""  # a caption's kind: "figure" or "table"
    number: str | None = None
    rows: list[Line] = field(default_factory=list)  # a caption's table or figure lines

    @property
    def text(self) -> str:
        return "\n".join(line.prose_text for line in self.lines)

    @property
    def pages(self) -> list[int]:
        return sorted({line.page for line in self.lines})


def read_blocks(pages: list[PageLayout]) -> tuple[list[Block], float]:
    """The blocks of every page in reading order, and the body text size."""
    size = body_size(pages)
    furniture = _furniture(pages, size)
    blocks: list[Block] = []
    pending: list[tuple[list[Block], PageLayout]] = []
    for page in pages:
        kept = [line for line in page.lines if id(line) not in furniture]
        dropped = [line for line in page.lines if id(line) in furniture]
        notes_of_page = footnotes(kept, page, size)
        body = [line for line in kept if id(line) not in notes_of_page]
        page_blocks = _group(body, size)
        blocks.extend(page_blocks)
        pending.append((page_blocks, page))
        notes = [line for line in kept if id(line) in notes_of_page]
        blocks.extend(Block([line], "footnote") for line in notes)
        blocks.extend(Block([line], "furniture") for line in dropped)
    _demote_headings(blocks)
    for page_blocks, page in pending:
        _attach_regions(page_blocks, page, size)
    return blocks, size


def _demote_headings(blocks: list[Block]) -> None:
    """In a paper whose sections are numbered, a bold line without a number or a section name
    is no heading (a label in a figure, an algorithm line, a table's header row)."""
    headings = [block for block in blocks if block.role == "heading"]
    if sum(1 for block in headings if _NUMBERED.match(block.text)) < 3:
        return
    for block in headings:
        text = block.text.strip()
        if not (_NUMBERED.match(text) or _NAMED.match(text)) or _ALGORITHM.match(text):
            block.role = "text"


def _furniture(pages: list[PageLayout], size: float) -> set[int]:
    """Lines in the top or bottom margin that repeat across pages, or are page numbers."""
    zone = [(line, page) for page in pages for line in page.lines if _in_margin(line, page)]
    repeated = Counter(_DIGITS.sub("#", line.text.lower()) for line, _ in zone)
    least = 2 if len(pages) > 2 else 99
    return {
        id(line)
        for line, _ in zone
        if repeated[_DIGITS.sub("#", line.text.lower())] >= least
        or _PAGE_NUMBER.match(line.text.strip())
    }


def _in_margin(line: Line, page: PageLayout) -> bool:
    return line.bottom < 0.085 * page.height or line.top > 0.92 * page.height


def _group(lines: list[Line], size: float) -> list[Block]:
    """Lines into blocks: a new block at a heading, a caption, a change of column or type, or
    a gap wider than the line spacing."""
    blocks: list[Block] = []
    previous: Line | None = None
    for line in lines:
        role = _line_role(line, size)
        if previous is None or not _continues(blocks[-1], previous, line, role):
            caption = CAPTION.match(line.text)
            blocks.append(Block([line], role))
            if caption:
                blocks[-1].label = (
                    "table" if caption.group(1).lower().startswith("tab") else "figure"
                )
                blocks[-1].number = caption.group(2)
        else:
            blocks[-1].lines.append(line)
        previous = line
    return blocks


def _line_role(line: Line, size: float) -> str:
    """A caption opens "Table 2:", in bold or a smaller type, or with a bar after its number
    as DeepMind's template prints it ("Table 5 | Question answering results.", RETRO)."""
    text = line.main_text.strip()
    opening = CAPTION.match(text)
    if opening and (line.words[0].bold or line.size < size - 0.3 or ":" in text[:14]):
        return "caption"
    if opening and opening.group(3) == "|":
        return "caption"
    return "heading" if is_heading(line, size) else "text"


def is_heading(line: Line, size: float) -> bool:
    """A short line in bold or larger type, or numbered / named like a section."""
    text = line.main_text.strip()
    words = text.split()
    if not words or len(words) > 14 or not any(c.isalpha() for c in text) or line.size < size - 0.6:
        return False
    if text.endswith((".", ",", ";")) and not _NAMED.match(text):
        return False
    letters = sum(char.isalpha() for char in text)
    if letters < 0.6 * len(text.replace(" ", "")) or _ALGORITHM.match(text):
        return False
    if _reads_as_row(words, bool(_NUMBERED.match(text))):
        return False  # a table row or an equation, not a heading
    if _NAMED.match(text) and len(words) <= 3:
        return True
    styled = line.bold or line.size >= size + 0.9 or (text.isupper() and len(text) > 3)
    return styled and (bool(_NUMBERED.match(text)) or bool(_NAMED.match(text)) or len(words) <= 8)


def _reads_as_row(words: list[str], numbered: bool) -> bool:
    """Words with digits as a table row or an equation prints them: more than one, not counting
    a section's number, after which a name may carry two ("3.6 ClueWeb09-B Dataset", "5.5
    Scaling up to GPT-3 175B") but no bare number."""
    rest = words[1:] if numbered else words
    digits = sum(1 for word in rest if any(c.isdigit() for c in word))
    if not numbered:
        return digits > 1
    return digits > 2 or any(VALUE.match(word) for word in rest)


def is_section_heading(text: str) -> bool:
    """Numbered ("2.1 Setup") or named ("Introduction") like a section of a paper."""
    return bool(_NUMBERED.match(text.strip()) or _NAMED.match(text.strip()))


def _continues(block: Block, previous: Line, line: Line, role: str) -> bool:
    if role in ("heading", "caption") and block.role != role:
        return False
    if role == "caption" and block.role == "caption":
        return False
    if block.role == "heading" and role != "heading":
        return False
    if block.role == "caption" and _has_cell_gap(line):
        return False  # a table row set right under its caption, in the caption's size
    if line.page != previous.page or (
        line.column != previous.column
        and not _caption_tail(block, previous, line)
        and not _paragraph_tail(block, previous, line)
    ):
        return False
    gap = line.top - previous.bottom
    same_type = pdf_cues.same_type(line, previous, block.role == "caption")
    overlapping = block.role == "caption" and next_line_below(previous, line)
    return same_type and (-2 < gap or overlapping) and gap < 0.7 * max(line.size, previous.size)


def _has_cell_gap(line: Line) -> bool:
    """Whether the line reads as a table row: parts further apart than a stretched space, one
    of them a number or none longer than three words (two captions set side by side leave a
    wide gap too, between long runs of words)."""
    parts = cell_parts(line)
    if len(parts) < 2:
        return False
    return has_value_cell(parts) or max(len(part) for part in parts) <= 3


def _has_cell_gap_or_spaced(line: Line) -> bool:
    return _has_cell_gap(line) or spaced(line)


def _caption_tail(block: Block, previous: Line, line: Line) -> bool:
    """The short last line of a caption set across a two-column page: it ends before the gutter,
    so it reads as the left column's, but it starts where the caption's lines start and runs
    on as text (no gap between words that a table row's cells would leave)."""
    words = line.words
    running = all(b.x0 - a.x1 < line.size for a, b in zip(words, words[1:], strict=False))
    return (
        block.role == "caption"
        and previous.column == 0
        and abs(line.x0 - previous.x0) < 2
        and running
    )


def _paragraph_tail(block: Block, previous: Line, line: Line) -> bool:
    """The short last line of a paragraph set across a one-column page of a two-column paper
    ("become more discriminative." under a full-width paragraph, over a table): it ends
    before the gutter, so it reads as the left column's, but it starts where the paragraph's
    lines start, runs on as text and ends its sentence, so it is no table's first row."""
    closed = line.main_text.rstrip().endswith((".", ":", ";"))
    return (
        block.role == "text"
        and closed
        and _caption_tail(replace(block, role="caption"), previous, line)
    )


def _attach_regions(blocks: list[Block], page: PageLayout, size: float) -> None:
    """Give each caption the lines of its table or figure, and mark those lines' blocks."""
    claimed: set[int] = set()  # the far halves of wide tables, no later caption's
    tables: set[int] = set()  # blocks earlier table captions took
    for index, block in enumerate(blocks):
        if block.role != "caption":
            continue
        below = _region(blocks, index, +1, size, claimed)
        above = _region(blocks, index, -1, size, claimed)
        below_is_table = _holds_numbers(below) and not _running_text(below, size)
        below_is_table = below_is_table or not _holds_numbers(above)
        owns = _next_caption_owns(blocks, index, size) and not _taken(above, tables)
        if block.label == "table" and below and below_is_table:
            chosen = above if owns and above else below
        else:
            chosen = above or below
        if block.label == "figure" and _figure_grid(above, below, owns, tables):
            block.label, block.number = "table", f"Figure {block.number}"  # "Figure 5"
        if block.label == "table":
            far = across_gutter(blocks, chosen, block, lambda member: _is_prose(member, size))
            claimed.update(id(member) for member in far)
            chosen = sorted([*chosen, *far], key=lambda member: member.lines[0].top)
            tables.update(id(member) for member in chosen)
        role = block.label or "figure"
        for member in chosen:
            member.role = role
        block.rows = [line for member in chosen for line in member.lines]


def _taken(region: list[Block], tables: set[int]) -> bool:
    """Whether a region is all another table caption's grid (stacked tables with captions
    above them: the third's caption does not take the second's rows)."""
    return bool(region) and all(id(member) in tables for member in region)


def _holds_numbers(region: list[Block]) -> bool:
    """Whether a region prints numbers, as a table does: the tail of a caption or of prose
    under a table caption printed below its table does not."""
    words = [word for member in region for line in member.lines for word in line.text.split()]
    return sum(any(c.isdigit() for c in word) for word in words) >= 2


def _figure_grid(above: list[Block], below: list[Block], owns: bool, tables: set[int]) -> bool:
    """Whether a figure caption's region is a table the paper calls a figure: a grid under the
    caption with nothing above it and no later caption's (a table's grid set over its own
    caption), or a grid above it that no table took, with no grid under it (pdf_figure_grids).
    Under a caption each line is a row of its own: lines at one height there may be side-by-side
    plots' legend and ticks."""
    lines_below = [line for member in below for line in member.lines]
    if not above:
        return not owns and value_rows(lines_below, joined=False) >= MIN_ROWS
    rows_below = value_rows(lines_below)
    grid_above = grid_throughout([line for member in above for line in member.lines])
    return grid_above and rows_below < MIN_ROWS and not _taken(above, tables)


def _grid_like(region: list[Block]) -> bool:
    """Whether a region prints numbers set as a table's cells: a line of parts set apart, or two
    lines of two decimals each; the references or prose under a caption, whose years and
    "hits@1" hold digits too, do not."""
    lines = [line for member in region for line in member.lines]
    decimals = [sum(map(bool, map(_DECIMAL.match, line.main_text.split()))) for line in lines]
    tabled = any(map(_has_cell_gap, lines)) or sum(count >= 2 for count in decimals) >= 2
    return _holds_numbers(region) and tabled


def _running_text(region: list[Block], size: float) -> bool:
    """Whether a region is text, no grid, set in the body size or the point smaller of
    references (prose, a reference list), not a table's notes or rows in small type (two
    points or more below it)."""
    sized = all(line.size > size - 1.5 for member in region for line in member.lines)
    return bool(region) and sized and not _grid_like(region)


def _next_caption_owns(blocks: list[Block], index: int, size: float) -> bool:
    """Whether the lines below a table caption are another caption's: they end at a figure's
    caption (a figure printed above its caption), or at a table caption that itself takes the
    lines above it (captions printed under their tables, each taking its own grid): one with
    nothing under it, or only text in the body size that is no grid (references, prose)."""
    position = index + 1
    while position < len(blocks) and not (
        blocks[position].role in ("heading", "caption") or _is_prose(blocks[position], size)
    ):
        position += 1
    if position >= len(blocks) or blocks[position].role != "caption":
        return False
    following = blocks[position]
    if following.label != "table":
        return bool(_region(blocks, position, -1, size))
    below = _region(blocks, position, +1, size)
    return not below or _running_text(below, size) or _next_caption_owns(blocks, position, size)


def _region(
    blocks: list[Block], index: int, step: int, size: float, claimed: set[int] | None = None
) -> list[Block]:
    """The blocks next to a caption, going `step`-wards, up to the first prose or heading;
    blocks another caption claimed across the gutter are passed over. A block beside the
    caption's width is the table's when the table goes on past it: a header cell set at the
    table's edge between two header rows ("Model", "Avg" centred beside "ReCoRD" over "F1")."""
    caption = blocks[index]
    found: list[Block] = []
    beside: list[Block] = []
    position = index + step
    while 0 <= position < len(blocks):
        block = blocks[position]
        if block.role in ("heading", "caption") or _is_prose(block, size):
            break
        if capitals_heading(block.lines):
            break  # a small-caps section heading (pdf_region_cues)
        if id(block) in (claimed or ()):
            position += step
            continue  # another caption's, across the gutter
        if not _overlaps(block, caption):
            beside.append(block)
        else:
            found += [
                b for b in beside if found and lies_between(b.lines, found[-1].lines, block.lines)
            ]
            found.append(block)
            beside = []
        position += step
    return found if step > 0 else found[::-1]


def _overlaps(block: Block, caption: Block) -> bool:
    left = min(line.x0 for line in caption.lines)
    right = max(line.x1 for line in caption.lines)
    return any(line.x1 > left and line.x0 < right for line in block.lines)


def _is_prose(block: Block, size: float) -> bool:
    """Running text in the body size: long lines of ordinary words (hyphenated ones too; a
    narrow column of long words holds fewer per line, but as many characters; one such line
    alone may be a header row)."""
    lines = [line for line in block.lines if abs(line.size - size) < 0.6]
    if len(lines) < len(block.lines) * 0.6 or all(map(_has_cell_gap_or_spaced, lines)):
        return False  # small type, or a table's header rows set in the body size
    words = [word for line in lines for word in line.main_text.split()]
    alphabetic = sum(1 for word in words if word.strip(".,;:()").replace("-", "").isalpha())
    per_line = len(words) / max(1, len(lines))
    characters = sum(len(line.main_text) for line in lines) / max(1, len(lines))
    long_lines = per_line >= 7 or (len(lines) >= 2 and per_line >= 5 and characters >= 40)
    return (long_lines or _sentence_tail(lines)) and alphabetic >= 0.7 * len(words)


def _sentence_tail(lines: list[Line]) -> bool:
    """The end of a paragraph run on from the column before: it opens in lower case with a
    line of running words and ends with a full stop ("at 81.33% on VOC, which outperforms
    the standard model / by 4%.")."""
    first = lines[0].main_text.split() if lines else []
    return (
        len(first) >= 6
        and first[0][:1].islower()
        and lines[-1].main_text.rstrip().endswith(".")
        and not any(_has_cell_gap(line) for line in lines)
    )
