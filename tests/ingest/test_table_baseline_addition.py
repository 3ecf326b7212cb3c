"""One row added to the table's "Baseline" is the paper's own run (issue 14: rows the reader
missed where the paper names its method in common words)."""

from __future__ import annotations

from papergraph.core.model import Table
from tests.ingest.tables import grid, table_rows

#: Table 3 of "Distilling the Knowledge in a Neural Network" (1503.02531, p. 7): the paper's
#: baseline and the baseline with the specialist models the paper introduces.
SPECIALISTS_TABLE = Table(
    grid(
        [
            ["System", "Conditional Test Accuracy", "Test Accuracy"],
            ["Baseline", "43.1%", "25.0%"],
            ["+ 61 Specialist models", "45.9%", "26.1%"],
        ]
    ),
    "3",
    "Table 3: Classification accuracy (top 1) on the JFT development set.",
)


def test_one_row_added_to_the_baseline_is_the_papers_own() -> None:
    """The paper names its method by no name of its own ("specialist models"), but the row it
    adds to its "Baseline" is its run; the baseline itself gives no row."""
    rows = table_rows(SPECIALISTS_TABLE, [], "distillation")
    found = {(r.method, r.value) for r in rows}
    assert ("Baseline + 61 Specialist models", 26.1) in found
    assert not any(r.method == "Baseline" for r in rows)
    assert all(r.metric == "Top-1 Accuracy" for r in rows)


def test_one_row_added_to_a_named_model_stays_no_row() -> None:
    """One addition to a model the table names ("ResNet-50") may be anyone's: no row, as
    before; two or more stacked additions are the paper's (table_rows.stacked_additions)."""
    table = Table(
        grid(
            [
                ["System", "Test Accuracy"],
                ["ResNet-50", "25.0%"],
                ["+ 61 Specialist models", "26.1%"],
            ]
        ),
        "3",
        "Table 3: Classification accuracy (top 1) on the JFT development set.",
    )
    assert table_rows(table, [], "distillation") == []
