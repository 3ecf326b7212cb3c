"""Result tables that gave no row at all, each for a reason of its own (issue 14, res38)."""

from __future__ import annotations

from papergraph.core.model import Table
from tests.ingest.tables import grid, table_rows

#: PaLM's Table 42 (2204.02311, p. 80), two of its twelve rows: the caption names the metric,
#: BLEURT-20, and the columns the model, its size and whether it was finetuned.
BLEURT_TABLE = Table(
    grid(
        [
            [
                "Task",
                "1-shot PaLM 8B",
                "1-shot PaLM 540B",
                "Finetuning T5 XXL",
                "Finetuning PaLM 540B",
            ],
            ["Data-To-Text", "", "", "", ""],
            ["E2E (en)", "60.82", "69.72", "76.44", "75.83"],
            ["Summarization", "", "", "", ""],
            ["XSum (en)", "42.36", "46.94", "56.36", "55.50"],
        ]
    ),
    "42",
    "Table 42: BLEURT-20 results for GEM data-to-text and summarization datasets, expanding on "
    "the results reported in Section 6.6.",
)


def test_a_caption_of_bleurt_results_gives_bleurt_rows_of_the_own_columns() -> None:
    """BLEURT is a metric (Sellam et al., ACL 2020), higher better, never BLEU: the own columns
    give one BLEURT row per dataset, the T5 column none (it is no PaLM)."""
    rows = table_rows(BLEURT_TABLE, ["palm"], "PaLM")
    assert {(r.method, r.dataset, r.metric, r.value) for r in rows} == {
        ("PaLM 8B (1-shot)", "E2E (en)", "BLEURT", 60.82),
        ("PaLM 540B (1-shot)", "E2E (en)", "BLEURT", 69.72),
        ("PaLM 540B (finetuning)", "E2E (en)", "BLEURT", 75.83),
        ("PaLM 8B (1-shot)", "XSum", "BLEURT", 42.36),
        ("PaLM 540B (1-shot)", "XSum", "BLEURT", 46.94),
        ("PaLM 540B (finetuning)", "XSum", "BLEURT", 55.5),
    }
    assert all(r.higher_is_better for r in rows)


#: FlashAttention's Table 6 (2205.14135, p. 9): no header or caption names the metric; the text
#: says "61.4 accuracy on Path-X", "63.1 accuracy on Path-256".
PATH_X_TABLE = Table(
    grid(
        [
            ["Model", "Path-X", "Path-256"],
            ["Transformer", "✗", "✗"],
            ["Linformer [84]", "✗", "✗"],
            ["FlashAttention", "61.4", "✗"],
            ["Block-sparse FlashAttention", "56.0", "63.1"],
        ]
    ),
    "6",
    "Table 6: We report the first Transformer model that can achieve non-random performance on "
    "Path-X and Path-256.",
)

#: Part of FlashAttention's Table 3 (p. 8): Long Range Arena, a column per task, no metric named.
LRA_TABLE = Table(
    grid(
        [
            ["Models", "ListOps", "Text", "Avg", "Speedup"],
            ["Transformer", "36.0", "63.6", "59.3", "-"],
            ["FlashAttention", "37.6", "63.9", "59.8", "2.4×"],
            ["Linformer [84]", "35.6", "55.9", "54.9", "2.5×"],
        ]
    ),
    "3",
    "Table 3: The performance of standard attention, FlashAttention, block-sparse "
    "FlashAttention, and approximate attention baselines on the Long-Range-Arena benchmarks.",
)


def test_long_range_arena_tasks_named_by_their_own_names_are_scored_by_accuracy() -> None:
    """Path-X and Path-256 take the accuracy every Long Range Arena task is scored by
    (ingest/lexicon/usual-metrics.txt), marked inferred, and LRA's task; a cross ("✗": chance)
    is no value."""
    rows = table_rows(PATH_X_TABLE, ["flashattention"], "FlashAttention")
    assert {(r.method, r.dataset, r.metric, r.value) for r in rows} == {
        ("FlashAttention", "Path-X", "Accuracy", 61.4),
        ("Block-sparse FlashAttention", "Path-X", "Accuracy", 56.0),
        ("Block-sparse FlashAttention", "Path-256", "Accuracy", 63.1),
    }
    assert all("metric inferred" in r.evidence[0].text for r in rows)
    assert {r.task for r in rows} == {"Long-range modeling"}  # ingest/lexicon/dataset-tasks.txt


def test_a_plain_word_task_of_long_range_arena_is_the_suites_task_not_the_caption() -> None:
    """ "Text" is no dataset's name: under a caption naming the Long Range Arena it is the
    suite's task "LRA (Text)" (ingest/lexicon/suite-tasks.txt), never the caption's benchmark
    itself; the average beside the tasks is the suite's own score (its tasks' mean accuracy,
    suite_tasks.py) and the speedup gives no row."""
    rows = table_rows(LRA_TABLE, ["flashattention"], "FlashAttention")
    assert {(r.method, r.dataset, r.metric, r.value) for r in rows} == {
        ("FlashAttention", "ListOps", "Accuracy", 37.6),
        ("FlashAttention", "LRA (Text)", "Accuracy", 63.9),
        ("FlashAttention", "LRA", "Accuracy", 59.8),
    }
