"""A benchmark suite's tasks printed as columns: Long Range Arena's "Text", "Image",
"Retrieval", "Pathfinder" are its tasks under a caption naming the suite, no dataset elsewhere."""

from __future__ import annotations

from papergraph.core.model import Table
from papergraph.ingest.extract.suite_tasks import suite_metric, suite_task

from .tables import grid, table_rows

_ROWS = [
    ["Models", "ListOps", "Text", "Retrieval", "Image", "Pathfinder", "Avg", "Speedup"],
    ["Transformer", "36.0", "63.6", "81.6", "42.3", "72.7", "59.3", "-"],
    ["FlashAttention", "37.6", "63.9", "81.4", "43.5", "72.7", "59.8", "2.4×"],
    ["Linformer [84]", "35.6", "55.9", "77.7", "37.8", "67.6", "54.9", "2.5×"],
]


def _found(caption: str) -> dict[str | None, tuple[str | None, object, str | None]]:
    table = Table(cells=grid(_ROWS), number="3", caption=caption)
    rows = table_rows(table, ["FlashAttention"])
    return {r.dataset: (r.metric, r.value, r.task) for r in rows if r.value is not None}


def test_columns_under_a_suite_caption_are_its_tasks() -> None:
    found = _found(
        "Table 3: The performance of standard attention, FlashAttention and approximate "
        "attention baselines on the Long-Range-Arena benchmarks."
    )
    assert found["LRA (Text)"] == ("Accuracy", 63.9, "Long-range modeling")
    assert found["LRA (Image)"][:2] == ("Accuracy", 43.5)
    assert found["LRA (Retrieval)"][1] == 81.4
    assert found["LRA (Pathfinder)"][1] == 72.7
    assert found["ListOps"][1] == 37.6  # a dataset of its own keeps its name


def test_plain_words_name_no_dataset_outside_the_suite() -> None:
    found = _found("Table 3: The performance of FlashAttention and approximate attention.")
    assert not any(dataset and ("Text" in dataset or "Image" in dataset) for dataset in found)


def test_a_suite_task_and_its_metric() -> None:
    assert suite_task("Text", "LRA") == "LRA (Text)"
    assert suite_task("Text", "GLUE") is None
    assert suite_task("Speedup", "LRA") is None
    metric = suite_metric("LRA (Image)")
    assert metric is not None and metric.label == "Accuracy"
    assert suite_metric("ImageNet (val)") is None


def test_the_average_beside_a_suites_tasks_is_the_suites_score() -> None:
    """LRA's "Avg" is its tasks' mean accuracy: the suite as dataset, as Papers with Code files
    it; an "Avg" under a caption naming the suite, beside no task of it, stays unread."""
    found = _found("Table 3: The performance of FlashAttention on the Long-Range-Arena benchmarks.")
    assert found["LRA"] == ("Accuracy", 59.8, "Long-range modeling")
    rows = [["Models", "Speed", "Memory", "Avg"], ["FlashAttention", "1.2", "3.4", "59.8"]]
    other = Table(grid(rows), "4", "Table 4: FlashAttention on the Long-Range-Arena benchmarks.")
    assert not [r for r in table_rows(other, ["FlashAttention"]) if r.dataset == "LRA"]
    assert suite_metric("LRA", "Avg") is not None and suite_metric("LRA") is None
    assert suite_metric("GLUE", "Avg") is None
