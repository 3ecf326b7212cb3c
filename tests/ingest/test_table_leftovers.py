"""Misreadings left over from issue 14's table passes, each on a constructed table: the usual
metric behind a caption's "scores", a benchmark's task columns, a backbone's accuracy in a
segmentation table."""

from __future__ import annotations

from papergraph.core.model import Table
from papergraph.ingest.extract.header_blocks import numbers_columns
from papergraph.ingest.extract.metric_names import read_metric
from papergraph.ingest.extract.table_grid import read_grid
from papergraph.ingest.extract.usual_metrics import dataset_in
from tests.ingest.tables import grid, measured, table_rows


def test_a_captions_scores_over_rounds_of_a_benchmark_are_its_usual_metric_per_round() -> None:
    """PaLM's Table 4: "ANLI R1" .. "R3", StrategyQA and Natural Questions rows under a caption
    of "scores" are accuracy (each round a dataset of its own) and exact match, marked inferred."""
    table = Table(
        grid(
            [
                ["Task", "Prior SOTA", "NewNet 540B"],
                ["ANLI R1", "52.6", "56.9"],
                ["ANLI R2", "48.3", "56.1"],
                ["StrategyQA", "66.0", "73.9"],
                ["Natural Questions", "29.9", "36.0"],
            ]
        ),
        "4",
        "Table 4: Results obtained by NewNet across NLP benchmarks. Other work achieves much "
        "higher scores on some, but cannot be compared.",
    )
    rows = [r for r in table_rows(table, ["NewNet"]) if r.value is not None]
    assert {(r.dataset, r.metric, r.value) for r in rows} == {
        ("ANLI R1", "Accuracy", 56.9),
        ("ANLI R2", "Accuracy", 56.1),
        ("StrategyQA", "Accuracy", 73.9),
        ("Natural Questions", "EM", 36.0),
    }
    assert all("metric inferred" in r.evidence[0].text for r in rows)


def test_a_dataset_printed_with_its_round_is_read_whole_from_either_end() -> None:
    assert dataset_in("ANLI R3", last=True) == "ANLI R3"
    assert dataset_in("LM RTE BoolQ", last=True) == "BoolQ"


def test_an_average_column_takes_no_usual_metric_of_the_first_dataset_a_caption_lists() -> None:
    """PaLM's Table 5: "Avg NLG" over eight benchmarks the caption lists, TriviaQA first, is no
    TriviaQA exact match."""
    table = Table(
        grid(
            [["Model", "Avg NLG", "Avg NLU"], ["GPT-3", "52.9", "65.4"], ["NewNet", "63.9", "74.7"]]
        ),
        "5",
        "Table 5: Average NLG and NLU results across 29 benchmarks. NLG benchmarks include "
        "TriviaQA, WebQuestions and LAMBADA, while the remaining are NLU benchmarks.",
    )
    assert measured(table, ["NewNet"]) == set()


def test_each_superglue_task_column_is_a_dataset_of_its_own() -> None:
    """GLM's Table 1: "CB" under a caption of SuperGLUE dev results is CommitmentBank's column,
    not the benchmark's as a whole."""
    table = Table(
        grid(
            [
                ["", "BoolQ", "CB", "WiC"],
                ["", "Acc.", "F1/Acc.", "Acc."],
                ["BERTLarge", "80.1", "94.8 / 92.9", "71.0"],
                ["NewNet", "82.1", "96.1 / 94.6", "68.5"],
            ]
        ),
        "1",
        "Table 1: Results on the SuperGLUE dev set.",
    )
    found = {(d, m, v) for _, d, m, v in measured(table, ["NewNet"])}
    assert ("CommitmentBank", "F1", 96.1) in found and ("CommitmentBank", "Accuracy", 94.6) in found
    assert not any(d and d.startswith("SuperGLUE") for d, _, _ in found)


def test_a_backbones_top_1_in_a_segmentation_table_is_no_result_on_its_dataset() -> None:
    """Bag of Tricks' Table 9: "Top-1" beside "PixAcc" and "mIoU" under an ADE20K caption is the
    base network's ImageNet accuracy; pixel accuracy is a metric of its own."""
    table = Table(
        grid(
            [
                ["Refinement", "Top-1", "PixAcc", "mIoU"],
                ["B-standard", "76.14", "78.08", "37.05"],
                ["NewNet", "77.91", "79.25", "39.33"],
            ]
        ),
        "9",
        "Table 9: FCN performance with various base networks evaluated on ADE20K.",
    )
    assert measured(table, ["NewNet"]) == {
        ("NewNet", "ADE20K", "Pixel Accuracy", 79.25),
        ("NewNet", "ADE20K", "Mean IoU", 39.33),
    }
    assert read_metric("pixel acc.") == read_metric("PixAcc")


def test_two_tables_set_side_by_side_under_one_joined_caption_are_read_apart() -> None:
    """RAG's Tables 1 and 2: the right table's rows fall between the left one's, each headed
    "Model"; no column of the right takes a header of the left ("CT FVR3"), and each part has
    its own caption and number."""
    table = Table(
        grid(
            [
                ["Model", "NQ", "WebQuestions", "CT", "", "", ""],
                ["", "", "", "", "Model", "MSMARCO", ""],
                ["", "", "", "", "", "R-L", "B-1"],
                ["T5-11B", "34.5", "37.4", "-", "", "", ""],
                ["", "", "", "", "SotA", "49.8", "49.9"],
                ["BART", "26.5", "29.7", "39.2", "BART", "38.2", "41.6"],
                ["NewNet", "44.1", "45.5", "50.0", "NewNet", "40.1", "41.5"],
            ]
        ),
        "1",
        "Table 1: Open-Domain QA Test Scores. For TQA, Table 2: Generation Test Scores. left "
        "column uses the standard test set for Open- MS-MARCO SotA is [4], FEVER-3 is [68] and",
    )
    rows = [r for r in table_rows(table, ["NewNet"]) if r.value is not None]
    found = {(r.dataset, r.metric, r.value, r.evidence[0].table) for r in rows}
    assert found == {
        ("Natural Questions", "EM", 44.1, "1"),
        ("WebQuestions", "EM", 45.5, "1"),
        ("CT", "Score", 50.0, "1"),
        ("MS MARCO", "ROUGE-L", 40.1, "2"),
        ("MS MARCO", "BLEU-1", 41.5, "2"),
    }
    assert {r.evidence[0].caption for r in rows if r.evidence[0].table == "2"} == {
        "Table 2: Generation Test Scores."
    }


def test_one_table_whose_columns_a_header_row_numbers_keeps_each_column_apart() -> None:
    """GATv2's QM9 tables: one column per molecular property, numbered under "Predicted
    Property" (set over some of them), printed in two halves one above the other: each value
    is its property's, and the second half's columns are properties 5 to 8, not 1 to 4."""
    table = Table(
        grid(
            [
                ["", "", "Predicted Property", "", "", ""],
                ["Model", "1", "2", "3", "4", ""],
                ["GCN", "3.21", "4.22", "1.45", "1.62", ""],
                ["NewNet", "2.65", "4.28", "1.41", "1.47", ""],
                ["", "", "Predicted Property", "", "", "Rel. to"],
                ["Model", "5", "6", "7", "8", "GCN"],
                ["GCN", "2.42", "16.38", "17.40", "7.82", "+0%"],
                ["NewNet", "2.29", "16.37", "14.03", "6.07", "-11.5%"],
            ]
        ),
        "2",
        "Table 2: Average error rates (lower is better) for each property, on the QM9 dataset.",
    )
    found = {(d, m, v) for _, d, m, v in measured(table, ["NewNet"])}
    values = [2.65, 4.28, 1.41, 1.47, 2.29, 16.37, 14.03, 6.07]
    assert {(d, m, v) for d, m, v in found if d and d.startswith("QM9")} == {
        (f"QM9 (Predicted Property {n})", "Error", value) for n, value in enumerate(values, 1)
    }


def test_a_row_of_values_that_happen_to_be_whole_numbers_in_a_row_is_still_a_row() -> None:
    """Ranks 1 to 4 printed by the only row are values, not the columns' numbers."""
    table = Table(
        grid([["Model", "A", "B", "C", "D"], ["NewNet", "1", "2", "3", "4"]]), "3", "Table 3."
    )
    assert numbers_columns(["1", "2", "3", "4"]) and not numbers_columns(["1", "2.5", "3", "4"])
    grid_read = read_grid(table)
    assert grid_read is not None and [row.label for row in grid_read.rows] == ["NewNet"]


def test_a_captions_metric_heads_bare_columns_not_those_printing_a_metric_of_their_own() -> None:
    """SEAL's KILT tables: "R-precision" in the caption is each bare dataset column's metric
    (no usual metric of Natural Questions is inferred), the "AVG" column is the benchmark's,
    and a column printing KILT's exact match ("K.-EM") is that score, not R-precision."""
    bare = Table(
        grid(
            [
                ["Model", "NQ", "zsRE", "AVG"],
                ["BM25", "14.2", "53.0", "33.1"],
                ["NewNet", "43.6", "78.8", "54.5"],
            ]
        ),
        "4",
        "Table 4: Retrieval results on KILT. Reporting passage-level R-precision.",
    )
    assert {(d, m, v) for _, d, m, v in measured(bare, ["NewNet"])} == {
        ("Natural Questions", "R-Precision", 43.6),
        ("zsRE", "R-Precision", 78.8),
        ("KILT", "R-Precision", 54.5),
    }
    glued = Table(
        grid([["Model", "NQ", "WoW"], ["", "K.-EM", "K.-F1"], ["NewNet", "38.8", "11.6"]]),
        "8",
        "Table 8: Results on KILT. Reporting page-level R-precision.",
    )
    assert {(d, m, v) for _, d, m, v in measured(glued, ["NewNet"])} == {
        ("Natural Questions", "KILT-EM", 38.8),  # KILT's own score, no R-precision
        ("WoW", "KILT-F1", 11.6),
    }
