"""Tables printed side by side in one grid, each with its own label column, read apart.

A grid such as "SQuAD1.1 | EM | F1 | SQuAD2.0 | EM | F1" prints a method name in the first and
the fourth column of each row: two tables, one beside the other, each read on its own. Two
tables set side by side with rows of their own (RAG's Tables 1 and 2: the right one's rows fall
between the left one's) print names after values in fewer rows, but head their label columns
alike ("Model" over each); the caption the reader joined of both ("Table 1: ... Table 2: ...")
goes to each part from its own label on.
"""

from __future__ import annotations

import re
from dataclasses import replace

from papergraph.core.model import Table, TableCell, fold
from papergraph.ingest.extract.header_blocks import numbering
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
    table per part, a group name spanning the split in both; and the halves of a table printed
    one above the other, each numbering its columns (`stacked`)."""
    halves = stacked(table)
    if len(halves) > 1:
        return [part for half in halves for part in side_by_side(half)]
    cells = unmerged(table.cells)
    split = _second_label_column(cells)
    if split is None:
        return [table]
    left = [replace(c, col_span=min(c.col_span, split - c.col)) for c in cells if c.col < split]
    right = [replace(c, col=c.col - split) for c in cells if c.col >= split]
    spanning = [replace(c, col_span=1) for c in cells if c.col < split < c.col + c.col_span]
    first, second = _captioned(table)
    return [replace(first, cells=left), *side_by_side(replace(second, cells=spanning + right))]


def _second_label_column(cells: list[TableCell]) -> int | None:
    """A column past the values that holds names in most body rows, right after a value, or
    in some of them under the header of the first label column ("Model" over each table)."""
    at = {(cell.row, cell.col): cell for cell in cells if clean(cell.text)}
    body = {r for (r, c), cell in at.items() if c >= 1 and holds_value(cell.text)}
    width = max((col for _, col in at), default=0) + 1
    for col in range(2, width - 1):
        named = [r for r in body if _name_after_value(at, r, col)]
        repeated = len(named) >= 2 and _heads_labels_again(at, body, col)
        if repeated or len(named) >= max(2, len(body) / 2):
            return col
    return None


def _name_after_value(at: dict[tuple[int, int], TableCell], row: int, col: int) -> bool:
    before = at.get((row, col - 1))
    return (
        (row, col) in at
        and _is_name(at[(row, col)].text)
        and before is not None
        and bool(holds_value(before.text) or NO_VALUE.match(before.text))
    )


def _heads_labels_again(at: dict[tuple[int, int], TableCell], body: set[int], col: int) -> bool:
    """Whether a header over `col` (above the body) is the header of an earlier column of
    names: "Model" over RAG-Token in the left table and over RAG-Tok. in the right one."""
    top = min(body, default=0)
    heads = {fold(cell.text) for (r, c), cell in at.items() if r < top and c == col}
    return any(
        fold(cell.text) in heads and _names_column(at, body, c)
        for (r, c), cell in at.items()
        if r < top and c < col
    )


def _names_column(at: dict[tuple[int, int], TableCell], body: set[int], col: int) -> bool:
    """Whether most body rows printing something in `col` print a name there."""
    printed = [at[(r, col)].text for r in body if (r, col) in at]
    return sum(map(_is_name, printed)) > len(printed) / 2


#: A table's label inside a caption the reader joined of two ("... For TQA, Table 2: ...").
_SECOND_LABEL = re.compile(r"(?<=\s)Table\s*(?P<number>[A-Z]?\d+[a-z]?)\s*[:.]\s")


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _captioned(table: Table) -> tuple[Table, Table]:
    """The left and the right part's table, each with its caption and number: where the
    caption holds a second table's label, the text before it is the left table's, and the
    right one's is its first sentence (the lines after it interleave both tables' captions)."""
    second = _SECOND_LABEL.search(table.caption)
    if second is None or second.group("number") == table.number:
        return table, table
    sentence = _SENTENCE_END.split(table.caption[second.end() :], maxsplit=1)[0]
    left = replace(table, caption=table.caption[: second.start()].strip())
    caption = f"{second.group().strip()} {sentence}"
    return left, replace(table, caption=caption, number=second.group("number"))


def _is_name(text: str) -> bool:
    return any(c.isalpha() for c in text) and not (holds_value(text) or LEADING_DIGIT.match(text))


def stacked(table: Table) -> list[Table]:
    """The halves of a table too wide for its page, printed one above the other, where each
    half numbers its columns ("Model | 1 | ... | 7" and, under the first half's rows,
    "Model | 8 | ... | 13": QM9's properties): the second half from the header lines above its
    numbers on, each half read with its own headers."""
    at = {(cell.row, cell.col): cell for cell in table.cells if clean(cell.text)}
    rows = sorted({row for row, _ in at})
    valued = [r for r in rows if any(holds_value(at[(r, c)].text) for c in _past_label(at, r))]
    numbered = [r for r in rows if numbering(at, r)]
    again = [r for r in numbered if r > min(numbered) and any(v < r for v in valued)]
    if not numbered or not again or any(v < min(numbered) for v in valued):
        return [table]
    start = max([v + 1 for v in valued if v < again[0]], default=again[0])
    top = [c for c in table.cells if c.row < start]
    rest = [replace(c, row=c.row - start) for c in table.cells if c.row >= start]
    return [replace(table, cells=top), *stacked(replace(table, cells=rest))]


def _past_label(at: dict[tuple[int, int], TableCell], row: int) -> list[int]:
    return [c for (r, c) in at if r == row and c >= 1]
