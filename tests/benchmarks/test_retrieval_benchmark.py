"""The retrieval benchmark's CI-sized form: 30 SciTLDR papers through the real pipeline, and the
"<task> on <dataset>" query set read from SciREX gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.build_gazetteer import LEXICON, case_rule, clean
from benchmarks.related import _section_text, read_scirex
from benchmarks.retrieval import load_corpus, print_report, run
from benchmarks.scirex import TUNE, split_of
from benchmarks.shared_data import SCIREX_DOCS
from benchmarks.task_dataset import leak_free_gazetteer, scirex_rows
from papergraph.ingest.extract.gazetteer import read_gazetteer, read_lexicon

SHIPPED_SCIREX = LEXICON / "generated-scirex.tsv"


def test_corpus_pairs_each_tldr_with_its_paper(shared_data: Path) -> None:
    corpus = load_corpus(shared_data / "scitldr", papers=10)
    ids = {paper["id"] for paper in corpus.papers}
    assert len(ids) == 10
    assert corpus.dev and corpus.test
    assert all(item.paper_id in ids for item in corpus.dev + corpus.test)
    assert all(paper["abstract"] and paper["title"] for paper in corpus.papers)


def test_task_on_dataset_queries_come_from_gold_result_pairs(shared_data: Path) -> None:
    if not SCIREX_DOCS.exists():
        pytest.skip(f"{SCIREX_DOCS}: SciREX documents absent")
    rows, queries = scirex_rows(SCIREX_DOCS, words=50)
    ids = {row["id"] for row in rows}
    assert len(rows) == 232
    assert {q.split for q in queries} == {"tune", "test"}
    assert all(q.relevant and q.relevant <= ids and " on " in q.query for q in queries)
    squad = [q for q in queries if q.query == "Question Answering on SQuAD1 1"]
    assert squad and len(squad[0].relevant) > 1  # several papers report results on SQuAD1.1


def test_task_on_dataset_papers_are_whole_with_their_experiments(shared_data: Path) -> None:
    """The graph can only see a paper evaluate on a dataset if the experiments are indexed."""
    if not SCIREX_DOCS.exists():
        pytest.skip(f"{SCIREX_DOCS}: SciREX documents absent")
    rows, _ = scirex_rows(SCIREX_DOCS)
    documents = read_scirex(SCIREX_DOCS, None)
    last_sections = [_section_text(doc, *doc["sections"][-1]) for doc in documents]
    assert all(last[-200:] in row["text"] for row, last in zip(rows, last_sections, strict=True))
    late = [row for row in rows if "experiment" in " ".join(row["text"].split()[1500:]).lower()]
    assert len(late) > len(rows) / 2  # most papers describe experiments after 1,500 words


def test_small_benchmark_reports_every_ranking_on_both_splits(
    shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = run(shared_data / "scitldr", papers=30, work_dir=tmp_path, log=False, scirex=None)
    (found,) = report.sets
    assert found.papers == 30 and found.tune_queries > 15 and found.test_queries > 15
    assert len(found.scores) == 6
    for scores in found.scores.values():
        assert set(scores) == {"tune", "test"}
        # 30 candidate papers: a TLDR finds its paper most of the time in every ranking
        assert 0.5 < scores["test"] <= 1.0
    assert list(tmp_path.glob("data-*/built.json"))  # the next run reuses the stores
    print_report(report)
    printed = capsys.readouterr().out
    assert "MRR@10" in printed and "entity-aware hybrid" in printed and "test" in printed


def test_leak_free_gazetteer_holds_no_name_only_test_relevant_papers_annotate(
    tmp_path: Path,
) -> None:
    """The benchmark's store reads a gazetteer built without the SciREX documents relevant to
    a test query: every SciREX name in it is annotated in some other tune document."""
    if not SCIREX_DOCS.exists():
        pytest.skip(f"{SCIREX_DOCS}: SciREX documents absent")
    _, queries = scirex_rows(SCIREX_DOCS, words=50)
    held_out = frozenset().union(*(q.relevant for q in queries if q.split == "test"))
    folder = leak_free_gazetteer(SCIREX_DOCS.parents[1], tmp_path, queries)
    names = [e.label.lower() for e in read_gazetteer(folder) if e.label]
    scirex = read_lexicon((folder / "generated-scirex.tsv").read_text("utf-8").splitlines())
    annotated: set[str] = set()
    for path in SCIREX_DOCS.glob("*.json"):
        if split_of(path.stem) == TUNE and path.stem not in held_out:
            doc = json.loads(path.read_text("utf-8"))
            annotated |= {clean(" ".join(doc["words"][a:b])).lower() for a, b, _ in doc["ner"]}
    assert names and scirex and all(entry.label.lower() in annotated for entry in scirex)
    assert len(scirex) < len(read_lexicon(SHIPPED_SCIREX.read_text("utf-8").splitlines()))


def test_generated_single_word_names_fold_case_unless_common_words() -> None:
    """The gazetteer's case column, from English word frequencies: a rare coined name matches in
    any case, a common word or a short acronym only as written, a phrase by the usual rules."""
    assert case_rule("Omniglot") == "fold" and case_rule("bAbI") == "fold"
    assert case_rule("Penn") == "exact" and case_rule("Adam") == "exact"
    assert case_rule("MR") == "exact" and case_rule("Penn Treebank") == ""
