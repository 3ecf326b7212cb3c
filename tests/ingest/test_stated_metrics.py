"""An inferred metric gives way to the one another table of the paper states for the same value
(PaLM, arXiv 2204.02311: Tables 4, 20 and 36, their text as the PDF reader gives it)."""

from __future__ import annotations

from dataclasses import replace

from papergraph.core.model import Result, Table
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.table_results import table_results
from tests.ingest.tables import grid, paper_with

TABLE_4 = Table(
    grid(
        [
            ["", "0-shot", "", "1-shot", ""],
            ["Task", "Prior SOTA", "PaLM 540B", "Prior SOTA", "PaLM 540B"],
            ["Lambada (EM)", "77.7f", "77.9", "80.9a", "81.8"],
            ["HellaSwag", "80.8f", "83.4", "80.2c", "83.6"],
            ["ReCoRD", "90.3a", "92.9", "90.3a", "92.8"],
        ]
    ),
    number="4",
    caption="Table 4: Results obtained by the PaLM 540B model across 29 NLP benchmarks. For the "
    "few-shot results, the number of shots for each task are mentioned in parenthesis.",
    page=12,
)
TABLE_20 = Table(
    grid(
        [
            ["", "PaLM 8B", "PaLM 62B", "PaLM 540B", "Chinchilla", "Gopher"],
            ["Lambada 0-shot", "69.5", "75.4", "77.9", "77.4", "74.5"],
            ["HellaSWAG 0-shot", "68.7", "79.7", "83.4", "80.8", "79.2"],
        ]
    ),
    number="20",
    caption="Table 20: Comparison of PaLM, Chinchilla, and Gopher on English NLP tasks.",
    page=47,
)
TABLE_36 = Table(
    grid(
        [
            ["", "0-shot", "", "", "1-shot", "", ""],
            ["Task", "PaLM 8B", "PaLM 62B", "PaLM 540B", "PaLM 8B", "PaLM 62B", "PaLM 540B"],
            ["Lambada (EM)", "69.5", "75.4", "77.9", "57.8", "75.5", "81.8"],
            ["HellaSwag", "59.7", "79.7", "83.4", "58.5", "79.3", "83.6"],
            ["ReCoRD", "87.8", "91.4", "92.9", "87.8", "91.0", "92.8"],
        ]
    ),
    number="36",
    caption="Table 36: Results obtained by the PaLM 8B and 62B model in comparison to PaLM 540B "
    "across 29 NLP benchmarks. For the few-shot results, we report results using 5 shot "
    "evaluation unless otherwise specified. We report accuracy for all tasks unless otherwise "
    "specified.",
    page=79,
)


def _rows(tables: list[Table]) -> list[Result]:
    text = "We introduce PaLM.\n\n" + "\n\n".join(t.caption for t in tables)
    paper = paper_with(tables, "PaLM: Scaling Language Modeling", text, "palm")
    return table_results(paper, hybrid_matcher(), ["PaLM"])


def _found(rows: list[Result], dataset: str) -> set[tuple[str | None, str | None, float, str]]:
    return {
        (r.method, r.metric, r.value, r.evidence[0].table or "")
        for r in rows
        if r.dataset == dataset and isinstance(r.value, float)
    }


def test_alone_a_table_printing_no_metric_infers_the_usual_one() -> None:
    rows = _rows([TABLE_4])
    assert {m for _, m, v, _ in _found(rows, "ReCoRD") if v in (92.9, 92.8)} == {"F1"}


def test_an_inferred_metric_gives_way_to_the_one_another_table_states_for_the_value() -> None:
    rows = _rows([TABLE_4, TABLE_36])
    record = {(method, metric, value) for method, metric, value, _ in _found(rows, "ReCoRD")}
    assert ("PaLM 540B (0-shot)", "Accuracy", 92.9) in record  # Table 36: "accuracy for all"
    assert ("PaLM 540B (1-shot)", "Accuracy", 92.8) in record
    assert not {metric for _, metric, _ in record} - {"Accuracy"}  # no F1 left


def test_a_metric_printed_in_a_row_label_is_what_another_tables_bare_row_means() -> None:
    lambada = _found(_rows([TABLE_4, TABLE_20, TABLE_36]), "LAMBADA")
    assert ("PaLM 62B (0-shot)", "EM", 75.4, "36") in lambada  # "Lambada (EM)"
    assert not {(m, v) for _, m, v, table in lambada if table == "20"}  # not Accuracy


def test_a_value_no_other_table_states_keeps_its_inferred_metric() -> None:
    hellaswag = _found(_rows([TABLE_4, TABLE_20, TABLE_36]), "HellaSwag")
    assert ("PaLM 540B (0-shot)", "Accuracy", 83.4, "4") in hellaswag  # the same metric
    assert ("PaLM 8B (0-shot)", "Accuracy", 68.7, "20") in hellaswag  # 59.7 in Table 36


VIT_TABLE_9 = Table(
    grid(
        [
            ["", "Caltech101", "CIFAR-100", "DTD", "Flowers102", "Pets", "Sun397", "SVHN", "Mean"],
            ["ViT-H/14 (JFT)", "95.3", "85.5", "75.2", "99.7", "97.2", "65.0", "88.9", "77.6"],
            ["ViT-L/16 (JFT)", "95.4", "81.9", "74.3", "99.7", "96.7", "63.5", "87.4", "76.3"],
        ]
    ),
    number="9",
    caption="Table 9: Breakdown of VTAB-1k performance across tasks.",
    page=22,
)


def _vtab_found(table: Table) -> set[tuple[str | None, str | None]]:
    title = "An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale"
    paper = paper_with([table], title, f"We propose ViT.\n\n{table.caption}")
    found = table_results(paper, hybrid_matcher(), ["ViT"])
    return {(r.dataset, r.metric) for r in found if r.value is not None}


def test_guesses_of_one_table_pointing_both_ways_keep_the_way_more_columns_take() -> None:
    """ViT (2010.11929, p. 22) prints no metric over VTAB-1k's columns: CIFAR-100's and
    Flowers102's usual metric (accuracy) and SVHN's (error) cannot all be the one measure its
    Mean averages; 88.9 on SVHN, an accuracy, was read as an error rate, and goes."""
    assert _vtab_found(VIT_TABLE_9) == {
        ("CIFAR-100", "Accuracy"),
        ("Oxford 102 Flowers", "Accuracy"),
    }


def test_guesses_of_one_table_tied_both_ways_are_no_metric_of_it() -> None:
    """Without Flowers102's column one accuracy guess (CIFAR-100) meets one error guess (SVHN):
    a tie of directions leaves no guess standing."""
    cells = [c for c in VIT_TABLE_9.cells if c.col != 4]  # Flowers102's column
    cells = [replace(c, col=c.col - 1) if c.col > 4 else c for c in cells]
    assert _vtab_found(replace(VIT_TABLE_9, cells=cells)) == set()
