"""Columns a caption calls the paper's own runs: "our baseline" over "Baseline Top-1".

A table setting others' published numbers beside the paper's own runs of the same models
("Validation accuracy of reference implementations and our baseline": "Reference Top-1" and
"Baseline Top-1" columns) prints the paper's results in the columns its caption calls its own:
each row's model as the paper ran it, named with the columns' word ("ResNet-50 (Baseline)").
"""

from __future__ import annotations

import re
from dataclasses import replace

from papergraph.core.model import fold
from papergraph.ingest.extract.table_context import TableContext
from papergraph.ingest.extract.table_grid import Row, clean

_OUR = re.compile(r"\bour\s+(?P<word>[A-Za-z][\w-]+)", re.IGNORECASE)


def our_rows(context: TableContext) -> list[Row]:
    """Every labelled row, its cells those of the columns the caption calls "our X" (their
    headers open with X), X its qualifier; [] where no such columns stand beside others."""
    said = {fold(found.group("word")).rstrip("s") for found in _OUR.finditer(context.table.caption)}
    headers = context.grid.column_headers
    words = {col: clean(header).split()[0] for col, header in headers.items() if clean(header)}
    ours = {col for col, word in words.items() if fold(word).rstrip("s") in said}
    if not ours or not set(words) - ours:
        return []
    word = words[min(ours)]
    return [
        replace(
            row,
            cells={col: cell for col, cell in row.cells.items() if col in ours},
            qualifiers=(*row.qualifiers, word),
        )
        for row in context.grid.rows
        if row.label and any(col in ours for col in row.cells)
    ]
