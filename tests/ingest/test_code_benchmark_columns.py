"""Code benchmark tables: a dataset per row, its pass@k in a column of no header, a model per column."""

from __future__ import annotations

from papergraph.core.model import Table
from papergraph.ingest.extract.table_columns import column_method
from tests.ingest.tables import grid, table_rows

CODE_TABLE = Table(
    grid(
        [
            ["", "", "Pretraining only", "", "Code Finetuning", ""],
            ["", "", "LaMDA 137B", "NewLM 540B", "Davinci Codex", "NewLM Coder 540B"],
            ["HumanEval", "pass@100", "47.3", "76.2", "81.7", "88.4"],
            ["MBPP-Go", "pass@80", "62.4", "75.0", "84.4", "80.8"],
            ["HumanEval", "pass@1", "14.0", "26.2", "36.0", "36.0"],
        ]
    ),
    "11",
    "Table 11: Results obtained by the NewLM 540B and NewLM Coder 540B models across code "
    "synthesis tasks.",
)


def test_the_metric_a_row_prints_under_no_header_is_its_metric() -> None:
    found = {(r.method, r.dataset, r.metric, r.value) for r in table_rows(CODE_TABLE, ["NewLM"])}
    assert ("NewLM 540B", "HumanEval", "pass@100", 76.2) in found
    assert ("NewLM 540B", "HumanEval", "pass@1", 26.2) in found
    # a name-shaped row label before its metric is the dataset, known to no list or not
    assert ("NewLM 540B", "MBPP-Go", "pass@80", 75.0) in found
    assert {r[0] for r in found} == {"NewLM 540B", "NewLM Coder 540B (finetuning)"}
    assert len(found) == 6  # the baselines' columns give nothing


def test_the_words_between_a_models_name_and_its_size_are_its_name() -> None:
    names = ["newlm"]
    assert column_method("Code Finetuning NewLM Coder 540B", names) == (
        "NewLM Coder 540B (finetuning)"
    )
    assert column_method("Few-shot NewLM 540B", names) == "NewLM 540B (few-shot)"
    assert column_method("NewLM normalized", names) == "NewLM (normalized)"  # no size: a qualifier
