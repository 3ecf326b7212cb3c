"""An average column beside its parts: each part gives a row only where its header names a
model (DetectGPT's source models); parts of the data or ways of running give the average alone."""

from __future__ import annotations

import pytest

from papergraph.core.model import Table
from tests.ingest.tables import grid, measured


def _table(heads: list[str]) -> Table:
    values = [f"{60 + i}.0" for i in range(len(heads))]
    rows = [["Method", *heads], ["Baseline", *["50.0"] * len(heads)], ["NewNet", *values]]
    return Table(grid(rows), "2", "Table 2: Accuracy on SQuAD.")


@pytest.mark.parametrize(
    "heads",
    [
        ["Easy", "Medium", "Hard", "Avg"],
        ["Short", "Long", "Avg"],
        ["Zero-shot", "Few-shot", "Avg"],
        ["Clean", "Noisy", "Average"],
    ],
)
def test_parts_that_name_no_model_leave_the_average_alone(heads: list[str]) -> None:
    """Headers "Easy | Medium | Hard | Avg" gave "SQuAD (Easy)" but "NewNet (Medium)", each part
    qualified on its own; a part that is no model's name now gives no row, as before the
    average rule."""
    average = f"{60 + len(heads) - 1}.0"
    assert measured(_table(heads), ["NewNet"]) == {("NewNet", "SQuAD", "Accuracy", float(average))}


def test_parts_naming_models_give_a_row_each_beside_the_average() -> None:
    """Source models the lists do not know ("OPT-2.7", "GPT-J", "NeoX") are still models'
    names by their shape."""
    heads = [f"SQuAD {head}" for head in ("GPT-2", "OPT-2.7", "GPT-J", "NeoX", "Avg.")]
    found = measured(_table(heads), ["NewNet"])
    assert found == {
        ("NewNet", "SQuAD", "Accuracy", 64.0),
        ("NewNet (GPT-2)", "SQuAD", "Accuracy", 60.0),
        ("NewNet (OPT-2.7)", "SQuAD", "Accuracy", 61.0),
        ("NewNet (GPT-J)", "SQuAD", "Accuracy", 62.0),
        ("NewNet (NeoX)", "SQuAD", "Accuracy", 63.0),
    }
