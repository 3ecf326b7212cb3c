"""A row printing a task's short form that the caption spells out takes that task."""

from __future__ import annotations

from papergraph.core.model import Table
from papergraph.ingest.extract.short_form_tasks import spelled_tasks
from tests.ingest.tables import grid, table_rows

CAPTION = (
    "Table 5: Reported statistics are span-level F1 for NER, token-level F1 for PICO, dependency "
    "parsing (DEP), and macro-F1 for relation (REL) and text (CLS) classification."
)


def _table_5(*rows: list[str], caption: str = CAPTION) -> Table:
    """S2ORC's Table 5 shape: dataset, reference and task short form before the values."""
    header = ["Dataset", "Reference", "Task", "SCIBERT", "NewNet"]
    return Table(grid([header, *rows]), number="5", caption=caption)


def test_a_caption_spells_short_forms_alone_or_sharing_a_head_noun() -> None:
    assert spelled_tasks(CAPTION) == {
        "DEP": "dependency parsing",
        "REL": "relation classification",
        "CLS": "text classification",
    }
    assert spelled_tasks("Results with 3 (ABC) runs and a (XYZ) mark.") == {}


def test_a_row_printing_a_spelled_short_form_takes_its_task() -> None:
    """S2ORC (2020.acl-main.447) Table 5 shape: the "CLS" row had no task (the full table:
    test_row_tasks.py)."""
    table = _table_5(
        ["BC5CDR", "Li et al. (2016)", "NER", "90.01", "90.41"],
        ["SciCite", "Cohan et al. (2019)", "CLS", "85.49", "84.76"],
        ["EBM-NLP", "Nye et al. (2018)", "PICO", "72.28", "72.35"],
    )
    tasks = {r.dataset: r.task for r in table_rows(table, ["NewNet"]) if r.method == "NewNet"}
    assert tasks["SciCite"] == "text classification"


def test_a_row_takes_the_averaged_f1_its_caption_gives_its_short_form_or_dataset() -> None:
    """S2ORC Table 5: "macro-F1 for relation (REL) and text (CLS) classification" (and, here,
    "micro-F1 for JNLPBA", as S2ORC says it for ChemProt); BC5CDR's NER row keeps plain F1."""
    table = _table_5(
        ["BC5CDR", "Li et al. (2016)", "NER", "90.01", "90.41"],
        ["SciCite", "Cohan et al. (2019)", "CLS", "85.49", "84.76"],
        ["JNLPBA", "Collier and Kim (2004)", "NER", "77.28", "77.70"],
        caption=f"{CAPTION} We report micro-F1 for JNLPBA.",
    )
    metrics = {r.dataset: r.metric for r in table_rows(table, ["NewNet"]) if r.method == "NewNet"}
    assert metrics == {"BC5CDR": "F1", "SciCite": "Macro-F1", "JNLPBA": "Micro-F1"}


def test_one_dataset_scored_for_two_tasks_gives_two_results_each_with_its_task() -> None:
    """S2ORC Table 5 prints SciERC twice, "SciERC ... NER" and "SciERC ... REL": two tasks on
    one dataset are two results, not the first row's alone; the "REL" row is relation
    classification (the caption spells it) and its measure the caption's macro-F1. The dataset
    names of the lexicon's SciBERT benchmarks are read: ChemProt, "PaperField"."""
    table = _table_5(
        ["ChemProt", "Krallinger et al. (2017)", "REL", "83.64", "84.59"],
        ["SciERC", "Luan et al. (2018)", "NER", "67.57", "68.93"],
        ["SciERC", "Luan et al. (2018)", "REL", "79.97", "81.77"],
        ["PaperField", "Beltagy et al. (2019)", "CLS", "65.71", "65.99"],
    )
    found = {
        (r.dataset, r.task, r.metric, r.value)
        for r in table_rows(table, ["NewNet"])
        if r.method == "NewNet"
    }
    scierc = {row for row in found if row[0] == "SciERC"}
    assert {(metric, value) for _, _, metric, value in scierc} == {
        ("F1", 68.93),
        ("Macro-F1", 81.77),
    }
    tasks = {value: task for _, task, _, value in scierc}
    assert tasks[81.77] is not None and "relation" in tasks[81.77]
    assert {row[0] for row in found} == {"ChemProt", "SciERC", "Paper Field"}
