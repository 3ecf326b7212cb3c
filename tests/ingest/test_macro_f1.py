"""An F1 the paper prints as macro- or micro-averaged is a metric of its own (issue 14, res41):
a macro F1 over classes and a plain (or micro) F1 rank different leaderboards."""

from __future__ import annotations

from papergraph.core.model import Table
from papergraph.ingest.extract.metric_names import metrics_named, read_metric, refined
from tests.ingest.tables import RWKV_TABLE_7, grid, table_rows


def test_macro_and_micro_f1_are_read_as_printed() -> None:
    names = ["F1 Macro", "F1Macro", "macro-F1", "Macro F1", "F1 (macro)", "micro-F1", "F1-micro"]
    labels = [metric.label if (metric := read_metric(name)) else None for name in names]
    assert labels == [*["Macro-F1"] * 5, "Micro-F1", "Micro-F1"]
    assert [read_metric(name) for name in ("F1", "F1 score", "F-measure")] == [
        read_metric("F1")
    ] * 3


def test_a_caption_giving_f1_to_some_tasks_and_macro_f1_to_others_gives_the_table_f1() -> None:
    """S2ORC's Table 5 caption gives "F1 for NER ..., and macro-F1 for relation (REL) and text
    (CLS)", micro-F1 for ChemProt: the table's metric stays F1, as before macro-F1 was read."""
    caption = "We report micro F1 for NER and macro-F1 for relation (REL) and text (CLS)"
    assert [metric.label for metric in metrics_named(caption)] == ["Micro-F1", "Macro-F1"]
    assert refined(metrics_named(caption)) == read_metric("F1")  # each task's own, not one
    named = metrics_named("span-level F1 for NER and macro-F1 for text (CLS) classification")
    assert refined(named) == read_metric("F1")


def test_rwkv_table_7_f1_macro_rows_are_macro_f1() -> None:
    """RWKV (2305.13048) Table 7, p20: "Measure type" prints "F1 Macro" on three rows and
    "Accuracy" on MathQA's."""
    table = RWKV_TABLE_7
    rows = table_rows(table, ["RWKV-4"], "RWKV-4", "RWKV: Reinventing RNNs for the Transformer Era")
    found = {(r.dataset, r.metric, r.value) for r in rows if r.method and "RWKV" in r.method}
    assert found >= {
        ("MathQA", "Accuracy", 80.69),
        ("Sarcasm", "Macro-F1", 50.96),
        ("TweetSent", "Macro-F1", 52.5),
        ("Unhealthy", "Macro-F1", 43.3),
    }


def test_s2orc_table_5_rows_keep_their_f1_under_a_caption_naming_three_f1s() -> None:
    """S2ORC (2020.acl-main.447) Table 5, p8: no column prints a metric and the caption names
    F1, macro-F1 and micro-F1 for different tasks; the rows keep F1 rather than none, but the
    two GENIA rows that print their own measure ("DEP (LAS)", "DEP (UAS)") take it (res44:
    both had read the caption's F1, so the UAS value gave no row of its own)."""
    table = Table(
        grid(
            [
                ["Domain", "Dataset", "Reference", "Task", "SCIBERT", "S2ORC-SCIBERT"],
                ["", "BC5CDR", "Li et al. (2016)", "NER", "90.01", "90.41 ± 0.06"],
                ["", "GENIA", "Kim et al. (2003)", "DEP (LAS)", "90.43", "90.80 ± 0.19"],
                ["", "GENIA", "Kim et al. (2003)", "DEP (UAS)", "91.99", "92.31 ± 0.18"],
                ["Biomed & CS", "SciCite", "Cohan et al. (2019)", "CLS", "85.49", "84.76 ± 0.37"],
            ]
        ),
        number="5",
        caption="Table 5: S2ORC-SCIBERT test results are comparable with reported SCIBERT test "
        "results on the set of tasks and datasets from Beltagy et al. (2019), to which we refer "
        "the reader for descriptions. Reported statistics are span-level F1 for NER, token-level "
        "F1 for PICO, dependency parsing (DEP), and macro-F1 for relation (REL) and text (CLS) "
        "classification. We report micro-F1 for ChemProt.",
    )
    rows = table_rows(table, ["S2ORC-SCIBERT"], "S2ORC-SCIBERT", "S2ORC: The Semantic Scholar")
    found = {(r.dataset, r.metric, r.value) for r in rows if r.method == "S2ORC-SCIBERT"}
    assert found == {
        ("BC5CDR", "F1", 90.41),
        ("GENIA", "LAS", 90.8),
        ("GENIA", "UAS", 92.31),
        ("SciCite", "Macro-F1", 84.76),  # "macro-F1 for ... text (CLS)" (res48: F1)
    }


def test_attachment_scores_are_two_metrics_and_no_f1() -> None:
    """A dependency parse is scored with (LAS) or without (UAS) the relation's label, printed
    short in capitals; never inside another word ("ATLAS") or in lower case (Spanish "las"),
    and not spelled out in a caption giving F1 to other tasks (test_table_tasks.py)."""
    printed = ["DEP (LAS)", "LAS", "UAS", "DEP (UAS)"]
    labels = [metric.label if (metric := read_metric(name)) else None for name in printed]
    assert labels == ["LAS", "LAS", "UAS", "UAS"]
    assert [read_metric(text) for text in ("ATLAS", "de las palabras")] == [None, None]
