"""Group headers over the blocks of columns that a header row below them repeats.

A header centred over an even number of columns ("XSum" over six detector columns, "Raw score"
over "PaLM 540B" and "Human (Avg.)") sits on the line between two of them, and the reader puts
it in one: the columns at its edges get no header from beside it, or the neighbouring group's.
Where a header row below repeats one sequence of headers once per group header ("GPT-2 OPT-2.7
Neo-2.7 GPT-J NeoX Avg." under each of "XSum", "SQuAD", "WritingPrompts"), each repeat is one
block of columns, and the group header lying in a block heads all of its columns.

A group header row may also be printed under the headers it groups, right over the body
("Method | Dataset: QQP 140K | Dataset: QQP 50K" under "BERT Self-TER Self-BLEU BLEU iBLEU
SARI" printed twice): the last header row's headers then head the blocks a row above repeats.

A header row may number its columns ("Model | 1 | 2 | ... | 13" under "Predicted Property",
one column per property of QM9): its numbers are the columns' names, not a row of values.
"""

from __future__ import annotations

import re
from itertools import pairwise
from math import inf

from papergraph.core.canonical import known_type
from papergraph.core.model import EntityType, Table, TableCell

#: A header row's group headers, each with the columns of its block: (header, start, end).
Blocks = list[tuple[TableCell, int, float]]
_ORDINAL = re.compile(r"^\(?(?P<n>\d{1,2})\)?$")  # a column's number: "7", "(7)"
#: A header part that counts something ("363k" examples) or prints nothing ("-").
_SIZE_OR_DASH = re.compile(r"^(?:\d[\d.,]*\s*[kKmMbB]|[-–—])$")
#: A model's size: "8B", "540B", "1.3B", "350M" parameters; "6b", "175b" in lower case.
MODEL_SIZE = re.compile(r"^\d+(?:\.\d+)?\s*(?:[BM]|b)$")
#: A word that belongs to the name before it in a group header: a model's size, or a training
#: schedule ("RetinaNet 1×", "Mask R-CNN 3x" over their AP columns: one group, not two names).
NAME_SUFFIX = re.compile(r"^\d+(?:\.\d+)?\s*(?:[BM]|b|×|x)$")
#: A count printed with its unit: "125.0M" parameters, "0.3M", "12.9G" FLOPs.
_COUNT = re.compile(r"^\d[\d.,]*\s*[KMBG]$")
#: A header ending in the number a header row gave its column ("Predicted Property 7").
NUMBERED = re.compile(r"^[A-Za-z][\w.-]*(?: [A-Za-z][\w.-]*)* \(?\d{1,2}\)?$")


def header_blocks(table: Table, header_rows: list[int], label_cols: int) -> dict[int, Blocks]:
    """The blocks of each header row whose headers a header row below repeats once per header
    of it, each header lying in its own block (read once per table, not once per column)."""
    found = {
        row: _row_blocks(table, header_rows, row, label_cols)
        or _spanned_blocks(table, header_rows, row, label_cols)
        or _numbered_block(table, header_rows, row, label_cols)
        for row in header_rows
    }
    return {row: blocks for row, blocks in found.items() if blocks}


def block_header(blocks: Blocks, col: int) -> TableCell | None:
    """The group header over the block of columns holding `col`, else None."""
    return next((group for group, start, end in blocks if start <= col < end), None)


def suffixed(names: list[str]) -> bool:
    """Whether a group header's words hold a name and its size or schedule ("FLAN 137B",
    "RetinaNet 1×"): a suffix after a word that is none. Suffixes alone ("2x 3x 4x" scales over
    three columns, "1× 3×" schedules) are each their column's own."""
    return any(NAME_SUFFIX.match(b) and not NAME_SUFFIX.match(a) for a, b in pairwise(names))


def _row_blocks(table: Table, header_rows: list[int], row: int, label_cols: int) -> Blocks:
    under = [r for r in header_rows if r > row]
    groups = _value_cells(table, row, label_cols)
    if not under:  # the last row: its own cells, not the ones centred beside it from above
        groups = [cell for cell in groups if cell.row == row]
    if len(groups) < 2:
        return []
    for below in under or [r for r in header_rows if r < row]:  # the last row: those above
        starts = _repeat_starts(_value_cells(table, below, label_cols))
        if len(starts) == len(groups) and _one_per_block(groups, starts):
            return list(zip(groups, starts, [*starts[1:], inf], strict=True))
    return []


def _spanned_blocks(table: Table, header_rows: list[int], row: int, label_cols: int) -> Blocks:
    """Where the next header row's headers each span columns ("LaMDA 137B" over a value and its
    bracketed share), a group header lying over part of some of them heads all of their
    columns ("Code Finetuning", centred over "Davinci Codex" and "PaLM-Coder 540B", is set over
    one column of each, and heads both of each's): every header below lies under at most one
    group header, and each group header over at least one."""
    groups = _value_cells(table, row, label_cols)
    below = _value_cells(table, row + 1, label_cols) if row + 1 in header_rows else []
    if len(groups) < 2 or len(below) < 2 or any(cell.col_span < 2 for cell in below):
        return []
    heads = [[g for g in groups if _overlap(g, cell)] for cell in below]
    if any(len(over) > 1 for over in heads):
        return []
    blocks: Blocks = []
    for group in groups:
        under = [cell for cell, over in zip(below, heads, strict=True) if group in over]
        if not under:
            return []
        blocks.append((group, under[0].col, under[-1].col + under[-1].col_span))
    return blocks


def _overlap(one: TableCell, other: TableCell) -> bool:
    return one.col < other.col + other.col_span and other.col < one.col + one.col_span


def _numbered_block(table: Table, header_rows: list[int], row: int, label_cols: int) -> Blocks:
    """The one group header over the columns a header row below numbers ("Predicted Property"
    over "1 2 ... 13", set over three of them) heads every numbered column."""
    for below in (r for r in header_rows if r > row):
        cells = _value_cells(table, below, label_cols)
        if numbers_columns([_text(cell) for cell in cells]):
            numbered = [cell for cell in cells if _ORDINAL.match(_text(cell))]
            start, end = numbered[0].col, numbered[-1].col + 1
            inside = [g for g in _value_cells(table, row, label_cols) if start <= g.col < end]
            return [(inside[0], start, end)] if len(inside) == 1 else []
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


def broken_word(table: Table, row: int, cell: TableCell) -> bool:
    """Whether a header cell is part of a word broken across header lines: "Self-" itself, or
    the "BLEU" under it in its column. Such a part heads its own column only, never the empty
    cells right of it ("iBLEU" beside the "BLEU" of "Self-BLEU" is no "iBLEU BLEU")."""
    if _text(cell).endswith("-"):
        return True
    above = [c for c in table.cells if c.row < row and _overlap(c, cell) and _text(c)]
    nearest = max(above, key=lambda c: c.row, default=None)  # a centred header may sit between
    return nearest is not None and _text(nearest).endswith("-")


def unrepeated(above: str, text: str) -> str:
    """The text less a first word the line above ends with ("GPU Latency" over "Latency (ms)":
    the header is "GPU Latency (ms)", not "GPU Latency Latency (ms)")."""
    first, _, rest = text.partition(" ")
    last = above.split()[-1] if above.split() else ""
    return rest if rest and first.lower() == last.lower() else text


MIN_NUMBERED = 4  # columns a row numbers 1, 2, 3, ... before the numbers name them


def numbers_columns(texts: list[str]) -> bool:
    """Whether a row's texts past its label, left to right, number the columns: a run of whole
    numbers each one more than the last (at least MIN_NUMBERED, "1 2 ... 7", or "8 ... 13" in
    a table's second half), then maybe a header of words ("Rel. to"); never a row of values."""
    numbers = [int(m.group("n")) for text in texts if (m := _ORDINAL.match(text.strip()))]
    run = numbers == list(range(numbers[0], numbers[0] + len(numbers))) if numbers else False
    whole = all(_ORDINAL.match(text.strip()) for text in texts[: len(numbers)])
    return run and whole and len(numbers) >= MIN_NUMBERED and numbers[0] >= 1


def numbering(at: dict[tuple[int, int], TableCell], row: int) -> bool:
    """Whether grid row `row` numbers the columns past its label ("1 2 ... 13": QM9's
    properties, one per column)."""
    cells = sorted((c, cell.text) for (r, c), cell in at.items() if r == row and c >= 1)
    return numbers_columns([text for _, text in cells])


def count_columns(at: dict[tuple[int, int], TableCell], body_rows: list[int]) -> set[int]:
    """The columns whose body prints counts, most cells a number with its unit ("125.0M",
    "0.3M" under "# Trainable Parameters"): a header over such a column heads it alone, never
    the columns of scores right of it ("# Trainable" over "Parameters" is no group header
    over "MNLI", "SST-2")."""
    columns: dict[int, list[str]] = {}
    for (row, col), cell in at.items():
        if row in body_rows:
            columns.setdefault(col, []).append(_text(cell))
    return {
        col
        for col, texts in columns.items()
        if 2 * sum(1 for text in texts if _COUNT.match(text)) > len(texts)
    }


def named_parts(parts: list[str]) -> list[str]:
    """The header parts that name the column: a count under a dataset ("QQP" over "363k", its
    training examples) or a dash names nothing; a size in millions or billions under a known
    model or no known dataset is a model's ("PaLM" over "8B": PaLM 8B, never a data size)."""
    kinds = {known_type(part) for part in parts}
    model = EntityType.METHOD in kinds or not kinds & {EntityType.DATASET, EntityType.BENCHMARK}
    named = [p for p in parts if not _SIZE_OR_DASH.match(p) or model and MODEL_SIZE.match(p)]
    return named or parts
