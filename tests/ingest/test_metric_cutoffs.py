"""Measures at a cut-off keep their k: "hits@1" and "hits@10", "accuracy@5" and "accuracy@20"
are leaderboards of their own, not one "Recall@k" or a plain accuracy (issue 14, res41)."""

from __future__ import annotations

from dataclasses import replace

from papergraph.core.model import Table, TableCell
from papergraph.ingest.extract.metric_names import canonical, metrics_named, read_metric
from papergraph.ingest.extract.table_grid import read_grid
from tests.ingest.tables import grid, table_rows


def _labels(names: list[str]) -> list[str | None]:
    return [metric.label if (metric := read_metric(name)) else None for name in names]


def test_a_measure_at_a_cut_off_is_read_with_its_k() -> None:
    """Headers as SEAL, DPR, MS MARCO and TREC tables print them; a header leaving its k open
    keeps the k, as the usual-metric data spells Recall@k."""
    names = ["hits@1", "Hits@50", "accuracy@20", "R@5", "recall@100", "MRR@10", "nDCG@20"]
    assert _labels([*names, "ERR@20", "Recall@k", "pass@1"]) == [
        "Hits@1",
        "Hits@50",
        "Accuracy@20",
        "Recall@5",
        "Recall@100",
        "MRR@10",
        "NDCG@20",
        "ERR@20",
        "Recall@k",
        "pass@1",
    ]
    assert _labels(["MRR", "NDCG", "accuracy", "Top-5 acc."]) == [
        "MRR",
        "NDCG",
        "Accuracy",
        "Top-5 Accuracy",
    ]


def test_a_short_form_in_a_neighbouring_header_does_not_take_the_column() -> None:
    """SEAL's Table 3 runs "Overlap? (A@100)" into the header of its EM column: the column
    still reads EM (the short "A@k" is no accuracy@k of its own)."""
    assert _labels(["Overlap? (A@100) EM"]) == ["EM"]


def test_each_k_a_caption_names_is_a_metric_of_its_own() -> None:
    """SEAL's Table 2 caption: "Reporting hits@1 and hits@10"."""
    caption = "Table 2: Results on NQ320k. Reporting hits@1 and hits@10. Best in bold."
    assert [metric.label for metric in metrics_named(caption)] == ["Hits@1", "Hits@10"]
    assert canonical("Hits@10") == read_metric("hits@10")
    accuracy_at_5 = canonical("Accuracy@5")
    assert accuracy_at_5 is not None and accuracy_at_5.higher_is_better


def _seal_table_2() -> Table:
    """SEAL's (2204.10628) Table 2, p6: "hits@k" over "System | 1 | 10"."""
    body = grid(
        [
            ["System", "1", "10"],
            ["BM25", "22.7", "59.0"],
            ["DSI-BART", "25.0", "63.6"],
            ["SEAL (LM+FM)", "25.3", "72.0"],
            ["SEAL (LM+FM, intersect.)", "26.3", "74.5"],
        ]
    )
    cells = [TableCell(0, 1, "hits@k", col_span=2), *(replace(c, row=c.row + 1) for c in body)]
    caption = "Table 2: Results on NQ320k. Reporting hits@1 and hits@10. Best in bold."
    return Table(cells, number="2", caption=caption, page=6)


def test_hits_at_1_and_hits_at_10_are_two_columns_of_seal() -> None:
    """The grid reads "hits@k" over "1 | 10" into "hits@1" and "hits@10": two metrics."""
    read = read_grid(_seal_table_2())
    assert read is not None
    assert _labels(list(read.column_headers.values())) == ["Hits@1", "Hits@10"]


def test_accuracy_at_k_columns_keep_their_k() -> None:
    """SEAL's Table 3, p7: retrieval accuracy@5/20/100 on the NQ test set beside a downstream EM."""
    body = grid(
        [
            ["System", "5", "20", "100", "EM"],
            ["BM25", "43.6", "62.9", "78.1", "40.4"],
            ["DPR (Karpukhin et al., 2020)", "68.3", "80.1", "86.1", "47.2"],
            ["SEAL (LM+FM, intersective)", "61.3", "76.2", "86.3", "48.0"],
        ]
    )
    cells = [TableCell(0, 1, "accuracy@k", col_span=3), *(replace(c, row=c.row + 1) for c in body)]
    caption = (
        "Table 3: Retrieval results on the NQ test set. Column blocks (left to right): retrieval "
        "results (accuracy@5/20/100); downstream performances (exact match)."
    )
    table = Table(cells, number="3", caption=caption, page=7)
    rows = table_rows(table, ["SEAL"], "SEAL", "Autoregressive Search Engines")
    found = {(r.metric, r.value) for r in rows if r.method == "SEAL (LM+FM, intersective)"}
    assert found >= {("Accuracy@5", 61.3), ("Accuracy@20", 76.2), ("Accuracy@100", 86.3)}
    assert "Accuracy" not in {r.metric for r in rows}


def test_a_metric_without_a_cut_off_is_read_as_one_object() -> None:
    """Tables tell a caption's metric from a header's by identity: reading a cut-off must not
    make a fresh "Score" per reading (PaLM's Table 4 RACE-m rows, "scores" in the caption,
    turned from its usual Accuracy into Score)."""
    assert read_metric("scores") is read_metric("higher scores on RACE-m/h")
    assert metrics_named("scores")[0] is read_metric("scores")
