"""The paper's method run on other data, one row per dataset, gives a result per row (issue 14):
bold marks the best of them, not the one row the paper reports."""

from __future__ import annotations

from papergraph.core.model import Table
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.own_versions import data_runs
from tests.ingest.tables import grid, table_rows

CAPTION = "Table 4 | Perplexities on Wikitext103."


def _table(labels: list[str]) -> Table:
    """RETRO (2112.04426) Table 4 shape: the last row bold, best in every column."""
    rows = [[label, f"{20 - i}.1", f"{21 - i}.2"] for i, label in enumerate(labels)]
    last = len(rows)
    return Table(
        grid([["Model", "Valid", "Test"], *rows], bold={(last, 1), (last, 2)}), "4", CAPTION
    )


def test_own_rows_each_on_other_data_are_each_a_result() -> None:
    """RETRO's rows per retrieval database ("Retro C4", "Retro MassiveText (10%)"); a row the
    paper's by "ours" alone is a baseline it ran, not its method."""
    labels = [
        "Adaptive Inputs (Baevski and Auli, 2019)",
        "NN-LM (ours) Wikipedia",
        "NewNet Wikipedia",
        "NewNet C4",
        "NewNet MassiveText (10%)",
        "NewNet MassiveText (100%)",
    ]
    found = {(r.method, r.value) for r in table_rows(_table(labels), ["newnet"], "NewNet")}
    methods = {method for method, _ in found}
    assert {"NewNet Wikipedia", "NewNet C4", "NewNet MassiveText (100%)"} <= methods
    assert len(found) == 4  # one per NewNet row (its test value), no NN-LM
    assert ("NewNet C4", 18.2) in found


def test_an_ablations_bold_row_is_still_the_one_the_paper_reports() -> None:
    labels = ["Baseline [3]", "NewNet w/o retrieval", "NewNet w/o chunks", "NewNet"]
    found = {r.method for r in table_rows(_table(labels), ["newnet"], "NewNet")}
    assert found == {"NewNet"}


def test_data_runs_need_three_rows_naming_a_dataset_after_the_name() -> None:
    matcher = hybrid_matcher()
    assert data_runs(["NewNet C4", "NewNet Wikipedia"], ["newnet"], matcher) == set()
    three = ["NewNet C4", "NewNet Wikipedia", "NewNet MassiveText (1%)"]
    assert data_runs(three, ["newnet"], matcher) == set(three)
    assert data_runs(["NewNet w/o X", "NewNet big", "NewNet C4"], ["newnet"], matcher) == set()


def test_own_rows_of_one_label_under_other_settings_are_each_a_result() -> None:
    """FlashAttention (2205.14135) Table 4: one model at context lengths 1k, 2k and 4k, the
    last row bold: each length is a result, not only the best."""
    table = Table(
        grid(
            [
                ["Model implementations", "Context length", "OpenWebText (ppl)"],
                ["GPT-2 small - Megatron-LM", "1k", "18.2"],
                ["GPT-2 small - NewNet", "1k", "18.2"],
                ["GPT-2 small - NewNet", "2k", "17.6"],
                ["GPT-2 small - NewNet", "4k", "17.5"],
            ],
            bold={(4, 1), (4, 2)},
        ),
        "4",
        "Table 4: GPT-2 small with NewNet, with 4x larger context length.",
    )
    found = {r.value for r in table_rows(table, ["newnet"], "NewNet") if r.value is not None}
    assert found == {18.2, 17.6, 17.5}


def _own_values(rows: list[list[str]], bold: set[tuple[int, int]]) -> list[float | str]:
    table = Table(grid(rows, bold), "2", "Table 2: Results on ImageNet.")
    return [r.value for r in table_rows(table, ["newnet"], "NewNet")]


def test_own_rows_of_one_label_told_apart_by_nothing_give_the_bold_row_only() -> None:
    """Three "NewNet" rows and no column to tell them apart: not three runs of the method on
    ImageNet Top-1 but the paper's choice, the bold one (review18)."""
    rows = [["Method", "Top-1"], ["ResNet-50 [3]", "76.1"], ["NewNet", "77.0"]]
    rows += [["NewNet", "78.8"], ["NewNet", "79.0"]]
    assert _own_values(rows, {(4, 1)}) == [79.0]


def test_own_rows_of_one_label_told_apart_by_ticks_are_an_ablation_not_runs() -> None:
    rows = [["Method", "Aug", "Pretrain", "Top-1"], ["ResNet-50 [3]", "", "", "76.1"]]
    rows += [["NewNet", "", "", "77.0"], ["NewNet", "✓", "", "77.9"], ["NewNet", "✓", "✓", "78.8"]]
    assert _own_values(rows, {(4, 3)}) == [78.8]


def test_own_rows_of_one_label_under_a_setting_column_are_each_a_run() -> None:
    rows = [["Method", "Epochs", "Top-1"], ["ResNet-50 [3]", "90", "76.1"]]
    rows += [["NewNet", "100", "77.0"], ["NewNet", "300", "78.8"], ["NewNet", "600", "79.0"]]
    assert sorted(v for v in _own_values(rows, {(4, 2)}) if isinstance(v, float)) == [
        77.0,
        78.8,
        79.0,
    ]
