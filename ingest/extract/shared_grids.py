"""One grid the reader gave two captions: which table it is.

A caption printed below its table, looking for its grid below, reaches the next table's grid
first; and a table the reader finds no grid for (GATv2's Table 11 prints formulas, no numbers)
takes the grid printed above its caption, another table's (Table 10's QM9 error rates). Each
grid is kept once, under the caption that speaks of what it prints (GATv2's Table 10 names the
property columns, Table 11 only "parameters" and "GNN type"), else under the later caption.
"""

from __future__ import annotations

import re

from papergraph.core.model import Table
from papergraph.ingest.extract.sentences import CAPTION_LABEL

_WORD = re.compile(r"[a-z][a-z0-9-]{2,}")


def distinct_grids(tables: list[Table]) -> list[Table]:
    """The tables, a grid printed under two captions kept once, at the later one's place, under
    the caption sharing more words with its cells (the later one where neither shares more)."""
    kept: dict[tuple[tuple[int, int, str], ...], Table] = {}
    for table in tables:
        cells = tuple(sorted((cell.row, cell.col, cell.text) for cell in table.cells))
        earlier = kept.pop(cells, None)
        better = earlier is not None and _shared(earlier) > _shared(table)
        kept[cells] = earlier if earlier is not None and better else table
    return list(kept.values())


def _shared(table: Table) -> int:
    """How many words of its caption the table's cells print."""
    printed = {word for cell in table.cells for word in _WORD.findall(cell.text.lower())}
    said = set(_WORD.findall(CAPTION_LABEL.sub("", table.caption).lower()))
    return len(printed & said)
