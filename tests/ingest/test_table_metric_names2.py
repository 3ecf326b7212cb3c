"""Metric and dataset names tables and captions print in a field's own way (issue 14, res26)."""

from __future__ import annotations

from papergraph.core.model import Table
from tests.ingest.tables import grid, table_rows


def _rows(table: Table, names: list[str]) -> list:
    return table_rows(table, names, "NewNet", "NewNet: a paper")


def test_section_23_of_the_wsj_is_the_penn_treebank_test_set() -> None:
    """ "WSJ 23 F1" (constituency parsing on section 23 of the Wall Street Journal part of the
    Penn Treebank, the Transformer paper's Table 4): F1 on Penn Treebank."""
    parsing = Table(
        grid(
            [
                ["Parser", "Training", "WSJ 23 F1"],
                ["Petrov et al. (2006) [29]", "WSJ only, discriminative", "90.4"],
                ["NewNet (4 layers)", "WSJ only, discriminative", "91.3"],
            ]
        ),
        number="4",
        caption="Table 4: NewNet generalizes well to English constituency parsing (Results are "
        "on Section 23 of WSJ)",
    )
    assert {(r.dataset, r.metric, r.value) for r in _rows(parsing, ["NewNet"])} == {
        ("Penn Treebank", "F1", 91.3)
    }


def test_a_caption_giving_each_task_its_metric_gives_matthews_correlation_and_no_average() -> None:
    """ "accuracy for MNLI, Matthew's correlation for CoLA, Pearson correlation for STS-B, and
    accuracy for other tasks" (LoRA's Table 2): CoLA is a correlation, and the "Avg." column
    averages accuracies and correlations, so it is no accuracy."""
    glue = Table(
        grid(
            [
                ["Model", "MNLI", "CoLA", "STS-B", "RTE", "Avg."],
                ["BERT [2]", "86.6", "60.6", "90.0", "70.4", "76.9"],
                ["NewNet", "89.8", "63.6", "91.8", "83.8", "82.3"],
            ]
        ),
        number="2",
        caption="Table 2: Models on the GLUE benchmark. We report accuracy for MNLI, Matthew's "
        "correlation for CoLA, Pearson correlation for STS-B, and accuracy for other tasks.",
    )
    rows = {(r.dataset, r.metric, r.value) for r in _rows(glue, ["NewNet"])}
    assert rows == {
        ("MultiNLI", "Accuracy", 89.8),
        ("CoLA", "Correlation", 63.6),
        ("STS-B", "Correlation", 91.8),
        ("RTE", "Accuracy", 83.8),
    }
