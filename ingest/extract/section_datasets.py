"""The dataset of a table whose caption and headers name none: the one its section names.

S-RNN's Table 1 ("Motion forecasting angle error. {80, ..., 1000} msecs after the seed
motion.") names no data; the section it sits in ("4.1. Human motion modeling and forecasting")
says it: "We compare S-RNN with the state-of-the-art ERD architecture [14] on H3.6m mocap data
set [21]". A table takes a dataset so only where its caption names a metric, nothing else
gives one (its caption, its headers, its group rows, the paper's other tables:
table_datasets.borrowed) and the text around it leaves no doubt: the body text of its section
and the paragraphs citing it ("... in Table 1") name exactly one known dataset, more than
once, and call it data ("data set", "benchmark", "corpus") at least once. A section
naming two (data trained on and tested on, two benchmarks) gives none: a wrong dataset on
every row of a table is worse than none.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from papergraph.core.canonical import DATASET_TYPES
from papergraph.core.model import ChunkKind, Paper
from papergraph.ingest.extract.matcher import NameMatcher
from papergraph.ingest.extract.sentences import split_sentences
from papergraph.ingest.extract.table_context import TableContext
from papergraph.ingest.extract.table_datasets import evaluated
from papergraph.ingest.extract.table_names import dataset_named

#: After a dataset's name, up to two words and a word for data ("H3.6m mocap data set").
_DATA_WORD = re.compile(
    r"\W*(?:[\w-]+\s+){0,2}?(?:data\s?sets?|benchmarks?|corpus|corpora)\b", re.I
)
MIN_MENTIONS = 2  # a name said once in passing ("unlike on ImageNet") is no section's data


def sectioned(
    contexts: list[TableContext | None], paper: Paper, matcher: NameMatcher
) -> list[TableContext | None]:
    """The paper's table contexts, one naming no dataset anywhere taking the one its section's
    text names (see the module's docstring); the others as they are."""
    return [_sectioned(context, paper, matcher) for context in contexts]


def _sectioned(
    context: TableContext | None, paper: Paper, matcher: NameMatcher
) -> TableContext | None:
    if context is None or context.caption_dataset or context.caption_metric is None:
        return context  # a caption naming its data, or no metric: no result table to place
    if _names_data(context, matcher):
        return context
    named, called_data = _datasets_around(context, paper, matcher)
    if len(named) != 1 or not called_data:
        return context
    [(label, mentions)] = named.items()
    return replace(context, caption_dataset=label) if mentions >= MIN_MENTIONS else context


def _names_data(context: TableContext, matcher: NameMatcher) -> bool:
    """Whether the caption, a column header or a group row names a dataset of the table's own."""
    caption = context.table.caption
    if evaluated(caption, matcher) or dataset_named(caption, matcher):
        return True
    heads = [*context.grid.column_headers.values(), *(row.group for row in context.grid.rows)]
    return any(dataset_named(head, matcher, caption) for head in heads if head)


def _datasets_around(
    context: TableContext, paper: Paper, matcher: NameMatcher
) -> tuple[Counter[str], bool]:
    """The known datasets the table's section's body text and the paragraphs citing the
    table name, each with how often; and whether the text calls one of them data ("H3.6m
    mocap data set": a name the lexicon lists may be a device, "DUT", or hardware, "CPU")."""
    section = next((c.section for c in paper.chunks if c.id == context.chunk_id), None)
    number = context.table.number
    cites = re.compile(rf"\bTable\s*{re.escape(number)}(?![\w.]|\.\d)") if number else None
    sentences = {  # once each: chunks overlap
        sentence
        for chunk in paper.chunks
        if chunk.kind is ChunkKind.BODY
        and ((section and chunk.section == section) or (cites and cites.search(chunk.text)))
        for sentence in split_sentences(chunk.text)
    }
    found = [
        (match.entry.label, bool(_DATA_WORD.match(sentence, match.end)))
        for sentence in sentences
        for match in matcher.find(sentence)
        if match.entry.type in DATASET_TYPES
    ]
    return Counter(label for label, _ in found), any(called for _, called in found)
