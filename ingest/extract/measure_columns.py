"""Columns whose header prints a measure the metric names do not know.

A block of columns repeated once per dataset prints the same measures over each ("BERT Self-TER
Self-BLEU BLEU iBLEU SARI" under "Dataset: QQP 140K" and again under "Dataset: QQP 50K"). Where
the other columns of the block read as metrics ("BLEU Dataset: QQP 140K"), a column whose own
words stand where theirs do and read as none ("BERT": BERTScore; "SARI") prints a measure of
its own: it is no column of the dataset's usual metric (QQP's accuracy), and gives no value.
"""

from __future__ import annotations

from collections.abc import Iterable

from papergraph.ingest.extract.metric_names import read_metric, unbroken
from papergraph.ingest.extract.row_tasks import AVERAGE
from papergraph.ingest.extract.suite_tasks import suite_average
from papergraph.ingest.extract.table_context import TableContext
from papergraph.ingest.extract.table_headers import names_unknown_metric


def no_usual_metric(context: TableContext, header: str) -> bool:
    """Whether a column naming no metric must not take its dataset's usual one: the caption
    names the metric, the header is a measure unknown to the names (a glued "Self-TER", a
    measure among metrics: `unknown_measure`), or an average over datasets ("Avg NLG") other
    than a suite's score ("Avg" beside LRA's tasks: suite_tasks.py)."""
    heads = context.grid.column_headers.values()  # "Avg" beside LRA's tasks: LRA's score
    return bool(
        context.caption_names_metric
        or names_unknown_metric(header)
        or (AVERAGE.search(header) and not suite_average(header, context.caption_dataset, heads))
        or unknown_measure(header, context.grid.column_headers.values())
    )


def unknown_measure(header: str, headers: Iterable[str]) -> bool:
    """Whether the header's leading words, naming no metric, stand where another header's
    metric does: the two end alike ("BERT Dataset: QQP 140K" beside "BLEU Dataset: QQP 140K")
    and the other's leading words read as a metric."""
    words = header.split()
    for other in headers:
        theirs = other.split()
        shared = _shared_tail(words, theirs)
        if not shared or shared == len(words) or shared == len(theirs):
            continue
        own, their_own = " ".join(words[:-shared]), " ".join(theirs[:-shared])
        if read_metric(unbroken(their_own)) and not read_metric(unbroken(own)):
            return True
    return False


def _shared_tail(one: list[str], other: list[str]) -> int:
    count = 0
    while count < min(len(one), len(other)) and one[-1 - count] == other[-1 - count]:
        count += 1
    return count
