"""Columns of one method run at several settings, the method named only in the caption.

"Table 5: Long Document performance (micro F1) at different sequence lengths using
FlashAttention." over "512 1024 ... 16384" (a header row of settings: sweep_header.py) and rows
naming datasets: every column is the paper's method run at that setting, "FlashAttention
(sequence length 512)". The caption must name the method and say what the settings are
("different sequence lengths", "various model sizes"); otherwise the columns give nothing.
"""

from __future__ import annotations

import re

from papergraph.ingest.extract.sentences import first_sentence
from papergraph.ingest.extract.sweep_header import WHOLE
from papergraph.ingest.extract.table_context import TableContext
from papergraph.ingest.extract.table_grid import clean

#: What the settings are: "different sequence lengths", "Varying model sizes", "various numbers
#: of GPUs" (a number or amount keeps what it counts).
_SETTINGS = re.compile(
    r"\b(?:different|various|varying|increasing)\s+"
    r"(?P<what>(?:[a-z]+\s)??[a-z]+s(?:(?<=numbers|amounts)\s+of\s+[A-Za-z]+)?)\b",
    re.IGNORECASE,
)
#: A plural's ending and what it becomes: "classes" -> "class", "batches" -> "batch",
#: "entries" -> "entry", "lengths" -> "length".
_PLURAL = re.compile(
    r"(?:(?:(?<=ss|sh|ch)|(?<=x))es|(?<=[^aeiou])(?P<ies>ies)|(?<!s)s)$", re.IGNORECASE
)


def swept_columns(context: TableContext) -> dict[int, str]:
    """Each value column's method, "<method> (<setting> <number>)", where the columns' headers
    are a sweep of settings and the caption's first sentence names the paper's method and the
    setting; {} otherwise."""
    headers = context.grid.column_headers
    first = first_sentence(context.table.caption)
    setting = _SETTINGS.search(first)
    if not context.method or setting is None or not headers:
        return {}
    if not all(WHOLE.match(clean(header)) for header in headers.values()):
        return {}
    named = re.search(rf"\b{re.escape(context.method)}(?![\w-])", first, re.IGNORECASE)
    if named is None:
        return {}
    what = _singular(setting.group("what"))
    return {col: f"{named.group()} ({what} {clean(h)})" for col, h in sorted(headers.items())}


def _singular(what: str) -> str:
    """The setting named once: its counting noun ("numbers of GPUs": "number of GPUs"), or else
    its last word, made singular ("sequence lengths": "sequence length", "classes": "class")."""
    head, of, rest = what.partition(" of ")
    words = head.split()
    found = _PLURAL.search(words[-1])
    if found is not None:
        words[-1] = words[-1][: found.start()] + ("y" if found.group("ies") else "")
    return " ".join(words) + (f" of {rest}" if of else "")
