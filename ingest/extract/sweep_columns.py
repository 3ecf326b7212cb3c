"""Columns of one method run at several settings, the method named only in the caption.

"Table 5: Long Document performance (micro F1) at different sequence lengths using
FlashAttention." over "512 1024 ... 16384" (a header row of settings: sweep_header.py) and rows
naming datasets: every column is the paper's method run at that setting, "FlashAttention
(sequence length 512)". The caption must name the method and say what the settings are
("different sequence lengths", "various model sizes"); otherwise the columns give nothing.
"""

from __future__ import annotations

import re

from papergraph.ingest.extract.sweep_header import WHOLE
from papergraph.ingest.extract.table_context import TableContext
from papergraph.ingest.extract.table_grid import clean

_LABEL = re.compile(r"^\s*Table\s*[A-Z]?[\dIVX]+[a-z]?\s*[:.|]?\s*", re.IGNORECASE)
_FIRST = re.compile(r"(?<=[\w)])\.\s+(?=[A-Z(])")
#: What the settings are: "different sequence lengths", "varying model sizes", "various shots".
_SETTINGS = re.compile(
    r"\b(?:different|various|varying|increasing)\s+(?P<what>(?:[a-z]+\s)?[a-z]+?)s\b"
)


def swept_columns(context: TableContext) -> dict[int, str]:
    """Each value column's method, "<method> (<setting> <number>)", where the columns' headers
    are a sweep of settings and the caption's first sentence names the paper's method and the
    setting; {} otherwise."""
    headers = context.grid.column_headers
    first = _FIRST.split(_LABEL.sub("", context.table.caption), maxsplit=1)[0]
    setting = _SETTINGS.search(first)
    if not context.method or setting is None or not headers:
        return {}
    if not all(WHOLE.match(clean(header)) for header in headers.values()):
        return {}
    named = re.search(rf"\b{re.escape(context.method)}(?![\w-])", first, re.IGNORECASE)
    if named is None:
        return {}
    what = setting.group("what")
    return {col: f"{named.group()} ({what} {clean(h)})" for col, h in sorted(headers.items())}
