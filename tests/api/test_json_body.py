"""Routes that write their JSON themselves (`papergraph.api.json_body`) answer the bytes and
headers FastAPI would write for their response model."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from papergraph.api.schemas import SearchResponse

SEARCHES = [
    {"q": "preference optimization without a reward model"},
    {"q": "low-rank adaptation", "mode": "keyword", "k": 3},
    {"q": "sentence embeddings", "mode": "semantic", "k": 4, "offset": 2},
    {"q": "reward modelling on GSM8K", "group": "paper"},
    {"q": "reward modelling", "dataset": "GSM8K", "kind": ["body", "abstract"]},
]


@pytest.mark.parametrize("params", SEARCHES, ids=lambda params: urlencode(params))
def test_search_answers_what_fastapi_would_write_for_its_model(
    client: TestClient, params: dict[str, object]
) -> None:
    answer = client.get("/search", params=params)
    assert answer.status_code == 200
    model = SearchResponse.model_validate_json(answer.content)
    assert model.results or model.papers  # the comparison covers hits, not an empty page

    by_fastapi = FastAPI()

    @by_fastapi.get("/search", response_model=SearchResponse)
    def the_same_model() -> SearchResponse:
        return model

    expected = TestClient(by_fastapi).get("/search")
    assert answer.content == expected.content
    for header in ("content-type", "content-length"):
        assert answer.headers[header] == expected.headers[header]
