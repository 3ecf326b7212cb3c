"""Fixtures shared by every test package: the shared corpora and one loaded embedder."""

from __future__ import annotations

import copy
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from benchmarks.shared_data import SHARED_DATA
from tests.servers import free_port, stop, wait_until_up

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real corpora in ../shared/data (or $PAPERGRAPH_SHARED_DATA); skip when absent."""
    if not (SHARED_DATA / "ai-arxiv2-sample.jsonl").exists():
        pytest.skip(f"shared data not found at {SHARED_DATA} (set PAPERGRAPH_SHARED_DATA)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def embedder():
    """The real default encoder, loaded once per test session (loading takes seconds)."""
    from papergraph.index.embed import Embedder
    from papergraph.index.settings import IndexSettings

    return Embedder(IndexSettings())


# ---------------------------------------------------------------- a real SPARQL server


def _oxigraph_binary() -> str | None:
    beside_python = Path(sys.executable).with_name("oxigraph")
    return str(beside_python) if beside_python.exists() else shutil.which("oxigraph")


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a live `oxigraph serve --union-default-graph` on a free local port."""
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("the `oxigraph` server binary is not installed (pip install oxigraph)")
    port = free_port()
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
        wait_until_up(f"{base}/query?query=ASK%7B%7D", process, timeout_s=30, every_s=0.05)
        yield base
    finally:
        stop(process, timeout_s=10)


@pytest.fixture(scope="session")
def oxigraph_update(oxigraph_server: str) -> Callable[[str], None]:
    """Sends a SPARQL Update to the `oxigraph_server`."""

    def send(update: str) -> None:
        request = urllib.request.Request(
            f"{oxigraph_server}/update",
            data=update.encode("utf-8"),
            headers={"Content-Type": "application/sparql-update"},
        )
        urllib.request.urlopen(request).read()

    return send


# ---------------------------------------------------------------- a web server to fetch from


class _CountingHandler(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        self.hits.append(self.path)
        body = b'<urn:x> <http://purl.org/dc/terms/title> "fetched" .\n'
        self.send_response(200)
        self.send_header("Content-Type", "text/turtle")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def turtle_url() -> Iterator[tuple[str, list[str]]]:
    """A local web server serving one Turtle document, and the paths it was asked for."""
    handler = type("Handler", (_CountingHandler,), {"hits": []})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/data.ttl", handler.hits
    server.shutdown()
    server.server_close()


# A small corpus the tests write: papers JSONL (citing each other by id) plus an arXiv chunk file.
PAPERS = [
    {
        "id": "dpo-paper",
        "title": "Preference Optimization Without Reward Models",
        "authors": ["Ada Lovelace", "Alan Turing"],
        "year": 2023,
        "abstract": "We propose Direct Preference Optimization (DPO), which aligns language "
        "models with human preferences without reinforcement learning. Unlike RLHF, DPO needs "
        "no reward model. We evaluate on MT-Bench and GSM8K and report a win rate of 61.2.",
        "references": ["2203.02155"],
    },
    {
        "id": "lora-paper",
        "title": "Cheap Adaptation of Large Models with Low-Rank Updates",
        "authors": ["Grace Hopper"],
        "year": 2021,
        "abstract": "We use LoRA to fine-tune large language models by training low-rank "
        "matrices while freezing the pretrained weights. Results on MMLU show accuracy close to "
        "full fine-tuning with far fewer trainable parameters.",
        "references": [],
    },
    {
        "id": "math-paper",
        "title": "Teaching Small Models Grade-School Arithmetic",
        "authors": ["Emmy Noether"],
        "year": 2024,
        "abstract": "We study math word problem solving on GSM8K. We fine-tune models with DPO "
        "and with LoRA adapters, and measure exact match accuracy on GSM8K problems.",
        "references": ["dpo-paper"],
    },
    {
        "id": "vision-paper",
        "title": "Residual Networks for Picture Classification",
        "authors": ["Kurt Goedel"],
        "year": 2016,
        "abstract": "Image classification on ImageNet with deep convolutional residual networks. "
        "Top-1 accuracy improves as depth grows when shortcut connections are used.",
        "references": [],
    },
]

CHUNK_ROWS = [
    {
        "id": "2203.02155#0",
        "title": "Training language models to follow instructions with human feedback",
        "content": "Making language models bigger does not inherently make them better at "
        "following a user's intent. We fine-tune GPT-3 with reinforcement learning from human "
        "feedback (RLHF).",
        "prechunk_id": "",
        "postchunk_id": "2203.02155#1",
        "arxiv_id": "2203.02155",
        "references": ["1706.03741"],
    },
    {
        "id": "2203.02155#1",
        "title": "Training language models to follow instructions with human feedback",
        "content": "Our models, called InstructGPT, are preferred by labelers over GPT-3 outputs "
        "and show improvements in truthfulness on TruthfulQA.",
        "prechunk_id": "2203.02155#0",
        "postchunk_id": "",
        "arxiv_id": "2203.02155",
        "references": ["1706.03741"],
    },
]


def write_corpus(
    folder: Path, papers: list[dict] | None = None, chunk_rows: list[dict] | None = None
) -> Path:
    """Write the test corpus (or a variant of its rows); returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "papers.jsonl").write_text(
        "\n".join(json.dumps(row) for row in papers or PAPERS) + "\n"
    )
    (folder / "chunks.jsonl").write_text(
        "\n".join(json.dumps(row) for row in chunk_rows or CHUNK_ROWS) + "\n"
    )
    return folder


@pytest.fixture(scope="session")
def corpus_writer():
    """`write_corpus(folder, papers=None, chunk_rows=None)`, and the rows it writes by default."""
    return write_corpus


@pytest.fixture(scope="session")
def corpus_rows() -> tuple[list[dict], list[dict]]:
    """Deep copies of the default corpus rows, for tests that write a variant."""
    return copy.deepcopy(PAPERS), copy.deepcopy(CHUNK_ROWS)
