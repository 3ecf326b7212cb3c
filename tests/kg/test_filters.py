"""Search filters resolved through the graph, with aliases, on every store."""

from __future__ import annotations

import pytest

from papergraph.core.model import EntityType, Extraction, Paper
from papergraph.kg.filters import PaperFilter, matching_papers, resolve_entities
from papergraph.kg.mapping import paper_graph
from papergraph.kg.store import KnowledgeGraph
from papergraph.kg.vocab import entity_iri


@pytest.fixture
def two_papers(
    kg: KnowledgeGraph, paper_a: tuple[Paper, Extraction], paper_b: tuple[Paper, Extraction]
) -> KnowledgeGraph:
    for paper, extraction in (paper_a, paper_b):
        kg.replace_paper(paper.id, paper_graph(paper, extraction))
    return kg


def test_a_value_resolves_by_folded_label_or_alias(two_papers: KnowledgeGraph) -> None:
    gsm8k = {entity_iri("dataset/gsm8k")}
    assert resolve_entities(two_papers, "GSM-8K", (EntityType.DATASET,)) == gsm8k
    assert resolve_entities(two_papers, "gsm 8k", (EntityType.DATASET,)) == gsm8k
    assert resolve_entities(two_papers, "CoT Revisited", (EntityType.METHOD,)) == {
        entity_iri("method/cotr")
    }
    assert resolve_entities(two_papers, "GSM8K", (EntityType.METHOD,)) == set()


@pytest.mark.parametrize(
    ("paper_filter", "expected"),
    [
        (PaperFilter(entities={"dataset": ["GSM-8K"]}), {"2307.12966", "2201.11903"}),
        (PaperFilter(entities={"method": ["CoT Revisited"]}), {"2307.12966"}),
        (
            PaperFilter(entities={"method": ["Chain of Thought"], "dataset": ["gsm8k"]}),
            {"2307.12966", "2201.11903"},
        ),
        (PaperFilter(authors=["turing"]), {"2307.12966"}),
        (PaperFilter(year_from=2023), {"2307.12966"}),
        (PaperFilter(year_to=2022), {"2201.11903"}),
        (PaperFilter(year_from=2022, year_to=2023), {"2307.12966", "2201.11903"}),
        (PaperFilter(entities={"method": ["CoT-R"]}, year_to=2022), set()),
        (PaperFilter(entities={"task": ["no such task"]}), set()),
        (PaperFilter(entities={"benchmark": ["GSM8K"]}), set()),  # typed Dataset here
    ],
)
def test_matching_papers(
    two_papers: KnowledgeGraph, paper_filter: PaperFilter, expected: set[str]
) -> None:
    assert matching_papers(two_papers, paper_filter) == expected
