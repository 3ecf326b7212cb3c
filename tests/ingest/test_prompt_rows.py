"""Rows of a models-across-the-top table that print a dataset, a metric and a prompt down their
label columns (InstructGPT's Table 14 shape, issue 14): the metric a dataset's own tables name
("true", "true + info" on TruthfulQA), carried down its block, the prompt qualifying the model,
and a language pair with its year as the text's WMT test set."""

from __future__ import annotations

from papergraph.core.model import Table
from papergraph.ingest.extract.dataset_measures import dataset_metric
from papergraph.ingest.extract.dataset_task_data import stated_task
from papergraph.ingest.extract.dataset_tasks import dataset_tasks
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.prompt_rows import prompt_setting
from papergraph.ingest.extract.table_results import table_results
from papergraph.ingest.extract.text_test_sets import pair_test_set
from tests.ingest.tables import grid, measured, paper_with

TRUTHFUL = Table(
    grid(
        [
            ["Task", "Metric", "Prompt", "GPT", "NewNet"],
            ["Truthful QA", "true", "QA prompt", "0.312", "0.712"],
            ["", "", "instruction", "0.340", "0.815"],
            ["", "true + info", "QA prompt", "0.193", "0.689"],
            ["", "", "instruction", "0.212", "0.494"],
        ]
    ),
    "14",
    "Table 14: Automatic evaluations",
)


def test_a_datasets_own_measure_in_a_metric_column_reaches_the_rows_of_its_block() -> None:
    found = measured(TRUTHFUL, ["newnet"])
    assert ("NewNet (QA prompt)", "TruthfulQA", "% true", 0.712) in found
    assert ("NewNet (instruction)", "TruthfulQA", "% true", 0.815) in found
    assert ("NewNet (QA prompt)", "TruthfulQA", "% true + info", 0.689) in found
    assert ("NewNet (instruction)", "TruthfulQA", "% true + info", 0.494) in found
    assert len(found) == 4  # no prompt's value stands for another's


def test_a_datasets_short_measure_names_measure_nothing_elsewhere() -> None:
    assert dataset_metric("TruthfulQA", "true + info QA prompt") == dataset_metric(
        "TruthfulQA", "% true + info"
    )
    assert dataset_metric("TruthfulQA", "true") != dataset_metric("TruthfulQA", "true + info")
    assert dataset_metric("ImageNet", "true") is None


def test_the_prompt_is_what_the_label_prints_beside_its_metric_and_shots() -> None:
    assert prompt_setting("true + info QA prompt", "TruthfulQA", False) == ("QA prompt",)
    assert prompt_setting("instruction", "TruthfulQA", True) == ("instruction",)
    assert prompt_setting("BLEU zero-shot", "WMT 2015 French-English", False) == ()
    assert prompt_setting("Gender", "CrowS-Pairs", False) == ()  # a part, no setting
    assert prompt_setting("Accuracy two-shot CoT", "GSM8K", False) == ("CoT",)


def test_words_beside_a_metric_that_name_no_prompt_qualify_no_model() -> None:
    """A split, a version, a second metric, a direction or a tokenisation printed beside the
    metric says which measure it is, not how the model was asked (review18)."""
    for label, dataset in [
        ("F1 (dev)", "SQuAD"),
        ("EM test", "SQuAD"),
        ("BLEU detok", "WMT 2014 English-German"),
        ("acc / F1", "MRPC"),
        ("f1 v2.0", "SQuAD"),
        ("Perplexity (lower is better)", "WikiText-103"),
    ]:
        assert prompt_setting(label, dataset, False) == (), label
    assert prompt_setting("Avg", "GLUE", True) == ()


def test_a_metric_with_a_second_measure_or_version_keeps_only_the_shots() -> None:
    table = Table(
        grid(
            [
                ["Task", "Metric", "Shots", "GPT", "NewNet"],
                ["MRPC", "acc / F1", "zero-shot", "70.0", "71.0"],
                ["", "", "few-shot", "72.0", "73.0"],
                ["WikiText-103", "ppl (lower is better)", "zero-shot", "20.1", "19.0"],
                ["SQuAD", "f1 v2.0", "zero-shot", "50.0", "51.0"],
            ]
        ),
        "14",
        "Table 14: Automatic evaluations",
    )
    methods = {method for method, *_ in measured(table, ["newnet"])}
    assert methods == {"NewNet (zero-shot)", "NewNet (few-shot)"}


def test_a_language_pair_printed_with_its_year_is_that_years_wmt_test_set() -> None:
    sets = {frozenset({"French", "English"}): "2014"}
    assert pair_test_set("FR → EN 15", sets) == "WMT 2015 French-English"
    assert pair_test_set("fr-en", sets) == "WMT 2014 French-English"
    assert pair_test_set("FR → EN 15", {}) is None  # the text names no WMT test set for it


def test_a_block_labelled_by_a_language_pair_gives_its_rows_the_wmt_test_set() -> None:
    table = Table(
        grid(
            [
                ["Task", "Metric", "Prompt", "GPT", "NewNet"],
                ["FR → EN 15", "BLEU", "zero-shot", "30.65", "34.28"],
                ["", "", "few-shot", "31.37", "36.76"],
            ]
        ),
        "14",
        "Table 14: Automatic evaluations",
    )
    text = "We propose NewNet.\n\nWe evaluate on WMT 15 Fr → En (Bojar et al., 2015)."
    paper = paper_with([table], "A paper", text)
    found = {
        (r.method, r.dataset, r.metric, r.value)
        for r in table_results(paper, hybrid_matcher(), ["newnet"])
    }
    assert ("NewNet (zero-shot)", "WMT 2015 French-English", "BLEU", 34.28) in found
    assert ("NewNet (few-shot)", "WMT 2015 French-English", "BLEU", 36.76) in found


def test_a_label_printing_its_own_dataset_before_its_metric_prints_no_prompt() -> None:
    """PaLM's "Drop (F1)", Primer's "CoQa f1": the words besides the metric are the dataset."""
    table = Table(
        grid([["Task", "GPT", "NewNet"], ["CoQa f1", "50.1", "59.1"], ["Drop (F1)", "60", "69.4"]]),
        "6",
        "Table 6: Results of NewNet.",
    )
    assert {method for method, *_ in measured(table, ["newnet"])} == {"NewNet"}


def test_a_wmt_years_test_sets_and_truthfulqa_are_evaluated_for_their_tasks() -> None:
    matcher = hybrid_matcher()
    assert dataset_tasks("WMT 2015 French-English", matcher).most_common(1)[0][0] == (
        "machine translation"
    )
    assert "question answering" in dataset_tasks("TruthfulQA", matcher)


def test_a_years_test_set_for_a_language_pair_has_its_benchmarks_stated_task() -> None:
    assert stated_task("WMT 2015 French-English") == "machine translation"
    assert stated_task("WMT 2019 German-French") == "machine translation"
    assert stated_task("CrowS-Pairs") is None
