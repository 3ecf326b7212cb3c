"""GET /search end to end over the written corpus: modes, fusion, filters, groups, pages."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from papergraph.api.backend import Backend


def search(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/search", params=params)
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def papers_of(body: dict[str, Any]) -> set[str]:
    return {hit["paper_id"] for hit in body["results"]}


def test_default_mode_is_hybrid_and_fuses_both_rankings(client: TestClient) -> None:
    body = search(client, q="preference optimization without a reward model")
    assert body["mode"] == "hybrid"
    first = body["results"][0]
    assert first["paper_id"] == "dpo-paper"
    assert first["semantic_rank"] == 1 and first["keyword_rank"] == 1
    assert first["rank"] == 1
    assert [hit["rank"] for hit in body["results"]] == list(range(1, len(body["results"]) + 1))


@pytest.mark.parametrize("mode", ["semantic", "keyword", "hybrid"])
def test_each_mode_finds_the_instructgpt_chunk(client: TestClient, mode: str) -> None:
    body = search(client, q="InstructGPT labelers truthfulness", mode=mode, k=3)
    assert body["mode"] == mode
    assert body["results"][0]["chunk_id"] == "2203.02155#1"
    ranks = {"semantic": "semantic_rank", "keyword": "keyword_rank"}
    for other, field in ranks.items():
        if other != mode and mode != "hybrid":
            assert body["results"][0][field] is None


def test_keyword_mode_matches_words_only(client: TestClient) -> None:
    assert search(client, q="zyxwvut qqqq", mode="keyword")["results"] == []
    assert search(client, q="zyxwvut qqqq", mode="semantic")["results"]  # meaning always ranks


def test_fusion_weights_come_from_settings(client: TestClient, backend: Backend) -> None:
    query = {"q": "language models trained with human feedback", "k": 6, "entities": "off"}
    semantic = [hit["chunk_id"] for hit in search(client, mode="semantic", **query)["results"]]
    keyword = [hit["chunk_id"] for hit in search(client, mode="keyword", **query)["results"]]
    settings = backend.settings.index
    saved = (settings.rrf_semantic_weight, settings.rrf_keyword_weight, settings.paper_weight)
    try:
        settings.paper_weight = 0.0  # paper-level fusion regroups chunks by paper
        settings.rrf_semantic_weight, settings.rrf_keyword_weight = 1.0, 0.0
        only_semantic = [hit["chunk_id"] for hit in search(client, **query)["results"]]
        settings.rrf_semantic_weight, settings.rrf_keyword_weight = 0.0, 1.0
        only_keyword = [hit["chunk_id"] for hit in search(client, **query)["results"]]
    finally:
        settings.rrf_semantic_weight, settings.rrf_keyword_weight, settings.paper_weight = saved
    assert only_semantic == semantic
    assert only_keyword[: len(keyword)] == keyword


def test_highlights_point_at_the_query_words(client: TestClient) -> None:
    body = search(client, q="optimizing preferences", k=1)
    hit = body["results"][0]
    marked = [hit["text"][h["start"] : h["end"]] for h in hit["highlights"]]
    assert "Preference" in marked and "Optimization" in marked and "preferences" in marked
    assert "<mark>Preference</mark>" in hit["snippet"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"dataset": "GSM-8K"}, {"dpo-paper", "math-paper"}),  # alias spelling, typed Benchmark
        ({"dataset": "Grade School Math 8K"}, {"dpo-paper", "math-paper"}),  # an altLabel
        ({"benchmark": "mt bench"}, {"dpo-paper"}),
        ({"dataset": "ILSVRC"}, {"vision-paper"}),
        ({"method": "Low-Rank Adaptation"}, {"lora-paper", "math-paper"}),
        ({"method": "LoRA", "dataset": "GSM8K"}, {"math-paper"}),
        ({"method": ["LoRA", "DPO"]}, {"math-paper"}),  # repeated: all must hold
        ({"task": "Image Classification"}, {"vision-paper"}),
        ({"author": "turing"}, {"dpo-paper"}),
        ({"author": "GRACE"}, {"lora-paper"}),
        ({"year_from": 2022, "year_to": 2023}, {"dpo-paper", "2203.02155"}),
        ({"year_from": 2024}, {"math-paper"}),
        ({"year_to": 2016}, {"vision-paper"}),
    ],
)
def test_filters_resolve_through_the_graph(
    client: TestClient, params: dict[str, Any], expected: set[str]
) -> None:
    body = search(client, q="models", mode="semantic", k=50, **params)
    assert papers_of(body) == expected
    assert body["filtered_papers"] == len(expected)
    assert body["filters"]


@pytest.mark.parametrize(
    "params",
    [{"dataset": "No Such Dataset"}, {"method": "LoRA", "year_to": 2000}, {"author": "nobody"}],
)
def test_a_filter_matching_nothing_answers_an_empty_list(
    client: TestClient, params: dict[str, Any]
) -> None:
    for mode in ("hybrid", "semantic", "keyword"):
        body = search(client, q="language models", mode=mode, **params)
        assert body["results"] == [] and body["next_offset"] is None
        assert body["filtered_papers"] == 0


def test_keyword_results_respect_filters(client: TestClient) -> None:
    body = search(client, q="GSM8K accuracy", mode="keyword", method="DPO", k=20)
    assert papers_of(body) <= {"dpo-paper", "math-paper"} and body["results"]


def test_group_by_paper_gives_one_result_per_paper_with_its_best_chunks(
    client: TestClient,
) -> None:
    body = search(client, q="language models follow instructions", group="paper", k=10)
    papers = body["papers"]
    ids = [paper["paper_id"] for paper in papers]
    assert len(ids) == len(set(ids)) == 5
    assert body["results"] == []
    assert papers[0]["paper_id"] == "2203.02155"
    assert [chunk["paper_id"] for chunk in papers[0]["chunks"]] == ["2203.02155"] * 2
    scores = [paper["score"] for paper in papers]
    assert scores == sorted(scores, reverse=True)
    assert all(paper["score"] == paper["chunks"][0]["score"] for paper in papers)


def test_pages_concatenate_to_the_whole_ranking(client: TestClient) -> None:
    whole = search(client, q="language models", k=6)
    assert whole["next_offset"] is None  # six chunks in all
    pages: list[str] = []
    offset: int | None = 0
    while offset is not None:
        page = search(client, q="language models", k=2, offset=offset)
        pages += [hit["chunk_id"] for hit in page["results"]]
        offset = page["next_offset"]
    assert pages == [hit["chunk_id"] for hit in whole["results"]]


def test_grouped_pages_do_not_repeat_papers(client: TestClient) -> None:
    first = search(client, q="language models", group="paper", k=3)
    second = search(client, q="language models", group="paper", k=3, offset=3)
    assert first["next_offset"] == 3 and second["next_offset"] is None
    ids = [p["paper_id"] for p in first["papers"] + second["papers"]]
    assert len(ids) == len(set(ids)) == 5
    assert [p["rank"] for p in second["papers"]] == [4, 5]


def test_bad_parameters_answer_the_error_shape(client: TestClient) -> None:
    for params in (
        {"q": "x", "group": "author"},
        {"q": "x", "mode": "fuzzy"},
        {"q": "x", "offset": -1},
    ):
        response = client.get("/search", params=params)
        assert response.status_code == 422
        assert response.json()["error"]["type"] == "ValidationError"
