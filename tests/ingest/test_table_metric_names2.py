"""Metric and dataset names tables and captions print in a field's own way (issue 14, res26)."""

from __future__ import annotations

from papergraph.core.model import Table
from papergraph.ingest.extract.dataset_tasks import row_task
from papergraph.ingest.extract.hybrid import HybridExtractor, hybrid_matcher
from papergraph.ingest.extract.metric_names import read_metric
from tests.ingest.tables import grid, paper_with, table_rows


def _rows(table: Table, names: list[str]) -> list:
    return table_rows(table, names, "NewNet", "NewNet: a paper")


def test_section_23_of_the_wsj_is_the_penn_treebank_test_set() -> None:
    """ "WSJ 23 F1" (constituency parsing on section 23 of the Wall Street Journal part of the
    Penn Treebank, the Transformer paper's Table 4): F1 on Penn Treebank."""
    parsing = Table(
        grid(
            [
                ["Parser", "Training", "WSJ 23 F1"],
                ["Petrov et al. (2006) [29]", "WSJ only, discriminative", "90.4"],
                ["NewNet (4 layers)", "WSJ only, discriminative", "91.3"],
            ]
        ),
        number="4",
        caption="Table 4: NewNet generalizes well to English constituency parsing (Results are "
        "on Section 23 of WSJ)",
    )
    assert {(r.dataset, r.metric, r.value) for r in _rows(parsing, ["NewNet"])} == {
        ("Penn Treebank", "F1", 91.3)
    }


def test_a_caption_giving_each_task_its_metric_gives_matthews_correlation_and_no_average() -> None:
    """ "accuracy for MNLI, Matthew's correlation for CoLA, Pearson correlation for STS-B, and
    accuracy for other tasks" (LoRA's Table 2): CoLA is a correlation, and the "Avg." column
    averages accuracies and correlations, so it is no accuracy."""
    glue = Table(
        grid(
            [
                ["Model", "MNLI", "CoLA", "STS-B", "RTE", "Avg."],
                ["BERT [2]", "86.6", "60.6", "90.0", "70.4", "76.9"],
                ["NewNet", "89.8", "63.6", "91.8", "83.8", "82.3"],
            ]
        ),
        number="2",
        caption="Table 2: Models on the GLUE benchmark. We report accuracy for MNLI, Matthew's "
        "correlation for CoLA, Pearson correlation for STS-B, and accuracy for other tasks.",
    )
    rows = {(r.dataset, r.metric, r.value) for r in _rows(glue, ["NewNet"])}
    assert rows == {
        ("MultiNLI", "Accuracy", 89.8),
        ("CoLA", "Correlation", 63.6),
        ("STS Benchmark", "Correlation", 91.8),
        ("RTE", "Accuracy", 83.8),
    }


def test_pass_at_k_ibleu_and_rouge_f1_headers_are_read() -> None:
    """Code generation reports pass@k, each k a leaderboard ("HumanEval (0) pass@100" as a row
    label, PaLM's Table 11); paraphrase tables iBLEU; summarisation tables "R-1f1" (ROUGE-1 F1)."""
    labels = ["pass@1", "HumanEval (0) pass@100", "MBPP pass @ 80", "iBLEU", "R-1f1", "R-Lf1"]
    read = [read_metric(label) for label in labels]
    assert [metric.label if metric else None for metric in read] == [
        "pass@1",
        "pass@100",
        "pass@80",
        "iBLEU",
        "ROUGE-1",
        "ROUGE-L",
    ]
    assert read_metric("BLEU").label == "BLEU"  # type: ignore[union-attr]
    assert read_metric("passage") is None


def test_a_table_of_code_benchmarks_by_row_reads_each_row_s_pass_at_k() -> None:
    """Rows "<benchmark> (<shots>) pass@k" under model columns (PaLM's Table 11): the
    benchmark, less its count of shots, measured in that pass@k."""
    code = Table(
        grid(
            [
                ["", "Codex 12B", "NewNet 540B"],
                ["HumanEval (0) pass@100", "72.3", "76.2"],
                ["TransCoder (3) pass@25", "–", "79.8"],
                ["HumanEval (0) pass@1", "28.8", "26.2"],
            ]
        ),
        number="11",
        caption="Table 11: Results obtained by the NewNet 540B model across code synthesis "
        "tasks. The number of shots for each task is in parentheses.",
    )
    rows = {(r.dataset, r.metric, r.value) for r in _rows(code, ["NewNet"])}
    assert rows == {
        ("HumanEval", "pass@100", 76.2),
        ("TransCoder", "pass@25", 79.8),
        ("HumanEval", "pass@1", 26.2),
    }


def test_a_task_the_datasets_own_paper_states_wins_over_the_papers_generation_task() -> None:
    """CommonGen's ROUGE under "Results for translation and struct-to-text tasks" (FLAN's
    Table 1), in a paper whose one generation task is translation: concept-to-text generation,
    as CommonGen's paper states; WMT's rows stay machine translation."""
    caption = "Table 1: Results for translation and struct-to-text tasks."
    matcher = hybrid_matcher()

    def task(dataset: str) -> str | None:
        found = row_task(dataset, caption, ["machine translation"], matcher, caption, "", "ROUGE-L")
        return found.lower() if found else None

    assert task("CommonGen") == "concept-to-text generation"
    assert task("E2E NLG") == "data-to-text generation"
    assert task("WMT 2014 English-French") == "machine translation"


def test_a_caption_giving_all_values_one_metric_but_the_sets_it_lists_reads_each_row() -> None:
    """Datasets by row under model columns, "All values shown are for accuracy (or exact match)
    except DROP, MultiRC, and SQuAD v1 and v2, which are F1" (FLAN's Table 2): DROP and MultiRC
    are F1, BoolQ and RTE accuracy, Natural Questions (usually exact match) exact match; DROP, named
    only as an exception, is no dataset of the other rows."""
    clusters = Table(
        grid(
            [
                ["", "GPT-3 175B zero-shot", "NewNet 137B zero-shot"],
                ["BoolQ", "60.5", "80.2"],
                ["DROP", "23.6", "21.9"],
                ["MultiRC", "72.9", "74.5"],
                ["NQ", "14.6", "18.6"],
                ["RTE", "63.5", "78.3"],
            ]
        ),
        number="2",
        caption="Table 2: Results for eight NLU task clusters. All values shown are for accuracy "
        "(or exact match) except DROP, MultiRC, and SQuAD v1 and v2, which are F1.",
    )
    rows = {(r.dataset, r.metric, r.value) for r in _rows(clusters, ["NewNet"])}
    assert rows == {
        ("BoolQ", "Accuracy", 80.2),
        ("DROP", "F1", 21.9),
        ("MultiRC", "F1", 74.5),
        ("Natural Questions", "EM", 18.6),
        ("RTE", "Accuracy", 78.3),
    }


def test_exact_match_accuracy_in_a_caption_makes_an_accuracy_column_exact_match() -> None:
    """ "Exact match accuracy on Natural Questions" over a "Test Accuracy" column (RETRO's Table
    5, whose baselines print REALM's, RAG's and FiD's EM): EM, the leaderboard those papers'
    own Natural Questions values are on, not an accuracy board of its own."""
    qa = Table(
        grid(
            [
                ["Model", "Test Accuracy"],
                ["Realm (Guu et al., 2020)", "40.4"],
                ["RAG (Lewis et al., 2020)", "44.5"],
                ["NewNet 7.5B (DPR retrieval)", "45.5"],
            ]
        ),
        number="5",
        caption="Table 5 | Question answering results. Exact match accuracy on Natural Questions.",
    )
    rows = {(r.dataset, r.metric, r.value) for r in _rows(qa, ["NewNet"])}
    assert rows == {("Natural Questions", "EM", 45.5)}
    assert read_metric("exact-match accuracies") == read_metric("EM")


def test_curatedtrec_s_short_form_is_the_dataset_and_scored_in_exact_match() -> None:
    """ "CuratedTrec (CT)" (RAG's open-domain QA datasets; REALM and DPR print CuratedTREC): the
    "CT" column is CuratedTREC in its usual exact match, the board REALM's values are on."""
    qa = Table(
        grid([["Model", "NQ", "CT"], ["REALM [20]", "40.4", "46.8"], ["NewNet", "44.5", "52.2"]]),
        number="1",
        caption="Table 1: Open-Domain QA Test Scores.",
    )
    text = (
        "We propose NewNet.\n\nWe consider four popular open-domain QA datasets: Natural "
        "Questions (NQ) and CuratedTrec (CT). We report Exact Match (EM) scores.\n\n" + qa.caption
    )
    found = HybridExtractor().extract(paper_with([qa], "NewNet: a paper", text)).results
    rows = {(r.dataset, r.metric, r.value) for r in found if r.method == "NewNet"}
    assert ("CuratedTREC", "EM", 52.2) in rows
