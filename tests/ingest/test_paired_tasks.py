"""A dataset's rows take the task the paper prints after the dataset's name ("Jeopardy Question
Generation"), over the section's task, where the pairing is firm and the metric may measure it."""

from __future__ import annotations

from papergraph.core.model import Result, Table
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.paired_tasks import paired_task, prose_words
from papergraph.ingest.extract.table_results import table_results
from tests.ingest.tables import grid, paper_with

TASKS = ["question answering", "question generation", "fact verification"]


def _rows(text: str) -> list[Result]:
    """NewNet's rows of RAG's Table 2 shape, printed under a question-answering section, in a
    paper whose text is `text`."""
    table = Table(
        grid(
            [
                ["Model", "Quizbowl", "Quizbowl", "FEVER"],
                ["", "B-1", "QB-1", "Label Acc."],
                ["NewNet", "17.3", "22.2", "72.5"],
            ]
        ),
        "2",
        "Table 2: Generation and classification test scores.",
    )
    paper = paper_with([table], "A paper", f"We propose NewNet.\n\n{table.caption}\n\n{text}")
    table.chunk_id = "attention#1"
    paper.chunks[1].section = "4.1 Open-domain Question Answering"
    return table_results(paper, hybrid_matcher(), ["NewNet"], tasks=TASKS)


def test_a_dataset_the_paper_calls_a_task_of_its_own_is_filed_under_it() -> None:
    text = (
        "3.3 Quizbowl Question Generation\n\nWe study Quizbowl question generation as a new "
        "task, and report Q-BLEU-1."
    )
    tasks = {(r.dataset, r.metric): r.task for r in _rows(text)}
    assert tasks[("Quizbowl", "BLEU-1")] == "question generation"
    assert tasks[("Quizbowl", "Q-BLEU-1")] == "question generation"
    assert tasks[("FEVER", "Accuracy")] != "question generation"  # another dataset's rows


def test_a_pairing_printed_once_names_no_task() -> None:
    tasks = {
        r.task for r in _rows("We study Quizbowl question generation.") if r.dataset == "Quizbowl"
    }
    assert "question generation" not in tasks


def test_a_dataset_paired_with_two_tasks_or_a_metric_of_another_task_takes_none() -> None:
    matcher = hybrid_matcher()
    two = prose_words("SQuAD question answering and SQuAD question generation. " * 2)
    assert paired_task("SQuAD", "BLEU-1", two, TASKS, matcher) is None
    one = prose_words("SQuAD question generation, as SQuAD question generation is new. ")
    assert paired_task("SQuAD", "BLEU-1", one, TASKS, matcher) == "question generation"
    assert paired_task("SQuAD", "EM", one, TASKS, matcher) is None  # EM scores answers


def test_a_pairing_never_crosses_a_sentence_or_clause_boundary() -> None:
    """ "pre-trained on ImageNet. Object detection results": the dataset ends one sentence and the
    task starts the next, no pairing however often printed (accuracy, a metric of no kind, is
    no guard); a pairing inside a sentence still names its task."""
    matcher = hybrid_matcher()
    tasks = ["object detection", "image classification", "question answering"]
    crossed = prose_words(
        "A backbone pre-trained on ImageNet. Object detection results follow; we pre-train on "
        "ImageNet. Object detection on COCO is next."
    )
    assert paired_task("ImageNet", "Top-1 Accuracy", crossed, tasks, matcher) is None
    clause = prose_words(
        "We fine-tune on MNLI; question answering next. On MNLI: question answering."
    )
    assert paired_task("MNLI", "Accuracy", clause, tasks, matcher) is None
    kept = prose_words("ImageNet object detection, as ImageNet object detection is new.")
    assert paired_task("ImageNet", "AP", kept, tasks, matcher) == "object detection"
