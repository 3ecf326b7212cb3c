"""Facets and results as pages browse them, on every supported store."""

from __future__ import annotations

from papergraph.kg.browse import paper_facts, results
from papergraph.kg.mapping import paper_graph
from papergraph.kg.store import KnowledgeGraph


def _load(kg: KnowledgeGraph, *papers) -> None:
    for paper, extraction in papers:
        kg.replace_paper(paper.id, paper_graph(paper, extraction))


def test_paper_facts_know_each_papers_entities_and_year(
    kg: KnowledgeGraph, paper_a, paper_b
) -> None:
    _load(kg, paper_a, paper_b)
    facts = paper_facts(kg)
    assert facts.years == {"2307.12966": 2023, "2201.11903": 2022}
    assert "dataset/gsm8k" in facts.mentions["2307.12966"]
    assert "dataset/gsm8k" in facts.mentions["2201.11903"]
    gsm8k = facts.entities["dataset/gsm8k"]
    assert (gsm8k.type, gsm8k.label) == ("Dataset", "GSM8K")
    assert {facts.entities[key].type for key in facts.mentions["2307.12966"]} <= {
        "Method",
        "Dataset",
        "Benchmark",
        "Task",
    }  # metrics are not facets


def test_results_of_a_paper_and_of_an_entity(kg: KnowledgeGraph, paper_a, paper_b) -> None:
    _load(kg, paper_a, paper_b)
    [row] = results(kg, paper_id="2307.12966")
    assert (row["method"], row["dataset"], row["metric"], row["value"]) == (
        "CoT-R",
        "GSM8K",
        "Accuracy",
        81.5,
    )
    assert row["dataset_id"] == "dataset/gsm8k" and row["paper_id"] == "2307.12966"
    assert row["paper_title"] == "Chain of Thought Reasoning, Revisited"
    assert results(kg, entity_id="dataset/gsm8k") == [row]
    assert results(kg, entity_id=row["method_id"]) == [row]
    assert results(kg, paper_id="2201.11903") == []
    assert results(kg, entity_id="method/chain-of-thought") == []
