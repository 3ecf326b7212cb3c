"""A header row of the settings a table sweeps: "512 1024 2048 4096 8192 16384" over the values.

A table comparing one method at several sequence lengths, model sizes or shot counts may print
the settings as a bare first line, with no label over the row names ("MIMIC-III [47] | 52.8 |
50.7 ..." below it). Its cells are whole numbers, each larger than the last, which a row of
scores is not; such a first line heads the columns, as a row numbering them does
(header_blocks.numbering).
"""

from __future__ import annotations

import re

from papergraph.core.model import TableCell
from papergraph.ingest.extract.header_blocks import numbering

WHOLE = re.compile(r"^\d{1,6}[kK]?$")  # "512", "16384", "16K": no decimal point, no unit
MIN_SETTINGS = 3  # columns a sweep covers before its numbers read as headers


def is_header(at: dict[tuple[int, int], TableCell], row: int) -> bool:
    """Whether grid row `row` names the columns: it numbers them, or it is a sweep of settings."""
    return numbering(at, row) or sweep(at, row)


def sweep(at: dict[tuple[int, int], TableCell], row: int) -> bool:
    """Whether `row` is the table's first line, unlabelled over labelled rows, printing at least
    MIN_SETTINGS whole numbers that grow left to right."""
    rows = {r for r, _ in at}
    if row != min(rows) or (row, 0) in at or not any((r, 0) in at for r in rows - {row}):
        return False
    texts = [" ".join(cell.text.split()) for (r, _), cell in sorted(at.items()) if r == row]
    if len(texts) < MIN_SETTINGS or not all(WHOLE.match(text) for text in texts):
        return False
    numbers = [_size(text) for text in texts]
    return all(a < b for a, b in zip(numbers, numbers[1:], strict=False))


def _size(text: str) -> int:
    return int(text[:-1]) * 1000 if text[-1] in "kK" else int(text)
