"""Result tables that gave no row of their own (issue 14, res29): sub-tables measured in the
metrics their caption gives each, a metric column under a group header borrowing the paper's
data, rows answering the label column's question, and settings printed as "name=value"."""

from __future__ import annotations

from papergraph.core.model import Table
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.table_results import table_results
from tests.ingest.tables import grid, measured, paper_with, table_rows

NODE_TABLE = Table(
    grid(
        [
            ["Model", "(a) Attn. Heads", "(a) ogbn-arxiv", "(a) ogbn-mag", "(b) ogbn-proteins"],
            ["GCN†", "0", "71.74±0.29", "30.43±0.25", "72.51±0.35"],
            ["NewGNN (this work)", "1", "71.78±0.18", "32.61±0.44", "77.23±3.32"],
            ["NewGNN (this work)", "8", "71.87±0.25", "32.52±0.39", "79.52±0.55"],
        ]
    ),
    "1",
    "Table 1: Average accuracy (Table 1a) and ROC-AUC (Table 1b) in node-prediction datasets "
    "(10 runs±std). † – previously reported by Hu et al. (2020).",
)


def test_each_sub_table_takes_the_metric_its_caption_gives_it() -> None:
    found = measured(NODE_TABLE, ["NewGNN"])
    assert ("NewGNN (Attn. Heads: 1)", "ogbn-arxiv", "Accuracy", 71.78) in found
    assert ("NewGNN (Attn. Heads: 8)", "ogbn-mag", "Accuracy", 32.52) in found
    assert ("NewGNN (Attn. Heads: 8)", "ogbn-proteins", "AUC", 79.52) in found
    assert not any(method.startswith("GCN") for method, *_ in found if method)
    assert len(found) == 6  # the heads column is a setting, no result


def test_two_metrics_no_sub_table_is_marked_with_leave_each_column_unmeasured() -> None:
    caption = "Table 1: Average accuracy and ROC-AUC in node-prediction datasets."
    assert not measured(Table(NODE_TABLE.cells, "1", caption), ["NewGNN"])


MAIN_TABLE = Table(
    grid([["Model", "Top-1", "Top-5"], ["ResNet-50 (ours)", "77.16", "93.52"]]),
    "5",
    "Table 5: Validation accuracy on ImageNet of our model.",
)
SETTINGS_TABLE = Table(
    grid(
        [
            ["Model", "Efficient Top-1", "Efficient Top-5", "Baseline Top-1", "Baseline Top-5"],
            ["ResNet-50", "76.21", "92.97", "75.87", "92.70"],
            ["MobileNet", "71.90", "90.47", "69.03", "88.71"],
        ]
    ),
    "3",
    "Table 3: Comparison of the validation accuracy for ResNet-50 between the baseline and a "
    "more hardware efficient setting.",
)


def test_metric_columns_under_group_headers_are_on_the_data_the_papers_other_tables_name() -> None:
    paper = paper_with([MAIN_TABLE, SETTINGS_TABLE], "A paper", "We propose ResNet-50 tricks.")
    rows = table_results(paper, hybrid_matcher(), ["ResNet-50"])
    found = {(r.method, r.dataset, r.metric, r.value) for r in rows if r.evidence[0].table == "3"}
    assert found == {
        ("ResNet-50 (Efficient)", "ImageNet", "Top-1 Accuracy", 76.21),
        ("ResNet-50 (Efficient)", "ImageNet", "Top-5 Accuracy", 92.97),
        ("ResNet-50 (Baseline)", "ImageNet", "Top-1 Accuracy", 75.87),
        ("ResNet-50 (Baseline)", "ImageNet", "Top-5 Accuracy", 92.7),
    }


def test_a_table_whose_headers_name_their_data_borrows_none() -> None:
    table = Table(
        grid(
            [
                ["Model", "BLEU Dataset: QQP 50K", "Baseline BLEU"],
                ["ResNet-50", "30.36", "31.00"],
            ]
        ),
        "3",
        "Table 3: Comparison of different approaches on different datasets.",
    )
    paper = paper_with([MAIN_TABLE, table], "A paper", "We propose ResNet-50 tricks.")
    rows = table_results(paper, hybrid_matcher(), ["ResNet-50"])
    assert not any(r.dataset == "ImageNet" for r in rows if r.evidence[0].table == "3")


SHARING_TABLE = Table(
    grid(
        [
            ["share features?", "AP@0.5", "AP"],
            ["no", "56.9", "33.9"],
            ["yes", "57.2", "34.3"],
        ]
    ),
    "5",
    "Table 5. More object detection results using Faster R-CNN and our FPNs, evaluated on COCO "
    "minival. Sharing features increases train time by 1.5x.",
)


def test_rows_answering_the_label_columns_question_are_the_method_run_each_way() -> None:
    assert measured(SHARING_TABLE, ["FPN"]) == {
        ("FPN (share features: no)", "COCO minival", "AP50", 56.9),
        ("FPN (share features: no)", "COCO minival", "AP", 33.9),
        ("FPN (share features: yes)", "COCO minival", "AP50", 57.2),
        ("FPN (share features: yes)", "COCO minival", "AP", 34.3),
    }


def test_answers_under_a_caption_not_naming_the_method_are_no_rows_of_its() -> None:
    table = Table(SHARING_TABLE.cells, "5", "Table 5. Detection results on COCO minival.")
    assert not table_rows(table, ["FPN"])


def test_columns_apart_by_a_setting_printed_as_its_value_tell_the_rows_runs_apart() -> None:
    table = Table(
        grid(
            [
                ["Model", "BS=256 Top-1", "BS=1024 Top-1"],
                ["ResNet-50 (ours)", "76.03", "75.93"],
            ]
        ),
        "4",
        "Table 4: Top-1 accuracy on ImageNet with two batch sizes.",
    )
    assert measured(table, ["ResNet-50"]) == {
        ("ResNet-50 (BS=256)", "ImageNet", "Top-1 Accuracy", 76.03),
        ("ResNet-50 (BS=1024)", "ImageNet", "Top-1 Accuracy", 75.93),
    }


REPRODUCED_TABLE = Table(
    grid(
        [
            ["Model", "Baseline Top-1", "Baseline Top-5", "Reference Top-1", "Reference Top-5"],
            ["ResNet-50 [9]", "75.87", "92.70", "75.3", "92.2"],
            ["MobileNet [11]", "69.03", "88.71", "70.6", "-"],
        ]
    ),
    "2",
    "Table 2: ImageNet validation accuracy of reference implementations and our baseline.",
)


def test_columns_the_caption_calls_ours_are_the_papers_runs_of_each_rows_model() -> None:
    assert measured(REPRODUCED_TABLE, ["NewNet"]) == {
        ("ResNet-50 (Baseline)", "ImageNet", "Top-1 Accuracy", 75.87),
        ("ResNet-50 (Baseline)", "ImageNet", "Top-5 Accuracy", 92.7),
        ("MobileNet (Baseline)", "ImageNet", "Top-1 Accuracy", 69.03),
        ("MobileNet (Baseline)", "ImageNet", "Top-5 Accuracy", 88.71),
    }


def test_a_caption_calling_no_columns_its_own_leaves_cited_rows_alone() -> None:
    caption = "Table 2: ImageNet validation accuracy of reference implementations and baselines."
    assert not measured(Table(REPRODUCED_TABLE.cells, "2", caption), ["NewNet"])


def test_tick_columns_beside_the_name_say_what_each_row_was_run_with() -> None:
    table = Table(
        grid(
            [
                ["Method", "DA", "Multi-Grid", "MS", "Mean IoU%"],
                ["NewNet-101", "", "", "", "77.57"],
                ["NewNet-101", "X", "", "", "78.83"],
                ["NewNet-101", "X", "X", "", "79.94"],
                ["NewNet-101", "X", "X", "X", "81.50"],
            ]
        ),
        "2",
        "Table 2: Performance comparison between different strategies on Cityscapes.",
    )
    assert measured(table, ["NewNet"]) == {
        ("NewNet-101", "Cityscapes", "Mean IoU", 77.57),
        ("NewNet-101 (DA)", "Cityscapes", "Mean IoU", 78.83),
        ("NewNet-101 (DA, Multi-Grid)", "Cityscapes", "Mean IoU", 79.94),
        ("NewNet-101 (DA, Multi-Grid, MS)", "Cityscapes", "Mean IoU", 81.5),
    }
