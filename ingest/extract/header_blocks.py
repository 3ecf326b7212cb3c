"""Group headers over the blocks of columns that a header row below them repeats.

A header centred over an even number of columns ("XSum" over six detector columns, "Raw score"
over "PaLM 540B" and "Human (Avg.)") sits on the line between two of them, and the reader puts
it in one: the columns at its edges get no header from beside it, or the neighbouring group's.
Where a header row below repeats one sequence of headers once per group header ("GPT-2 OPT-2.7
Neo-2.7 GPT-J NeoX Avg." under each of "XSum", "SQuAD", "WritingPrompts"), each repeat is one
block of columns, and the group header lying in a block heads all of its columns.
"""

from __future__ import annotations

from itertools import pairwise
from math import inf

from papergraph.core.model import Table, TableCell

#: A header row's group headers, each with the columns of its block: (header, start, end).
Blocks = list[tuple[TableCell, int, float]]


def header_blocks(table: Table, header_rows: list[int], label_cols: int) -> dict[int, Blocks]:
    """The blocks of each header row whose headers a header row below repeats once per header
    of it, each header lying in its own block (read once per table, not once per column)."""
    found = {row: _row_blocks(table, header_rows, row, label_cols) for row in header_rows}
    return {row: blocks for row, blocks in found.items() if blocks}


def block_header(blocks: Blocks, col: int) -> TableCell | None:
    """The group header over the block of columns holding `col`, else None."""
    return next((group for group, start, end in blocks if start <= col < end), None)


def _row_blocks(table: Table, header_rows: list[int], row: int, label_cols: int) -> Blocks:
    groups = _value_cells(table, row, label_cols)
    if len(groups) < 2:
        return []
    for below in (r for r in header_rows if r > row):
        starts = _repeat_starts(_value_cells(table, below, label_cols))
        if len(starts) == len(groups) and _one_per_block(groups, starts):
            return list(zip(groups, starts, [*starts[1:], inf], strict=True))
    return []


def _value_cells(table: Table, row: int, label_cols: int) -> list[TableCell]:
    """The cells printed in `row` over the value columns, left to right."""
    found = [
        cell
        for cell in table.cells
        if cell.row <= row < cell.row + cell.row_span and cell.col >= label_cols and _text(cell)
    ]
    return sorted(found, key=lambda cell: cell.col)


def _repeat_starts(cells: list[TableCell]) -> list[int]:
    """The columns where a row's sequence of headers starts again, where the row is one
    sequence printed several times over ("8B 62B 540B 8B 62B 540B"); else []."""
    if not cells:
        return []
    starts = [index for index, cell in enumerate(cells) if _text(cell) == _text(cells[0])]
    bounds = [*starts, len(cells)]
    blocks = [[_text(c) for c in cells[a:b]] for a, b in pairwise(bounds)]
    if len(blocks) < 2 or any(block != blocks[0] for block in blocks):
        return []
    return [cells[index].col for index in starts]


def _one_per_block(groups: list[TableCell], starts: list[int]) -> bool:
    """Whether each group header lies inside its own block, in order."""
    ends = [*starts[1:], inf]
    return all(
        s <= g.col and g.col + g.col_span <= e for g, s, e in zip(groups, starts, ends, strict=True)
    )


def _text(cell: TableCell) -> str:
    return " ".join(cell.text.split())


def unrepeated(above: str, text: str) -> str:
    """The text less a first word the line above ends with ("GPU Latency" over "Latency (ms)":
    the header is "GPU Latency (ms)", not "GPU Latency Latency (ms)")."""
    first, _, rest = text.partition(" ")
    last = above.split()[-1] if above.split() else ""
    return rest if rest and first.lower() == last.lower() else text
