"""An average column over parts of several tasks takes none of them: SEAL's "AVG" over KILT's
fact verification, slot filling, question answering and dialogue columns is no "Open-Domain
Dialog" (the one board the data files KILT under), BERT's GLUE "Average" no natural language
inference; an average over parts of one task keeps it (SEAL's R-precision columns, all
retrieval)."""

from __future__ import annotations

from papergraph.core.model import Evidence, Result, Table
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.row_tasks import TaskedRow, settle_tasks
from tests.ingest.tables import grid, table_rows

SEAL_TABLE_4 = Table(
    grid(
        [
            ["Model", "FEV", "T-REx", "zsRE", "NQ", "HoPo", "TQA", "WoW", "AVG"],
            ["BM25", "40.1", "51.6", "53.0", "14.2", "38.4", "16.2", "18.4", "33.1"],
            ["SEAL (LM+FM)", "31.5", "42.0", "34.0", "21.7", "24.7", "21.4", "17.6", "27.6"],
        ]
    ),
    "4",
    "Table 4: Retrieval results on individual KILT dev set(s), with the average in the rightmost "
    "column. Reporting passage-level R-precision (higher is better).",
)


def test_an_average_over_the_kilt_tasks_takes_none_of_its_parts_tasks() -> None:
    found = {r.dataset: r for r in table_rows(SEAL_TABLE_4, ["SEAL"])}
    average = found["KILT dev"]
    assert (average.metric, average.value, average.task) == ("R-Precision", 27.6, None)
    assert average.evidence[0].column_header == "AVG"
    parts = {r.task for dataset, r in found.items() if dataset != "KILT dev"}
    assert parts == {None}  # R-precision measures retrieval, none of the datasets' own tasks


def test_an_average_over_kilt_retrieval_columns_is_retrieval_as_its_parts_are() -> None:
    tasks = ["information retrieval", "question answering", "fact verification"]
    found = {r.dataset: r.task for r in table_rows(SEAL_TABLE_4, ["SEAL"], tasks=tasks)}
    assert found["KILT dev"] == "information retrieval"
    assert set(found.values()) == {"information retrieval"}


BERT_TABLE_1 = Table(
    grid(
        [
            ["System", "MNLI-(m/mm)", "QQP", "QNLI", "SST-2", "CoLA", "RTE", "Average"],
            ["OpenAI GPT", "82.1/81.4", "70.3", "87.4", "91.3", "45.4", "56.0", "75.1"],
            ["BERTBASE", "84.6/83.4", "71.2", "90.5", "93.5", "52.1", "66.4", "79.6"],
        ]
    ),
    "1",
    "Table 1: GLUE Test results, scored by the evaluation server. The \u201cAverage\u201d column "
    "is slightly different than the official GLUE score, since we exclude the problematic "
    "WNLI set.",
)


def test_a_glue_average_is_no_natural_language_inference() -> None:
    [average] = [
        r
        for r in table_rows(BERT_TABLE_1, ["BERT", "BERTBASE"])
        if r.evidence[0].column_header == "Average"
    ]
    assert (average.dataset, average.value, average.task) == ("GLUE", 79.6, None)


def _row(header: str, dataset: str, task: str | None, value: float) -> TaskedRow:
    """A row of ByT5 XXL's in PaLM's TyDiQA table (Table 16), the cell under `header`."""
    cell = Evidence("p#1", 0, 0, str(value), "table", 0.8, table="16", caption="Table 16: TyDiQA")
    cell.row_header, cell.column_header = "ByT5 XXL", header
    return TaskedRow(Result("ByT5 XXL", task, dataset, "EM", value, evidence=[cell]), named=False)


def test_an_average_over_parts_of_one_task_keeps_it() -> None:
    rows = [
        _row("Ar", "TyDiQA-GoldP (Arabic)", "question answering", 80.1),
        _row("Bn", "TyDiQA-GoldP (Bengali)", "question answering", 79.0),
        _row("Avg", "TyDiQA-GoldP", "question answering", 81.4),
    ]
    settle_tasks(rows, hybrid_matcher(), [])
    assert rows[2].result.task == "question answering"
    rows[1].result.task = "reading comprehension"  # parts of two tasks: the average takes none
    settle_tasks(rows, hybrid_matcher(), [])
    assert rows[2].result.task is None
