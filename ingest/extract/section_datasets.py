"""The dataset of a table whose caption and headers name none: the one its section names.

S-RNN's Table 1 ("Motion forecasting angle error. {80, ..., 1000} msecs after the seed
motion.") names no data; the section it sits in ("4.1. Human motion modeling and forecasting")
says it: "We compare S-RNN with the state-of-the-art ERD architecture [14] on H3.6m mocap data
set [21]". A table takes a dataset so only where its caption names a metric, nothing else
gives one (its caption, its headers, its group rows, the paper's other tables:
table_datasets.borrowed) and the text around it leaves no doubt: the body text of its section
and the paragraphs citing it ("... in Table 1") name exactly one known dataset and call it
data ("data set", "benchmark", "corpus"), naming it more than once or calling it data where
they name it (OPT's "4.1 Hate Speech Detection": "Using the ETHOS dataset ..."). A section
naming two (data trained on and tested on, two benchmarks) gives none: a wrong dataset on
every row of a table is worse than none.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from papergraph.core.canonical import DATASET_TYPES
from papergraph.core.model import ChunkKind, EntityType, Paper, fold
from papergraph.ingest.extract.matcher import NameMatcher
from papergraph.ingest.extract.sentences import split_sentences
from papergraph.ingest.extract.table_context import TableContext
from papergraph.ingest.extract.table_datasets import evaluated
from papergraph.ingest.extract.table_names import dataset_named

#: After a dataset's name, up to two words and a word for data ("H3.6m mocap data set").
_DATA_WORD = re.compile(
    r"\W*(?:[\w-]+\s+){0,2}?(?:data\s?sets?|benchmarks?|corpus|corpora)\b", re.I
)
#: A word for data right after the name: "ETHOS dataset", "the X corpus".
_NAMED_DATA = re.compile(r"\s+(?:data\s?sets?|corpus|benchmark)\b", re.I)
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
    if context is None or context.caption_metric is None:
        return context  # no metric: no result table to place
    opening = task_opening(context, matcher)  # "Hate speech detection": a task, no data
    if not opening and (context.caption_dataset or _names_data(context, matcher)):
        return context
    named, called, introduced = _datasets_around(context, paper, matcher)
    named.pop(context.caption_dataset or "", None)
    if len(named) != 1:
        return context
    [(label, mentions)] = named.items()
    # a name called data where it is named ("Using the ETHOS dataset ...") is no passing mention
    said = (mentions >= MIN_MENTIONS and label in called) or label in introduced
    return replace(context, caption_dataset=label) if said else context


def _names_data(context: TableContext, matcher: NameMatcher) -> bool:
    """Whether the caption, a column header or a group row names a dataset of the table's own."""
    caption = context.table.caption
    if evaluated(caption, matcher) or dataset_named(caption, matcher):
        return True
    heads = [*context.grid.column_headers.values(), *(row.group for row in context.grid.rows)]
    return any(dataset_named(head, matcher, caption) for head in heads if head)


def _datasets_around(
    context: TableContext, paper: Paper, matcher: NameMatcher
) -> tuple[Counter[str], set[str], set[str]]:
    """The known datasets the table's section's body text and the paragraphs citing the
    table name, each with how often; those the text calls data ("H3.6m mocap data set": a name
    the lexicon lists may be a device, "DUT", or hardware, "CPU"); and those it calls data
    right after their name ("the ETHOS dataset")."""
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
        (match.entry.label, _DATA_WORD.match(sentence, match.end))
        for sentence in sentences
        for match in matcher.find(sentence)
        if match.entry.type in DATASET_TYPES
        and not _in_lower_case(sentence[match.start : match.end], match.entry.label)
    ]
    called = {label for label, data in found if data}
    introduced = {label for label, data in found if data and _NAMED_DATA.fullmatch(data.group())}
    return Counter(label for label, _ in found), called, introduced


def _in_lower_case(printed: str, label: str) -> bool:
    """Whether a name the lexicon capitalises is printed in lower case: words of the sentence,
    not the dataset's name ("unmoderated social media discussions": no "Social media")."""
    return printed.islower() and not label.islower()


def task_opening(context: TableContext, matcher: NameMatcher) -> bool:
    """Whether the caption's dataset is only the opening words of a task the caption names
    ("Hate speech detection": the task, not the "Hate Speech" dataset), no data to set rows on."""
    data = fold(context.caption_dataset or "")
    return bool(data) and any(
        found.entry.type is EntityType.TASK and fold(found.entry.label).startswith(data)
        for found in matcher.find(context.table.caption)
    )
