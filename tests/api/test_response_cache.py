"""Answers kept between writes: byte for byte the same as computed afresh, and never stale."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient

from papergraph.api.app import create_app
from papergraph.api.backend import Backend
from papergraph.api.config import ApiSettings, Settings
from tests.api.backends import ingested

KEY = "cache-test-key"
READS = [
    "/search?" + urlencode({"q": "preference optimization without a reward model"}),
    "/search?" + urlencode({"q": "low-rank adaptation", "mode": "keyword", "k": 3}),
    "/search?" + urlencode({"q": "reward modelling", "group": "paper", "dataset": "GSM8K"}),
    "/sparql?" + urlencode({"query": "SELECT ?p ?t WHERE { ?p dcterms:title ?t } ORDER BY ?p"}),
    "/papers?limit=3",
    "/health",
    "/entities?limit=5",
    "/leaderboards",
]
TITLES = "SELECT ?t WHERE { ?p dcterms:title ?t } ORDER BY ?t"


def app_over(backend: Backend, cache_size: int) -> TestClient:
    settings = backend.settings.model_copy(deep=True)
    settings.api.response_cache_size = cache_size
    return TestClient(create_app(settings, backend))


@pytest.fixture(scope="module")
def writable(tmp_path_factory: pytest.TempPathFactory, embedder, corpus_dir) -> Iterator[Backend]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("cached"), api=ApiSettings(api_key=KEY))
    with ingested(settings, embedder, corpus_dir) as backend:
        yield backend


def answer(client: TestClient, url: str, accept: str = "application/json") -> tuple:
    response = client.get(url, headers={"Accept": accept})
    assert response.status_code == 200, (url, response.text[:300])
    return response.content, response.headers.get("content-type")


def test_cached_answers_are_the_uncached_bytes(writable: Backend) -> None:
    with app_over(writable, 0) as fresh, app_over(writable, 64) as cached:
        paper_id = fresh.get("/papers?limit=1").json()["papers"][0]["paper_id"]
        reads = [*READS, f"/papers/{paper_id}", f"/papers/{paper_id}/related?k=3"]
        for url in reads:
            first = answer(cached, url)  # computed and kept
            assert answer(cached, url) == first == answer(fresh, url), url  # replayed
        turtle = answer(cached, f"/papers/{paper_id}", "text/turtle")
        assert turtle[1].startswith("text/turtle")  # Accept is part of the key
        assert answer(cached, f"/papers/{paper_id}", "text/turtle") == turtle


def test_a_write_is_seen_at_once(writable: Backend) -> None:
    url = "/sparql?" + urlencode({"query": TITLES})
    with app_over(writable, 64) as cached:
        before = cached.get(url, headers={"Accept": "text/csv"}).text
        paper_id = cached.get("/papers?limit=1").json()["papers"][0]["paper_id"]
        title = cached.get(f"/papers/{paper_id}").json()["title"]
        assert title in before
        removed = cached.delete(f"/papers/{paper_id}", headers={"X-API-Key": KEY})
        assert removed.status_code == 200
        after = cached.get(url, headers={"Accept": "text/csv"}).text
        assert title not in after
        assert cached.get(f"/papers/{paper_id}").status_code == 404


def test_fresh_values_and_errors_are_not_replayed(writable: Backend) -> None:
    now = "/sparql?" + urlencode({"query": "SELECT (STRUUID() AS ?id) WHERE {}"})
    with app_over(writable, 64) as cached:
        ids = {cached.get(now, headers={"Accept": "text/csv"}).text for _ in range(3)}
        assert len(ids) == 3  # a fresh id each time, as without the cache
        assert cached.get("/papers/no-such-paper").status_code == 404
        assert cached.get("/papers/no-such-paper").status_code == 404
