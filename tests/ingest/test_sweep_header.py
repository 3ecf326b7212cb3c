"""A first header line naming a setting beside its values ("Mask ratio | 10% 20% ..."), and the
header each row's evidence shows where a body row restarts the headers for a lower block."""

from __future__ import annotations

from papergraph.core.model import Table
from papergraph.ingest.extract.table_grid import read_grid
from tests.ingest.tables import grid, table_rows

#: GLM (2103.10360) Table 5, p7: the mask ratios printed beside their name, no other header.
MASK_RATIOS = Table(
    grid(
        [
            ["Mask ratio", "10%", "20%", "30%", "40%", "50%"],
            ["BERT†", "82.8", "66.3", "50.3", "37.4", "26.2"],
            ["BLM†", "86.5", "73.2", "59.6", "46.8", "34.8"],
            ["NewNet", "87.5", "76.0", "63.2", "47.9", "37.6"],
        ]
    ),
    "5",
    "Table 5: BLEU scores on Yahoo text infilling. † indicates the results from prior work.",
)


def test_a_setting_named_beside_its_values_heads_every_column() -> None:
    read = read_grid(MASK_RATIOS)
    assert read is not None
    assert [row.label for row in read.rows] == ["BERT†", "BLM†", "NewNet"]
    assert read.column_headers[1] == "Mask ratio 10%"
    assert read.column_headers[5] == "Mask ratio 50%"


def test_each_value_of_the_setting_is_a_result_of_its_own() -> None:
    """The five values of one method, dataset and metric had collided under an empty header,
    the 10% one standing alone without what tells it from the others."""
    found = {
        (r.method, r.dataset, r.metric, r.value)
        for r in table_rows(MASK_RATIOS, ["NewNet"])
        if r.value is not None
    }
    assert ("NewNet (Mask ratio 10%)", "Yahoo", "BLEU", 87.5) in found
    assert ("NewNet (Mask ratio 50%)", "Yahoo", "BLEU", 37.6) in found
    assert len(found) == 5


def test_a_first_row_of_whole_scores_is_still_a_row() -> None:
    """A method's whole-number scores that happen to grow are no sweep where the rows below
    print whole numbers too; nor is a label with a number in it a setting's name."""
    scores = [["BERT", "12", "34", "56"], ["NewNet", "20", "30", "40"]]
    numbered = [["Model 2", "10%", "20%", "30%"], ["NewNet", "20.1", "30.2", "40.3"]]
    for rows in (scores, numbered):
        read = read_grid(Table(grid(rows), "1", "Table 1: Accuracy."))
        assert read is not None and len(read.rows) == 2


#: NC-RAPT (2202.00535) Table 4, p5: a body row restarts the dataset headers for the rows below.
STACKED = Table(
    grid(
        [
            ["Method", "BLEU Dataset: QQP 140K", "BLEU Dataset: QQP 50K"],
            ["NewNet", "34.09", "31.61"],
            ["Method", "Dataset: ParaSCI ACL", "Dataset: MSRPC"],
            ["Copy", "35.66", "47.75"],
            ["NewNet", "35.34", "45.08"],
        ]
    ),
    "4",
    "Table 4: Comparison of approaches for paraphrase generation on different datasets.",
)


def test_a_lower_blocks_evidence_shows_that_blocks_header() -> None:
    """A user checking "NewNet | MSRPC | 45.08" had seen the upper block's "QQP 50K"."""
    headers = {
        (r.dataset, r.value): r.evidence[0].column_header
        for r in table_rows(STACKED, ["NewNet"])
        if r.value is not None
    }
    assert headers[("MSRPC", 45.08)] == "BLEU Dataset: MSRPC"
    assert headers[("ParaSCI ACL", 35.34)] == "BLEU Dataset: ParaSCI ACL"
    assert headers[("Quora Question Pairs (50K)", 31.61)] == "BLEU Dataset: QQP 50K"


def test_a_first_row_of_whole_scores_under_a_lost_header_stays_a_row() -> None:
    """A grid whose header line was lost starts with a row: "Baseline | 12 35 48" grows and is
    whole, but "Baseline" names no quantity set per run, so it is no sweep of settings."""
    lost = Table(
        grid([["Baseline", "12", "35", "48"], ["NewNet", "14.2", "37.5", "50.1"]]),
        "3",
        "Table 3: Results on three splits.",
    )
    read = read_grid(lost)
    assert read is None or "Baseline" in [row.label for row in read.rows]
