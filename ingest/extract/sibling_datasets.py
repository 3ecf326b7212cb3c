"""A group header over metric columns, beside group headers naming datasets, names a dataset.

Tables of several tasks print one group header per dataset over its metric columns ("Jeopardy"
over "B-1 QB-1", "MSMARCO" over "R-L B-1", "FVR3" over "Label Acc.": RAG's Table 2). Where one
such header names a dataset the lists know (MS MARCO), the others in its place name datasets
too, though no list knows them: the column's dataset is the name as printed ("Jeopardy"), or the
name the caption spells out in full that it abbreviates ("FVR3": the caption's "FEVER-3"),
never the caption's dataset that another column prints.
"""

from __future__ import annotations

import re

from papergraph.ingest.extract.matcher import NameMatcher
from papergraph.ingest.extract.metric_names import read_metric
from papergraph.ingest.extract.row_tasks import AVERAGE
from papergraph.ingest.extract.table_context import TableContext
from papergraph.ingest.extract.table_headers import HeaderKind, expand_abbreviation, header_kind
from papergraph.ingest.extract.table_names import dataset_named

#: A name the caption prints that a header may abbreviate: "FEVER-3", "MS-MARCO".
_CAPTION_NAME = re.compile(r"\b[A-Z][A-Za-z]*(?:-[A-Za-z0-9]+)+\b|\b[A-Z]{2,}[a-z]*\d*\b")


def sibling_dataset(context: TableContext, header: str, matcher: NameMatcher) -> str | None:
    """The dataset the group part of `header` names where another column's group part names a
    known dataset, else None."""
    caption = context.table.caption
    headers = list(context.grid.column_headers.values())
    parts = {part for h in headers if (part := group_part(h, headers))}
    own = group_part(header, headers)
    if own is None or not own[0].isupper() or AVERAGE.search(own) or dataset_named(own, matcher):
        return None
    if header_kind(own) not in (HeaderKind.NAME, HeaderKind.WORDS):
        return None  # a setting, a method, a language: no dataset
    if not any(dataset_named(part, matcher, caption) for part in parts - {own}):
        return None
    names = {name: name for name in _CAPTION_NAME.findall(caption)}
    return expand_abbreviation(own, {**names, **context.datasets}) or own


def group_part(header: str, headers: list[str]) -> str | None:
    """The one word of a header before its metric ("Jeopardy" of "Jeopardy B-1"), or the group
    part of another header it opens with ("Jeopardy" of "Jeopardy QB-1"); None without one."""
    words = header.split()
    head, rest = " ".join(words[:1]), " ".join(words[1:])
    if 2 <= len(words) <= 3 and read_metric(rest) and not read_metric(head):
        return head  # one name over a metric of a word or two, not a line of words over them
    others = (group_part(h, []) for h in headers if h != header)
    return next((p for p in others if p and header.startswith(f"{p} ")), None)


def table_dataset(context: TableContext, matcher: NameMatcher) -> str | None:
    """The caption's dataset as the one the whole table is on: None where a column's group
    part names it (RAG's Table 2 caption names MS MARCO, one column's of three datasets), so
    no other column is a part of it ("Jeopardy" is no "MS MARCO (Jeopardy)")."""
    dataset = context.caption_dataset
    headers = list(context.grid.column_headers.values())
    parts = {group_part(header, headers) for header in headers} - {None}
    named = {dataset_named(part, matcher) for part in parts if part}
    return None if dataset and dataset in named else dataset
