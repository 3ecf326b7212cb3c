"""What every cell of one results table shares, and a cell as the evidence of a result."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from papergraph.core.model import Evidence, Result, Table, TableCell
from papergraph.ingest.extract.metric_names import Metric
from papergraph.ingest.extract.table_grid import Grid, Number, Row, clean

EXTRACTOR = "table"
CONFIDENCE = 0.8


@dataclass(frozen=True)
class TableContext:
    """What every cell of one table shares: the table, its grid and what its caption names."""

    table: Table
    grid: Grid
    caption_metric: Metric | None
    caption_dataset: str | None
    chunk_id: str
    datasets: Mapping[str, str] = field(default_factory=dict)  # name -> label, of the paper


def cell_evidence(
    context: TableContext, label: str, header: str, cell: TableCell, inferred: str = ""
) -> Evidence:
    """The cell as evidence: page, table number, caption, its row and column headers; where
    the table prints no metric, `inferred` names the one taken and why."""
    table = context.table
    name = f"Table {table.number}" if table.number else "A table"
    text = f'{name}, row "{label}", column "{header}": {clean(cell.text)}'
    text += f" ({inferred})" if inferred else ""
    return Evidence(
        chunk_id=context.chunk_id,
        start=0,
        end=0,
        text=text,
        extractor=EXTRACTOR,
        confidence=CONFIDENCE,
        page=table.page,
        table=table.number,
        caption=clean(table.caption) or None,
        row_header=label,
        column_header=header or None,
        cell=clean(cell.text),
    )


def cell_result(
    context: TableContext,
    row: Row,
    header: str,
    cell: TableCell,
    number: Number,
    metric: Metric,
    method: str,
    dataset: str,
    task: str | None,
    inferred: bool = False,
) -> Result:
    """The result the value `cell` reports for `method` on `dataset`, the cell its evidence;
    `inferred`: the table prints no metric, `metric` is the dataset's usual one."""
    note = f"metric inferred: no header or caption names one; {metric.label} is the usual metric of {dataset}"
    return Result(
        method=method,
        task=task,
        dataset=dataset,
        metric=metric.label,
        value=number.value,
        evidence=[cell_evidence(context, row.label, header, cell, note if inferred else "")],
        higher_is_better=metric.higher_is_better,
    )
