"""Cumulative ablation tables: a "+" row named for the whole chain of steps it stands for.

A table that builds a method up step by step prints its base and then rows that each add one
step to the row above ("Linear scaling / + LR warmup / + Zero γ"): the "+ Zero γ" row is the
base with warmup *and* zero γ, and a name giving only its own step ("Linear scaling + Zero γ")
leaves one out. A table of independent variants of one base ("+ A", "+ B", each added alone)
prints the same shape, so the table itself must tell them apart: its caption says the steps are
stacked ("cumulative", "one by one", "step by step", "in turn", "breakdown"), unless it says
each was added alone ("separately", "each ... added to the baseline"); else a row combining
steps ("+ A + B") says its block's steps were added alone, else values that move one way down
every result column ("77.16, 77.91, 78.34"; a cost column such as parameters grows with any
addition, so it tells nothing) over three steps or more are a chain's, as a build-up improves
at each step.
"""

from __future__ import annotations

import re

from papergraph.core.model import fold
from papergraph.ingest.extract.cited import cites, uncite
from papergraph.ingest.extract.table_context import TableContext
from papergraph.ingest.extract.table_grid import Row, parse_number
from papergraph.ingest.extract.table_headers import SETTING
from papergraph.ingest.extract.table_names import without_marks

#: A row adding a step to the row above: "+ LR warmup".
ADDS = re.compile(r"^\s*\+\s*\w")
#: A "+" joining two steps ("+ A + B"), not one inside a name ("C++").
_PLUS = re.compile(r"(?:^|\s)\+\s*(?=\w)")
#: Words of steps, which "stacked" or "successive" must stand beside to say the steps stack
#: ("stacking training refinements"; not "stacked hourglass", "class-incremental CIFAR").
_STEPS = (
    r"(?:steps?|add\w*|refinements?|components?|modules?|tricks?|heuristics?|techniques?|"
    r"improvements?|changes?|modifications?|tweaks?)"
)
_NEAR = r"(?:\W+\w+){0,3}?\W+"
_STACKS = r"(?:incremental(?:ly)?|progressive(?:ly)?|successive(?:ly)?|stack(?:ing|ed|s)?)"
#: Captions of tables whose steps are stacked, each on the ones above.
_CUMULATIVE = re.compile(
    r"\bcumulativ\w*|\bstep[- ]by[- ]step\b|\bone[- ]by[- ]one\b|\bin turn\b|"
    rf"\b{_STACKS}{_NEAR}{_STEPS}\b|\b{_STEPS}{_NEAR}{_STACKS}\b|"
    r"\bbreak-?down\b(?!\s+of\b[^.;]*?\b(?:by|per|across)\b)|"
    r"\broad-?map\b|\bon top of each other\b",
    re.IGNORECASE,
)
#: A breakdown of a score by parts ("per-class breakdown"): the parts, not steps, broken down.
_PER_PART = re.compile(r"\bper[- ]\w+\s+break-?down\b", re.IGNORECASE)
#: Captions saying each step was added to the base alone: independent variants, no chain.
_INDEPENDENT = re.compile(
    r"\b(?:alone|separately|individually|independently|in isolation)\b|"
    r"\beach\b[^.;]*?\badded to the (?:baseline|base)\b",
    re.IGNORECASE,
)
#: What a step runs with or without, up to the next "w/" or the end: "distill w/o label
#: smoothing", "mixup w/ distill".
_WITH = re.compile(r"\bw/o?\s+(.+?)(?=\s+w/o?\s|$)", re.IGNORECASE)
#: Labels of a base that is the starting point of an ablation, not a model of its own.
_ABLATION_BASE = frozenset({"baseline", "base", "vanilla", "default"})
MIN_STEPS = 3  # "+" rows a block must print before values moving one way make it a chain


def chain(context: TableContext, row: Row, label: str) -> str:
    """The change `label` of `row` with the steps above it that it stacks on, where the table's
    "+" rows are cumulative: "+ Zero γ" under "+ LR warmup": "+ LR warmup + Zero γ"; a step
    run without or with an earlier one in place of it drops that one ("+ mixup w/o distill"
    after "+ distill w/o mixup"). Elsewhere the label as it is."""
    run = _run(context.grid.rows, row)
    if len(run) < 2 or not cumulative(context, row):
        return label
    steps: list[str] = []
    for step in [without_marks(uncite(r.label)) for r in run[1:-1]] + [label]:
        named = {fold(phrase) for phrase in _WITH.findall(step)}
        steps = [s for s in steps if fold(_head(s)) not in named]
        steps.append(_step(step))
    return "+ " + " + ".join(steps)


def cumulative(context: TableContext, row: Row) -> bool:
    """Whether the "+" rows of `row`'s block each add to the row above (see the module's
    docstring). Asked only for a "+" row under a base row, which few tables print."""
    caption = context.table.caption
    if _INDEPENDENT.search(caption):
        return False
    if _CUMULATIVE.search(_PER_PART.sub(" ", caption)):
        return True
    rows = context.grid.rows
    by_base = {b[0].index: b for r in rows if ADDS.match(r.label) and (b := _block(rows, r))}
    blocks = [b for b in by_base.values() if not any(_combines(r.label) for r in b)]
    if not any(row in block for block in blocks):
        return False  # its block combines steps: each was added alone
    adds = max(sum(1 for r in b if ADDS.match(r.label)) for b in blocks)
    return adds >= MIN_STEPS and all(_one_way(context, b) for b in blocks)


def with_additions(rows: list[Row], table_rows: list[Row]) -> list[Row]:
    """The paper's own rows `rows` and, in a table citing no source on any row (the paper's
    runs, baselines included), the rows adding to one of them ("Synthesizer / + Squared ReLU"
    in a table with the paper's "Primer"): the paper's own modification of a model it ran.
    Where an addition is among `rows` already (the bold step of a chain), or adds to one of
    `rows` (ResNet's "+box refinement" under its own Faster R-CNN row), the additions are
    steps of an ablation of the paper's method, and the choice stands. So are additions to a
    "Baseline" ("Baseline / + module A"), and additions above one of `rows` in their group
    ("ResNet-50 / + SE / NewNet"): steps building up to the paper's method, which come before
    it; the paper's change carried over to another model comes after its own row, as in
    Primer's table."""
    if not rows or any(ADDS.match(row.label) for row in rows):
        return rows
    if any(cites(row.label) for row in table_rows):
        return rows
    bases = {
        row.index: run[0]
        for row in table_rows
        if ADDS.match(row.label) and (run := _run(table_rows, row))
    }
    return rows + [
        row
        for row in table_rows
        if (base := bases.get(row.index)) is not None
        and base not in rows
        and fold(without_marks(base.label)) not in _ABLATION_BASE
        and not _own_below(row, rows, table_rows)
    ]


def _own_below(row: Row, rows: list[Row], table_rows: list[Row]) -> bool:
    """Whether one of the paper's rows `rows` follows `row` in its group of the table (a block
    of another dataset below, "PG19" under "C4", is another comparison)."""
    at = table_rows.index(row)
    return any(r.group == row.group and r in table_rows and table_rows.index(r) > at for r in rows)


def _run(rows: list[Row], row: Row) -> list[Row]:
    """The base row and the "+" rows from it down to `row`; [] where no base row is above."""
    at = rows.index(row) if row in rows else -1
    start = at
    while start >= 0 and ADDS.match(rows[start].label):
        start -= 1
    return rows[start : at + 1] if start >= 0 and rows[start].label else []


def _block(rows: list[Row], row: Row) -> list[Row]:
    """`row`'s run and the "+" rows following it: its base's whole block of steps."""
    run = _run(rows, row)
    if not run:
        return []
    end = rows.index(row) + 1
    while end < len(rows) and ADDS.match(rows[end].label):
        end += 1
    return run + rows[rows.index(row) + 1 : end]


def _step(label: str) -> str:
    return re.sub(r"^\s*\+\s*", "", label).strip()


def _head(step: str) -> str:
    """The step less what it runs with or without: "distill w/o mixup": "distill"."""
    return re.split(r"\s+w/o?\s", step, maxsplit=1)[0].strip()


def _combines(label: str) -> bool:
    """Whether a label adds several steps at once ("+ A + B"), as a table of independent
    variants ends by combining them."""
    return ADDS.match(label) is not None and len(_PLUS.findall(label)) >= 2


def _one_way(context: TableContext, run: list[Row]) -> bool:
    """Whether every result column moves one way down the run (rises or falls, ties allowed);
    columns of costs and settings ("Params (M)", "FLOPs") are left out."""
    columns = {col for row in run for col in row.cells}
    moved = False
    for col in columns:
        header = run[-1].header(context.grid, col)
        if SETTING.search(header) and not context.header_metric(header):
            continue
        values = [parse_number(row.cells[col].text) for row in run if col in row.cells]
        numbers = [float(v.value) for v in values if v is not None]
        if len(numbers) != len(run):
            continue
        steps = [b - a for a, b in zip(numbers, numbers[1:], strict=False)]
        if not (all(s >= 0 for s in steps) or all(s <= 0 for s in steps)):
            return False
        moved = True
    return moved
