"""The README's SPARQL examples, run over a graph built here from papers written here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Dataset, Graph

from papergraph.core.model import Chunk, Paper
from papergraph.ingest.extract import create_extractor
from papergraph.kg.mapping import new_graph, paper_graph
from papergraph.kg.vocab import entity_iri, paper_graph_iri

README = Path(__file__).resolve().parents[2] / "README.md"
PAPERS = {
    "dpo": (
        "Direct Preference Optimization",
        [
            "We propose Direct Preference Optimization (DPO), an alternative to RLHF.",
            "We evaluate DPO on GSM8K and MMLU. DPO achieves 72.5% accuracy on GSM8K.",
        ],
    ),
    "lora-math": (
        "Low-rank adapters for math",
        [
            "We fine-tune LLaMA with LoRA and compare with DPO.",
            "We evaluate on GSM-8K. Our LoRA model reaches an accuracy of 61.0 on GSM-8K.",
        ],
    ),
    "summaries": (
        "Summaries of news",
        ["We evaluate on CNN / DailyMail with ROUGE. Our model gets 44.1 ROUGE on CNN/Daily Mail."],
    ),
}


def readme_queries() -> dict[str, str]:
    """The README's ```sparql blocks, keyed by their `# question` comment."""
    blocks = re.findall(r"```sparql\n(.*?)```", README.read_text("utf-8"), re.DOTALL)
    questions = [re.search(r"^# (.+)$", block, re.MULTILINE) for block in blocks]
    return {q.group(1): block for q, block in zip(questions, blocks, strict=False) if q}


@pytest.fixture(scope="module")
def graph() -> Dataset:
    """One named graph per paper, their union the default graph: as the store holds them."""
    extractor = create_extractor("hybrid")
    dataset = Dataset(default_union=True)
    for prefix, namespace in new_graph().namespaces():
        dataset.bind(prefix, namespace)
    for paper_id, (title, texts) in PAPERS.items():
        chunks = [Chunk(f"{paper_id}#{i}", paper_id, i, t) for i, t in enumerate(texts)]
        paper = Paper(id=paper_id, title=title, chunks=chunks)
        named = dataset.graph(paper_graph_iri(paper_id))
        for triple in paper_graph(paper, extractor.extract(paper)):
            named.add(triple)
    return dataset


def rows(graph: Graph, question: str) -> list[tuple[str, ...]]:
    query = readme_queries()[question]
    return [tuple(str(v) if v is not None else "" for v in row) for row in graph.query(query)]


def test_papers_evaluating_on_a_benchmark_meet_across_spellings(graph: Graph) -> None:
    found = rows(graph, "Which papers evaluate on GSM8K?")
    titles = [title for _, title in found]
    assert titles == ["Direct Preference Optimization", "Low-rank adapters for math"]


def test_methods_used_with_a_dataset(graph: Graph) -> None:
    question = (
        "Which methods are used with GSM8K, by how many papers evaluating on it mention them?"
    )
    counts = dict(rows(graph, question))
    assert counts["DPO"] == "2"  # named by its long form in one paper, its acronym in the other
    assert counts["LoRA"] == "1" and counts["LLaMA"] == "1"


def test_results_on_a_benchmark_by_value(graph: Graph) -> None:
    question = "Results reported on GSM8K, best first, with the sentence each was read from."
    found = rows(graph, question)
    assert [(method, metric, float(value)) for _, method, metric, value, _ in found] == [
        ("DPO", "accuracy", 72.5),
        ("LoRA", "accuracy", 61.0),
    ]
    assert "72.5%" in found[0][4]


def test_one_iri_per_concept_across_papers(graph: Graph) -> None:
    from rdflib import RDF

    from papergraph.kg.vocab import PG

    datasets = {str(s) for s in graph.subjects(RDF.type, PG.Dataset)}
    benchmarks = {str(s) for s in graph.subjects(RDF.type, PG.Benchmark)}
    assert sum("cnn" in iri and "daily" in iri for iri in datasets | benchmarks) == 1
    assert sum(iri.endswith("gsm8k") for iri in benchmarks) == 1
    assert str(entity_iri("method/dpo")) in {str(s) for s in graph.subjects(RDF.type, PG.Method)}
