"""Cells printing two values under one task's name, and columns of a dataset's parts."""

from __future__ import annotations

from importlib import resources

from papergraph.core.model import Table
from papergraph.ingest.extract.paired_values import FILE, conventions
from papergraph.ingest.extract.table_grid import split_values
from tests.ingest.tables import grid, table_rows


def _rows(table: Table) -> set[tuple[str | None, str | None, float | str | None]]:
    found = table_rows(table, ["NewNet"], "NewNet", "NewNet: a paper")
    return {(r.dataset, r.metric, r.value) for r in found}


def _glue(caption: str) -> Table:
    return Table(
        grid(
            [
                ["Model", "MNLI", "QQP", "STS-B", "RTE"],
                ["BERT [2]", "86.7/85.9", "72.1/89.3", "87.6/86.5", "70.1"],
                ["NewNet", "90.2/89.7†", "74.3/90.3", "91.6/91.1", "86.3"],
            ]
        ),
        number="4",
        caption=caption,
    )


def test_a_glue_pair_under_the_task_name_is_read_in_the_benchmarks_order() -> None:
    """GLUE reports MNLI matched/mismatched, QQP F1/accuracy, STS-B Pearson/Spearman."""
    assert _rows(_glue("Table 4: Results on GLUE.")) == {
        ("MultiNLI-m", "Accuracy", 90.2),
        ("MultiNLI-mm", "Accuracy", 89.7),
        ("Quora Question Pairs", "F1", 74.3),
        ("Quora Question Pairs", "Accuracy", 90.3),
        ("STS Benchmark", "Correlation", 91.6),  # Pearson; Spearman is no metric of its own here
        ("RTE", "Accuracy", 86.3),
    }


def test_a_pair_in_a_table_naming_no_benchmark_stays_unread() -> None:
    """Which value is which is the benchmark's fact: unsaid where the table names none."""
    assert _rows(_glue("Table 4: Results on the development sets.")) == {("RTE", "Accuracy", 86.3)}


def test_a_superglue_pair_and_a_part_not_reported() -> None:
    table = Table(
        grid(
            [
                ["Model", "BoolQ", "CB", "MultiRC", "Record"],
                ["Few-shot NewNet", "89.1", "89.3", "86.3/-", "92.9/-"],
                ["NewNet", "92.2", "100/98.2", "90.1/69.2", "94.0/94.6"],
            ]
        ),
        number="7",
        caption="Table 7: Results on the SuperGLUE dev set.",
    )
    rows = _rows(table)
    assert {row for row in rows if row[0] in ("CommitmentBank", "MultiRC")} == {
        ("CommitmentBank", "F1", 100.0),
        ("CommitmentBank", "Accuracy", 98.2),
        ("CommitmentBank", "Accuracy", 89.3),  # one value alone: CB's usual metric, as before
        ("MultiRC", "F1", 90.1),
        ("MultiRC", "EM", 69.2),
        ("MultiRC", "F1", 86.3),  # "86.3/-": the exact match is not reported
    }


def test_every_convention_names_its_source() -> None:
    assert {"mnli", "qqp", "mrpc", "cb", "multirc", "record"} <= set(conventions())
    text = resources.files("papergraph.ingest.lexicon").joinpath(FILE).read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if not line.startswith("#")]
    assert all(len(row) == 4 and row[3].strip() for row in rows[1:])


def test_a_dash_beside_a_value_is_a_part_not_reported() -> None:
    assert split_values("89.8/-") == ["89.8", "-"]
    assert split_values("-/-") is None  # no value at all


def test_columns_of_a_datasets_parts_give_the_part_with_the_tables_metric() -> None:
    race = Table(
        grid(
            [
                ["RACE", "Accuracy", "Middle", "High"],
                ["BERT [22]", "72.0", "76.6", "70.1"],
                ["NewNet", "81.75", "85.45", "80.21"],
            ]
        ),
        number="1",
        caption='Table 1: Results on the test set of RACE. "Middle" and "High" are two subsets.',
    )
    assert _rows(race) == {
        ("RACE", "Accuracy", 81.75),
        ("RACE (Middle)", "Accuracy", 85.45),
        ("RACE (High)", "Accuracy", 80.21),
    }


def test_a_caption_saying_which_value_comes_first_names_each_values_run() -> None:
    table = Table(
        grid(
            [
                ["", "XSum", "SQuAD"],
                ["Baseline [3]", "0.92 / 0.74", "0.71 / 0.64"],
                ["NewNet", "0.84 / 0.77", "0.93 / 0.93"],
            ]
        ),
        number="2",
        caption="Table 2. Detection AUROC. The GPT- 3 AUROC appears first in each column, the "
        "Jurassic-2 AUROC appears second (i.e., after the slash).",
    )
    found = table_rows(table, ["NewNet"], "NewNet", "NewNet: a paper")
    assert {(r.method, r.dataset, r.metric, r.value) for r in found} == {
        ("NewNet (GPT-3)", "XSum", "AUC", 0.84),
        ("NewNet (Jurassic-2)", "XSum", "AUC", 0.77),
        ("NewNet (GPT-3)", "SQuAD", "AUC", 0.93),
        ("NewNet (Jurassic-2)", "SQuAD", "AUC", 0.93),
    }
    unsaid = Table(table.cells, number="2", caption="Table 2. Detection AUROC on two sets.")
    assert table_rows(unsaid, ["NewNet"], "NewNet", "NewNet: a paper") == []


def test_parts_under_the_metric_beside_the_whole_qualify_the_dataset_and_the_whole_stays() -> None:
    race = Table(
        grid(
            [
                ["Model", "Accuracy", "", ""],
                ["", "All", "Middle", "High"],
                ["BERT [22]", "72.0", "76.6", "70.1"],
                ["NewNet", "81.8", "85.5", "80.2"],
            ]
        ),
        number="1",
        caption="Table 1: Results on RACE.",
    )
    assert _rows(race) == {
        ("RACE", "Accuracy", 81.8),
        ("RACE (Middle)", "Accuracy", 85.5),
        ("RACE (High)", "Accuracy", 80.2),
    }


def _qa(caption: str) -> Table:
    return Table(
        grid(
            [
                ["Model", "SQuAD v1.1", "SQuAD v2.0"],
                ["BiDAF [12]", "67.7/77.3", "59.2/62.1"],
                ["NewNet", "85.4/91.6", "80.3/83.3"],
            ]
        ),
        number="3",
        caption=caption,
    )


def test_a_caption_joining_two_metrics_says_which_value_of_each_cell_is_which() -> None:
    """ "(EM/F1)" in the caption names both values of every cell, in order; where it names them
    for some columns only ("F1/accuracy for MRPC") or joins other names too, nothing is read."""
    assert _rows(_qa("Table 3: Results on the dev sets (EM / F1).")) == {
        ("SQuAD1.1", "EM", 85.4),
        ("SQuAD1.1", "F1", 91.6),
        ("SQuAD2.0", "EM", 80.3),
        ("SQuAD2.0", "F1", 83.3),
    }
    assert _rows(_qa("Table 3: Results on the dev sets. EM/F1 for SQuAD v1.1.")) == set()
    assert _rows(_qa("Table 3: EM/F1 on SQuAD and matched/mismatched on MNLI.")) == set()
