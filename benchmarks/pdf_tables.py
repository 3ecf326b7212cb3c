"""A throwaway table reader for the results benchmark only: pdfplumber words -> core.model.Table.

Until the PDF reader fills `Paper.tables` (issue 10), the benchmark needs grids to read results
from. This finds each "Table N:" caption, takes the block of multi-column lines under it (or
above it when nothing is below), and cuts the block into columns at the gaps every line leaves
open. Crude on purpose: it lives in benchmarks/, never in the reader.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from papergraph.core.model import Table, TableCell

_CAPTION = re.compile(r"^Table\s*(?P<number>[0-9IVX]+)\s*[:.|]", re.IGNORECASE)
WORD_GAP = 4.5  # points between words of one cell
LINE_GAP = 16.0  # points between lines of one table
COLUMN_GAP = 6.0  # points of white space that split two columns


@dataclass
class Line:
    top: float
    bottom: float
    words: list[dict[str, Any]]

    @property
    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)

    @property
    def x0(self) -> float:
        return float(min(w["x0"] for w in self.words))

    @property
    def x1(self) -> float:
        return float(max(w["x1"] for w in self.words))

    def segments(self) -> list[list[dict[str, Any]]]:
        """Runs of words closer than WORD_GAP: the line's cells."""
        runs: list[list[dict[str, Any]]] = []
        for word in self.words:
            if runs and word["x0"] - runs[-1][-1]["x1"] < WORD_GAP:
                runs[-1].append(word)
            else:
                runs.append([word])
        return runs


def pdf_tables(path: Path) -> list[Table]:
    import pdfplumber

    tables: list[Table] = []
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            try:
                tables.extend(_page_tables(page, number))
            except (ValueError, KeyError, IndexError, StopIteration) as error:
                print(f"{path.name} page {number}: no tables read ({error})", file=sys.stderr)
    return tables


def _page_tables(page: Any, page_number: int) -> list[Table]:
    words = page.extract_words(x_tolerance=1.2, y_tolerance=2, extra_attrs=["fontname", "size"])
    lines = _lines(words)
    found = []
    for index, line in enumerate(lines):
        match = _CAPTION.match(line.text)
        if match is None:
            continue
        left, right = _column_of(line, float(page.width))
        caption, body_start = _caption(lines, index, left, right)
        block = _block(lines, body_start, left, right, step=1) or _block(
            lines, index - 1, left, right, step=-1
        )
        if len(block) >= 2:
            found.append(Table(_cells(block), match.group("number"), caption, page_number))
    return found


def _lines(words: list[dict[str, Any]]) -> list[Line]:
    lines: list[Line] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(word["top"] - lines[-1].top) <= 2.5:
            lines[-1].words.append(word)
            lines[-1].bottom = max(lines[-1].bottom, word["bottom"])
        else:
            lines.append(Line(word["top"], word["bottom"], [word]))
    for line in lines:
        line.words.sort(key=lambda w: w["x0"])
    return lines


def _column_of(line: Line, width: float) -> tuple[float, float]:
    """The page column the caption sits in: left half, right half or the full width."""
    middle = width / 2
    if line.x1 < middle + 10:
        return 0.0, middle
    if line.x0 > middle - 10:
        return middle, width
    return 0.0, width


def _within(line: Line, left: float, right: float) -> Line | None:
    words = [w for w in line.words if w["x0"] >= left - 2 and w["x1"] <= right + 2]
    return Line(line.top, line.bottom, words) if words else None


def _caption(lines: list[Line], index: int, left: float, right: float) -> tuple[str, int]:
    """The caption's text (continuation lines: one wide run each) and the line after it."""
    parts = [lines[index].text]
    at = index + 1
    while at < len(lines) and len(parts) < 6:
        line = _within(lines[at], left, right)
        if line is None or len(line.segments()) > 1 or line.top - lines[at - 1].bottom > 6:
            break
        if (line.x1 - line.x0) < 0.6 * (right - left):
            parts.append(line.text)
            at += 1
            break
        parts.append(line.text)
        at += 1
    return " ".join(parts), at


def _block(lines: list[Line], start: int, left: float, right: float, step: int) -> list[Line]:
    """Consecutive lines with two or more cells (single-cell lines allowed inside)."""
    block: list[Line] = []
    at = start
    previous: Line | None = None
    while 0 <= at < len(lines):
        line = _within(lines[at], left, right)
        if line is None:
            break
        if previous is not None and abs(line.top - previous.top) > LINE_GAP + 6:
            break
        if _CAPTION.match(line.text) or (step == -1 and line.text.startswith("Figure")):
            break
        wide_prose = len(line.segments()) == 1 and (line.x1 - line.x0) > 0.7 * (right - left)
        if wide_prose:
            break
        block.append(line)
        previous = line
        at += step
    block = block if step == 1 else block[::-1]
    while block and len(block[-1].segments()) < 2:
        block.pop()
    while block and len(block[0].segments()) < 2 and len(block) > 1 and step == -1:
        block.pop(0)
    return block if sum(len(line.segments()) >= 2 for line in block) >= 2 else []


_NUMERIC = re.compile(r"^[(±+-]?\d")


def _numeric_line(block: list[Line], run: list[dict[str, Any]]) -> bool:
    """Whether the run's line holds a number in a later cell: a body line, not a header."""
    line = next(line for line in block if run[0] in line.words)
    return any(_NUMERIC.match(seg[0]["text"]) for seg in line.segments()[1:])


def _columns(spans: list[tuple[float, float]], lines: int) -> list[list[float]]:
    """x intervals covered by more body runs than a stray wide cell or two would explain."""
    floor = 1 if lines >= 6 else 0
    left = int(min(x0 for x0, _ in spans))
    right = int(max(x1 for _, x1 in spans)) + 1
    cover = [0] * (right - left + 1)
    for x0, x1 in spans:
        for x in range(int(x0) - left, int(x1) - left + 1):
            cover[x] += 1
    columns: list[list[float]] = []
    for offset, count in enumerate(cover):
        at = float(offset + left)
        if count <= floor:
            continue
        if columns and at - columns[-1][1] <= COLUMN_GAP / 2:
            columns[-1][1] = at
        else:
            columns.append([at, at])
    return columns


def _cells(block: list[Line]) -> list[TableCell]:
    """Cut the block at x positions no multi-cell line covers, then place each run."""
    runs = [(i, run) for i, line in enumerate(block) for run in line.segments()]
    body = [run for _, run in runs if _numeric_line(block, run)] or [run for _, run in runs]
    columns = _columns([(run[0]["x0"], run[-1]["x1"]) for run in body], len(block))
    cells = []
    for row, run in runs:
        x0, x1 = run[0]["x0"], run[-1]["x1"]
        covered = [c for c, (a, b) in enumerate(columns) if a < x1 and x0 < b]
        if not covered:  # a header run in a gap: the column nearest its centre
            centre = (x0 + x1) / 2
            covered = [min(range(len(columns)), key=lambda c: abs(sum(columns[c]) / 2 - centre))]
        if not covered:
            continue
        bold = all("bold" in w["fontname"].lower() or "bx" in w["fontname"].lower() for w in run)
        text = " ".join(w["text"] for w in run)
        cells.append(TableCell(row, covered[0], text, 1, len(covered), bold))
    return cells
