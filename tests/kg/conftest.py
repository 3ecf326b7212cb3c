"""One fixture, `kg`, over every supported triple store, the way rdflib's `make_graph` does.

The SPARQLUpdateStore case talks to a real `oxigraph serve` process (from the `oxigraph`
package), started once per session and emptied before each test.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.model import (
    Chunk,
    Entity,
    EntityType,
    Evidence,
    Extraction,
    Paper,
    Reference,
    Result,
    Role,
)
from kg.settings import GraphSettings
from kg.store import KnowledgeGraph

STORE_PARAMS = ["Memory", "Oxigraph", "SPARQLUpdateStore"]


def _oxigraph_binary() -> str | None:
    beside_python = Path(sys.executable).with_name("oxigraph")
    return str(beside_python) if beside_python.exists() else shutil.which("oxigraph")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a live `oxigraph serve --union-default-graph` on a free local port."""
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("the `oxigraph` server binary is not installed (pip install oxigraph)")
    port = _free_port()
    location = tmp_path_factory.mktemp("oxigraph-server")
    process = subprocess.Popen(
        [
            binary,
            "serve",
            "--location",
            str(location),
            "--bind",
            f"127.0.0.1:{port}",
            "--union-default-graph",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"oxigraph serve did not start: {process.stderr.read()!r}")
                time.sleep(0.05)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def graph_settings(store: str, tmp_path: Path, request: pytest.FixtureRequest) -> GraphSettings:
    if store == "SPARQLUpdateStore":
        base = request.getfixturevalue("oxigraph_server")
        urllib.request.urlopen(
            urllib.request.Request(  # a clean server for every test
                f"{base}/update",
                data=b"DROP ALL",
                headers={"Content-Type": "application/sparql-update"},
            )
        ).read()
        return GraphSettings(store=store, store_config=f"{base}/query,{base}/update")
    return GraphSettings(store=store)


@pytest.fixture
def covered_stores() -> list[str]:
    """The stores the `kg` fixture runs every test against."""
    return list(STORE_PARAMS)


@pytest.fixture(params=STORE_PARAMS)
def store_name(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def kg(store_name: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[KnowledgeGraph]:
    """An empty knowledge graph on each supported store."""
    graph = KnowledgeGraph(graph_settings(store_name, tmp_path, request), tmp_path)
    yield graph
    graph.close()


# ---------------------------------------------------------------- domain fixtures


def _evidence(
    chunk: str,
    start: int,
    end: int,
    text: str,
    extractor: str = "rules-v1",
    confidence: float = 0.9,
) -> Evidence:
    return Evidence(chunk, start, end, text, extractor, confidence)


@pytest.fixture
def paper_a() -> tuple[Paper, Extraction]:
    """A paper that proposes a method, evaluates on GSM8K, and cites paper B (by arXiv id)."""
    paper = Paper(
        id="2307.12966",
        title="Chain of Thought Reasoning, Revisited",
        authors=["Ada Lovelace", "Alan Turing"],
        year=2023,
        arxiv_id="2307.12966",
        doi="10.1000/ABC.123",
        abstract="We revisit chain-of-thought prompting.",
        chunks=[
            Chunk("2307.12966#0", "2307.12966", 0, "We propose CoT-R ...", section="Abstract"),
            Chunk("2307.12966#1", "2307.12966", 1, "Results on GSM-8K ..."),
        ],
        references=[
            Reference(raw="[1] B", arxiv_id="2201.11903"),
            Reference(raw="[2] C", doi="10.5555/XYZ"),
            Reference(raw="[3] D", title="A Title-Only Reference"),
            Reference(raw="[4] garbage"),
        ],
    )
    extraction = Extraction(
        paper_id=paper.id,
        entities=[
            Entity(
                EntityType.METHOD,
                "CoT-R",
                aliases=["CoT Revisited"],
                role=Role.PROPOSES,
                salience=0.9,
                evidence=[_evidence("2307.12966#0", 11, 16, "CoT-R")],
            ),
            Entity(
                EntityType.DATASET,
                "GSM8K",
                aliases=["GSM-8K"],
                role=Role.EVALUATES_ON,
                salience=0.6,
                evidence=[
                    _evidence("2307.12966#1", 11, 17, "GSM-8K"),
                    _evidence("2307.12966#1", 30, 35, "GSM8K", "llm-v2", 0.75),
                ],
            ),
            Entity(EntityType.METHOD, "Chain-of-Thought", role=Role.COMPARES_AGAINST, salience=0.4),
        ],
        results=[
            Result(
                method="CoT-R",
                task=None,
                dataset="GSM-8K",
                metric="Accuracy",
                value=81.5,
                evidence=[_evidence("2307.12966#1", 40, 60, "81.5% accuracy")],
            ),
        ],
    )
    return paper, extraction


@pytest.fixture
def paper_b() -> tuple[Paper, Extraction]:
    """The cited paper: uses GSM8K and proposes chain-of-thought."""
    paper = Paper(
        id="2201.11903",
        title="Chain-of-Thought Prompting",
        year=2022,
        arxiv_id="2201.11903",
        doi="10.1000/b",
        chunks=[Chunk("2201.11903#0", "2201.11903", 0, "text")],
    )
    extraction = Extraction(
        paper_id=paper.id,
        entities=[
            Entity(EntityType.METHOD, "Chain of Thought", role=Role.PROPOSES, salience=0.95),
            Entity(EntityType.DATASET, "GSM8K", role=Role.USES, salience=0.5),
        ],
    )
    return paper, extraction
