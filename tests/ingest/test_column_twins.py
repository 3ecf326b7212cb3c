"""Two columns of one row giving one dataset and metric, told apart by their headers
(ingest/extract/column_twins.py)."""

from __future__ import annotations

from papergraph.core.model import Table
from tests.ingest.tables import grid, table_rows


def _found(rows: list[list[str]], caption: str, name: str = "NewNet") -> set[tuple]:
    table = Table(grid(rows), number="1", caption=caption)
    return {(r.method, r.dataset, r.metric, r.value) for r in table_rows(table, [name])}


def test_a_single_model_and_an_ensemble_column_are_the_method_run_two_ways() -> None:
    found = _found(
        [
            ["Model", "Single Model EM", "Ensemble EM"],
            ["Baseline [3]", "40.4", "50.1"],
            ["NewNet (Ours)", "68.0", "73.3"],
        ],
        "Table 1: Results on the SQuAD test set.",
    )
    assert {(m, v) for m, _, _, v in found} == {
        ("NewNet (Single Model)", 68.0),
        ("NewNet (Ensemble)", 73.3),
    }


def test_the_ap_at_one_iou_and_over_the_coco_range_are_two_metrics_of_one_method() -> None:
    found = _found(
        [["Model", "mAP@.5", "mAP@[.5, .95]"], ["NewNet", "48.4", "27.2"]],
        "Table 1: Object detection mAP (%) on COCO.",
    )
    assert {(m, metric, v) for m, _, metric, v in found} == {
        ("NewNet", "AP50", 48.4),
        ("NewNet", "AP", 27.2),  # the caption's "mAP" says no better
    }


def test_median_and_mean_columns_are_two_statistics_of_the_caption_metric() -> None:
    found = _found(
        [["Agent", "Median", "Mean", "Env. Frames"], ["NewNet", "2041.1%", "4999.2%", "20.0B"]],
        "Table 1: Results in Atari. Mean and median scores are given, compared to human testers.",
    )
    assert {(m, metric, v) for m, _, metric, v in found} == {
        ("NewNet", "Median Score", 2041.1),
        ("NewNet", "Mean Score", 4999.2),
    }


def test_a_test_column_still_wins_over_a_validation_column() -> None:
    found = _found(
        [["Model", "Val Top-1 Acc", "Test Top-1 Acc"], ["NewNet", "56.3", "57.2"]],
        "Table 1: Results on Places365.",
    )
    assert {(m, v) for m, _, _, v in found} == {("NewNet", 57.2)}


def test_box_and_mask_columns_are_two_metrics_and_one_value_printed_twice_one_row() -> None:
    boxes = _found(
        [["Model", "box AP50", "mask AP50"], ["NewNet", "72.6", "70.0"]],
        "Table 1: Object detection and instance segmentation results on COCO.",
    )
    twice = _found(
        [["Model", "Published EM", "LeaderBoard EM"], ["NewNet", "76.2", "76.2"]],
        "Table 1: Results on the SQuAD test set.",
    )
    # the mask value is no box AP50: a metric of its own
    assert boxes == {("NewNet", "COCO", "AP50", 72.6), ("NewNet", "COCO", "mask AP50", 70.0)}
    assert twice == {("NewNet", "SQuAD", "EM", 76.2)}


def test_a_validation_column_beside_told_apart_test_columns_gives_no_row() -> None:
    found = _found(
        [
            ["Model", "Val EM", "Single Model Test EM", "Ensemble Test EM"],
            ["NewNet", "60.1", "68.0", "73.3"],
        ],
        "Table 1: Results on SQuAD.",
    )
    assert {(m, v) for m, _, _, v in found} == {
        ("NewNet (Single Model)", 68.0),
        ("NewNet (Ensemble)", 73.3),
    }


def test_four_columns_crossing_two_ways_each_name_both_words_they_differ_in() -> None:
    found = _found(
        [
            [
                "Method",
                "Detection F1-score Sub-activity (%)",
                "Detection F1-score Object Affordance (%)",
                "Anticipation F1-score Sub-activity (%)",
                "Anticipation F1-score Object Affordance (%)",
            ],
            ["Koppula et al. [31]", "80.4", "81.5", "37.9", "36.7"],
            ["NewNet", "83.2", "88.7", "62.3", "80.7"],
        ],
        "Table 3: Results on CAD-120 [29].",
    )
    assert {(m, v) for m, _, _, v in found} == {
        ("NewNet (Detection Sub-activity)", 83.2),
        ("NewNet (Detection Object Affordance)", 88.7),
        ("NewNet (Anticipation Sub-activity)", 62.3),
        ("NewNet (Anticipation Object Affordance)", 80.7),
    }


def test_columns_differing_in_a_short_code_after_a_hyphen_are_two_settings() -> None:
    found = _found(
        [
            ["Method", "SQuAD top-p", "SQuAD top-k"],
            ["LogRank", "0.92", "0.90"],
            ["NewNet", "0.94", "0.93"],
        ],
        "Table 3: AUROC for zero-shot methods for both top-k and top-p sampling.",
    )
    # "top-p" and "top-k" are no one word spelt twice, as "approachs" and "approaches" are
    assert {(m, v) for m, _, _, v in found} == {("NewNet (top-p)", 0.94), ("NewNet (top-k)", 0.93)}


def test_box_and_mask_ap_under_superscripts_read_apart_are_two_rows() -> None:
    """PoolFormer's Table 3: "AP" under "b" and under "m" (a header line of superscripts):
    the mask AP is a result of its own, not the box AP's twin dropped."""
    found = _found(
        [
            ["Backbone", "b", "b", "m"],
            ["", "AP", "AP50", "AP"],
            ["ResNet-18 [24]", "34.0", "54.0", "31.2"],
            ["NewNet-S12", "37.3", "59.0", "34.6"],
        ],
        "Table 3: Object detection and instance segmentation using Mask R-CNN on COCO val2017.",
    )
    assert {(m, metric, v) for m, _, metric, v in found} == {
        ("NewNet-S12", "box AP", 37.3),
        ("NewNet-S12", "AP50", 59.0),
        ("NewNet-S12", "mask AP", 34.6),
    }


def test_columns_with_and_without_a_thing_are_the_method_run_two_ways() -> None:
    """ "w/" and "w/o" are spelled alike but tell the method's two runs apart (GATv2's Table 3a:
    ogbl-collab with and without the validation edges); neither is a validation column."""
    found = _found(
        [
            ["Model", "ogbl-collab", "ogbl-collab"],
            ["", "w/o val edges", "w/ val edges"],
            ["Baseline [3]", "44.75", "47.14"],
            ["NewNet (ours)", "42.85", "49.70"],
        ],
        "Table 3: Average Hits@50 in link-prediction benchmarks (10 runs).",
    )
    assert {(m, v) for m, _, _, v in found} == {
        ("NewNet (w/o val edges)", 42.85),
        ("NewNet (w/ val edges)", 49.7),
    }


def test_one_value_under_two_settings_other_rows_tell_apart_is_a_row_per_setting() -> None:
    found = _found(
        [
            ["Method", "XSum top-p", "XSum top-k"],
            ["LogRank", "0.93", "0.90"],
            ["NewNet", "0.98", "0.98"],
        ],
        "Table 3: AUROC for zero-shot methods for both top-k and top-p sampling.",
    )
    # LogRank's row shows the columns measure two things: NewNet's 0.98 holds for each
    assert {(m, v) for m, _, _, v in found} == {("NewNet (top-p)", 0.98), ("NewNet (top-k)", 0.98)}


def test_letter_codes_the_caption_explains_as_parts_keep_each_part_and_the_whole() -> None:
    found = _found(
        [
            ["Method", "BLEU U", "BLEU S", "BLEU A"],
            ["NewNet", "46.7", "62.1", "55.3"],
        ],
        'Table 14: Results on WebNLG. "U" indicates unseen categories, "S" indicates seen '
        'categories, and "A" indicates all categories in the test set of WebNLG.',
    )
    # the unseen part's BLEU never stands for the dataset's; "all" is the dataset itself
    assert {(d, v) for _, d, _, v in found} == {
        ("WebNLG (unseen)", 46.7),
        ("WebNLG (seen)", 62.1),
        ("WebNLG", 55.3),
    }


def test_a_lone_coded_column_still_names_its_part() -> None:
    found = _found(
        [["Method", "BLEU U", "METEOR"], ["NewNet", "46.7", "0.41"]],
        'Table 2: Results on WebNLG. "U" indicates unseen categories.',
    )
    assert ("WebNLG (unseen)", "BLEU", 46.7) in {(d, m, v) for _, d, m, v in found}


def test_one_value_under_published_and_leaderboard_columns_is_one_row_though_others_differ() -> (
    None
):
    """BiDAF's two numbers differ, but NewNet's one value is one fact of one method, not
    "NewNet (Published)" and "NewNet (LeaderBoard)" on one board."""
    found = _found(
        [
            ["Model", "SQuAD Published", "SQuAD LeaderBoard"],
            ["BiDAF", "77.3", "76.9"],
            ["NewNet", "88.5", "88.5"],
        ],
        "Table 2: F1 on the SQuAD test set.",
    )
    assert {(m, v) for m, _, _, v in found} == {("NewNet", 88.5)}


def test_coded_part_columns_beside_an_uncoded_one_each_keep_their_part() -> None:
    """GZSL's "U | S | H": the unseen classes' accuracy never stands for the dataset's."""
    found = _found(
        [
            ["Method", "CUB U", "CUB S", "CUB H"],
            ["Baseline", "23.7", "62.8", "34.4"],
            ["NewNet", "47.5", "52.4", "49.9"],
        ],
        "Table 2: Top-1 accuracy on CUB. U: unseen classes, S: seen classes, H: harmonic mean.",
    )
    assert ("NewNet", "CUB", "Top-1 Accuracy", 47.5) not in found
    assert {(d, v) for _, d, _, v in found} >= {("CUB (unseen)", 47.5), ("CUB (seen)", 52.4)}
