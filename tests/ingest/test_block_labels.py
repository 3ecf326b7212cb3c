"""Block labels of a method-column table's label columns (table_columns.py, row_datasets.py):
a block's dataset and metric reach only the rows that print none of their own."""

from __future__ import annotations

from papergraph.core.model import Table
from tests.ingest.tables import grid, table_rows


def _found(table: Table) -> set[tuple[str | None, str | None, str | None, float | str]]:
    rows = table_rows(table, ["mynet"], "MyNet")
    return {(r.dataset, r.metric, r.value) for r in rows if r.value is not None}


def test_a_block_metric_reaches_no_row_naming_a_dataset_of_its_own() -> None:
    """The block "Reading" | "SQuAD F1" over "RACE" and "BoolQ": SQuAD's F1 is not theirs."""
    table = Table(
        grid(
            [
                ["Category", "Task", "Baseline", "MyNet"],
                ["Reading", "SQuAD F1", "80.1", "85.2"],
                ["", "RACE", "60.1", "65.3"],
                ["", "BoolQ", "70.1", "75.3"],
            ]
        ),
        "3",
        "Table 3: Results of MyNet.",
    )
    metrics = {(dataset, metric) for dataset, metric, _ in _found(table)}
    assert ("RACE", "F1") not in metrics and ("BoolQ", "F1") not in metrics
    assert ("SQuAD", "F1") in metrics


def test_a_block_label_over_rows_naming_datasets_is_no_dataset_of_their_average() -> None:
    """ViT's "Pre-train: ImageNet-21k" block over CIFAR-10, Oxford Pets and their Average: the
    average is no ImageNet-21k result."""
    table = Table(
        grid(
            [
                ["Pre-train", "Dataset", "BiT", "ViT-MyNet"],
                ["ImageNet-21k", "CIFAR-10", "98.1", "98.9"],
                ["", "Oxford Pets", "93.1", "94.2"],
                ["", "Average", "95.6", "96.5"],
            ]
        ),
        "5",
        "Table 5: Transfer accuracy of MyNet.",
    )
    found = _found(table)
    assert all(dataset != "ImageNet-21k" for dataset, _, _ in found)
    assert ("CIFAR-10", "Accuracy", 98.9) in found


def test_a_per_row_prompt_column_does_not_split_a_datasets_metric_rows() -> None:
    """A block "DART Rouge-1" over "Rouge-2" and "Rouge-L", each row with its own prompt: one block."""
    table = Table(
        grid(
            [
                ["", "", "", "Baseline", "MyNet"],
                ["Group", "Task", "Prompt", "a", "b"],
                ["Gen", "DART Rouge-1", "basic", "40.1", "45.2"],
                ["", "Rouge-2", "fancy", "20.1", "25.3"],
                ["", "Rouge-L", "basic", "30.1", "35.3"],
            ]
        ),
        "3",
        "Table 3: Results of MyNet.",
    )
    assert {(d, m) for d, m, _ in _found(table)} == {
        ("DART", "ROUGE-1"),
        ("DART", "ROUGE-2"),
        ("DART", "ROUGE-L"),
    }
