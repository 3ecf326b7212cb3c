"""Metric names as headers print them: an error is never read as an accuracy."""

from __future__ import annotations

import pytest

from papergraph.ingest.extract.metric_names import bare_top_k, metrics_named, read_metric


@pytest.mark.parametrize(
    ("header", "label"),
    [
        ("top-5 err.", "Top-5 Error"),
        ("top-5 localization err val", "Top-5 Localization Error"),
        ("top-5 LOC error on predicted CLS", "Top-5 Localization Error"),
        ("Top-1 error rate", "Top-1 Error"),
        ("top-1 acc", "Top-1 Accuracy"),
    ],
)
def test_a_top_k_header_reads_as_error_or_accuracy_by_its_words(header: str, label: str) -> None:
    metric = read_metric(header)
    assert metric is not None and metric.label == label
    assert metric.higher_is_better is (label.endswith("Accuracy"))


def test_a_bare_top_k_header_takes_error_or_accuracy_from_its_caption() -> None:
    error = bare_top_k("top-1", "Table 4. Error rates (%) of single-model results on ImageNet.")
    accuracy = bare_top_k("Top-5", "Table 5. Results on ImageNet.")
    assert error is not None and (error.label, error.higher_is_better) == ("Top-1 Error", False)
    assert accuracy is not None and accuracy.label == "Top-5 Accuracy"
    assert bare_top_k("top-5 err.", "Error rates") is None  # says which itself


def test_scores_of_a_named_metric_are_that_metric_and_bare_scores_are_a_score() -> None:
    assert [m.label for m in metrics_named("better BLEU scores than before")] == ["BLEU"]
    assert [m.label for m in metrics_named("Raw scores of agents on Atari games.")] == ["Score"]


@pytest.mark.parametrize(
    ("header", "label"),
    [
        ("ROUGE-1", "ROUGE-1"),
        ("Rouge-2 F1", "ROUGE-2"),
        ("ROUGE-L", "ROUGE-L"),
        ("ROUGE-Lsum", "ROUGE-L"),
        ("ROUGE scores", "ROUGE"),
        ("RG-1", "ROUGE-1"),  # a summarisation table's short headers: "RG-1 | RG-2 | RG-L"
        ("RG-2", "ROUGE-2"),
        ("RG-L", "ROUGE-L"),
    ],
)
def test_rouge_1_2_and_l_are_metrics_of_their_own(header: str, label: str) -> None:
    metric = read_metric(header)
    assert metric is not None and metric.label == label and metric.higher_is_better


def test_a_caption_of_rouge_2_results_gives_rouge_2_rows_and_the_scorer_keeps_them_apart() -> None:
    from benchmarks.results_pdf import same_metric
    from papergraph.core.canonical import canonical
    from papergraph.core.model import EntityType

    caption = "Table 15: ROUGE-2 results in GEM summarization datasets."
    assert [m.label for m in metrics_named(caption)] == ["ROUGE-2"]
    assert same_metric("ROUGE-2", "ROUGE-2") and not same_metric("ROUGE-2", "ROUGE-L")
    assert canonical("Rouge-2", EntityType.METRIC).label == "ROUGE-2"  # one node per kind
    assert canonical("ROUGE-L", EntityType.METRIC).key != canonical("ROUGE", EntityType.METRIC).key


def test_a_lower_case_em_after_a_task_is_exact_match_and_the_unit_is_none() -> None:
    """RWKV's Table 4 prints lm-eval-harness headers ("ReCoRD em", "triviaQA acc")."""
    assert read_metric("ReCoRD em") == read_metric("EM")
    assert read_metric("em") is None and read_metric("width 12 em") is None


def test_a_question_generation_table_s_short_headers_are_bleu_meteor_and_rouge_l() -> None:
    """ "BLEU-4 | MTR | RG-L" (GLM's SQuAD question generation table)."""
    labels = [read_metric(header) for header in ("BLEU-4", "MTR", "RG-L")]
    assert [metric.label if metric else None for metric in labels] == ["BLEU", "METEOR", "ROUGE-L"]
    assert read_metric("MTRX") is None  # a word of its own is no METEOR


@pytest.mark.parametrize(
    ("header", "label"),
    [
        ("AR100", "AR@100"),
        ("AR1k", "AR@1k"),
        ("AR1ks", "AR@1k small"),
        ("AR1kl", "AR@1k large"),
        ("ARm", "ARm"),
        ("LM1B PPLX @ 1.5M Steps", "Perplexity"),
    ],
)
def test_proposal_recall_and_pplx_headers_name_their_metric(header: str, label: str) -> None:
    """FPN's proposal tables ("AR100 | AR1k | AR1ks"), Primer's "PPLX @ 1M Steps"."""
    metric = read_metric(header)
    assert metric is not None and metric.label == label


def test_a_bare_ar_is_no_recall() -> None:
    """ "AR" heads autoregressive decoding as often as average recall."""
    assert read_metric("AR") is None and read_metric("AR model") is None


@pytest.mark.parametrize(
    ("header", "label"),
    [
        ("Mask R-CNN 1× b AP", "box AP"),
        ("Mask R-CNN 1× m AP", "mask AP"),
        ("Mask R-CNN 1× m AP75", "mask AP75"),
        ("Mask R-CNN 1× b AP50", "AP50"),
        ("APm", "APM"),  # AP of medium objects, printed without a superscript line above
        ("mAP", "mAP"),
    ],
)
def test_a_superscript_b_or_m_read_on_its_own_line_says_box_or_mask(
    header: str, label: str
) -> None:
    """COCO tables print AP^b and AP^m; a reader that puts the superscripts on a header line of
    their own joins them before the AP ("b AP"): box and mask AP, two metrics, not one AP."""
    metric = read_metric(header)
    assert metric is not None and metric.label == label


@pytest.mark.parametrize(
    ("header", "label"), [("AP0.5", "AP50"), ("AP0.75", "AP75"), ("AP@0.5", "AP50")]
)
def test_an_iou_threshold_printed_as_a_fraction_is_the_ap_at_that_threshold(
    header: str, label: str
) -> None:
    metric = read_metric(header)
    assert metric is not None and metric.label == label


@pytest.mark.parametrize(
    ("header", "label"),
    [
        ("mAP@.5", "AP50"),
        ("mAP@0.5", "AP50"),
        ("mAP@.75", "AP75"),
        ("mAP@[.5, .95]", "AP"),
        ("AP@[.5:.95]", "AP"),
        ("mAP", "mAP"),
    ],
)
def test_a_mean_ap_at_an_iou_threshold_or_over_cocos_range_reads_as_cocos_ap(
    header: str, label: str
) -> None:
    metric = read_metric(header)
    assert metric is not None and metric.label == label


def test_a_normalised_accuracy_keeps_its_variant() -> None:
    """lm-eval-harness's "acc_norm" (RWKV's HellaSwag column) and a "normalized accuracy" are
    one measure of their own, not the plain accuracy printed beside them."""
    from papergraph.ingest.extract.metric_names import canonical

    for printed in ("HellaSwag acc_norm", "Accuracy (normalized)", "normalised accuracy"):
        assert canonical(printed) is not None
        assert canonical(printed).label == "Normalized Accuracy"  # type: ignore[union-attr]
    assert canonical("PIQA acc").label == "Accuracy"  # type: ignore[union-attr]
