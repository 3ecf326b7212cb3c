"""A multilingual dataset's rows keep their language (issue 14: PaLM's GEM tables)."""

from __future__ import annotations

from papergraph.core.canonical import canonical
from papergraph.core.model import EntityType, Table
from papergraph.ingest.extract.row_languages import languages_kept
from tests.ingest.tables import grid, table_rows

#: PaLM's Table 15 (2204.02311, p. 30), the 8B and 540B columns and seven of its rows: one row
#: per language of WebNLG, MLSum and WikiLingua, the caption naming the metric (ROUGE-2).
ROUGE_TABLE = Table(
    grid(
        [
            ["", "1-shot", "", "", "Finetuning", ""],
            ["Task", "PaLM 8B", "PaLM 540B", "T5 XXL", "PaLM 8B", "PaLM 540B"],
            ["Data-To-Text", "", "", "", "", ""],
            ["WebNLG (en)", "29.1", "44.4", "39.6", "47.6", "49.3"],
            ["WebNLG (ru)", "4.5", "14.9", "23.2", "22.4", "23.4"],
            ["Summarization", "", "", "", "", ""],
            ["MLSum (de)", "4.6", "12.8", "35.9", "26.5", "33.1"],
            ["MLSum (es)", "2.3", "3.6", "12.0", "10.6", "12.0"],
            ["WikiLingua (en → en)", "5.6", "9.9", "23.8", "19.3", "23.2"],
            ["WikiLingua (es → en)", "3.4", "7.7", "17.9", "16.1", "20.9"],
            ["XSum (en)", "7.9", "12.2", "21.0", "16.3", "21.2"],
        ]
    ),
    "15",
    "Table 15: ROUGE-2 results in GEM data-to-text and summarization datasets. We present "
    "finetuning results in comparison with prior reported SOTA, T5 XXL finetuned baselines.",
)


def test_each_language_of_a_multilingual_dataset_is_a_row_of_its_own() -> None:
    """The later languages no longer fold into the first: "WebNLG (ru)" is not WebNLG (en)."""
    rows = {(r.method, r.dataset, r.value) for r in table_rows(ROUGE_TABLE, ["palm"], "PaLM")}
    assert ("PaLM 540B (1-shot)", "WebNLG (en)", 44.4) in rows
    assert ("PaLM 540B (1-shot)", "WebNLG (ru)", 14.9) in rows
    assert ("PaLM 8B (finetuning)", "MLSUM (de)", 26.5) in rows
    assert ("PaLM 8B (finetuning)", "MLSUM (es)", 10.6) in rows
    assert ("PaLM 540B (finetuning)", "WikiLingua (es → en)", 20.9) in rows
    assert ("PaLM 540B (finetuning)", "WikiLingua (en)", 23.2) in rows  # "en → en" is English
    assert ("PaLM 540B (finetuning)", "XSum", 21.2) in rows  # one language: nothing to tell apart
    assert len(rows) == 7 * 4  # four PaLM columns, seven rows; T5 is no PaLM


def test_the_language_is_the_datasets_qualifier() -> None:
    """The graph keeps one WikiLingua node, each language a variant of its results."""
    assert canonical("WikiLingua (es → en)", EntityType.DATASET)[1:] == ("WikiLingua", "es-en")
    assert canonical("MLSUM (de)", EntityType.DATASET)[1:] == ("MLSUM", "de")


def test_brackets_that_are_no_language_keep_the_dataset() -> None:
    """A bracketed size or setting is no language, and one language alone changes nothing."""
    labels = ["SST-2 (67k)", "SST-2 (dev)", "XSum (en)", "CNN (en)"]
    datasets = ["SST-2", "SST-2", "XSum", "CNN/DailyMail"]
    assert languages_kept(labels, datasets) == datasets
