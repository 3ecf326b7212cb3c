"""Tables split by category: rows that are parts of the caption's dataset, not datasets.

A bias table ("CrowS-Pairs evaluation", OPT's Table 4) prints one row per category of its
dataset ("Gender", "Religion", "Race/Color", ..., "Overall") under a label header "Category",
and the models across the top. Each row is then the caption's dataset restricted to that
category ("CrowS-Pairs (Gender)"), its overall row the dataset itself; a category is never a
dataset of its own, though a capitalised word reads like one. Where the label columns print a
metric beside the category ("Prof." | "SS (↓)", OPT's StereoSet table), the category is the
label that names no metric, and it qualifies the dataset, not the method; a category printed
short is spelt as the paper's sentences on the dataset spell it ("Prof.": Profession).
"""

from __future__ import annotations

import re

from papergraph.ingest.extract.metric_names import dataset_metric, read_metric
from papergraph.ingest.extract.table_context import TableContext
from papergraph.ingest.extract.table_grid import Row, clean, strip_marks
from papergraph.ingest.extract.table_headers import AGGREGATE
from papergraph.ingest.extract.table_rows import SENTENCE_END

#: A category printed short: "Prof.", "Gend.".
_ABBREVIATED = re.compile(r"^(?P<stem>[A-Za-z]{2,})\.$")
#: A label header saying the rows are categories of the data: "Category", "Bias type", "Subset"
#: (RETRO's Table 15 of bits-per-byte on The Pile's "arxiv", "opensubtitles", ...).
_CATEGORY = re.compile(r"^(?:categor(?:y|ies)|subsets?|bias (?:type|category))$", re.IGNORECASE)


def by_category(context: TableContext) -> bool:
    """Whether the table's rows are categories of the one dataset its caption names."""
    header = clean(strip_marks(context.grid.label_header))
    return context.caption_dataset is not None and bool(_CATEGORY.match(header))


def category_dataset(context: TableContext, row: Row) -> str | None:
    """The part of the caption's dataset the row reports: "CrowS-Pairs (Gender)"; the dataset
    itself for an overall row, None where the table is not split by category."""
    dataset = context.caption_dataset
    if dataset is None or not by_category(context):
        return None
    labels = (clean(strip_marks(text)) for text in (*row.qualifiers, row.label))
    category = next((text for text in labels if text and not _metric(dataset, text)), "")
    if not category or AGGREGATE.match(category):
        return dataset
    if not any(c.isalpha() for c in category):
        return None  # "50%": a figure's axis below the table, no category of the data
    return f"{dataset} ({spelled_out(category, dataset, context.text)})"


def spelled_out(category: str, dataset: str, text: str) -> str:
    """The category as the text's sentences on `dataset` spell it where the table abbreviates
    it ("Prof." where the text says StereoSet measures bias "across 4 categories: profession,
    gender, religion, and race": Profession); as printed where they spell no such word, or
    several ("Rel.": religion or relationship)."""
    stem = _ABBREVIATED.match(category)
    if stem is None:
        return category
    word = re.compile(rf"\b{re.escape(stem.group('stem'))}[a-z]+\b", re.IGNORECASE)
    named = (s for s in SENTENCE_END.split(text) if dataset.lower() in s.lower())
    spelt = {found.lower() for sentence in named for found in word.findall(sentence)}
    return spelt.pop().capitalize() if len(spelt) == 1 else category


def _metric(dataset: str, text: str) -> bool:
    return bool(read_metric(text) or dataset_metric(dataset, text))
