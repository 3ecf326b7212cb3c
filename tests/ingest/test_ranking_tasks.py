"""A measure of a ranked list (accuracy@k, hits@k, recall@k, MRR, nDCG) under a caption that
says the table retrieves or ranks scores retrieval, not the task the dataset is otherwise read
for (issue 14, session 12): SEAL's (2204.10628) Table 3 counts the Natural Questions whose top k
passages hold the answer, and had filed those rows under question answering."""

from __future__ import annotations

from papergraph.core.model import Table
from papergraph.ingest.extract.task_metrics import metric_kind
from tests.ingest.tables import grid, table_rows

SEAL_TABLE_3_CELLS = [
    ["Model", "accuracy@5", "accuracy@20", "accuracy@100", "EM"],
    ["DSI-BART", "28.3", "47.3", "65.5", "-"],
    ["SEAL (LM+FM)", "43.9", "65.8", "81.1", "42.9"],
]
SEAL_TABLE_3 = Table(
    grid(SEAL_TABLE_3_CELLS),
    "3",
    "Table 3: Retrieval results on the NQ test set. Column blocks (left to right): retrieval "
    "results (accuracy@5/20/100); downstream performances (exact match) with a FiD reader.",
)
PAPER_TASKS = ["question answering", "information retrieval"]


def _tasks(table: Table, paper_tasks: list[str]) -> dict[str, str | None]:
    """metric -> task of SEAL's rows in `table`."""
    return {str(r.metric): r.task for r in table_rows(table, ["SEAL"], tasks=paper_tasks)}


def test_a_cut_off_measure_under_a_retrieval_caption_is_the_papers_retrieval_task() -> None:
    assert _tasks(SEAL_TABLE_3, PAPER_TASKS) == {
        "Accuracy@5": "information retrieval",
        "Accuracy@20": "information retrieval",
        "Accuracy@100": "information retrieval",
        "EM": "question answering",  # the reader's answers, downstream: question answering
    }


def test_a_cut_off_measure_under_a_caption_saying_nothing_of_retrieval_keeps_its_task() -> None:
    """Hits@k and MRR score link prediction too, recall@k scene graphs: the measure alone
    decides nothing."""
    plain = Table(grid(SEAL_TABLE_3_CELLS), "3", "Table 3: Results on the NQ test set.")
    assert set(_tasks(plain, PAPER_TASKS).values()) == {"question answering"}


def test_measures_of_a_ranked_list_are_one_kind() -> None:
    ranked = ["Accuracy@20", "Hits@1", "Recall@k", "MRR@10", "MRR", "nDCG@20", "R@5"]
    assert {metric_kind(m) for m in ranked} == {"ranking"}
    assert {metric_kind(m) for m in ["Accuracy", "Top-5 Accuracy", "Recall", "EM"]} <= {
        None,
        "answer",
    }
    assert metric_kind("R-Precision") == "retrieval"  # retrieval whatever the caption says
