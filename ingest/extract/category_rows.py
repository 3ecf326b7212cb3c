"""Tables split by category: rows that are parts of the caption's dataset, not datasets.

A bias table ("CrowS-Pairs evaluation", OPT's Table 4) prints one row per category of its
dataset ("Gender", "Religion", "Race/Color", ..., "Overall") under a label header "Category",
and the models across the top. Each row is then the caption's dataset restricted to that
category ("CrowS-Pairs (Gender)"), its overall row the dataset itself; a category is never a
dataset of its own, though a capitalised word reads like one. Where the label columns print a
metric beside the category ("Prof." | "SS (↓)", OPT's StereoSet table), the category is the
label that names no metric, and it qualifies the dataset, not the method; a category printed
short is spelt as the paper's sentences on the dataset spell it ("Prof.": Profession).

A "Subset" header is weaker: under a benchmark's caption ("Few-shot accuracy on SuperGLUE") a
row the lists know as a dataset with tasks of its own ("BoolQ": question answering) is that
dataset, a member of the suite, not a part of it; a corpus's subsets (The Pile's "arxiv",
"opensubtitles") stay parts. Where the caption says the models were trained or fine-tuned on
the subsets ("fine-tuned on subsets of Alpaca data"), they are training data, no part of the
evaluation.
"""

from __future__ import annotations

import re

from papergraph.core.model import EntityType
from papergraph.ingest.extract.dataset_measures import dataset_metric
from papergraph.ingest.extract.dataset_tasks import dataset_tasks
from papergraph.ingest.extract.matcher import NameMatcher
from papergraph.ingest.extract.metric_names import read_metric
from papergraph.ingest.extract.table_context import TableContext
from papergraph.ingest.extract.table_grid import Row, clean, strip_marks
from papergraph.ingest.extract.table_headers import AGGREGATE
from papergraph.ingest.extract.table_rows import SENTENCE_END

#: A category printed short: "Prof.", "Gend.".
_ABBREVIATED = re.compile(r"^(?P<stem>[A-Za-z]{2,})\.$")
#: A label header saying the rows are categories of the data: "Category", "Bias type", "Subset"
#: (RETRO's Table 15 of bits-per-byte on The Pile's "arxiv", "opensubtitles", ...).
_CATEGORY = re.compile(r"^(?:categor(?:y|ies)|subsets?|bias (?:type|category))$", re.IGNORECASE)
_SUBSET = re.compile(r"^subsets?$", re.IGNORECASE)
#: A caption saying the models learnt from the subsets: "models fine-tuned on subsets of".
_TRAINED_ON = re.compile(
    r"\b(?:(?:pre-?|fine-?\s?)?train(?:ed|ing)|fine-?\s?tun(?:ed|ing)|instruction-tuned)\s+"
    r"(?:\w+\s+){0,2}on\b",
    re.IGNORECASE,
)


def by_category(context: TableContext) -> bool:
    """Whether the table's rows are categories of the one dataset its caption names."""
    header = clean(strip_marks(context.grid.label_header))
    if _SUBSET.match(header) and _TRAINED_ON.search(context.table.caption):
        return False  # "fine-tuned on subsets of Alpaca data": training data, not evaluation
    return context.caption_dataset is not None and bool(_CATEGORY.match(header))


def category_dataset(
    context: TableContext, row: Row, matcher: NameMatcher | None = None
) -> str | None:
    """The part of the caption's dataset the row reports: "CrowS-Pairs (Gender)"; the dataset
    itself for an overall row, None where the table is not split by category or the row under
    a "Subset" header is a member dataset of the caption's benchmark (`_member`)."""
    dataset = context.caption_dataset
    if dataset is None or not by_category(context):
        return None
    labels = (clean(strip_marks(text)) for text in (*row.qualifiers, row.label))
    category = next((text for text in labels if text and not _metric(dataset, text)), "")
    if not category or AGGREGATE.match(category):
        return dataset
    if matcher is not None and _member(context, matcher, dataset, category):
        return None  # "BoolQ" under "Subset" of SuperGLUE: a dataset of its own
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


def _member(context: TableContext, matcher: NameMatcher, dataset: str, label: str) -> bool:
    """Whether `label`, a row under a "Subset" header of benchmark `dataset`'s table, is a
    dataset of the suite: one the data gives tasks of its own ("BoolQ": question answering,
    "COPA": commonsense reasoning) and the lists take for no method or task."""
    header = clean(strip_marks(context.grid.label_header))
    suite, entry = matcher.lookup(dataset), matcher.lookup(label)
    if not _SUBSET.match(header) or suite is None or suite.type is not EntityType.BENCHMARK:
        return False
    known = entry is None or entry.type in (EntityType.DATASET, EntityType.BENCHMARK)
    return known and bool(dataset_tasks(label, matcher))
