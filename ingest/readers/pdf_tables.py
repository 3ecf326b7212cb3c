"""A table's lines read as a grid of cells.

Rows are the table's lines (parts on one baseline joined); a row is cut into cells where the gap
between words is wider than a space, or between two numbers (tables set tight in a small font
leave well under an em between columns); columns are the x-intervals the fullest rows' cells
occupy, so a header cell over two columns gets a column span of 2, and a header run whose words
sit over separate columns ("MNLI-m QNLI MRPC", set with barely more than a space between) is cut
at those columns. Bold comes from the font.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise
from statistics import median

from papergraph.core.model import Table, TableCell
from papergraph.ingest.readers.pdf_layout import Line, Word, join_words
from papergraph.ingest.readers.pdf_wrapped_labels import join_wrapped_labels
from papergraph.ingest.repair import repair_text

#: A number as a cell prints it, or a bracketed count beside one ("[10]": the shots given).
_NUMBER = re.compile(r"^[(+\-−±]?\d[\d.,/%]*[)*†‡∗]*$|^\.\d+%?$|^\[\d+\]$")


def build_table(lines: list[Line], number: str | None, caption: str, page: int) -> Table:
    """The table whose rows are `lines`, with its number, caption and 1-based page."""
    rows = [_cells(row) for row in _rows([part for line in lines for part in _unstacked(line)])]
    rows = join_wrapped_labels([row for row in rows if row])
    columns = _columns(rows)
    rows = [[part for cell in row for part in _cut_at_columns(cell, columns)] for row in rows]
    cells: list[TableCell] = []
    for row_index, row in enumerate(rows):
        for words in row:
            first, span = _place(words, columns)
            text = repair_text(join_words(words))
            bold = all(word.bold for word in words if any(c.isalnum() for c in word.text))
            cells.append(TableCell(row_index, first, text, col_span=span, bold=bold))
    return Table(cells=cells, number=number, caption=caption, page=page)


def has_numeric_body(table: Table) -> bool:
    """Whether two cells under the first row print a digit, as a table of results, settings or
    complexities ("O(n2 · d)") does: a figure's labels given a table caption do not."""
    top = min((cell.row for cell in table.cells), default=0)
    return sum(cell.row > top and any(c.isdigit() for c in cell.text) for cell in table.cells) >= 2


def table_text(table: Table) -> str:
    """The table row by row, cells separated by " | " (what its chunk carries)."""
    rows: dict[int, list[TableCell]] = {}
    for cell in table.cells:
        rows.setdefault(cell.row, []).append(cell)
    return "\n".join(
        " | ".join(cell.text for cell in sorted(cells, key=lambda c: c.col))
        for _, cells in sorted(rows.items())
    )


def _unstacked(line: Line) -> list[Line]:
    """A line whose words stand one above another (two table rows the page's line finder
    joined through a label set between them: "Shift-Max" centred beside two rows, whose values
    read "56.657.9") split into its rows, where the middles of its words in the line's largest
    size part by more than 0.4 of a word's height; smaller words (a sub- and superscript
    stacked after "AP": "bbox" over "50") go with the part nearest them."""
    largest = max(word.size for word in line.words)
    main = [word for word in line.words if word.size >= 0.95 * largest]
    if not any(_stacked(one, other) for i, one in enumerate(main) for other in main[i + 1 :]):
        return [line]
    ordered = sorted(main, key=_middle)
    height = median(word.bottom - word.top for word in ordered)
    parts = [[ordered[0]]]
    for before, word in zip(ordered, ordered[1:], strict=False):
        if _middle(word) - _middle(before) > 0.4 * height:
            parts.append([word])
        else:
            parts[-1].append(word)
    kept = {id(word) for word in main}
    for word in (word for word in line.words if id(word) not in kept):
        nearest = min(parts, key=lambda part: abs(_middle(word) - median(map(_middle, part))))
        nearest.append(word)
    return [Line(sorted(part, key=lambda w: w.x0), line.page, line.column) for part in parts]


def _stacked(one: Word, other: Word) -> bool:
    """Whether two words of a line share more than half the narrower one's width."""
    shared = min(one.x1, other.x1) - max(one.x0, other.x0)
    return shared > 0.5 * min(one.x1 - one.x0, other.x1 - other.x0)


def _middle(word: Word) -> float:
    return (word.top + word.bottom) / 2


def _rows(lines: list[Line]) -> list[list[Word]]:
    """Lines on one baseline (split by a column gutter) put back together, top to bottom."""
    rows: list[tuple[float, float, list[Word]]] = []
    for line in sorted(lines, key=lambda line: line.top):
        top, bottom = line.top, line.bottom
        if rows and min(bottom, rows[-1][1]) - max(top, rows[-1][0]) > 0.5 * (bottom - top):
            rows[-1][2].extend(line.words)
        else:
            rows.append((top, bottom, list(line.words)))
    return [sorted(words, key=lambda word: word.x0) for _, _, words in rows]


def _cells(words: list[Word]) -> list[list[Word]]:
    cells: list[list[Word]] = []
    for word in words:
        if cells and not _cell_break(cells[-1][-1], word):
            cells[-1].append(word)
        else:
            cells.append([word])
    return cells


def _cell_break(before: Word, word: Word) -> bool:
    """A gap wider than a space, or a space between two numbers: each number is its own cell.
    A number set half an em after a word is a value beside its row's label ("First k Sent
    30.41" in a table set tight), where a space inside a label is a quarter of one."""
    gap, size = word.x0 - before.x1, max(word.size, 4.0)
    if not _NUMBER.match(word.text):
        return gap >= 0.75 * size
    return gap >= (0.3 if _NUMBER.match(before.text) else 0.5) * size


def _cut_at_columns(cell: list[Word], columns: list[tuple[float, float]]) -> list[list[Word]]:
    """A cell cut where a gap of more than a space between its words holds the gap between two
    columns: header names over their own columns, not a spanning header's words."""
    parts = [[cell[0]]]
    for before, word in zip(cell, cell[1:], strict=False):
        gap = word.x0 - before.x1
        apart = _nearest(before, columns) != _nearest(word, columns)
        if apart and gap >= 0.45 * max(word.size, 4.0):
            parts.append([word])
        else:
            parts[-1].append(word)
    return parts


def _columns(rows: list[list[list[Word]]]) -> list[tuple[float, float]]:
    """Column intervals: the union of the cell extents of the rows with the most cells, and the
    cells of rows one short that fall outside those (a header cell over two columns does not
    join them into one)."""
    if not rows:
        return []
    most = max(len(row) for row in rows)
    fullest = [row for row in rows if len(row) == most]
    columns = _apart(_union(_span(cell) for row in fullest for cell in row), fullest)
    for row in rows:
        if max(2, most - 1) <= len(row) < most:
            extra = [_span(cell) for cell in row if not _overlapping(_span(cell), columns)]
            columns = _union([*columns, *extra])
    return columns


def _apart(
    columns: list[tuple[float, float]], rows: list[list[list[Word]]]
) -> list[tuple[float, float]]:
    """The columns with each one that holds two cells of a row cut between them: a label cell
    over two columns in one full row ("WMT '14 En→Fr BLEU") joins no "CommonGen" and "Rouge-1"
    another prints apart. Gaps that overlap are one, the space all of them leave."""
    cut: list[tuple[float, float]] = []
    for left, right in columns:
        for start, end in _gaps(left, right, rows):
            cut.append((left, start))
            left = end
        cut.append((left, right))
    return cut


def _gaps(left: float, right: float, rows: list[list[list[Word]]]) -> list[tuple[float, float]]:
    """The gaps between two cells of a row within one column, left to right, overlapping ones
    narrowed to the space they share."""
    found = sorted(
        (one[1], other[0])
        for row in rows
        for one, other in pairwise([s for s in map(_span, row) if _within(s, left, right)])
    )
    gaps: list[tuple[float, float]] = []
    for start, end in found:
        if gaps and start < gaps[-1][1]:
            gaps[-1] = (max(gaps[-1][0], start), min(gaps[-1][1], end))
        else:
            gaps.append((start, end))
    return gaps


def _within(span: tuple[float, float], left: float, right: float) -> bool:
    return left - 1 <= span[0] and span[1] <= right + 1


def _span(cell: list[Word]) -> tuple[float, float]:
    return cell[0].x0, cell[-1].x1


def _union(spans: Iterable[tuple[float, float]]) -> list[tuple[float, float]]:
    columns: list[tuple[float, float]] = []
    for x0, x1 in sorted(spans):
        if columns and x0 < columns[-1][1] - 1:
            columns[-1] = (columns[-1][0], max(columns[-1][1], x1))
        else:
            columns.append((x0, x1))
    return columns


def _overlapping(span: tuple[float, float], columns: list[tuple[float, float]]) -> bool:
    return any(span[0] < right - 1 and span[1] > left + 1 for left, right in columns)


def _nearest(word: Word, columns: list[tuple[float, float]]) -> int:
    """The column whose middle is nearest the word's."""
    centre = (word.x0 + word.x1) / 2
    return min(range(len(columns)), key=lambda i: abs(sum(columns[i]) / 2 - centre), default=0)


def _place(words: list[Word], columns: list[tuple[float, float]]) -> tuple[int, int]:
    """The first column a cell falls in and how many it covers."""
    x0, x1 = words[0].x0, words[-1].x1
    if not columns:
        return 0, 1
    covered = [i for i, (left, right) in enumerate(columns) if x0 < right - 1 and x1 > left + 1]
    if not covered:
        centre = (x0 + x1) / 2
        nearest = min(range(len(columns)), key=lambda i: abs(sum(columns[i]) / 2 - centre))
        return nearest, 1
    return covered[0], len(covered)
