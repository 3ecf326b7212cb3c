"""One fixture, `kg`, over every supported triple store, the way rdflib's `make_graph` does.

The SPARQLUpdateStore case talks to a real `oxigraph serve` process (the `oxigraph_server`
fixture of tests/conftest.py), started once per session and emptied before each test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from papergraph.core.model import (
    Chunk,
    Entity,
    EntityType,
    Evidence,
    Extraction,
    Paper,
    Reference,
    Result,
    Role,
)
from papergraph.kg.mapping import paper_graph
from papergraph.kg.settings import GraphSettings
from papergraph.kg.store import KnowledgeGraph

STORE_PARAMS = ["Memory", "Oxigraph", "SPARQLUpdateStore"]


def graph_settings(store: str, tmp_path: Path, request: pytest.FixtureRequest) -> GraphSettings:
    if store == "SPARQLUpdateStore":
        base = request.getfixturevalue("oxigraph_server")
        request.getfixturevalue("oxigraph_update")("DROP ALL")  # a clean server for every test
        return GraphSettings(store=store, store_config=f"{base}/query,{base}/update")
    return GraphSettings(store=store)


@pytest.fixture
def covered_stores() -> list[str]:
    """The stores the `kg` fixture runs every test against."""
    return list(STORE_PARAMS)


@pytest.fixture(params=STORE_PARAMS)
def store_name(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def kg(store_name: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[KnowledgeGraph]:
    """An empty knowledge graph on each supported store."""
    graph = KnowledgeGraph(graph_settings(store_name, tmp_path, request), tmp_path)
    yield graph
    graph.close()


# ---------------------------------------------------------------- domain fixtures


def _evidence(
    chunk: str,
    start: int,
    end: int,
    text: str,
    extractor: str = "rules-v1",
    confidence: float = 0.9,
) -> Evidence:
    return Evidence(chunk, start, end, text, extractor, confidence)


@pytest.fixture
def paper_a() -> tuple[Paper, Extraction]:
    """A paper that proposes a method, evaluates on GSM8K, and cites paper B (by arXiv id)."""
    paper = Paper(
        id="2307.12966",
        title="Chain of Thought Reasoning, Revisited",
        authors=["Ada Lovelace", "Alan Turing"],
        year=2023,
        arxiv_id="2307.12966",
        doi="10.1000/ABC.123",
        abstract="We revisit chain-of-thought prompting.",
        chunks=[
            Chunk("2307.12966#0", "2307.12966", 0, "We propose CoT-R ...", section="Abstract"),
            Chunk("2307.12966#1", "2307.12966", 1, "Results on GSM-8K ..."),
        ],
        references=[
            Reference(raw="[1] B", arxiv_id="2201.11903"),
            Reference(raw="[2] C", doi="10.5555/XYZ"),
            Reference(raw="[3] D", title="A Title-Only Reference"),
            Reference(raw="[4] garbage"),
        ],
    )
    extraction = Extraction(
        paper_id=paper.id,
        entities=[
            Entity(
                EntityType.METHOD,
                "CoT-R",
                aliases=["CoT Revisited"],
                role=Role.PROPOSES,
                salience=0.9,
                evidence=[_evidence("2307.12966#0", 11, 16, "CoT-R")],
            ),
            Entity(
                EntityType.DATASET,
                "GSM8K",
                aliases=["GSM-8K"],
                role=Role.EVALUATES_ON,
                salience=0.6,
                evidence=[
                    _evidence("2307.12966#1", 11, 17, "GSM-8K"),
                    _evidence("2307.12966#1", 30, 35, "GSM8K", "llm-v2", 0.75),
                ],
            ),
            Entity(EntityType.METHOD, "Chain-of-Thought", role=Role.COMPARES_AGAINST, salience=0.4),
        ],
        results=[
            Result(
                method="CoT-R",
                task=None,
                dataset="GSM-8K",
                metric="Accuracy",
                value=81.5,
                evidence=[_evidence("2307.12966#1", 40, 60, "81.5% accuracy")],
            ),
        ],
    )
    return paper, extraction


@pytest.fixture
def paper_b() -> tuple[Paper, Extraction]:
    """The cited paper: uses GSM8K and proposes chain-of-thought."""
    paper = Paper(
        id="2201.11903",
        title="Chain-of-Thought Prompting",
        year=2022,
        arxiv_id="2201.11903",
        doi="10.1000/b",
        chunks=[Chunk("2201.11903#0", "2201.11903", 0, "text")],
    )
    extraction = Extraction(
        paper_id=paper.id,
        entities=[
            Entity(EntityType.METHOD, "Chain of Thought", role=Role.PROPOSES, salience=0.95),
            Entity(EntityType.DATASET, "GSM8K", role=Role.USES, salience=0.5),
        ],
    )
    return paper, extraction


@pytest.fixture
def filled(
    kg: KnowledgeGraph, paper_a: tuple[Paper, Extraction], paper_b: tuple[Paper, Extraction]
) -> KnowledgeGraph:
    """`kg` (every store) holding paper_a and paper_b, each written as its named graph."""
    for paper, extraction in (paper_a, paper_b):
        kg.replace_paper(paper.id, paper_graph(paper, extraction))
    return kg
