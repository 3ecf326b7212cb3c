"""The extraction benchmark in CI size: a few SciREX documents through the whole scoring path."""

from __future__ import annotations

import re
from pathlib import Path

from benchmarks.extraction import EXTRACTORS, benchmark
from benchmarks.scirex import TEST, TUNE, normalise, read_documents, split_of

ROW = re.compile(
    r"^(Method|Dataset|Task|Metric|Results)\s+(\w+)\s+\d*"
    r"\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+(\d+)/(\d+)/(\d+)"
)


def test_split_is_fixed_and_near_seventy_thirty(shared_data: Path) -> None:
    ids = [p.stem for p in (shared_data / "scirex" / "train_docs").glob("*.json")]
    tune = [i for i in ids if split_of(i) == TUNE]
    assert 0.6 < len(tune) / len(ids) < 0.8
    assert split_of("000f90380d768a85e2316225854fc377c079b5c4") == split_of(
        "000f90380d768a85e2316225854fc377c079b5c4"
    )


def test_normalise_compares_names_not_their_wrapping() -> None:
    assert normalise("the CoNLL-2003 test set") == normalise("CoNLL 2003") == "conll2003"
    assert normalise("BLEU scores") == normalise("BLEU")
    assert normalise("CNN / DailyMail") == normalise("CNN/Daily Mail")


def test_gold_clusters_have_names(shared_data: Path) -> None:
    document = next(read_documents(shared_data / "scirex" / "train_docs", TEST, 1))
    assert document.results and all(c.names for c in document.clusters.values())


def test_benchmark_runs_both_extractors_with_sane_figures(shared_data: Path) -> None:
    text = benchmark(shared_data / "scirex" / "train_docs", docs=4, folds=False)
    rows = [m.groups() for line in text.splitlines() if (m := ROW.match(line))]
    assert {name for _, name, *_ in rows} == set(EXTRACTORS)
    assert len(rows) == 2 * len(EXTRACTORS) * 5  # splits x extractors x (4 types + results)
    for kind, _, p, r, f1, hits, predicted, gold in rows:
        assert all(0.0 <= float(x) <= 1.0 for x in (p, r, f1))
        assert int(hits) <= min(int(predicted), int(gold)) or kind == "Results"
        assert int(gold) > 0
    entity_hits = sum(int(row[5]) for row in rows if row[0] != "Results")
    assert entity_hits > 0  # the extractors find some gold entities on any four papers
