"""Results from tables printed the other way round: methods in the columns, datasets in the rows.

A table comparing agents game by game ("alien", "amidar", ... down the side; "DQN", "Rainbow",
"MuZero" across the top) names the paper's own method in a column header, not in a row label.
Each row is then a dataset: one the row label names (or abbreviates), else a part of the
benchmark the caption names ("Atari" and "bank heist": Atari 2600 Bank Heist), a benchmark
and not a single dataset (no "LM Winograd" where a caption's "LMs" reads as one). The metric
comes from the column header, the row label ("DROP f1"), the group row or the caption; a table
naming none gives nothing.
"""

from __future__ import annotations

from papergraph.core.model import Result
from papergraph.ingest.extract.matcher import NameMatcher
from papergraph.ingest.extract.metric_names import Metric, read_metric
from papergraph.ingest.extract.table_context import TableContext, cell_result
from papergraph.ingest.extract.table_grid import Row, clean, parse_number
from papergraph.ingest.extract.table_headers import (
    AGGREGATE,
    HeaderKind,
    expand_abbreviation,
    header_kind,
)
from papergraph.ingest.extract.table_names import (
    dataset_named,
    is_benchmark,
    own_row,
    part_of,
    without_marks,
)


def own_columns(context: TableContext, names: list[str]) -> list[int]:
    """The value columns whose header names the paper's own method (or says "ours"), not one
    of its settings or metrics ("XLNet params", "BERT F1")."""
    headers = context.grid.column_headers
    return [
        col
        for col, header in sorted(headers.items())
        if header
        and own_row(header, names)
        and header_kind(header) not in (HeaderKind.SETTING, HeaderKind.METRIC)
    ]


def column_results(context: TableContext, matcher: NameMatcher, columns: list[int]) -> list[Result]:
    """One result per row and own column, the first own column's where several give a row the
    same dataset and metric ("MuZero" before "MuZero normalized")."""
    found: dict[tuple[str, str], Result] = {}
    for row in context.grid.rows:
        dataset = row_dataset(context, matcher, row)
        for col in columns:
            result = _result(context, row, col, dataset)
            if result is not None:
                found.setdefault((result.dataset or "", result.metric or ""), result)
    return list(found.values())


def row_dataset(context: TableContext, matcher: NameMatcher, row: Row) -> str | None:
    """The dataset a row label names, abbreviates, or is a part of the caption's benchmark."""
    caption = context.table.caption
    label = clean(row.label.strip("*†‡ "))
    named = dataset_named(label, matcher, caption, last=True) or expand_abbreviation(
        label, context.datasets
    )
    if named or not label or context.caption_dataset is None or AGGREGATE.match(label):
        return named
    kind = header_kind(label)
    if kind not in (HeaderKind.NAME, HeaderKind.WORDS):
        return None  # "Mean", "Params", "Speedup": no part of a benchmark
    if not is_benchmark(context.caption_dataset, matcher):
        # a dataset has no parts: "Winograd" under PaLM's caption (whose "LMs" reads as a
        # dataset "LM") is Winograd, not "LM Winograd"
        own_name = kind is HeaderKind.NAME or (label[:1].isupper() and " " not in label)
        return label if own_name else None
    return part_of(context.caption_dataset, label, matcher)


def _result(context: TableContext, row: Row, col: int, dataset: str | None) -> Result | None:
    cell = row.cells.get(col)
    header = context.grid.column_headers.get(col, "")
    metric = _metric(context, header, row)
    number = parse_number(cell.text) if cell is not None else None
    if cell is None or number is None or metric is None or dataset is None:
        return None
    method = without_marks(clean(header)) or None
    return cell_result(context, row, header, cell, number, metric, method, dataset)


def _metric(context: TableContext, header: str, row: Row) -> Metric | None:
    """The column's metric, else the one the row label prints after its dataset ("DROP f1",
    "TriviaQA acc"), the group row's, or the caption's."""
    found = context.header_metric(header) or read_metric(row.label) or read_metric(row.group)
    return found or context.caption_metric
