"""Cumulative ablation tables: a "+" row named for the whole chain of steps it stands for.

A table that builds a method up step by step prints its base and then rows that each add one
step to the row above ("Linear scaling / + LR warmup / + Zero γ"): the "+ Zero γ" row is the
base with warmup *and* zero γ, and a name giving only its own step ("Linear scaling + Zero γ")
leaves one out. A table of independent variants of one base ("+ A", "+ B", each added alone)
prints the same shape, so the table itself must tell them apart: its caption says the steps are
stacked ("cumulative", "one by one", "step by step", "in turn", "breakdown"), else a later row
combining steps ("+ A + B") says they were added alone, else values that move one way down every
column ("77.16, 77.91, 78.34") are a chain's, as a build-up improves at each step.
"""

from __future__ import annotations

import re

from papergraph.core.model import fold
from papergraph.ingest.extract.cited import cites
from papergraph.ingest.extract.table_context import TableContext
from papergraph.ingest.extract.table_grid import Row, parse_number

#: A row adding a step to the row above: "+ LR warmup".
_ADDS = re.compile(r"^\s*\+\s*\w")
#: Captions of tables whose steps are stacked, each on the ones above.
_CUMULATIVE = re.compile(
    r"\bcumulativ\w*|\bstep[- ]by[- ]step\b|\bone[- ]by[- ]one\b|\bin turn\b|\bincremental\w*|"
    r"\bprogressive(?:ly)?\b|\bsuccessive(?:ly)?\b|\bstack(?:ing|ed)\b|\bbreak-?down\b|"
    r"\broad-?map\b|\bon top of each other\b",
    re.IGNORECASE,
)
#: What a step runs with or without: "distill w/o mixup", "mixup w/ distill".
_WITH = re.compile(r"\bw/o?\s+([\w-]+)", re.IGNORECASE)


def chain(context: TableContext, row: Row, label: str) -> str:
    """The change `label` of `row` with the steps above it that it stacks on, where the table's
    "+" rows are cumulative: "+ Zero γ" under "+ LR warmup": "+ LR warmup + Zero γ"; a step
    run without or with an earlier one in place of it drops that one ("+ mixup w/o distill"
    after "+ distill w/o mixup"). Elsewhere the label as it is."""
    run = _run(context.grid.rows, row)
    if len(run) < 2 or not cumulative(context):
        return label
    steps: list[str] = []
    for step in [r.label for r in run[1:-1]] + [label]:
        named = {fold(word) for word in _WITH.findall(step)}
        steps = [s for s in steps if fold(_head(s)) not in named]
        steps.append(_step(step))
    return "+ " + " + ".join(steps)


def cumulative(context: TableContext) -> bool:
    """Whether the table's "+" rows each add to the row above (see the module's docstring)."""
    if _CUMULATIVE.search(context.table.caption):
        return True
    rows = context.grid.rows
    if any(_combines(row.label) for row in rows):
        return False
    runs = {tuple(r.index for r in _run(rows, row)) for row in rows if _ADDS.match(row.label)}
    by_index = {row.index: row for row in rows}
    return any(len(run) > 2 for run in runs) and all(
        _one_way([by_index[i] for i in run]) for run in runs
    )


def with_additions(rows: list[Row], table_rows: list[Row]) -> list[Row]:
    """The paper's own rows `rows` and, in a table citing no source on any row (the paper's
    runs, baselines included), the rows adding to one of them ("Synthesizer / + Squared ReLU"
    in a table with the paper's "Primer"): the paper's own modification of a model it ran.
    Where an addition is among `rows` already (the bold step of a chain), or adds to one of
    `rows` (ResNet's "+box refinement" under its own Faster R-CNN row), the additions are
    steps of an ablation of the paper's method, and the choice stands."""
    if not rows or any(_ADDS.match(row.label) for row in rows):
        return rows
    if any(cites(row.label) for row in table_rows):
        return rows
    added = [row for row in table_rows if _ADDS.match(row.label) and _run(table_rows, row)]
    return rows + [row for row in added if _run(table_rows, row)[0] not in rows]


def _run(rows: list[Row], row: Row) -> list[Row]:
    """The base row and the "+" rows from it down to `row`; [] where no base row is above."""
    at = rows.index(row) if row in rows else -1
    start = at
    while start >= 0 and _ADDS.match(rows[start].label):
        start -= 1
    return rows[start : at + 1] if start >= 0 and rows[start].label else []


def _step(label: str) -> str:
    return re.sub(r"^\s*\+\s*", "", label).strip()


def _head(step: str) -> str:
    """The step less what it runs with or without: "distill w/o mixup": "distill"."""
    return re.split(r"\s+w/o?\s", step, maxsplit=1)[0].strip()


def _combines(label: str) -> bool:
    """Whether a label adds several steps at once ("+ A + B"), as a table of independent
    variants ends by combining them."""
    return _ADDS.match(label) is not None and label.count("+") >= 2


def _one_way(run: list[Row]) -> bool:
    """Whether every value column moves one way down the run (rises or falls, ties allowed)."""
    columns = {col for row in run for col in row.cells}
    moved = False
    for col in columns:
        values = [parse_number(row.cells[col].text) for row in run if col in row.cells]
        numbers = [float(v.value) for v in values if v is not None]
        if len(numbers) != len(run):
            continue
        steps = [b - a for a, b in zip(numbers, numbers[1:], strict=False)]
        if not (all(s >= 0 for s in steps) or all(s <= 0 for s in steps)):
            return False
        moved = True
    return moved
