"""Rows of ablation tables: method names without option letters, set notation or bare changes,
and the ablation flag that keeps them off leaderboards."""

from __future__ import annotations

from papergraph.core.model import Table
from tests.ingest.tables import grid, table_rows


def test_option_letters_and_set_notation_are_no_part_of_a_method_name() -> None:
    table = Table(
        grid(
            [
                ["Fast R-CNN", "proposals", "feature", "AP@0.5", "AP"],
                ["(a) baseline on conv4", "RPN, {Pk}", "C4", "54.7", "31.9"],
                ["(c) FPN", "RPN, {Pk}", "{Pk}", "56.9", "33.9"],
            ],
            bold={(2, 3), (2, 4)},
        ),
        number="2",
        caption="Table 2. Object detection results on the COCO minival set.",
    )
    rows = table_rows(table, ["FPN"])
    assert {r.method for r in rows} == {"FPN RPN"}
    assert all(r.evidence[0].ablation is None for r in rows)  # the method itself, not a variant


def test_a_change_row_is_its_base_with_the_change_and_an_ablation() -> None:
    table = Table(
        grid(
            [
                ["Refinements", "ResNet-50-D", ""],
                ["", "Top-1", "Top-5"],
                ["Efficient", "77.16", "93.52"],
                ["+ cosine decay", "77.91", "93.81"],
                ["+ mixup w/o distill", "79.15", "94.58"],
            ],
            bold={(4, 1), (4, 2)},
        ),
        number="6",
        caption="Table 6: The validation accuracies on ImageNet for stacking training refinements.",
    )
    rows = table_rows(table, ["ResNet-50-D"])
    # the caption stacks the refinements: the row is named for its chain (chains.py)
    name = "ResNet-50-D + cosine decay + mixup w/o distill"
    assert {(r.method, r.value) for r in rows} >= {(name, 79.15)}
    flagged = [r for r in rows if r.method == name]
    assert all("change of the row above" in (r.evidence[0].ablation or "") for r in flagged)


def test_a_change_row_under_a_column_naming_no_method_takes_the_row_above() -> None:
    table = Table(
        grid(
            [
                ["Refinement", "PixAcc", "mIoU"],
                ["B-standard", "78.08", "37.05"],
                ["D-efficient", "78.88", "38.88"],
                ["+ cosine", "79.25", "39.33"],
            ],
            bold={(3, 1), (3, 2)},
        ),
        number="9",
        caption="Table 9: FCN performance with various base networks evaluated on ADE20K.",
    )
    rows = table_rows(table, ["FCN"])
    assert {r.method for r in rows} == {"D-efficient + cosine"}
    assert all(r.evidence[0].ablation for r in rows)


def test_rows_under_an_ablation_group_row_are_ablations_the_rows_above_are_not() -> None:
    table = Table(
        grid(
            [
                ["Method", "AP"],
                ["(c) FPN", "33.9"],
                ["Ablation experiments follow:"],
                ["(d) FPN bottom-up pyramid", "24.9"],
            ]
        ),
        number="2",
        caption="Table 2. Object detection results on the COCO minival set.",
    )
    found = {r.method: r.evidence[0].ablation for r in table_rows(table, ["FPN"])}
    assert found["FPN"] is None
    assert "ablation" in (found["FPN bottom-up pyramid"] or "")


def test_a_sub_table_of_ablations_marks_all_but_the_full_method() -> None:
    table = Table(
        grid(
            [
                ["", "EM", "F1"],
                ["No char embedding", "65.0", "75.4"],
                ["BIDAF (single)", "67.7", "77.3"],
                ["(b) Ablations on the SQuAD dev set"],
            ]
        ),
        number="1",
        caption="Table 1: (1a) Results on the SQuAD test set. (1b) Ablations on the dev set.",
    )
    rows = table_rows(table, ["BIDAF"])
    assert {(r.method, r.value) for r in rows} == {
        ("BIDAF (single)", 67.7),
        ("BIDAF (single)", 77.3),
    }
    assert all(r.evidence[0].ablation is None for r in rows)  # the full model, by its name


def test_a_main_table_whose_caption_later_speaks_of_an_impact_is_no_ablation() -> None:
    """ "... show the impact of pre-training" explains a main-results table (its own row the
    one printed bold); only a caption titling the table a study makes its rows ablations."""
    rows = [["Model", "SQuAD F1"], ["BiDAF [3]", "77.3"], ["Large model", "88.5"]]
    caption = "Table 1: Results on SQuAD. Baselines without pre-training show the impact of it."
    table = Table(grid(rows, bold={(2, 1)}), number="1", caption=caption)
    [result] = table_rows(table, ["NewNet"])
    assert result.value == 88.5
    assert all(evidence.ablation is None for evidence in result.evidence)
    titled = Table(
        grid(rows, bold={(2, 1)}), number="1", caption="Table 1: Impact of pre-training."
    )
    assert all(e.ablation for r in table_rows(titled, ["NewNet"]) for e in r.evidence)
