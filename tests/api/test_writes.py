"""The write endpoints as a client sees them: the API key, uploads, removal, and every error in
the one JSON shape."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from reportlab.pdfgen import canvas

from papergraph.api.app import create_app
from papergraph.api.backend import Backend
from papergraph.api.config import ApiSettings, Settings
from papergraph.ingest.settings import IngestSettings

KEY = "test-key-7f3a"
AUTH = {"X-API-Key": KEY}
ROWS = [
    {
        "id": "up-dpo",
        "title": "Uploaded DPO paper",
        "abstract": "We align models with DPO on GSM8K.",
    },
    {
        "id": "up-lora",
        "title": "Uploaded LoRA paper",
        "abstract": "We adapt BERT with LoRA on GLUE.",
    },
]


def jsonl(rows: list[dict | str]) -> bytes:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows).encode() + b"\n"


def pdf_bytes(tmp_path: Path, lines: list[str]) -> bytes:
    path = tmp_path / "made.pdf"
    pdf = canvas.Canvas(str(path))
    for number, line in enumerate(lines):
        pdf.drawString(50, 800 - 16 * number, line)
    pdf.showPage()
    pdf.save()
    return path.read_bytes()


@pytest.fixture(scope="module")
def writable(tmp_path_factory: pytest.TempPathFactory, embedder) -> Iterator[Backend]:
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("writable"),
        api=ApiSettings(api_key=KEY),
        ingest=IngestSettings(max_file_mb=0.05),  # 50 KB: room for the test files, not more
    )
    backend = Backend.open(settings, embedder=embedder)
    yield backend
    backend.close()


@pytest.fixture(scope="module")
def writer(writable: Backend) -> Iterator[TestClient]:
    app = create_app(writable.settings, writable)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def upload(client: TestClient, name: str, body: bytes, headers: dict | None = None):
    return client.post(
        "/papers", files={"file": (name, body)}, headers=AUTH if headers is None else headers
    )


def assert_error(response, status: int, type_name: str | None = None) -> dict:
    """The one error shape, pinned: exactly {"error": {"type", "message", "status"}}."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"type", "message", "status"}
    assert body["error"]["status"] == status and body["error"]["message"]
    if type_name:
        assert body["error"]["type"] == type_name
    return body["error"]


# --- the key ----------------------------------------------------------------------------------


def test_writes_are_refused_with_403_when_no_key_is_configured(client: TestClient) -> None:
    for response in (
        upload(client, "a.jsonl", jsonl(ROWS), headers={"X-API-Key": "anything"}),
        client.delete("/papers/dpo-paper", headers={"X-API-Key": "anything"}),
    ):
        error = assert_error(response, 403, "WritesDisabled")
        assert "PAPERGRAPH_API__API_KEY" in error["message"]
    assert client.get("/papers/dpo-paper").status_code == 200  # nothing was removed


def test_a_missing_or_wrong_key_is_401(writer: TestClient) -> None:
    for headers in ({}, {"X-API-Key": "wrong"}, {"X-API-Key": ""}):
        response = upload(writer, "a.jsonl", jsonl(ROWS), headers=headers)
        assert_error(response, 401, "Unauthorized")
        assert response.headers["www-authenticate"] == "ApiKey"
    assert_error(writer.delete("/papers/up-dpo", headers={"X-API-Key": "wrong"}), 401)


def test_reads_need_no_key(writer: TestClient) -> None:
    assert writer.get("/health").status_code == 200
    assert writer.get("/papers").status_code == 200


# --- uploads ----------------------------------------------------------------------------------


def test_upload_jsonl_ingests_searchable_papers_and_is_idempotent(writer: TestClient) -> None:
    first = upload(writer, "batch.jsonl", jsonl(ROWS))
    assert first.status_code == 200, first.text
    assert sorted(first.json()["ingested"]) == ["up-dpo", "up-lora"]
    page = writer.get("/papers/up-dpo").json()
    assert page["source"] == "upload:batch.jsonl"
    assert any(e["label"] == "GSM8K" for e in page["entities"])
    hits = writer.get("/search", params={"q": "LoRA BERT GLUE", "mode": "keyword"}).json()
    assert hits["results"][0]["paper_id"] == "up-lora"
    again = upload(writer, "batch.jsonl", jsonl(ROWS)).json()
    assert again["ingested"] == [] and sorted(again["unchanged"]) == ["up-dpo", "up-lora"]


def test_upload_reports_bad_lines_and_keeps_the_good_ones(writer: TestClient) -> None:
    body = jsonl(
        [
            {"id": "up-ok", "abstract": "A fine abstract about ResNet on ImageNet."},
            "{broken",
            {"id": "up-bad", "abstract": "x", "year": "soon"},
        ]
    )
    result = upload(writer, "mixed.jsonl", body).json()
    assert result["ingested"] == ["up-ok"]
    failures = {(f["file"], f["line"]) for f in result["failed"]}
    assert failures == {("mixed.jsonl", 2), ("mixed.jsonl", 3)}
    assert any("year" in f["reason"] for f in result["failed"])


def test_uploaded_file_names_never_become_paths(writer: TestClient, tmp_path: Path) -> None:
    body = pdf_bytes(tmp_path, ["Traversal Paper", "Body text about transformers and BLEU."])
    name = "../../../../tmp/evil/..\\..\\name with spaces.pdf"
    response = upload(writer, name, body)
    assert response.status_code == 200, response.text
    [paper_id] = response.json()["ingested"]
    assert paper_id == "name_with_spaces"
    assert writer.get(f"/papers/{paper_id}").json()["source"] == f"upload:{name}"
    assert not Path("/tmp/evil").exists()


@pytest.mark.parametrize(
    ("name", "body", "status", "type_name", "says"),
    [
        ("paper.exe", b"MZ", 415, "UnsupportedMediaType", "unsupported upload type"),
        ("noext", b"{}", 415, "UnsupportedMediaType", "unsupported upload type"),
        ("big.jsonl", b"x" * 60_000, 413, "PayloadTooLarge", "limit"),
        ("broken.pdf", b"%PDF-1.7\nnot really", 422, "NothingIngested", "broken.pdf"),
        ("empty.pdf", b"", 422, "NothingIngested", "empty file"),
        ("rows.jsonl", b"\xff\xfe not utf-8\n", 422, "NothingIngested", "invalid UTF-8"),
    ],
)
def test_bad_uploads_answer_in_the_error_shape(
    writer: TestClient, name: str, body: bytes, status: int, type_name: str, says: str
) -> None:
    error = assert_error(upload(writer, name, body), status, type_name)
    assert says in error["message"]
    assert "papergraph-upload-" not in error["message"]  # the temporary path never shows


def test_an_upload_without_a_file_is_422(writer: TestClient) -> None:
    assert_error(writer.post("/papers", headers=AUTH), 422, "ValidationError")


# --- removal ----------------------------------------------------------------------------------


def test_delete_removes_a_paper_everywhere(writer: TestClient, writable: Backend) -> None:
    triples = writer.get("/health").json()["triples"]  # counted once, then kept until a write
    upload(
        writer,
        "gone.jsonl",
        jsonl([{"id": "up-gone", "abstract": "Zebra stripes thermoregulation."}]),
    )
    assert writer.get("/papers/up-gone").status_code == 200
    assert writer.get("/health").json()["triples"] > triples
    response = writer.delete("/papers/up-gone", headers=AUTH)
    assert response.json() == {"paper_id": "up-gone", "removed": True}
    assert_error(writer.get("/papers/up-gone"), 404)
    hits = writer.get("/search", params={"q": "zebra stripes", "mode": "keyword"}).json()
    assert all(hit["paper_id"] != "up-gone" for hit in hits["results"])
    assert not writable.stores.graph.has_paper("up-gone")
    assert writer.get("/health").json()["triples"] == triples
    assert_error(writer.delete("/papers/up-gone", headers=AUTH), 404, "NotFound")


# --- the error shape for every status ---------------------------------------------------------


def test_an_unexpected_error_is_500_in_the_shape_without_internals(
    writer: TestClient, writable: Backend, monkeypatch: pytest.MonkeyPatch
) -> None:
    upload(writer, "batch.jsonl", jsonl(ROWS))

    def broken(paper_id: str) -> list:
        raise RuntimeError("secret detail /srv/internal/path")

    monkeypatch.setattr(writable.stores.graph, "paper_entities", broken)
    error = assert_error(writer.get("/papers/up-dpo"), 500, "InternalError")
    assert "secret" not in error["message"] and "/srv" not in error["message"]


def test_every_documented_error_uses_the_error_schema(writer: TestClient) -> None:
    spec = writer.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                if status.startswith(("4", "5")):
                    schema = response["content"]["application/json"]["schema"]
                    assert schema == {"$ref": "#/components/schemas/ErrorResponse"}, (
                        path,
                        method,
                        status,
                    )


def test_a_server_that_takes_writes_repairs_a_crashed_writers_leftovers_at_start(
    tmp_path: Path, embedder
) -> None:
    from papergraph.ingest.journal import Journal

    settings = Settings(data_dir=tmp_path / "data", api=ApiSettings(api_key=KEY))
    corpus = tmp_path / "in.jsonl"
    corpus.write_bytes(jsonl(ROWS))
    first = Backend.open(settings, embedder=embedder)
    first.ingester().ingest([corpus])
    Journal(first.stores.chunks).begin("up-lora", "ingest")  # as if killed mid-write
    first.close()

    backend = Backend.open(settings, embedder=embedder)
    try:
        with TestClient(create_app(settings, backend)) as client:
            assert backend.recovery is not None and backend.recovery.dropped == ["up-lora"]
            assert_error(client.get("/papers/up-lora"), 404)
            assert client.get("/papers/up-dpo").status_code == 200
    finally:
        backend.close()
