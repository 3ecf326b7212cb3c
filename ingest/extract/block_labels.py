"""Block labels: a dataset or metric a table with the models across the top prints once a block.

Down its label columns such a table may print a dataset beside the first row of its block
("QuAC" | "f1" | "zero-shot", then "" | "" | "few-shot": InstructGPT's Table 14), a language
pair for a translation test set ("FR → EN 15"), and a metric the rows below it take. The block
label gives the rows its dataset and metric and qualifies no model.
"""

from __future__ import annotations

from dataclasses import replace

from papergraph.ingest.extract.dataset_measures import dataset_metric
from papergraph.ingest.extract.matcher import NameMatcher
from papergraph.ingest.extract.metric_names import Metric, read_metric
from papergraph.ingest.extract.table_context import TableContext
from papergraph.ingest.extract.table_grid import Row, clean, strip_marks
from papergraph.ingest.extract.table_names import dataset_named
from papergraph.ingest.extract.text_test_sets import pair_test_set


def block_dataset(context: TableContext, row: Row, matcher: NameMatcher) -> str | None:
    """The dataset a block label of the row's label columns names, where the row's own label
    names none: "QuAC" | "f1" | "few-shot" (InstructGPT's Table 14 prints it once a block).
    Where another row of the block names a dataset, the block label is their setting, not a
    dataset of its own: "ImageNet-21k" over "CIFAR-10" and "Oxford Pets" is the pre-training
    (ViT's Table 5), no dataset of their average or of an unnamed row."""
    blocks = (clean(strip_marks(text)) for text in row.qualifiers)
    found = next((found for text in blocks if (found := _named(context, text, matcher))), None)
    others = (r for r in context.grid.rows if r.qualifiers[:1] == row.qualifiers[:1])
    if found and any(dataset_named(clean(strip_marks(r.label)), matcher) for r in others):
        return None
    return found


def _named(context: TableContext, text: str, matcher: NameMatcher) -> str | None:
    """The dataset a block label names: a language pair as the text's WMT test set ("FR → EN
    15": WMT 2015 French-English), else by name."""
    caption = context.table.caption
    return pair_test_set(text, context.test_sets, caption) or dataset_named(text, matcher, caption)


def without_dataset(
    context: TableContext, row: Row, dataset: str | None, matcher: NameMatcher
) -> Row:
    """The row less the block labels naming its dataset, for a row whose label names none:
    they qualify no method ("QuAC" | "f1"). Beside a label naming the dataset, a block label
    is the row's setting: "ImageNet" | "ImageNet" is the model pre-trained on ImageNet (ViT)."""
    kept = tuple(
        text
        for text in row.qualifiers
        if not dataset or _named(context, clean(strip_marks(text)), matcher) != dataset
    )
    return replace(row, qualifiers=kept) if kept != row.qualifiers else row


def block_metric(context: TableContext, row: Row, dataset: str | None) -> Metric | None:
    """The metric the nearest row above in the row's block (its first block label, rows of it
    one after another) prints, a metric column printed once a block ("QuAC" | "f1" |
    "zero-shot", then "" | "" | "few-shot"): the few-shot row's F1 too, and a measure only the
    row's `dataset` names ("Truthful QA" | "true" | "QA prompt", then "instruction": % true).
    For a row whose label names no dataset (the caller's): "RACE" under "Reading" | "SQuAD F1"
    is no F1 of RACE's."""
    rows = context.grid.rows
    at = next((i for i, r in enumerate(rows) if r.index == row.index), 0)
    block = rows[at].qualifiers[:1] if rows else ()  # as printed
    for above in reversed(rows[:at] if block else []):
        if above.qualifiers[:1] != block:
            return None
        printed = above.printed or above.label
        if metric := read_metric(printed) or dataset_metric(dataset, printed):
            return metric
    return None
