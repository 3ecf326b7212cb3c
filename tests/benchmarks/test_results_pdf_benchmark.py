"""The PDF results benchmark in CI size: two pdfgold-dev papers through the whole scoring path."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import benchmarks.pdfgold as pdfgold
import benchmarks.results_pdf as results_pdf
from benchmarks.results_pdf import (
    main,
    matches,
    same_dataset,
    same_metric,
    same_value,
    score_paper,
    summary,
)
from benchmarks.results_why import _pattern, in_grid
from papergraph.core.model import Result, Table
from tests.ingest.tables import grid

ROW = re.compile(r"^(baseline|tables \+ text)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)")


def test_values_match_at_the_gold_precision_and_in_percent() -> None:
    assert same_value(28.4, "28.4") and same_value(77.16, "77.16%")
    assert same_value(38.2, "0.382") and not same_value(28.4, "28.40001")
    assert not same_value(28.4, "40M")


def test_datasets_match_without_split_words_and_by_containment() -> None:
    assert same_dataset("COCO test-dev", "COCO minival")
    assert same_dataset("CIFAR-10", "CIFAR-10, 4000 Labels")
    assert same_dataset("WMT 2014 English-German", "WMT2014 English-German")
    assert not same_dataset("CIFAR-10", "CIFAR-100")


def test_a_suite_prefixed_gold_dataset_is_the_part_it_names() -> None:
    # PwC writes KILT's parts "KILT: Zero Shot RE"; the table prints "zsRE"
    assert same_dataset("zsRE dev", "KILT Zero-shot RE (dev)")
    assert same_dataset("zsRE", "KILT Zero-shot RE (test)")
    assert not same_dataset("T-REx", "KILT Zero-shot RE (dev)")
    assert not same_dataset("zsRE", "ImageNet Zero-shot RE")  # ImageNet is no suite


def test_a_dataset_and_its_size_match_however_the_name_and_size_are_printed() -> None:
    """RAPT's hand gold prints "QQP 140K"; the extractor gives "Quora Question Pairs (140K)"."""
    assert same_dataset("Quora Question Pairs (140K)", "QQP 140K")
    assert not same_dataset("Quora Question Pairs (50K)", "QQP 140K")
    assert not same_dataset("Quora Question Pairs", "QQP 140K")


def test_a_gold_metric_naming_only_a_split_is_the_split_not_a_metric(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # PwC's NLP-progress rows: SWAG | metric "Dev" | 86.6 is SWAG's dev accuracy
    assert same_metric("Accuracy", "Dev") and same_metric("Accuracy", "Test")
    assert not same_metric("Accuracy", "F1") and same_metric("top-1 err.", "Top-1 Error")
    monkeypatch.setattr(results_pdf, "PART_METRICS", False)
    assert not same_metric("Accuracy", "Dev")


def test_a_measure_matches_the_variant_the_paper_names_and_no_other() -> None:
    """PwC's ImageNet ReaL "Accuracy" is ViT's "Top-1 Accuracy"; SciCite's "F1" is S2ORC's
    "Macro-F1"; top-5 is another measure, and the value must still agree."""
    assert same_metric("Top-1 Accuracy", "Accuracy") and same_metric("Accuracy", "top-1 acc")
    assert same_metric("Macro-F1", "F1") and same_metric("micro F1", "F1 score")
    assert same_metric("top-1 err.", "Error rate")
    assert not same_metric("Top-5 Accuracy", "Accuracy") and not same_metric("Top-5 Error", "Error")
    assert not same_metric("Macro-F1", "Micro-F1") and not same_metric("Macro-F1", "Accuracy")
    # PwC's HellaSwag "Accuracy" is the acc_norm a paper prints; the paper's own name matches
    assert same_metric("Normalized Accuracy", "Accuracy")
    assert same_metric("Normalized Accuracy", "Accuracy (normalized)")
    assert not same_metric("Normalized Accuracy", "Top-1 Accuracy")
    gold = {"dataset": "ImageNet ReaL", "metric": "Accuracy", "value": "90.72"}
    assert matches(Result("ViT-H/14", None, "ImageNet ReaL", "Top-1 Accuracy", 90.72), gold)
    assert not matches(Result("ViT-H/14", None, "ImageNet ReaL", "Top-1 Accuracy", 90.54), gold)


def test_a_gold_metric_naming_a_part_of_the_dataset_compares_the_part_as_a_dataset(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # BiDAF's gold: "CNN / Daily Mail" | metric "CNN" | 76.9 is the accuracy on CNN's test set
    gold = {"dataset": "CNN / Daily Mail", "metric": "CNN", "value": "76.9"}
    assert matches(Result("BiDAF", None, "CNN", "Accuracy", 76.9), gold)
    assert not matches(Result("BiDAF", None, "DailyMail", "Accuracy", 76.9), gold)
    assert not matches(Result("BiDAF", None, "CNN", "Accuracy", 79.6), gold)
    race = {"dataset": "RACE", "metric": "RACE-m", "value": "85.45"}
    assert matches(Result("XLNet", None, "RACE (Middle)", "Accuracy", 85.45), race)
    # a cost is a quantity of its own, not a part: never any metric's value
    params = {"dataset": "ImageNet", "metric": "Number of params", "value": "25"}
    assert not matches(Result("ResNet-50", None, "ImageNet", "Top-1 Accuracy", 25.0), params)
    monkeypatch.setattr(results_pdf, "PART_METRICS", False)
    assert not matches(Result("BiDAF", None, "CNN", "Accuracy", 76.9), gold)


def test_scores_average_per_paper_and_leave_out_papers_without_rows() -> None:
    gold = [
        {"dataset": "SQuAD1.1", "metric": "F1", "value": "84.6", "in_pdf": True},
        {"dataset": "SQuAD1.1", "metric": "EM", "value": "76.2", "in_pdf": False},
    ]
    hit = Result("QANet", None, "SQuAD", "F1", 84.6)
    miss = Result("QANet", None, "SQuAD", "F1", 80.0)
    paper = score_paper([hit, miss], gold)
    assert (paper.matched_predicted, paper.predicted, paper.matched_gold, paper.gold) == (
        1,
        2,
        1,
        1,
    )
    figures = summary([paper, score_paper([], gold)])
    assert figures["P"] == 0.5 and figures["R"] == 0.5


def test_benchmark_prints_both_extractors_per_split(
    shared_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if not (shared_data / "pdfgold-dev" / "gold.jsonl").exists():
        pytest.skip("pdfgold-dev not in the shared data")
    pytest.importorskip("pdfplumber", reason="the table dump needs pdfplumber")
    main(["--split", "tune", "--papers", "2", "--show", "3"])
    rows = [m.groups() for line in capsys.readouterr().out.splitlines() if (m := ROW.match(line))]
    assert [name for name, *_ in rows] == ["baseline", "tables + text"]
    assert all(0.0 <= float(value) <= 1.0 for _, *values in rows for value in values)


def test_why_names_a_missed_values_column_as_the_grid_reader_reads_it() -> None:
    """A one-line header over body rows: the column is "Accuracy", not the column's top cells
    ("Accuracy / 59.0 / 72.0", which read body rows as header text)."""
    table = Table(
        grid([["RACE", "Accuracy"], ["GPT", "59.0"], ["BERT", "72.0"], ["XLNet", "81.75"]]),
        number="1",
        caption="Table 1: RACE.",
        page=8,
    )
    found = in_grid(table, _pattern(["81.75"]))
    assert found == "table 1 p8: row 'XLNet', column 'Accuracy (as read)', cell '81.75'"


def test_hand_gold_names_only_tune_papers_without_pwc_rows(shared_data: Path) -> None:
    """Our hand-read headline rows widen tune; a test paper or a PwC-covered paper is refused."""
    if not (shared_data / "pdfgold-dev" / "gold.jsonl").exists():
        pytest.skip("pdfgold-dev is not in the shared data")
    hand = pdfgold.hand_rows()
    papers = {g.pdf.name: g for g in pdfgold.gold_papers()}
    for file, rows in hand.items():
        paper = papers[Path(file).name]
        assert paper.split == "tune" and not paper.results, file
        assert all(isinstance(row["value"], str) and row["value"].strip() for row in rows), file
    widened = {g.pdf.name: len(g.results) for g in pdfgold.gold_papers("tune", hand=True)}
    assert all(widened[Path(file).name] == len(rows) for file, rows in hand.items())


def test_shared_gold_is_its_own_split_of_shared_pdfs(tmp_path: Path) -> None:
    """Hand rows of the shared PDFs make papers of split "shared"; a file naming no PDF is
    refused, with the file's name."""
    pdfs = tmp_path / "pdfs" / "collection"
    pdfs.mkdir(parents=True)
    (pdfs / "a.pdf").write_bytes(b"%PDF-1.4")
    gold = tmp_path / "gold"
    gold.mkdir()
    row = {"file": "collection/a.pdf", "dataset": "ImageNet", "metric": "Top 1", "value": "76.1"}
    (gold / "a.jsonl").write_text(json.dumps(row) + "\n" + json.dumps(row) + "\n")
    (paper,) = pdfgold.shared_papers(gold, tmp_path / "pdfs")
    assert paper.split == "shared" and paper.pdf == pdfs / "a.pdf"
    assert [r["value"] for r in paper.results] == ["76.1", "76.1"]
    assert all(r["in_pdf"] and r["source"] == "papergraph-hand" for r in paper.results)
    (gold / "b.jsonl").write_text(json.dumps({**row, "file": "collection/b.pdf"}) + "\n")
    with pytest.raises(ValueError, match="collection/b.pdf"):
        list(pdfgold.shared_papers(gold, tmp_path / "pdfs"))
