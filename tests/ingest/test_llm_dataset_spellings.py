"""The spellings LLM papers' tables print for known datasets after GPT-3's ("SQuADv2 f1",
"WebQs acc") and a dialogue set written in two words ("Empathetic Dialogues") are the datasets
Papers with Code lists (ingest/lexicon/datasets.tsv), so their rows meet the leaderboards."""

from __future__ import annotations

from papergraph.core.canonical import DATASET_TYPES
from papergraph.core.model import Table
from papergraph.ingest.extract.hybrid import hybrid_matcher
from tests.ingest.tables import grid, table_rows


def test_rows_of_a_datasets_down_the_side_table_take_the_full_names() -> None:
    """A one-shot table printing datasets down the side and the method across the top."""
    table = Table(
        grid(
            [
                ["Task", "Metric", "Baseline", "NewLM Full"],
                ["WebQs", "acc", "9.6", "10.4"],
                ["SQuADv2", "f1", "65.4", "67.8"],
            ]
        ),
        number="6",
        caption="Table 6: One-shot results of NewLM and the baseline.",
    )
    found = {(r.dataset, r.value) for r in table_rows(table, ["NewLM"])}
    assert ("WebQuestions", 10.4) in found
    assert ("SQuAD2.0", 67.8) in found
    assert not any(dataset in ("WebQs", "SQuADv2") for dataset, _ in found)


def test_an_abbreviated_header_expands_to_the_two_word_dialogue_set() -> None:
    """OPT's "ED" column abbreviates the "Empathetic Dialogues" its text names: the text's name
    is found as the dataset, and the header expands to it."""
    text = "We evaluate on ConvAI2, Wizard of Wikipedia and Empathetic Dialogues."
    datasets = {
        text[match.start : match.end]: match.entry.label
        for match in hybrid_matcher().find(text)
        if match.entry.type in DATASET_TYPES
    }
    assert datasets.get("Empathetic Dialogues") == "EmpatheticDialogues"
    table = Table(
        grid([["Model", "C2", "WW", "ED"], ["NewLM", "10.8", "13.3", "10.3"]]),
        number="2",
        caption="Table 2: Dialogue perplexity of NewLM.",
    )
    found = {(r.dataset, r.value) for r in table_rows(table, ["NewLM"], datasets=datasets)}
    assert ("EmpatheticDialogues", 10.3) in found


def test_the_dialogue_set_is_scored_for_dialogue_generation() -> None:
    """Its rows take the task of the other dialogue sets beside it, not the generated data's
    "Visual Dialog" (ingest/lexicon/dataset-tasks.txt)."""
    table = Table(
        grid(
            [
                ["Model", "ConvAI2 Perplexity", "EmpatheticDialogues Perplexity"],
                ["NewLM", "10.8", "10.3"],
            ]
        ),
        number="2",
        caption="Table 2: Dialogue evaluations of NewLM.",
    )
    found = {(r.dataset, r.task) for r in table_rows(table, ["NewLM"])}
    assert ("EmpatheticDialogues", "dialogue generation") in found
