"""Entity-aware search on a small real corpus: whole SciREX papers about link prediction and
node classification, ingested through the real pipeline. A query naming a dataset lifts the
papers that evaluate on it, says why, and drops nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from benchmarks.related import paper_row, read_scirex
from benchmarks.shared_data import SCIREX_DOCS
from papergraph.api.app import create_app
from papergraph.api.backend import Backend
from papergraph.api.config import Settings
from papergraph.index.embed import Embedder

TASKS = ("Link_Prediction", "Node_Classification")
QUERY = "link prediction on WN18RR"


def gold(doc: dict[str, Any]) -> set[tuple[str, str]]:
    return {(row["Task"], row["Material"]) for row in doc["n_ary_relations"]}


@pytest.fixture(scope="module")
def documents(shared_data: Path) -> list[dict[str, Any]]:
    if not SCIREX_DOCS.exists():
        pytest.skip(f"{SCIREX_DOCS}: SciREX documents absent")
    found = read_scirex(SCIREX_DOCS, None)
    return [doc for doc in found if any(task in TASKS for task, _ in gold(doc))]


@pytest.fixture(scope="module")
def client(
    documents: list[dict[str, Any]], embedder: Embedder, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    folder = tmp_path_factory.mktemp("scirex")
    source = folder / "papers.jsonl"
    rows = [paper_row(doc, None) for doc in documents]  # whole papers, experiments included
    source.write_text("".join(json.dumps(row) + "\n" for row in rows))
    settings = Settings(data_dir=folder / "data")
    backend = Backend.open(settings, embedder=embedder)
    assert backend.ingester().ingest([source]).ok
    with TestClient(create_app(settings, backend)) as test_client:
        yield test_client
    backend.close()


def papers(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/search", params={"q": QUERY, "group": "paper", "k": 10, **params})
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def test_a_query_naming_a_dataset_lifts_the_papers_evaluated_on_it(
    client: TestClient, documents: list[dict[str, Any]]
) -> None:
    evaluated = {d["doc_id"] for d in documents if ("Link_Prediction", "WN18RR") in gold(d)}
    assert 0 < len(evaluated) < len(documents)  # the corpus also holds papers that do not
    body = papers(client)
    assert "WN18RR" in {entity["label"] for entity in body["query_entities"]}
    ranked = [paper["paper_id"] for paper in body["papers"]]
    assert set(ranked[: len(evaluated)]) == evaluated
    reasons = {paper["paper_id"]: paper["reasons"] for paper in body["papers"]}
    for paper_id in evaluated:
        assert any("WN18RR" in reason["text"] for reason in reasons[paper_id])


def test_the_lift_widens_their_lead_and_drops_no_paper(
    client: TestClient, documents: list[dict[str, Any]]
) -> None:
    evaluated = {d["doc_id"] for d in documents if ("Link_Prediction", "WN18RR") in gold(d)}
    lifted = {paper["paper_id"]: paper["score"] for paper in papers(client)["papers"]}
    plain = {
        paper["paper_id"]: paper["score"] for paper in papers(client, entities="off")["papers"]
    }
    assert set(lifted) == set(plain)  # evidence, not a filter

    def lead(scores: dict[str, float]) -> float:
        others = [score for paper, score in scores.items() if paper not in evaluated]
        return min(scores[paper] for paper in evaluated) - max(others)

    assert all(lifted[paper] > plain[paper] for paper in evaluated)
    assert lead(lifted) > max(lead(plain), 0.0)
