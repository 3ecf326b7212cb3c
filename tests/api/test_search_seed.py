"""Search, filters, /query and pg:similar over the shared seed sample (real arXiv chunks)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from papergraph.api.app import create_app
from papergraph.api.backend import Backend
from papergraph.api.config import Settings
from papergraph.core.model import fold
from papergraph.kg.vocab import PAPER_NS

WEBARENA = "2307.13854"
SURVEY = "2307.12966"


@pytest.fixture(scope="module")
def seed_client(
    shared_data: Path, embedder: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("seed-data"))
    backend = Backend.open(settings, embedder=embedder)
    report = backend.ingester().ingest([shared_data / "ai-arxiv2-sample.jsonl"])
    assert report.ok, [failure.message for failure in report.failed]
    with TestClient(create_app(settings, backend)) as client:
        yield client
    backend.close()


def get(client: TestClient, path: str, **params: Any) -> Any:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_hybrid_grouped_search_finds_the_web_agent_paper(seed_client: TestClient) -> None:
    body = get(
        seed_client,
        "/search",
        q="autonomous agents acting in a realistic web environment",
        group="paper",
        k=3,
    )
    assert body["mode"] == "hybrid"
    assert body["papers"][0]["paper_id"] == WEBARENA
    assert len({p["paper_id"] for p in body["papers"]}) == len(body["papers"]) == 3
    assert body["papers"][0]["chunks"][0]["highlights"]


def test_pages_of_the_seed_do_not_overlap(seed_client: TestClient) -> None:
    first = get(seed_client, "/search", q="human preference alignment", k=10)
    second = get(seed_client, "/search", q="human preference alignment", k=10, offset=10)
    assert first["next_offset"] == 10
    ids = [h["chunk_id"] for h in first["results"] + second["results"]]
    assert len(ids) == len(set(ids)) == 20


def _aliased_entity(client: TestClient) -> dict[str, Any]:
    """A dataset or benchmark the seed's papers name by an alias that folds differently, and
    that at least one paper is about (filters read pg:about, what a paper page shows)."""
    for kind in ("Benchmark", "Dataset", "Method"):
        for entity in get(client, "/entities", type=kind, limit=200)["entities"]:
            aliases = [a for a in entity["aliases"] if fold(a) != fold(entity["label"])]
            if aliases and _papers_about(client, entity["id"]):
                return {**entity, "alias": aliases[0]}
    pytest.fail("no entity with an alias that a paper of the seed sample is about")


def _papers_about(client: TestClient, entity_id: str) -> set[str]:
    """The papers whose page (`GET /papers/{id}`: the entities it is about) lists the entity."""
    mentioning = {p["paper_id"] for p in get(client, f"/entities/{entity_id}")["papers"]}
    return {
        paper_id
        for paper_id in mentioning
        if entity_id in {e["id"] for e in get(client, f"/papers/{paper_id}")["entities"]}
    }


def test_an_alias_filter_admits_exactly_the_papers_that_are_about_the_entity(
    seed_client: TestClient,
) -> None:
    entity = _aliased_entity(seed_client)
    parameter = {"Benchmark": "benchmark", "Dataset": "dataset", "Method": "method"}[entity["type"]]
    expected = _papers_about(seed_client, entity["id"])
    body = get(
        seed_client, "/search", q="evaluation", group="paper", k=10, **{parameter: entity["alias"]}
    )
    assert {p["paper_id"] for p in body["papers"]} == expected
    assert body["filtered_papers"] == len(expected)


def test_a_filter_nobody_matches_is_an_empty_page(seed_client: TestClient) -> None:
    body = get(seed_client, "/search", q="alignment", dataset="No-Such-Corpus-123")
    assert body["results"] == [] and body["filtered_papers"] == 0


def test_pg_similar_ranks_the_seed_papers_as_semantic_search_does(
    seed_client: TestClient,
) -> None:
    text = "autonomous agents acting in a realistic web environment"
    rows = get(
        seed_client,
        "/sparql",
        query="SELECT ?paper ?s WHERE { ?paper a fabio:ResearchPaper . "
        f'BIND(pg:similar(?paper, "{text}") AS ?s) }} ORDER BY DESC(?s)',
    )["results"]["bindings"]
    assert rows[0]["paper"]["value"] == PAPER_NS + WEBARENA
    in_sparql = [
        (row["paper"]["value"].removeprefix(PAPER_NS), float(row["s"]["value"])) for row in rows
    ]
    grouped = get(seed_client, "/search", q=text, mode="semantic", group="paper", k=3)["papers"]
    assert [paper for paper, _ in in_sparql] == [p["paper_id"] for p in grouped]
    assert [score for _, score in in_sparql] == pytest.approx(
        [p["score"] for p in grouped], abs=1e-5
    )


def test_query_joins_a_pattern_with_meaning_on_the_seed(seed_client: TestClient) -> None:
    response = seed_client.post(
        "/query",
        json={
            "text": "a survey of aligning language models with human preferences",
            "where": "?paper pg:mentions ?m . ?m a pg:Method .",
            "k": 3,
        },
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["results"][0]["paper_id"] == SURVEY
    evidence = body["results"][0]["evidence"]
    assert evidence["chunk_id"].startswith(SURVEY + "#") and evidence["text"]
    assert all(
        row["m"].startswith("https://w3id.org/papergraph/entity/method/")
        for row in body["results"][0]["bindings"]
    )


def test_the_seed_sample_answers_what_a_researcher_asks_first(seed_client: TestClient) -> None:
    """Issue #2's acceptance on the real seed: 3 papers, DPO search, the survey's page, SPARQL."""
    assert get(seed_client, "/health")["papers"] == 3
    hits = get(seed_client, "/search", q="direct preference optimization", k=5, mode="semantic")
    assert hits["results"][0]["paper_id"] == SURVEY
    # a survey names dozens of methods: the page shows those it is about, `all` every mention
    about = get(seed_client, f"/papers/{SURVEY}")["entities"]
    page = get(seed_client, f"/papers/{SURVEY}", entities="all")
    assert about and all(entity["salient"] for entity in about)
    assert len(about) < len(page["entities"])
    names = {
        name: entity
        for entity in page["entities"]
        for name in [entity["label"], *entity["aliases"]]
    }
    for wanted in ("RLHF", "DPO", "LoRA", "MMLU", "GSM8K"):
        evidence = names[wanted]["evidence"]
        assert evidence and all(item["chunk_id"].startswith(f"{SURVEY}#") for item in evidence)
    count = get(
        seed_client,
        "/sparql",
        query="SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE "
        "{ ?p a <http://purl.org/spar/fabio/ResearchPaper> }",
    )
    assert int(count["results"]["bindings"][0]["n"]["value"]) == 3
    for paper in get(seed_client, "/papers")["papers"]:
        related = get(seed_client, f"/papers/{paper['paper_id']}/related")["related"]
        assert related and all(item["reasons"] for item in related)
