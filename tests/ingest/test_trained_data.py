"""A caption naming the data a table's models were trained on qualifies its rows where the
paper gives other values on that dataset and metric (ingest/extract/trained_data.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from papergraph.core.model import Evidence, Result, Table
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.matcher import Match
from papergraph.ingest.extract.table_results import table_results
from papergraph.ingest.extract.trained_data import trained_apart
from tests.ingest.tables import NEWNET_IN1K_TABLE, NEWNET_IN22K_TABLE, paper_with


def _rows(tables: list[Table]) -> set[tuple[str | None, str | None, float | str | None]]:
    text = "We propose NewNet.\n\n" + "\n\n".join(t.caption for t in tables)
    found = table_results(paper_with(tables, "NewNet", text), hybrid_matcher(), ["NewNet"])
    return {(r.method, r.dataset, r.value) for r in found if r.value is not None}


def test_rows_trained_on_more_data_than_another_tables_name_the_data() -> None:
    rows = _rows([NEWNET_IN1K_TABLE, NEWNET_IN22K_TABLE])
    assert ("NewNet-B (ImageNet-22K)", "ImageNet", 86.8) in rows
    assert ("NewNet-B", "ImageNet", 84.9) in rows  # ImageNet-1K is the data its values are on


def test_a_paper_whose_every_table_shares_the_training_data_keeps_short_names() -> None:
    caption = "Table 3. ImageNet top-1 accuracy of models pre-trained on ImageNet-22K."
    rows = _rows([replace(NEWNET_IN22K_TABLE, caption=caption)])
    assert ("NewNet-B", "ImageNet", 86.8) in rows


def _row(method: str, value: float, caption: str, dataset: str = "ImageNet") -> Result:
    cell = Evidence("c", 0, 1, str(value), "table", table="5", caption=caption)
    return Result(method, "image classification", dataset, "Top-1 Accuracy", value, [cell])


def test_labels_or_pretraining_named_in_the_caption_and_methods_that_name_it_already() -> None:
    rows = [
        _row("NewNet-H", 88.9, "Table 5. ImageNet-1K fine-tuning results using IN-21K labels."),
        _row("NewNet-L (IN-22K pretraining)", 87.1, "Table 6. Models pre-trained on IN-22K."),
        _row("NewNet-H", 86.3, "Table 14. ImageNet-1K fine-tuning results."),
    ]
    assert [r.method for r in trained_apart(rows, hybrid_matcher())] == [
        "NewNet-H (IN-21K)",
        "NewNet-L (IN-22K pretraining)",
        "NewNet-H",
    ]


def test_a_caption_naming_alternative_training_sets_names_none_for_all_rows() -> None:
    caption = "Table 5. Top1 accuracy when pre-trained on ImageNet, ImageNet-21k or JFT-300M."
    rows = [
        _row("NewNet-B (JFT-300M)", 99.0, caption, "CIFAR-10"),
        _row("NewNet-B", 97.9, "Table 14. CIFAR-10 fine-tuning results.", "CIFAR-10"),
    ]
    assert [r.method for r in trained_apart(rows, hybrid_matcher())] == [
        "NewNet-B (JFT-300M)",
        "NewNet-B",
    ]


def _text(method: str, value: float, dataset: str = "ImageNet") -> Result:
    return Result(
        method,
        "image classification",
        dataset,
        "Top-1 Accuracy",
        value,
        [Evidence("c", 0, 1, str(value), "text")],
    )


def test_training_data_a_caption_gives_to_other_models_or_leaves_out_names_none() -> None:
    captions = [
        "Table 2. Comparison with models pre-trained on JFT-300M.",
        "Table 2. Our models, unlike those pre-trained on JFT-300M, use ImageNet-1K only.",
        "Table 2. ImageNet results without pre-training on ImageNet-22K.",
    ]
    for caption in captions:
        rows = [_row("Ours", 85.0, caption), _row("Ours", 83.0, "Table 3. ImageNet results.")]
        assert [r.method for r in trained_apart(rows, hybrid_matcher())] == ["Ours", "Ours"], (
            caption
        )


def test_a_value_quoted_in_the_text_tells_no_table_rows_apart() -> None:
    caption = "Table 2. Fine-tuning results of models pre-trained on ImageNet-22K."
    rows = [_row("Ours", 85.0, caption), _text("ResNet-50", 76.1)]
    assert [r.method for r in trained_apart(rows, hybrid_matcher())] == ["Ours", "ResNet-50"]
    rows = [_row("Ours", 85.0, caption), _row("ResNet-50", 76.1, "Table 3. ImageNet results.")]
    assert [r.method for r in trained_apart(rows, hybrid_matcher())] == [
        "Ours (ImageNet-22K)",
        "ResNet-50",
    ]


def test_the_caption_is_read_once_however_many_rows_it_holds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    matcher = hybrid_matcher()
    calls: list[str] = []
    find = matcher.find

    def counted(text: str) -> list[Match]:
        calls.append(text)
        return find(text)

    monkeypatch.setattr(matcher, "find", counted)
    caption = "Table 2. Fine-tuning results of models pre-trained on ImageNet-22K."
    rows = [_row(f"M{i}", 80 + i / 100, caption) for i in range(50)]
    trained_apart([*rows, _row("X", 1.0, "Table 3. ImageNet results.")], matcher)
    assert len(calls) <= 6
    assert all(r.method.endswith("(ImageNet-22K)") for r in rows)


def test_a_caption_setting_its_own_models_among_others_names_their_training_data() -> None:
    # "baselines" or a comparison alone gives the data to other models; with "our" or the
    # state of the art in the same clause the rows are the paper's board, all trained on it
    captions = [
        "Table 2. Results of our model and baselines pre-trained on ImageNet-22K.",
        "Table 2. Comparison with state-of-the-art methods pre-trained on ImageNet-22K.",
    ]
    for caption in captions:
        rows = [_row("Ours", 85.0, caption), _row("Ours", 83.0, "Table 3. ImageNet results.")]
        assert [r.method for r in trained_apart(rows, hybrid_matcher())] == [
            "Ours (ImageNet-22K)",
            "Ours",
        ], caption
