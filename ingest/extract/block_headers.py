"""What a row's results' evidence says of the row: why it is an ablation, and the header its
own block prints over each value.

A table may stack two blocks under one header row: "Dataset: QQP 140K | Dataset: QQP 50K" over
the upper rows, then a body row "Method Dataset: ParaSCI ACL Dataset: MSRPC" restarting the
headers for the rows below it (NC-RAPT's Table 4). A lower row's dataset is then the lower
block's (table_datasets.body_renamed), and so must be the header its evidence shows: a reader
checking "RAPT | ParaSCI ACL | Self-BLEU 55.37" must see "Self-BLEU Dataset: ParaSCI ACL",
not the upper block's "QQP 140K". Renamed on the evidence only, once the row's results are
made: the column's printed header still names the column while they are read (twin columns,
sibling measures).
"""

from __future__ import annotations

from papergraph.core.model import Result
from papergraph.ingest.extract.table_context import TableContext, renamed_column
from papergraph.ingest.extract.table_datasets import body_renamed
from papergraph.ingest.extract.table_grid import Row
from papergraph.ingest.extract.table_rows import ablation_reason


def marked(
    results: list[Result], context: TableContext, row: Row, names: list[str]
) -> list[Result]:
    """The row's results, their evidence saying why the row is an ablation where it is one
    and naming the header of the row's own block (changed in place, and returned)."""
    reason = ablation_reason(context.study, row, names)
    for evidence in (evidence for result in results for evidence in result.evidence):
        evidence.ablation = reason
        if evidence.column_header:
            renamed_column(evidence, body_renamed(context.grid, row, evidence.column_header))
    return results
