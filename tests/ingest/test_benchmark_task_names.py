"""GLUE's and SuperGLUE's tasks as their tables print them ("CB", "WiC", "STS-B") are the
datasets Papers with Code lists under their full names (ingest/lexicon/datasets.tsv)."""

from __future__ import annotations

from papergraph.core.canonical import canonical
from papergraph.core.model import EntityType, Table
from tests.ingest.tables import grid, table_rows


def test_short_task_headers_of_superglue_give_the_datasets_full_names() -> None:
    table = Table(
        grid(
            [
                ["Model", "CB F1/Acc.", "WiC Acc.", "STS-B", "COPA Acc."],
                ["NewLM (ours)", "96.1 / 94.6", "68.5", "90.7", "76.0"],
            ]
        ),
        number="1",
        caption="Table 1: Results on the SuperGLUE benchmark.",
    )
    found = {(r.dataset, r.metric, r.value) for r in table_rows(table, ["NewLM"])}
    assert ("CommitmentBank", "F1", 96.1) in found
    assert ("CommitmentBank", "Accuracy", 94.6) in found
    assert ("Words in Context", "Accuracy", 68.5) in found
    assert any(dataset == "STS Benchmark" for dataset, _, _ in found)
    assert not any(dataset.split()[0] in ("CB", "WiC", "STS-B") for dataset, _, _ in found)


def test_the_short_names_are_aliases_of_the_full_names() -> None:
    assert canonical("CB", EntityType.DATASET).label == "CommitmentBank"
    assert canonical("STS-B", EntityType.DATASET).label == "STS Benchmark"


def test_a_full_name_keeps_the_usual_metric_of_the_short_one() -> None:
    """A row naming no metric takes the dataset's usual one, under its full name too."""
    table = Table(
        grid(
            [
                ["Task", "GPT-3", "0-shot NewLM 540B"],
                ["WiC", "49.4", "59.1"],
                ["CB", "46.4", "51.8"],
            ]
        ),
        number="4",
        caption="Table 4: Results on SuperGLUE tasks.",
    )
    found = {(r.dataset, r.metric) for r in table_rows(table, ["newlm"], "NewLM", "NewLM: a model")}
    assert found == {("Words in Context", "Accuracy"), ("CommitmentBank", "Accuracy")}
