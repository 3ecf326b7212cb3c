"""A PDF page as positioned words and lines: what the layout analysis reads.

Two engines fill the same model. PDFium (pypdfium2) gives every character with its box, font
size and font: characters become words (split at spaces, at jumps and where the size changes, so
a superscript affiliation mark is a word of its own), words become lines, and a page whose words
leave a gutter down the middle is read as two columns, left before right, between the
full-width lines (title, wide figures) that cut across it. pypdf gives text runs with their
position and font only, and stands in when PDFium is not installed.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cached_property

_VALUE = re.compile(r"^[(+\-−±]?\d[\d.,/%]*[)*†‡∗]*$|^\.\d+%?$|^[-–—−]$")
_CAPTION_WORD = re.compile(r"^(?:Table|Figure|Fig\.)$")
_CAPTION_NUMBER = re.compile(r"^[A-Z]?\d{1,2}[:.]$")  # "6:", "12.": a caption, not a cell "Table 9"
_FOOTNOTE_MARK = re.compile(r"^[\d,*∗†‡§¶⋆]+$")
_BOLD_FONT = re.compile(
    r"bold|black|heavy|demi|semibold|medi(?:um)?\b|-medi|cmbx|sfbx|\bbx", re.IGNORECASE
)


@dataclass(slots=True)
class Word:
    """A run of characters in one font size, with its box (points, y growing downwards)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool = False
    angle: float = 0.0  # radians the text is turned by; 0 for upright text


@dataclass
class Line:
    """Words on one baseline within one column, left to right."""

    words: list[Word]
    page: int  # 1-based
    column: int = 0  # 0 spans the page (or a one-column page), 1 left, 2 right

    @property
    def x0(self) -> float:
        return min(word.x0 for word in self.words)

    @property
    def x1(self) -> float:
        return max(word.x1 for word in self.words)

    @property
    def top(self) -> float:
        return min(word.top for word in self.main_words)

    @property
    def bottom(self) -> float:
        return max(word.bottom for word in self.main_words)

    @cached_property
    def size(self) -> float:
        """The size most of the line's characters are set in."""
        counts: dict[float, int] = {}
        for word in self.words:
            counts[word.size] = counts.get(word.size, 0) + len(word.text)
        return max(counts, key=lambda size: (counts[size], size))

    @property
    def bold(self) -> bool:
        """Whether (nearly) all of the line's lettered words are set in a bold font."""
        letters = [word for word in self.main_words if any(c.isalpha() for c in word.text)]
        bold = sum(len(word.text) for word in letters if word.bold)
        return bool(letters) and bold >= 0.9 * sum(len(word.text) for word in letters)

    @cached_property
    def main_words(self) -> list[Word]:
        """The words in the line's own size: superscript and subscript marks left out."""
        size = self.size
        return [word for word in self.words if word.size >= 0.8 * size] or self.words

    @property
    def text(self) -> str:
        return join_words(self.words)

    @property
    def main_text(self) -> str:
        return join_words(self.main_words)

    @property
    def prose_text(self) -> str:
        """The text without footnote marks: a small number or symbol raised after punctuation."""
        size = self.size
        kept = [
            word
            for index, word in enumerate(self.words)
            if not (
                word.size < 0.8 * size
                and _FOOTNOTE_MARK.match(word.text)
                and (
                    not index
                    or self.words[index - 1].text[-1:] in ".,;:)!?"
                    or not any(c.isdigit() for c in word.text)
                )
            )
        ]
        return join_words(kept or self.words)


@dataclass
class PageLayout:
    number: int  # 1-based
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    two_columns: bool = False
    margin: str = ""  # rotated text in the margin: the arXiv side stamp


def lies_between(lines: list[Line], one: list[Line], other: list[Line]) -> bool:
    """Whether `lines` stand in the one column of two other runs of lines, below the top of the
    upper run and above the bottom of the lower (a header cell set between two header rows)."""
    columns = {line.column for line in (*lines, *one, *other)}
    top = min(line.top for line in (*one, *other))
    bottom = max(line.bottom for line in (*one, *other))
    return len(columns) == 1 and all(top < line.top and line.bottom < bottom for line in lines)


def join_words(words: list[Word]) -> str:
    """Words joined with spaces, except a small mark set right against the word before it (a
    word starting well left of the one before it begins a line of its own: a label's second
    line, pdf_wrapped_labels.py)."""
    parts: list[str] = []
    for index, word in enumerate(words):
        tight = False
        if index:
            before, size = words[index - 1], max(word.size, words[index - 1].size)
            tight = word.x0 - before.x1 < 0.12 * size and word.x0 > before.x0 - 0.5 * size
        parts.append(("" if tight or not parts else " ") + word.text)
    return "".join(parts)


def is_bold_font(name: str, weight: int) -> bool:
    return weight >= 600 or bool(_BOLD_FONT.search(name.split("+")[-1]))


def lay_out(number: int, width: float, height: float, words: list[Word], margin: str) -> PageLayout:
    """Lines of the page's words in reading order, columns detected from the words."""
    upright = [w for w in words if w.text.strip() and not w.angle and _upright(w)]
    words = upright + header_words([w for w in words if w.angle and w.text.strip()], upright)
    gutter = _gutter(words, width)
    lines = sorted(_lines(words, number), key=lambda line: (line.top, line.x0))
    if gutter is None:
        lines = side_by_side(lines, (0.45 * width, width))
    else:  # a right caption starting left of the gutter: the tables do not keep to the columns
        lines = side_by_side(lines, (0.3 * width, gutter))
        lines = [part for line in lines for part in _split_at_gutter(line, gutter)]
        lines.sort(key=lambda line: (line.top, line.x0))
    ordered = _reading_order(lines)
    return PageLayout(number, width, height, ordered, gutter is not None, margin)


def header_words(rotated: list[Word], upright: list[Word]) -> list[Word]:
    """Rotated words read as table header cells: the words of one vertical column of text
    joined in reading order, kept only where numbers stand right under them (a table's value
    column); the side stamp and a figure's axis label, with none below, are left out."""
    headers = [_joined(group) for group in _vertical_groups(rotated)]
    return [word for word in headers if _over_numbers(word, upright)]


def _vertical_groups(rotated: list[Word]) -> list[list[Word]]:
    """Rotated words side by side in x and close in y: one header's words."""
    groups: list[list[Word]] = []
    for word in sorted(rotated, key=lambda w: (w.x0, w.top)):
        for group in groups:
            last = group[-1]
            beside = min(word.x1, last.x1) - max(word.x0, last.x0)
            near = max(word.top - last.bottom, last.top - word.bottom) < 1.5 * word.size
            if beside > 0.5 * (word.x1 - word.x0) and near and word.angle == last.angle:
                group.append(word)
                break
        else:
            groups.append([word])
    return groups


def _joined(group: list[Word]) -> Word:
    """One upright word for a vertical header: text read up the page (or down, turned the
    other way), box around all of it."""
    upwards = group[0].angle > math.pi
    ordered = sorted(group, key=lambda w: -w.bottom if upwards else w.top)
    return Word(
        " ".join(word.text for word in ordered),
        min(w.x0 for w in group),
        max(w.x1 for w in group),
        min(w.top for w in group),
        max(w.bottom for w in group),
        group[0].size,
        all(w.bold for w in group),
        group[0].angle,
    )


def _over_numbers(header: Word, upright: list[Word]) -> bool:
    """Whether the nearest upright words under the header's middle, within a few lines, are
    at least two numbers: the column the header names."""
    centre, reach = (header.x0 + header.x1) / 2, 6 * header.size
    below = sorted(
        (w for w in upright if w.x0 - 2 <= centre <= w.x1 + 2 and 0 <= w.top - header.bottom),
        key=lambda w: w.top,
    )
    near = [w for w in below[:3] if w.top - header.bottom < reach]
    return len(near) >= 2 and all(_VALUE.match(w.text) for w in near[:2])


def _upright(word: Word) -> bool:
    """A rotated run (the arXiv side stamp) reads as a tall, thin box; it is page furniture."""
    return len(word.text) < 3 or (word.bottom - word.top) < 2.5 * (word.x1 - word.x0)


def _gutter(words: list[Word], width: float) -> float | None:
    """The x of the gap between two columns: near the middle, crossed by (almost) no word,
    with both halves well filled; None for a one-column page."""
    body = [word for word in words if len(word.text) > 1]
    if len(body) < 60:
        return None
    best: tuple[int, float] | None = None
    for step in range(-30, 31, 3):
        x = width / 2 + step
        crossing = sum(1 for word in body if word.x0 < x - 1 and x + 1 < word.x1)
        if best is None or crossing < best[0]:
            best = (crossing, x)
    assert best is not None
    crossing, x = best
    left = sum(1 for word in body if word.x1 <= x)
    right = len(body) - left - crossing
    return x if crossing < 0.025 * len(body) and min(left, right) > 0.2 * len(body) else None


def _lines(words: list[Word], page: int) -> list[Line]:
    """Words grouped by baseline: a word joins the line whose vertical band holds its middle."""
    ordered = sorted(words, key=lambda word: (word.top + word.bottom) / 2)
    lines: list[list[Word]] = []
    bands: list[tuple[float, float]] = []
    for word in ordered:
        if lines and _same_line(word, bands[-1]) and word.size <= 2.2 * lines[-1][0].size:
            lines[-1].append(word)
            top, bottom = bands[-1]
            bands[-1] = (min(top, word.top), max(bottom, word.bottom))
        else:
            lines.append([word])
            bands.append((word.top, word.bottom))
    return [Line(sorted(words, key=lambda word: word.x0), page) for words in lines]


def _same_line(word: Word, band: tuple[float, float]) -> bool:
    overlap = min(word.bottom, band[1]) - max(word.top, band[0])
    return overlap >= 0.5 * min(word.bottom - word.top, band[1] - band[0])


def side_by_side(lines: list[Line], span: tuple[float, float]) -> list[Line]:
    """The lines of a page with two tables or figures set side by side, each with its caption,
    split where the right one's caption starts (within `span` of x): from the line holding that
    caption up and down while no word crosses its left edge, where the left half holds a
    caption too (FlashAttention's Tables 5 and 6: "Table 5: Long Document ..." beside "Model
    Path-X Path-256" had read as one line, one table). On a two-column page the span ends at
    the gutter: a right table reaching over it into the left column is not split by the gutter
    but by its caption (MicroNet's Tables 8 and 9). A right caption set closer to the left one
    than two ems (RAG's Tables 1 and 2: "... For TQA, Table 2: Generation ...", 0.7 em apart)
    splits only where at least three lines of the band print words on both sides of it. Split
    lines keep their column (1 or 2)."""
    for index, line in enumerate(lines):
        found = [w for w in _caption_starts(line, 0.5) if span[0] < w.x0 < span[1]]
        if not found:
            continue
        edge, wide = found[0].x0 - 2, found[0] in _caption_starts(line)
        start, end = _band(lines, index, edge, None if wide else 2.5 * line.size)
        if not wide and sum(_both_sides(band, edge) for band in lines[start:end]) < 3:
            continue
        if any(w.x1 < edge for band in lines[start:end] for w in _caption_starts(band)):
            halves = [_halves(band, edge) for band in lines[start:end]]
            return [*lines[:start], *(h for pair in halves for h in pair), *lines[end:]]
    return lines


def _caption_starts(line: Line, gap: float = 2.0) -> list[Word]:
    """The words of a line opening a caption ("Table" before "6:"), first or after a gap wider
    than `gap` ems."""
    words = line.words
    return [
        word
        for i, word in enumerate(words[:-1])
        if _CAPTION_WORD.match(word.text)
        and _CAPTION_NUMBER.match(words[i + 1].text)
        and (i == 0 or word.x0 - words[i - 1].x1 > gap * word.size)
    ]


def _both_sides(line: Line, edge: float) -> bool:
    return any(w.x1 <= edge for w in line.words) and any(w.x0 > edge for w in line.words)


def _band(lines: list[Line], index: int, edge: float, leap: float | None) -> tuple[int, int]:
    """The run of lines around `index` that no word crosses `edge` in (with `leap`, and no
    line further than that below the one before it: prose after the tables is no part)."""

    def joins(upper: Line, lower: Line, added: Line) -> bool:
        return not _crosses(added, edge) and not (leap and lower.top - upper.top > leap)

    start, end = index, index + 1
    while start > 0 and joins(lines[start - 1], lines[start], lines[start - 1]):
        start -= 1
    while end < len(lines) and joins(lines[end - 1], lines[end], lines[end]):
        end += 1
    return start, end


def _crosses(line: Line, edge: float) -> bool:
    return any(word.x0 < edge - 1 and word.x1 > edge + 1 for word in line.words)


def _halves(line: Line, edge: float) -> list[Line]:
    left = [word for word in line.words if word.x1 <= edge]
    right = [word for word in line.words if word.x1 > edge]
    parts = [Line(left, line.page, 1)] if left else []
    return parts + ([Line(right, line.page, 2)] if right else [])


def _split_at_gutter(line: Line, middle: float) -> list[Line]:
    """A line of a two-column page split into its left and right parts (unless one spans or it
    is a side-by-side half already). A word ending within a point past the gutter crosses no
    more of it than `_gutter` allows, and is the left column's ("MLP-" at 288.0 beside a
    table row, S2-MLP's Table 4)."""
    if line.column or any(word.x0 < middle - 1 < middle + 1 < word.x1 for word in line.words):
        return [line]
    left = [word for word in line.words if word.x1 <= middle + 1]
    right = [word for word in line.words if word.x1 > middle + 1]
    if left and right and right[0].x0 - left[-1].x1 < max(0.6 * line.size, 5.0):
        return [line]  # a full-width line (a centred title, a running head) with no gap
    parts = [Line(left, line.page, 1)] if left else []
    return parts + ([Line(right, line.page, 2)] if right else [])


def _reading_order(lines: list[Line]) -> list[Line]:
    """Between full-width lines (column 0), the left column top to bottom, then the right."""
    ordered: list[Line] = []
    band: list[Line] = []
    for line in lines:
        if line.column == 0:
            ordered.extend(sorted(band, key=lambda part: (part.column, part.top)))
            band = []
            ordered.append(line)
        else:
            band.append(line)
    ordered.extend(sorted(band, key=lambda part: (part.column, part.top)))
    return ordered


def body_size(pages: list[PageLayout]) -> float:
    """The size the body text is set in: the size most characters have."""
    weights: dict[float, int] = {}
    for page in pages:
        for line in page.lines:
            for word in line.words:
                key = round(word.size * 2) / 2
                weights[key] = weights.get(key, 0) + len(word.text)
    return max(weights, key=lambda size: weights[size]) if weights else 10.0
