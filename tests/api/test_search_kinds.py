"""Search leaves out front matter, bibliography, figure text and footnotes unless asked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from papergraph.api.app import create_app
from papergraph.api.backend import Backend
from papergraph.api.config import Settings
from papergraph.core.model import Chunk, ChunkKind, Paper

TEXT = {
    ChunkKind.FRONT: "Sparse attention kernels. Alice Example, Stanford University.",
    ChunkKind.ABSTRACT: "We present sparse attention kernels that run fast on GPUs.",
    ChunkKind.BODY: "Our sparse attention kernels tile the sequence into blocks.",
    ChunkKind.TABLE: "Method Speed | sparse attention kernels 3.1x | dense 1.0x",
    ChunkKind.FIGURE: "0.2 0.4 0.6 sparse attention kernels 0.8 1.0",
    ChunkKind.FOOTNOTE: "1 Code for the sparse attention kernels is public.",
    ChunkKind.REFERENCES: "[1] A. Writer. Sparse attention kernels revisited. In ICML, 2020.",
}


def kinds_paper() -> Paper:
    chunks = [
        Chunk(
            f"kinds#{seq}",
            "kinds",
            seq,
            text,
            kind=kind,
            section=kind.value.title(),
            pages=[seq + 1],
        )
        for seq, (kind, text) in enumerate(TEXT.items())
    ]
    return Paper(id="kinds", title="Sparse attention", chunks=chunks, content_hash="k1")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, embedder) -> Iterator[TestClient]:
    settings = Settings(data_dir=Path(tmp_path_factory.mktemp("data")))
    backend = Backend.open(settings, embedder=embedder)
    report = backend.ingester().ingest_items([kinds_paper()])
    assert report.ok, report.failed
    with TestClient(create_app(settings, backend)) as test_client:
        yield test_client
    backend.close()


def kinds_found(client: TestClient, **params: object) -> set[str]:
    response = client.get("/search", params={"q": "sparse attention kernels", "k": 20, **params})
    assert response.status_code == 200, response.text
    return {hit["kind"] for hit in response.json()["results"]}


@pytest.mark.parametrize("mode", ["hybrid", "semantic", "keyword"])
def test_default_results_hold_no_front_references_figure_or_footnote_chunk(
    client: TestClient, mode: str
) -> None:
    assert kinds_found(client, mode=mode) == {"abstract", "body", "table"}


def test_kind_chooses_the_kinds_searched(client: TestClient) -> None:
    assert kinds_found(client, kind="references") == {"references"}
    assert kinds_found(client, kind=["figure", "body"]) == {"figure", "body"}


def test_results_carry_section_kind_and_pages(client: TestClient) -> None:
    response = client.get("/search", params={"q": "tile the sequence into blocks", "k": 1})
    hit = response.json()["results"][0]
    assert (hit["kind"], hit["section"], hit["pages"]) == ("body", "Body", [3])


def test_an_unknown_kind_is_a_clear_422(client: TestClient) -> None:
    response = client.get("/search", params={"q": "x", "kind": "sidebar"})
    assert response.status_code == 422
    assert "sidebar" in response.text or "kind" in response.text
