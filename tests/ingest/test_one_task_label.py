"""One label per task among a paper's rows (issue 14, res41): SEAL's "Retrieval" rows beside
its "information retrieval" ones, Reptile's mini-ImageNet 1-shot "few-shot learning" beside its
5-shot "Few-Shot Image Classification"."""

from __future__ import annotations

from papergraph.core.model import Evidence, Result
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.one_task_label import one_label_per_kind
from papergraph.ingest.extract.row_tasks import TaskedRow, settle_tasks

KILT_CAPTION = (
    "Table 4: Retrieval results on individual KILT dev set(s), with the average in the rightmost "
    "column. Reporting passage-level R-precision (higher is better)."
)
NQ320K_CAPTION = "Table 2: Results on NQ320k. Reporting hits@1 and hits@10. Best in bold."


def _row(
    task: str | None, dataset: str, metric: str, value: float, table: str, caption: str
) -> Result:
    evidence = Evidence("p#1", 0, 1, str(value), "table", table=table, caption=caption)
    return Result("SEAL (LM+FM)", task, dataset, metric, value, [evidence])


def test_a_generic_task_takes_the_papers_one_task_of_its_kind() -> None:
    """SEAL (2204.10628): Table 4's R-precision rows (p7) and Table 2's hits@1 rows (p6)."""
    rows = [
        _row("Retrieval", "FEVER dev", "R-Precision", 31.5, "4", KILT_CAPTION),
        _row("Retrieval", "Natural Questions dev", "R-Precision", 21.7, "4", KILT_CAPTION),
        _row("information retrieval", "NQ320k", "Hits@1", 25.3, "2", NQ320K_CAPTION),
        _row("question answering", "Natural Questions", "EM", 42.9, "3", "Table 3: ..."),
    ]
    one_label_per_kind(rows)
    assert [row.task for row in rows] == [
        "information retrieval",
        "information retrieval",
        "information retrieval",
        "question answering",
    ]


def test_a_generic_task_with_two_kinds_in_the_paper_stays() -> None:
    rows = [
        _row("Classification", "RTE", "Accuracy", 70.0, "1", "Table 1: Classification results."),
        _row("image classification", "ImageNet", "Top-1 Accuracy", 80.0, "2", "Table 2."),
        _row("text classification", "AG News", "Error", 5.0, "3", "Table 3."),
    ]
    one_label_per_kind(rows)
    assert [row.task for row in rows] == [
        "Classification",
        "image classification",
        "text classification",
    ]


def test_a_tie_on_one_dataset_goes_to_the_task_most_of_the_papers_rows_carry() -> None:
    """Reptile (1803.02999) Tables 1 and 2 (p6): the data files mini-ImageNet's 1-shot board
    under few-shot learning and its 5-shot board under few-shot image classification, as it
    does Omniglot's; the paper's mini-ImageNet rows take one task, its rows' most."""
    mini = "Table 1: Results on Mini-ImageNet. Both MAML and 1st-order MAML results are from [4]."
    omniglot = "Table 2: Results on Omniglot."
    fsic = "Few-Shot Image Classification"
    results = [
        _row("few-shot learning", "mini-Imagenet 5-way (1-shot)", "Accuracy", 47.07, "1", mini),
        _row("few-shot learning", "mini-Imagenet 5-way (1-shot)", "Accuracy", 49.97, "1", mini),
        _row(fsic, "mini-Imagenet 5-way (5-shot)", "Accuracy", 62.74, "1", mini),
        _row(fsic, "mini-Imagenet 5-way (5-shot)", "Accuracy", 65.99, "1", mini),
        _row(fsic, "OMNIGLOT 5-way (1-shot)", "Accuracy", 95.39, "2", omniglot),
        _row(fsic, "OMNIGLOT 20-way (1-shot)", "Accuracy", 88.14, "2", omniglot),
    ]
    rows = [TaskedRow(result, named=False) for result in results]
    settle_tasks(rows, hybrid_matcher(), ["few-shot learning", "meta-learning"])
    assert {row.result.task for row in rows} == {fsic}
