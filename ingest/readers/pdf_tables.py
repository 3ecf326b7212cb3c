"""A table's lines read as a grid of cells.

Rows are the table's lines (parts on one baseline joined); a row is cut into cells where the gap
between words is wider than a space; columns are the x-intervals the fullest rows' cells occupy,
so a header cell over two columns gets a column span of 2. Bold comes from the font.
"""

from __future__ import annotations

from core.model import Table, TableCell
from ingest.readers.pdf_layout import Line, Word, join_words
from ingest.repair import repair_text


def build_table(lines: list[Line], number: str | None, caption: str, page: int) -> Table:
    """The table whose rows are `lines`, with its number, caption and 1-based page."""
    rows = [_cells(row) for row in _rows(lines)]
    rows = [row for row in rows if row]
    columns = _columns(rows)
    cells: list[TableCell] = []
    for row_index, row in enumerate(rows):
        for words in row:
            first, span = _place(words, columns)
            text = repair_text(join_words(words))
            bold = all(word.bold for word in words if any(c.isalnum() for c in word.text))
            cells.append(TableCell(row_index, first, text, col_span=span, bold=bold))
    return Table(cells=cells, number=number, caption=caption, page=page)


def table_text(table: Table) -> str:
    """The table row by row, cells separated by " | " (what its chunk carries)."""
    rows: dict[int, list[TableCell]] = {}
    for cell in table.cells:
        rows.setdefault(cell.row, []).append(cell)
    return "\n".join(
        " | ".join(cell.text for cell in sorted(cells, key=lambda c: c.col))
        for _, cells in sorted(rows.items())
    )


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
        if cells and word.x0 - cells[-1][-1].x1 < 0.75 * max(word.size, 4.0):
            cells[-1].append(word)
        else:
            cells.append([word])
    return cells


def _columns(rows: list[list[list[Word]]]) -> list[tuple[float, float]]:
    """Column intervals: the union of the cell extents of the rows with the most cells."""
    if not rows:
        return []
    most = max(len(row) for row in rows)
    full = [row for row in rows if len(row) >= max(2, most - 1)] or rows
    spans = sorted((cell[0].x0, cell[-1].x1) for row in full for cell in row)
    columns: list[tuple[float, float]] = []
    for x0, x1 in spans:
        if columns and x0 < columns[-1][1] - 1:
            columns[-1] = (columns[-1][0], max(columns[-1][1], x1))
        else:
            columns.append((x0, x1))
    return columns


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
