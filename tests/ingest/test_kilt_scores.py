"""KILT scores: a header's "K.-EM" is KILT's exact match, on the dataset the header names first."""

from __future__ import annotations

import pytest

from papergraph.core.model import Table
from papergraph.ingest.extract.metric_names import read_metric
from tests.ingest.tables import grid, table_rows


@pytest.mark.parametrize(
    ("header", "label"),
    [
        ("NQ K.-EM", "KILT-EM"),
        ("FEV K.-ACC", "KILT-AC"),
        ("WoW K.-F1", "KILT-F1"),
        ("ELI5 KILT-RL", "KILT-RL"),
        ("NQ EM", "EM"),
    ],
)
def test_a_kilt_score_is_a_metric_of_its_own_not_the_plain_one(header: str, label: str) -> None:
    metric = read_metric(header)
    assert metric is not None and metric.label == label and metric.higher_is_better


def test_kilt_score_columns_give_each_dataset_its_kilt_score() -> None:
    table = Table(
        grid(
            [
                ["System", "zsRE K.-ACC", "HoPo K.-EM", "NQ K.-EM"],
                ["RAG (Petroni et al., 2021)", "36.8", "3.2", "32.7"],
                ["Retro (ours)", "73.2", "15.1", "32.8"],
            ]
        ),
        "9",
        "Table 9: KILT scores on the KILT test set(s).",
    )
    found = {(r.method, r.dataset, r.metric, r.value) for r in table_rows(table, ["Retro"])}
    # the header's own dataset, never the caption's benchmark for all of them
    assert ("Retro", "zsRE", "KILT-AC", 73.2) in found
    assert ("Retro", "HoPo", "KILT-EM", 15.1) in found
    assert {r[2] for r in found} == {"KILT-AC", "KILT-EM"}
    assert all(r[1] != "KILT" for r in found) and all(r[0] == "Retro" for r in found)
