"""The far half of a table set across a two-column page, whose middle gap the layout reads as
the gutter: each half's lines go to their column, and the rows' right halves can land after
the left column's prose in reading order, away from the caption that should take them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from papergraph.ingest.readers.pdf_layout import Line


class _Part(Protocol):
    """What a block of the page is to this rule (pdf_blocks.Block): its lines and its role."""

    lines: list[Line]
    role: str


Block = TypeVar("Block", bound=_Part)


def across_gutter(
    blocks: Sequence[Block], chosen: list[Block], caption: Block, prose: Callable[[Block], bool]
) -> list[Block]:
    """Under (or over) a caption across the page, the blocks of one column, no prose, heading
    or caption, that start beside the lines the caption took in the other column and share
    their baselines. The caption may have taken lines of both halves and lines across the
    gutter already: REALM's Table 1 reads its upper rows whole, one row across the page, and
    then its last four rows' labels in the left column, their values ("REALM 40.4 40.7 42.9")
    in the right one after the left column's prose."""
    lines = [line for member in chosen for line in member.lines]
    halves = {line.column for line in lines} - {0}
    if not halves or caption.lines[0].column != 0:
        return []
    return [
        block
        for block in blocks
        if block.role in ("text", "figure", "table")
        and block not in chosen
        and _beside(block, [line for line in lines if line.column == 3 - block.lines[0].column])
        and not prose(block)
    ]


def _beside(block: _Part, half: list[Line]) -> bool:
    """Whether a block of one column starts within the other half's lines and most of its
    lines share a baseline with them, as the two halves of one table's rows do (a figure's
    ticks beside a table do not)."""
    columns = {line.column for line in block.lines}
    if not half or len(columns) != 1 or columns - {1, 2}:
        return False
    top, bottom = min(line.top for line in half), max(line.bottom for line in half)
    bottoms = [line.bottom for line in half]
    level = sum(any(abs(line.bottom - b) < 1.5 for b in bottoms) for line in block.lines)
    return top - 1 <= block.lines[0].top < bottom and level >= 0.6 * len(block.lines)
