"""Rows answering the question their label column asks: "share features?" over "no", "yes".

A table whose label column's header asks how the paper's method was run, its rows each
labelled only by an answer, prints the method run each way: every row is the paper's own, named
by the method with the answer ("FPN (share features: yes)"), where the caption names the method.
"""

from __future__ import annotations

import re

from papergraph.core.model import fold
from papergraph.ingest.extract.table_context import TableContext
from papergraph.ingest.extract.table_grid import Row, clean

_ANSWER = re.compile(r"^(?:yes|no|✓|✗)$", re.IGNORECASE)
_QUESTION = re.compile(r"^(?P<asked>[^?]*\w)\s*\?$")


def answer_rows(context: TableContext) -> list[Row]:
    """The rows, where every one is labelled by an answer to the question the label column's
    header asks and the caption names the paper's method; else []."""
    rows = [row for row in context.grid.rows if row.cells]
    asked = _QUESTION.match(clean(context.grid.label_header))
    caption = fold(context.table.caption)
    if not rows or asked is None or not context.method or fold(context.method) not in caption:
        return []
    return rows if all(_ANSWER.match(clean(row.label)) for row in rows) else []


def answered_name(context: TableContext, row: Row) -> str:
    """The method run as the row answers ("FPN (share features: yes)"), or "" where the row
    is not one of `answer_rows`."""
    if row not in answer_rows(context):
        return ""
    asked = _QUESTION.match(clean(context.grid.label_header))
    question = asked.group("asked") if asked else ""
    return f"{context.method} ({question}: {clean(row.label).lower()})"
