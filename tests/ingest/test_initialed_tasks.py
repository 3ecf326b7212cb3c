"""A row printing the initials of one of its dataset's tasks takes that task."""

from __future__ import annotations

from papergraph.core.model import Evidence, Result
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.initialed_tasks import initialed_task, initialed_tasks, initials
from tests.ingest.tables import table_rows
from tests.ingest.test_short_form_tasks import _table_5

PICO = "Participant Intervention Comparison Outcome Extraction"


def test_a_tasks_initials_are_its_words_first_letters_whole_or_less_the_last() -> None:
    assert initials(PICO) == {"PICOE", "PICO"}
    assert "NER" in initials("Named Entity Recognition")
    assert initials("Question Answering") == {"QA"}


def test_a_short_form_fitting_one_task_of_the_dataset_names_it_two_name_none() -> None:
    label = "Biomed EBM-NLP Nye et al. (2018) PICO"
    assert initialed_task(label, [PICO, "Text Classification"]) == PICO
    assert initialed_task("Biomed EBM-NLP Nye et al. (2018)", [PICO]) is None
    assert initialed_task(label, [PICO, "Patient Intervention Control Outcome"]) is None


def test_s2orcs_pico_row_takes_the_task_its_dataset_is_filed_under() -> None:
    """S2ORC (2020.acl-main.447) Table 5: the caption gives PICO a measure ("token-level F1 for
    PICO") but spells it nowhere, and the data's one task of EBM-NLP is one dataset's, too few
    to trust alone; the row's "PICO" confirms it (the row had no task)."""
    table = _table_5(
        ["BC5CDR", "Li et al. (2016)", "NER", "90.01", "90.41"],
        ["EBM-NLP", "Nye et al. (2018)", "PICO", "72.28", "72.35"],
        ["GENIA", "Kim et al. (2003)", "DEP (LAS)", "90.43", "90.80"],
    )
    names = ["dependency parsing", "named entity recognition"]  # the paper's tasks
    found = table_rows(table, ["NewNet"], tasks=names)
    tasks = {r.dataset: r.task for r in found if r.method == "NewNet"}
    assert tasks["EBM-NLP"] is not None
    assert initials(tasks["EBM-NLP"]) & {"PICO"}


def test_a_printed_short_form_outranks_a_task_it_does_not_abbreviate() -> None:
    """SciBERT's "Bio NER JNLPBA" row: the data files JNLPBA under relation extraction and
    "Named Entity Recognition NER" too; the row's "NER" says which (its name less the initials
    it ends on). A row whose task its label abbreviates keeps it."""

    def row(label: str, task: str) -> Result:
        cell = Evidence("p#1", 0, 0, "", "table", table="1", row_header=label)
        return Result("NewBERT", task, "JNLPBA", "F1", 77.28, [cell])

    told, kept = row("Bio NER JNLPBA", "relation extraction"), row("JNLPBA", "relation extraction")
    initialed_tasks([told, kept], hybrid_matcher())
    assert told.task is not None and told.task.lower() == "named entity recognition"
    assert kept.task == "relation extraction"
