"""Hybrid search over the Milvus backend (Milvus Lite) answers as it does over FAISS.

The package's `client` runs on FAISS; here the same corpus is ingested with
`vector_index=milvus` and every mode, filters and a removal are compared against it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from papergraph.api.app import create_app
from papergraph.api.backend import Backend
from papergraph.api.config import Settings
from tests.api.backends import ingested

pytest.importorskip("milvus_lite", reason="the milvus backend is tested on Milvus Lite")

QUERIES = [
    "preference optimization without a reward model",
    "InstructGPT labelers truthfulness",
    "language models trained with human feedback",
]


@pytest.fixture(scope="module")
def milvus_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    settings = Settings(data_dir=tmp_path_factory.mktemp("milvus-data"))
    settings.index.vector_index = "milvus"
    return settings


@pytest.fixture(scope="module")
def milvus_backend(milvus_settings: Settings, embedder, corpus_dir: Path) -> Iterator[Backend]:
    with ingested(milvus_settings, embedder, corpus_dir) as opened:
        yield opened
    opened.stores.vectors.close()  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def milvus_client(milvus_settings: Settings, milvus_backend: Backend) -> Iterator[TestClient]:
    with TestClient(create_app(milvus_settings, milvus_backend)) as test_client:
        yield test_client


def ranking(client: TestClient, **params: Any) -> list[tuple[str, int | None, int | None]]:
    response = client.get("/search", params=params)
    assert response.status_code == 200, response.text
    return [
        (hit["chunk_id"], hit["semantic_rank"], hit["keyword_rank"])
        for hit in response.json()["results"]
    ]


def test_the_milvus_backend_is_in_use(milvus_backend: Backend) -> None:
    from papergraph.index.milvus import MilvusIndex

    assert isinstance(milvus_backend.stores.vectors, MilvusIndex)
    assert len(milvus_backend.stores.vectors) == milvus_backend.stores.chunks.count_chunks()


@pytest.mark.parametrize("mode", ["hybrid", "semantic"])
@pytest.mark.parametrize("query", QUERIES)
def test_rankings_match_faiss(
    client: TestClient, milvus_client: TestClient, mode: str, query: str
) -> None:
    assert ranking(milvus_client, q=query, mode=mode, k=8) == ranking(
        client, q=query, mode=mode, k=8
    )


@pytest.mark.parametrize("filters", [{"method": "DPO"}, {"year_from": 2024}, {"dataset": "GSM8K"}])
def test_filtered_rankings_match_faiss(
    client: TestClient, milvus_client: TestClient, filters: dict[str, Any]
) -> None:
    query = {"q": "models", "k": 20, **filters}
    found = ranking(milvus_client, mode="hybrid", **query)
    assert found and found == ranking(client, mode="hybrid", **query)


def test_a_removed_paper_leaves_milvus_results(
    milvus_client: TestClient, milvus_backend: Backend
) -> None:
    query = {"q": "preference optimization without a reward model", "mode": "semantic", "k": 50}
    assert any(chunk.startswith("dpo-paper") for chunk, _, _ in ranking(milvus_client, **query))
    rowids = milvus_backend.stores.chunks.paper_rowids("dpo-paper")
    assert milvus_backend.ingester().remove("dpo-paper")
    assert not any(chunk.startswith("dpo-paper") for chunk, _, _ in ranking(milvus_client, **query))
    assert not set(rowids) & set(milvus_backend.stores.vectors.ids().tolist())
