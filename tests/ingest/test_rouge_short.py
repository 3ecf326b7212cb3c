"""ROUGE's short forms "R1", "R2", "RL" read as ROUGE where a table prints them together
(ingest/extract/rouge_short.py)."""

from __future__ import annotations

from papergraph.core.model import Table
from tests.ingest.tables import grid, table_rows


def _found(rows: list[list[str]], caption: str) -> set[tuple]:
    table = Table(grid(rows), number="4", caption=caption)
    return {(r.dataset, r.metric, r.value) for r in table_rows(table, ["NewLM"])}


def test_a_joined_rouge_header_gives_each_value_its_rouge() -> None:
    found = _found(
        [
            ["Model", "WikiSQL Acc. (%)", "SAMSum R1/R2/RL"],
            ["GPT-3 (FT)", "73.8", "52.0/28.0/44.5"],
            ["NewLM (ours)", "73.4", "53.8/29.8/45.9"],
        ],
        "Table 4: Performance of adaptation methods on WikiSQL and SAMSum.",
    )
    assert {("SAMSum", "ROUGE-1", 53.8), ("SAMSum", "ROUGE-2", 29.8)} <= found
    assert ("SAMSum", "ROUGE-L", 45.9) in found


def test_rouge_columns_printed_short_under_a_dataset_are_rouge() -> None:
    found = _found(
        [
            ["Model", "CNN/DailyMail", "", ""],
            ["", "R1", "R2", "RL"],
            ["Baseline", "41.7", "19.4", "38.8"],
            ["NewLM (ours)", "43.8", "21.0", "40.5"],
        ],
        "Table 2: Results of abstractive summarization on the CNN/DailyMail test set.",
    )
    assert {metric for _, metric, _ in found} == {"ROUGE-1", "ROUGE-2", "ROUGE-L"}


def test_rounds_of_a_dataset_without_rl_are_no_rouge() -> None:
    found = _found(
        [["Model", "ANLI R1", "ANLI R2"], ["NewLM (ours)", "46.4", "44.0"]],
        "Table 2: Accuracy on ANLI.",
    )
    assert not any(str(metric).startswith("ROUGE") for _, metric, _ in found)
