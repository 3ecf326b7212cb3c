"""First-run polish (issue 15): docs that work offline, the API key's name, listings with totals,
and input errors that keep their whole reason."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from papergraph.api.config import Settings
from papergraph.ingest.readers.jsonl import jsonl_rows


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_api_docs_load_their_assets_from_this_server(client: TestClient, page: str) -> None:
    html = client.get(page).text
    assets = re.findall(r'(?:src|href)="([^"]+\.(?:js|css|png))"', html)
    assert assets, html
    assert not [url for url in assets if "://" in url], "docs assets must not come from a CDN"
    for url in assets:
        served = client.get(url)
        assert served.status_code == 200 and len(served.content) > 1000, url


def test_the_short_api_key_variable_sets_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PAPERGRAPH_API__API_KEY", raising=False)
    monkeypatch.setenv("PAPERGRAPH_API_KEY", "short-key")
    assert Settings().api.api_key == "short-key"
    monkeypatch.setenv("PAPERGRAPH_API__API_KEY", "real-key")
    assert Settings().api.api_key == "real-key"


def test_ingest_page_names_the_setting_that_works(client: TestClient) -> None:
    page = client.get("/ingest").text
    assert "PAPERGRAPH_API__API_KEY" in page


def test_entity_listing_has_total_and_next_offset(client: TestClient) -> None:
    everything = client.get("/entities", params={"limit": 1000}).json()
    total = everything["total"]
    assert total == len(everything["entities"]) > 3 and everything["next_offset"] is None
    first = client.get("/entities", params={"limit": 2}).json()
    assert first["total"] == total and first["next_offset"] == 2
    last = client.get("/entities", params={"limit": 2, "offset": total - 1}).json()
    assert len(last["entities"]) == 1 and last["next_offset"] is None
    datasets = client.get("/entities", params={"type": "Dataset"}).json()
    assert datasets["total"] == len(datasets["entities"]) < total


def test_paper_listing_has_next_offset(client: TestClient) -> None:
    first = client.get("/papers", params={"limit": 2}).json()
    assert first["total"] == 5 and first["next_offset"] == 2
    assert client.get("/papers", params={"offset": 4}).json()["next_offset"] is None


def test_a_broken_jsonl_line_keeps_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "papers.jsonl"
    path.write_bytes(b'{"id": "a", "abstract": "fine"}\n{"id": "b", "abstract": "tab\there"}\n')
    errors = [row for _, row in jsonl_rows(path) if not isinstance(row, dict)]
    assert [error.line for error in errors] == [2]
    assert errors[0].message.endswith(
        "line 2: invalid JSON: Invalid control character at column 29"
    )
