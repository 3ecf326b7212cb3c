"""Cells printing two values under a header naming one task: the benchmark's own order.

GLUE and SuperGLUE report some tasks by two figures, which papers print in one cell
("90.2/89.7" under "MNLI", "94.9/96.4" under "CB"). Which figure is which is not the paper's
to say but the benchmark's, stated by its paper and leaderboard (ingest/lexicon/paired-values.txt,
with sources): MNLI matched then mismatched accuracy, CB F1 then accuracy. A cell so printed is
read in that order only in a table whose caption or headers name the benchmark; elsewhere a
header joining the parts ("MNLI-m/mm", "EM / F1") is needed, as before (table_grid.header_parts).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from papergraph.core.model import fold
from papergraph.ingest.extract.table_grid import Grid, header_parts, strip_marks

FILE = "paired-values.txt"


@lru_cache(maxsize=1)
def _rows() -> tuple[list[str], ...]:
    text = resources.files("papergraph.ingest.lexicon").joinpath(FILE).read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return tuple(rows[1:])


@lru_cache(maxsize=1)
def conventions() -> dict[str, tuple[str, str]]:
    """Folded task name -> (benchmark, its parts as a header joining them: "MNLI-m/mm")."""
    return {
        fold(name): (benchmark, parts)
        for benchmark, names, parts, _source in _rows()
        for name in names.split("|")
    }


def benchmark_task(header: str) -> str:
    """The task a header names as its benchmark spells it ("Record": ReCoRD), else the header."""
    spelled = {
        fold(name): names.split("|")[0] for _, names, _, _ in _rows() for name in names.split("|")
    }
    return spelled.get(fold(strip_marks(header)), header)


def value_parts(header: str, count: int, caption: str, grid: Grid) -> list[str] | None:
    """One header per value of a cell printing `count` values: the parts the header joins
    ("P/R/F1"), else, under a task's name alone in a table naming its benchmark (in its
    caption or headers), the parts in the benchmark's order ("MNLI": MNLI-m, MNLI-mm;
    "CB": CB F1, CB Accuracy); None where neither says which value is which."""
    joined = header_parts(header, count)
    if joined is not None:
        return joined
    task = strip_marks(header)
    known = conventions().get(fold(task))
    named = " ".join([caption, grid.label_header, *grid.column_headers.values()])
    if known is None or not re.search(rf"\b{known[0]}\b", named):
        return None
    parts = known[1] if "-" in known[1].split("/")[0] else f"{task} {known[1]}"
    return header_parts(parts, count)
