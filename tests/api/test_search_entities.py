"""Entity-aware search: the entities a query names are reported and lift papers, never filter."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from papergraph.api.backend import Backend


def search(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/search", params=params)
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


@pytest.fixture
def lifting(backend: Backend) -> Iterator[None]:
    """Entity lifts on, strong enough to show (the shipped weight is tuned on benchmarks)."""
    settings = backend.settings.index
    saved = settings.entity_weight
    # paper-level fusion alone spans paper_weight x (both list weights) top-rank units
    settings.entity_weight = max(
        3.0, settings.paper_weight * (settings.rrf_semantic_weight + settings.rrf_keyword_weight)
    )
    yield
    settings.entity_weight = saved


def test_a_dataset_named_by_alias_is_reported_with_its_other_names(client: TestClient) -> None:
    body = search(client, q="word problems on Grade School Math 8K")
    linked = {entity["label"]: entity for entity in body["query_entities"]}
    assert "GSM8K" in linked
    gsm8k = linked["GSM8K"]
    assert gsm8k["text"] == "Grade School Math 8K"
    assert body["query"][gsm8k["start"] : gsm8k["end"]] == gsm8k["text"]
    assert 0 < gsm8k["confidence"] < 1  # named by an alias, not the preferred label
    assert "GSM8K" in gsm8k["aliases"]  # the other names, added to the keyword query


def test_papers_evaluated_on_the_named_dataset_are_lifted_with_reasons(
    client: TestClient, lifting: None
) -> None:
    query = {"q": "fine-tuning results on GSM8K", "group": "paper", "k": 10}
    lifted = search(client, **query)["papers"]
    plain = search(client, entities="off", **query)["papers"]
    holders = {"dpo-paper", "math-paper"}
    assert {paper["paper_id"] for paper in lifted[:2]} == holders
    reasons = {paper["paper_id"]: paper["reasons"] for paper in lifted}
    for holder in holders:
        assert any("GSM8K" in reason["text"] for reason in reasons[holder])
    # a paper without GSM8K is lifted only by another entity the query names (fine-tuning)
    assert all("GSM8K" not in r["text"] for p in reasons if p not in holders for r in reasons[p])
    assert all("fine-tuning" in r["text"] for p in reasons if p not in holders for r in reasons[p])
    # evidence, not a filter: the papers without GSM8K are still ranked
    assert {p["paper_id"] for p in lifted} == {p["paper_id"] for p in plain}


def test_entities_off_links_nothing_and_ranks_as_before(client: TestClient, lifting: None) -> None:
    query = {"q": "fine-tuning results on GSM8K", "k": 10}
    off = search(client, entities="off", **query)
    assert off["query_entities"] == []
    assert all(hit["reasons"] == [] for hit in off["results"])
    on = search(client, **query)
    assert on["query_entities"] and any(hit["reasons"] for hit in on["results"])


def test_entities_parameter_rejects_other_values(client: TestClient) -> None:
    response = client.get("/search", params={"q": "GSM8K", "entities": "maybe"})
    assert response.status_code in (400, 422)


def test_explicit_filters_stay_exact_with_entities_on(client: TestClient, lifting: None) -> None:
    body = search(client, q="fine-tuning results on GSM8K", method="LoRA", k=20)
    assert {hit["paper_id"] for hit in body["results"]} <= {"lora-paper", "math-paper"}


def test_salience_power_sets_how_much_a_central_entity_outweighs_a_passing_one(
    client: TestClient, backend: Backend, lifting: None
) -> None:
    query = {"q": "fine-tuning results on GSM8K", "group": "paper", "k": 10}

    def gsm8k_lifts(power: float) -> dict[str, tuple[float, float]]:
        backend.settings.index.salience_power = power
        found: dict[str, tuple[float, float]] = {}
        for paper in search(client, **query)["papers"]:
            for reason in paper["reasons"]:
                if reason.get("label") == "GSM8K":
                    found[paper["paper_id"]] = (reason["salience"], reason["lift"])
        return found

    saved = backend.settings.index.salience_power
    try:
        flat, steep = gsm8k_lifts(0.0), gsm8k_lifts(2.0)
    finally:
        backend.settings.index.salience_power = saved
    (low, high) = sorted(flat, key=lambda paper: flat[paper][0])
    assert flat[low][0] < flat[high][0]  # the two holders name GSM8K with different salience
    assert flat[low][1] / flat[high][1] > steep[low][1] / steep[high][1]
