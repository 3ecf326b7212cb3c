"""Search filters resolved through the graph, with aliases, on every store."""

from __future__ import annotations

import pytest

from papergraph.core.model import EntityType
from papergraph.kg.filters import PaperFilter, matching_papers, resolve_entities
from papergraph.kg.store import KnowledgeGraph
from papergraph.kg.vocab import entity_iri


def test_a_value_resolves_by_folded_label_or_alias(filled: KnowledgeGraph) -> None:
    gsm8k = {entity_iri("dataset/gsm8k")}
    assert resolve_entities(filled, "GSM-8K", (EntityType.DATASET,)) == gsm8k
    assert resolve_entities(filled, "gsm 8k", (EntityType.DATASET,)) == gsm8k
    assert resolve_entities(filled, "CoT Revisited", (EntityType.METHOD,)) == {
        entity_iri("method/cotr")
    }
    assert resolve_entities(filled, "GSM8K", (EntityType.METHOD,)) == set()


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
    filled: KnowledgeGraph, paper_filter: PaperFilter, expected: set[str]
) -> None:
    assert matching_papers(filled, paper_filter) == expected
