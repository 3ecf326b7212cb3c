"""`papergraph serve --workers N`: several processes answer exactly as one does, read-only."""

from __future__ import annotations

import os
import signal
import subprocess
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.api.test_cli import SCRIPT, ingested_folder
from tests.servers import free_port, wait_until_up

READS = [
    "/search?" + urlencode({"q": "preference optimization without a reward model", "k": 5}),
    "/search?" + urlencode({"q": "image classification", "mode": "keyword"}),
    "/sparql?" + urlencode({"query": "SELECT ?p ?t WHERE { ?p dcterms:title ?t } ORDER BY ?p"}),
    "/papers/dpo-paper",
    "/papers/dpo-paper/related?k=3",
    "/health",
]


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> Path:
    return ingested_folder(tmp_path_factory, corpus_dir, "workers")


@contextmanager
def serving(data_dir: Path, workers: int) -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PAPERGRAPH_DATA_DIR": str(data_dir)}
    command = [str(SCRIPT), "serve", "--port", str(port), "--workers", str(workers)]
    server = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{base}/health", server, timeout_s=180, every_s=0.5)
        yield base
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(60)


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_two_workers_answer_byte_for_byte_as_one_process(data_dir: Path) -> None:
    with serving(data_dir, 1) as one:
        expected = {url: fetch(one + url) for url in READS}
    assert all(status == 200 for status, _ in expected.values())
    with serving(data_dir, 2) as two:
        for _ in range(2):  # requests spread over both processes
            assert {url: fetch(two + url) for url in READS} == expected
        status, body = fetch(two + "/papers/no-such-paper")
        assert status == 404 and b"no-such-paper" in body
    assert not (data_dir / "server.json").exists()  # the announcement goes with the server


def test_workers_refuse_to_start_while_writes_are_on(data_dir: Path) -> None:
    env = {**os.environ, "PAPERGRAPH_DATA_DIR": str(data_dir), "PAPERGRAPH_API__API_KEY": "k"}
    done = subprocess.run(
        [str(SCRIPT), "serve", "--port", str(free_port()), "--workers", "2"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 2
    assert "--workers 2 serves read-only" in done.stderr and "Traceback" not in done.stderr
