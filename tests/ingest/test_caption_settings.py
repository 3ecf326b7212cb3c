"""Rows two tables of one paper give alike but for their value are told apart by their captions
(ingest/extract/caption_settings.py)."""

from __future__ import annotations

from papergraph.core.model import Evidence, Result
from papergraph.ingest.extract.caption_settings import (
    beside_unit,
    differing,
    named_settings,
    on_dev,
    told_apart,
)


def _row(method: str, dataset: str, value: float, table: str, caption: str) -> Result:
    cell = Evidence("c", 0, 1, str(value), "table", table=table, caption=caption)
    return Result(method, "Atari games", dataset, "Score", value, [cell])


S1 = "Table S1: Evaluation of MuZero in Atari for individual games with 30 random no-op starts. Best."
S2 = "Table S2: Evaluation of MuZero in Atari for individual games from human start positions."


def test_two_tables_in_two_evaluation_settings_name_the_setting_on_each_row() -> None:
    rows = [
        _row("MuZero", "Atari 2600 Alien", 741812.63, "S1", S1),
        _row("MuZero", "Atari 2600 Alien", 713387.37, "S2", S2),
        _row("MuZero", "Atari 2600 Skiing", -29968.36, "S1", S1),  # S2 lost this game
    ]
    assert [r.method for r in told_apart(rows)] == [
        "MuZero (30 random no-op starts)",
        "MuZero (human start positions)",
        "MuZero (30 random no-op starts)",
    ]


def test_a_split_the_captions_differ_in_qualifies_the_dataset() -> None:
    dev = "Table 6: Results on SuperGLUE dev set. We compare with T5-11B."
    test = "Table 8: Results on SuperGLUE test set (leaderboard). We compare with others."
    rows = [_row("PaLM", "BoolQ", 92.2, "6", dev), _row("PaLM", "BoolQ", 91.9, "8", test)]
    assert [(r.method, r.dataset) for r in told_apart(rows)] == [
        ("PaLM", "BoolQ dev"),
        ("PaLM", "BoolQ test"),
    ]


def test_one_word_apart_keeps_the_name_before_it_and_a_misspelling_is_no_setting() -> None:
    medium = (
        "Comparison of different approachs to adapt GPT2 Medium for paraphrase generation".split()
    )
    large = (
        "Comparison of different approaches to adapt GPT2 Large for paraphrase generation".split()
    )
    assert differing(medium, large) == (["GPT2", "Medium"], ["GPT2", "Large"])


# ResNet (1512.03385) Tables 3 and 4, as the PDF prints their captions.
RESNET_10_CROP = (
    "Table 3. Error rates (%, 10-crop testing) on ImageNet validation. VGG-16 is based on our test."
)
RESNET_SINGLE = (
    "Table 4. Error rates (%) of single-model results on the ImageNet validation set (except"
    " reported on the test set)."
)


def test_a_setting_beside_the_unit_tells_apart_captions_that_differ_in_much() -> None:
    rows = [
        _row("ResNet-152", "ImageNet", 21.43, "3", RESNET_10_CROP),
        _row("ResNet-152", "ImageNet", 19.38, "4", RESNET_SINGLE),
        _row("ResNet-50", "ImageNet", 22.85, "3", RESNET_10_CROP),
        _row("ResNet-50", "ImageNet", 20.74, "4", RESNET_SINGLE),
    ]
    assert [(r.method, r.value) for r in told_apart(rows)] == [
        ("ResNet-152 (10-crop testing)", 21.43),
        ("ResNet-152", 19.38),
        ("ResNet-50 (10-crop testing)", 22.85),
        ("ResNet-50", 20.74),
    ]


def test_only_a_setting_after_the_unit_is_read_from_brackets() -> None:
    assert beside_unit("Error rates (%, 10-crop testing) on ImageNet", "Error rates (%)") == (
        ["10-crop", "testing"],
        [],
    )
    assert beside_unit("Accuracy (in %, 5-shot)", "Accuracy (in %, 5-shot) on dev") == ([], [])
    assert beside_unit("AUROC (500 samples used for evaluation)", "Nucleus (top-p) sampling") == (
        [],
        [],
    )


def test_captions_that_say_different_things_name_no_setting_and_rows_stay() -> None:
    # DetectGPT (2301.11305) Tables 1 and 3, first sentences as printed.
    table1 = (
        "Table 1. AUROC for detecting samples from the given model on the given dataset for"
        " DetectGPT and four previously proposed criteria (500 samples used for evaluation)."
    )
    table3 = (
        "Table 3. AUROC for zero-shot methods averaged across the five models in Table 1 for both"
        " top-k and top-p sampling, with k = 40 and p = 0.96. Both settings enable slightly more."
    )
    rows = [
        _row("DetectGPT", "XSum", 0.97, "1", table1),
        _row("DetectGPT", "XSum", 0.98, "3", table3),
    ]
    assert [r.method for r in told_apart(rows)] == ["DetectGPT", "DetectGPT"]


def test_equal_values_or_one_table_are_left_alone() -> None:
    same = [
        _row("MuZero", "Atari 2600 Pong", 21.0, "S1", S1),
        _row("MuZero", "Atari 2600 Pong", 21.0, "S2", S2),
    ]
    one_table = [_row("XLNet", "QNLI", 93.9, "4", S1), _row("XLNet", "QNLI", 98.6, "4", S1)]
    assert {r.method for r in told_apart(same) + told_apart(one_table)} == {"MuZero", "XLNet"}


def test_a_caption_saying_the_values_are_a_dev_sets_puts_each_row_on_that_split() -> None:
    def row(dataset: str, caption: str) -> Result:
        cell = Evidence("c", 0, 1, "71.2", "table", table="1", caption=caption)
        return Result("NewNet", "nli", dataset, "Accuracy", 71.2, [cell])

    rows = [
        row("RTE", "Table 1: Results on the SuperGLUE dev set. Best in bold."),
        row("SQuAD2.0", "Table 10: The development set performances of reading models."),
        row("SWAG", "Table 4: SWAG Dev and Test accuracies."),  # no one split
        row("ADE20K", "Table 2: Semantic segmentation on ADE20K val."),  # its reported set
        row("SuperGLUE dev", "Table 6: Results on SuperGLUE dev set."),  # said already
    ]
    assert [r.dataset for r in on_dev(rows)] == [
        "RTE dev",
        "SQuAD2.0 dev",
        "SWAG",
        "ADE20K",
        "SuperGLUE dev",
    ]


def test_a_column_header_saying_dev_set_puts_its_rows_on_that_split() -> None:
    """STaR (2203.14465, Table 1, p. 8): "CQA Dev Set Accuracy (%)" over STaR's 72.3 is
    CommonsenseQA's dev set, though the caption says no split; a header naming a test set too,
    or a test-dev split, is left alone."""

    def row(dataset: str, header: str) -> Result:
        caption = "Table 1: We evaluate a variety of baselines, including a few-shot GPT-J."
        cell = Evidence("c", 0, 1, "72.3", "table", table="1", caption=caption)
        cell.row_header, cell.column_header = "STaR", header
        return Result("STaR", "question answering", dataset, "Accuracy", 72.3, [cell])

    rows = [
        row("CommonsenseQA", "CQA Dev Set Accuracy (%)"),
        row("CommonsenseQA", "Train Data Used (%)"),
        row("SQuAD1.1", "Dev and Test EM"),
        row("COCO test-dev", "test-dev AP"),
    ]
    found = [r.dataset for r in on_dev(rows)]
    assert found == ["CommonsenseQA dev", "CommonsenseQA", "SQuAD1.1", "COCO test-dev"]


def test_a_standard_deviation_or_a_missing_dataset_is_no_dev_split() -> None:
    def row(dataset: str | None, caption: str) -> Result:
        cell = Evidence("c", 0, 1, "71.2", "table", table="1", caption=caption)
        return Result("NewNet", None, dataset, "Accuracy", 71.2, [cell])

    rows = [
        row("CIFAR-10", "Table 1: Accuracy on CIFAR-10 (mean and std dev over 5 seeds)."),
        row(None, "Table 2: Results on the GLUE dev set."),
    ]
    assert [r.dataset for r in on_dev(rows)] == ["CIFAR-10", None]


# DetectGPT (2301.11305): Table 3 prints top-p and top-k columns, its appendix Tables 4 and 5
# one sampling each, Table 1 neither; captions' first sentences as the PDF prints them.
DETECT_1 = (
    "Table 1. AUROC for detecting samples from the given model on the given dataset for"
    " DetectGPT and four previously proposed criteria (500 samples used for evaluation)."
)
DETECT_3 = (
    "Table 3. AUROC for zero-shot methods averaged across the five models in Table 1 for both"
    " top-k and top-p sampling, with k = 40 and p = 0.96. Both settings enable slightly more."
)
DETECT_4 = "Table 4. Nucleus (top-p) sampling evaluation with p = 0.96. AUROC for detecting."
DETECT_5 = "Table 5. Top-k sampling evaluation with k = 40. DetectGPT generally provides the most."


def test_a_caption_naming_a_setting_the_paper_prints_after_the_method_takes_it() -> None:
    rows = [
        _row("DetectGPT", "SQuAD", 0.92, "1", DETECT_1),
        _row("DetectGPT (top-p)", "SQuAD", 0.94, "3", DETECT_3),
        _row("DetectGPT (top-k)", "SQuAD", 0.93, "3", DETECT_3),
        _row("DetectGPT", "XSum", 0.98, "3", DETECT_3),  # both columns 0.98: one row, no setting
        _row("DetectGPT", "XSum", 0.97, "1", DETECT_1),
        _row("DetectGPT", "SQuAD", 0.94, "4", DETECT_4),
        _row("DetectGPT", "WritingPrompts", 0.98, "4", DETECT_4),
        _row("DetectGPT", "SQuAD", 0.93, "5", DETECT_5),
    ]
    assert [(r.method, r.dataset, r.value) for r in told_apart(rows)] == [
        ("DetectGPT", "SQuAD", 0.92),
        ("DetectGPT (top-p)", "SQuAD", 0.94),
        ("DetectGPT (top-k)", "SQuAD", 0.93),
        ("DetectGPT", "XSum", 0.98),  # Table 3's caption names both settings: none
        ("DetectGPT", "XSum", 0.97),
        ("DetectGPT (top-p)", "SQuAD", 0.94),
        ("DetectGPT (top-p)", "WritingPrompts", 0.98),
        ("DetectGPT (top-k)", "SQuAD", 0.93),
    ]


def test_a_setting_the_paper_never_prints_after_the_method_is_not_read_from_a_caption() -> None:
    rows = [
        _row("DetectGPT", "SQuAD", 0.92, "1", DETECT_1),
        _row("DetectGPT", "SQuAD", 0.94, "4", DETECT_4),
    ]
    assert named_settings(rows) == {}
    assert [r.method for r in told_apart(rows)] == ["DetectGPT", "DetectGPT"]


def test_a_method_qualified_by_its_column_takes_the_setting_printed_after_its_base_name() -> None:
    """Table 4's per-model column gives "DetectGPT (GPT-2)", Table 1's another value: Table 4's
    caption names top-p, which the paper prints after "DetectGPT" (Table 3)."""
    rows = [
        _row("DetectGPT (top-p)", "SQuAD", 0.94, "3", DETECT_3),
        _row("DetectGPT (GPT-2)", "WritingPrompts", 0.99, "1", DETECT_1),
        _row("DetectGPT (GPT-2)", "WritingPrompts", 1.0, "4", DETECT_4),
    ]
    assert [r.method for r in told_apart(rows)] == [
        "DetectGPT (top-p)",
        "DetectGPT (GPT-2)",
        "DetectGPT (GPT-2, top-p)",
    ]


def test_a_quantity_printed_after_a_method_is_named_by_its_number_in_a_later_caption_sentence() -> (
    None
):
    co_design = (
        "Table 3. Co-design matters. We report the fine-tuning performance from 800 epoch "
        "pre-trained models."
    )
    full = "Table 14. ImageNet-1K fine-tuning results with a single 224×224 crop."
    compared = "Table 4. Comparisons with previous masked image modeling approaches."
    rows = [
        _row("NewNet-B", "ImageNet", 84.6, "3", co_design),
        _row("NewNet-B (PT epoch: 800)", "ImageNet", 84.6, "4", compared),
        _row("NewNet-B (PT epoch: 1600)", "ImageNet", 84.9, "4", compared),
        _row("NewNet-B", "ImageNet", 84.9, "14", full),
    ]
    assert [r.method for r in told_apart(rows)] == [
        "NewNet-B (PT epoch: 800)",
        "NewNet-B (PT epoch: 800)",
        "NewNet-B (PT epoch: 1600)",
        "NewNet-B",
    ]
