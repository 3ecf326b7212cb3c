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
