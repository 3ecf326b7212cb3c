"""Tables printed side by side in one grid, each with its own label column, read apart.

A grid such as "SQuAD1.1 | EM | F1 | SQuAD2.0 | EM | F1" prints a method name in the first and
the fourth column of each row: two tables, one beside the other, each read on its own.
"""

from __future__ import annotations

from dataclasses import replace

from papergraph.core.model import Table, TableCell
from papergraph.ingest.extract.table_grid import (
    LEADING_DIGIT,
    NO_VALUE,
    clean,
    holds_value,
    unmerged,
)


def side_by_side(table: Table) -> list[Table]:
    """The tables a grid prints side by side, each with its own label column ("SQuAD1.1 | EM |
    F1 | SQuAD2.0 | EM | F1", a method name in the first and fourth column of each row): one
    table per part, a group name spanning the split in both."""
    cells = unmerged(table.cells)
    split = _second_label_column(cells)
    if split is None:
        return [table]
    left = [replace(c, col_span=min(c.col_span, split - c.col)) for c in cells if c.col < split]
    right = [replace(c, col=c.col - split) for c in cells if c.col >= split]
    spanning = [replace(c, col_span=1) for c in cells if c.col < split < c.col + c.col_span]
    return [replace(table, cells=left), *side_by_side(replace(table, cells=spanning + right))]


def _second_label_column(cells: list[TableCell]) -> int | None:
    """A column past the values that holds names in most body rows, right after a value."""
    at = {(cell.row, cell.col): cell for cell in cells if clean(cell.text)}
    body = {r for (r, c), cell in at.items() if c >= 1 and holds_value(cell.text)}
    width = max((col for _, col in at), default=0) + 1
    for col in range(2, width - 1):
        named = [
            r
            for r in body
            if (r, col) in at
            and _is_name(at[(r, col)].text)
            and (r, col - 1) in at
            and (holds_value(at[(r, col - 1)].text) or NO_VALUE.match(at[(r, col - 1)].text))
        ]
        if len(named) >= max(2, len(body) / 2):
            return col
    return None


def _is_name(text: str) -> bool:
    return any(c.isalpha() for c in text) and not (holds_value(text) or LEADING_DIGIT.match(text))
