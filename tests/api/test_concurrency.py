"""Searches and SPARQL keep answering, consistently, while papers are uploaded: real HTTP
clients in threads against a real server, one uploading, others reading all the while."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from papergraph.api.app import create_app
from papergraph.api.backend import Backend
from papergraph.api.config import ApiSettings, Settings

KEY = "concurrency-key"
UPLOADS, PER_UPLOAD = 6, 4
TOPICS = ["GSM8K", "LoRA", "DPO", "ImageNet", "GLUE", "BERT"]
COUNT_PAPERS = "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { GRAPH ?g { ?p a fabio:ResearchPaper } }"


def batch(number: int) -> bytes:
    rows = [
        {
            "id": f"live-{number}-{n}",
            "title": f"Live paper {number}.{n}",
            "abstract": f"marker{number}x{n} We evaluate on {TOPICS[(number + n) % 6]} carefully.",
        }
        for n in range(PER_UPLOAD)
    ]
    return "\n".join(json.dumps(row) for row in rows).encode()


@pytest.fixture(scope="module")
def live_backend(
    tmp_path_factory: pytest.TempPathFactory, embedder, corpus_dir: Path
) -> Iterator[Backend]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("live"), api=ApiSettings(api_key=KEY))
    backend = Backend.open(settings, embedder=embedder)
    backend.ingester().ingest([corpus_dir])
    yield backend
    backend.close()


@pytest.fixture(scope="module")
def base_url(live_backend: Backend, serve) -> Iterator[str]:
    with serve(create_app(live_backend.settings, live_backend)) as url:
        yield url


class Reader(threading.Thread):
    """Reads until told to stop, checking what each answer must satisfy."""

    def __init__(self, base_url: str, stop: threading.Event, kind: str) -> None:
        super().__init__(daemon=True)
        self.client = httpx.Client(base_url=base_url, timeout=60)
        self.stop, self.kind = stop, kind
        self.answered = 0
        self.problems: list[str] = []
        self.counts: list[int] = []

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                self.read_once()
            except Exception as error:  # noqa: BLE001 - a failed read is a finding, not a crash
                self.problems.append(f"{self.kind}: {type(error).__name__}: {error}")
            self.answered += 1

    def read_once(self) -> None:
        if self.kind == "search":
            response = self.client.get(
                "/search", params={"q": "evaluate on GSM8K", "mode": "hybrid", "k": 5}
            )
            self.expect(response.status_code == 200, response.text)
            for hit in response.json()["results"][:2]:  # a hit's paper is whole: page and graph
                page = self.client.get(f"/papers/{hit['paper_id']}")
                self.expect(page.status_code == 200, f"hit {hit['paper_id']}: {page.text}")
                self.expect(bool(page.json()["entities"]), f"{hit['paper_id']} has no entities")
        elif self.kind == "sparql":
            response = self.client.post("/sparql", data={"query": COUNT_PAPERS})
            self.expect(response.status_code == 200, response.text)
            self.counts.append(int(response.json()["results"]["bindings"][0]["n"]["value"]))
        else:
            response = self.client.get("/health")
            self.expect(response.status_code == 200, response.text)
            self.counts.append(response.json()["papers"])

    def expect(self, condition: bool, what: str) -> None:
        if not condition:
            self.problems.append(f"{self.kind}: {what}")


def test_reads_answer_consistently_while_papers_are_uploaded(base_url: str) -> None:
    stop = threading.Event()
    readers = [Reader(base_url, stop, kind) for kind in ("search", "sparql", "health", "search")]
    for reader in readers:
        reader.start()
    try:
        with httpx.Client(base_url=base_url, timeout=300, headers={"X-API-Key": KEY}) as writer:
            for number in range(UPLOADS):
                files = {"file": (f"batch-{number}.jsonl", batch(number))}
                response = writer.post("/papers", files=files)
                assert response.status_code == 200, response.text
                assert len(response.json()["ingested"]) == PER_UPLOAD
    finally:
        stop.set()
        for reader in readers:
            reader.join(timeout=120)

    assert [problem for reader in readers for problem in reader.problems] == []
    assert all(reader.answered >= 3 for reader in readers), [r.answered for r in readers]
    for reader in readers:  # papers only ever arrive: no count goes backwards
        assert reader.counts == sorted(reader.counts), reader.kind
    total = 5 + UPLOADS * PER_UPLOAD
    with httpx.Client(base_url=base_url, timeout=60) as client:
        assert client.get("/health").json()["papers"] == total
        answer = client.post("/sparql", data={"query": COUNT_PAPERS}).json()
        assert int(answer["results"]["bindings"][0]["n"]["value"]) == total
        for number in range(UPLOADS):
            hits = client.get(
                "/search", params={"q": f"marker{number}x1", "mode": "keyword"}
            ).json()
            assert hits["results"][0]["paper_id"] == f"live-{number}-1"


def test_a_read_during_a_slow_write_waits_and_sees_the_whole_paper(
    base_url: str, live_backend: Backend, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hold a paper half-written (rows in SQLite, graph not yet) and read it meanwhile: the
    read must wait for the write and see the paper whole, never a page without its graph."""
    graph = live_backend.stores.graph
    write_graph = graph.replace_paper
    in_sqlite, release = threading.Event(), threading.Event()

    def slow_graph_write(paper_id: str, rdf) -> None:
        in_sqlite.set()
        release.wait(timeout=30)
        write_graph(paper_id, rdf)

    monkeypatch.setattr(graph, "replace_paper", slow_graph_write)
    row = {"id": "half-written", "abstract": "We evaluate on GSM8K."}
    upload = threading.Thread(
        target=lambda: httpx.post(
            f"{base_url}/papers",
            files={"file": ("one.jsonl", json.dumps(row).encode())},
            headers={"X-API-Key": KEY},
            timeout=120,
        )
    )
    upload.start()
    assert in_sqlite.wait(timeout=120)
    assert live_backend.stores.chunks.get_paper("half-written") is not None  # SQLite has it
    pages: list[httpx.Response] = []
    reader = threading.Thread(
        target=lambda: pages.append(httpx.get(f"{base_url}/papers/half-written", timeout=120))
    )
    reader.start()
    reader.join(timeout=1.0)
    assert reader.is_alive()  # waiting for the write, not answering from half a paper
    release.set()
    reader.join(timeout=60)
    upload.join(timeout=60)
    assert pages[0].status_code == 200
    assert any(entity["label"] == "GSM8K" for entity in pages[0].json()["entities"])
