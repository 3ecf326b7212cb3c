"""An app over a small corpus the tests write: papers JSONL plus an arXiv chunk file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.backend import Backend
from api.config import Settings

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


def write_corpus(folder: Path) -> Path:
    """Write the test corpus; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "papers.jsonl").write_text("\n".join(json.dumps(row) for row in PAPERS) + "\n")
    (folder / "chunks.jsonl").write_text("\n".join(json.dumps(row) for row in CHUNK_ROWS) + "\n")
    return folder


@pytest.fixture(scope="package")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="package")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(data_dir=tmp_path_factory.mktemp("data"))


@pytest.fixture(scope="package")
def backend(settings: Settings, embedder, corpus_dir: Path) -> Iterator[Backend]:
    opened = Backend.open(settings, embedder=embedder)
    report = opened.ingester().ingest([corpus_dir])
    assert report.ok, [failure.message for failure in report.failed]
    yield opened
    opened.close()


@pytest.fixture(scope="package")
def client(settings: Settings, backend: Backend) -> Iterator[TestClient]:
    with TestClient(create_app(settings, backend)) as test_client:
        yield test_client


@pytest.fixture(scope="package")
def serve():
    """`with serve(app) as base_url:` runs a real uvicorn server on a free localhost port in a
    thread, for tests that need real concurrent HTTP clients."""
    import socket
    import threading
    import time
    from contextlib import contextmanager

    import uvicorn

    @contextmanager
    def serving(app) -> Iterator[str]:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        deadline = time.monotonic() + 120
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        try:
            yield f"http://127.0.0.1:{sock.getsockname()[1]}"
        finally:
            server.should_exit = True
            thread.join(timeout=30)
            sock.close()

    return serving
