"""The pages in a real browser: a real uvicorn process over a small corpus, driven by Chromium.

The corpus is written here. The lexicon extractor finds entities but no results yet, so the
corpus is ingested with `ResultSentenceExtractor`, which also reads (method, metric, value,
dataset) from sentences of one fixed form: the results tables and leaderboards then have real rows
in the real graph. Browser tests skip, saying why, when Chromium or Playwright is absent.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from papergraph.api.backend import Backend
from papergraph.api.config import Settings
from papergraph.core.model import Evidence, Extraction, Paper, Result
from papergraph.ingest.extract.lexicon import LexiconExtractor
from papergraph.ingest.pipeline import Ingester
from tests.servers import free_port, stop, wait_until_up

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("PAPERGRAPH_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SCREENSHOTS = REPO / "test-output" / "web"
#: Where README screenshots live; the tests refresh them when PAPERGRAPH_UPDATE_SCREENSHOTS=1.
README_SCREENSHOTS = REPO / "api" / "web" / "static" / "screenshots"
API_KEY = "test-key-for-the-ingest-page"

#: Result sentences the web tests' extractor reads, appended to the shared corpus's abstracts.
RESULT_SENTENCES = {
    "dpo-paper": "DPO reaches a win rate of 61.2 on MT-Bench. DPO reaches an accuracy of 48.5 on "
    "GSM8K.",
    "lora-paper": "LoRA reaches an accuracy of 63.9 on MMLU.",
    "math-paper": "LoRA reaches an accuracy of 44.0 on GSM8K. DPO reaches an accuracy of 52.3 on "
    "GSM8K.",
}


def web_papers(papers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The shared corpus with result sentences, an arXiv id for the DPO paper (an arXiv link on
    its page) and the maths paper citing the LoRA paper too (a richer graph view)."""
    for paper in papers:
        if paper["id"] in RESULT_SENTENCES:
            paper["abstract"] = f"{paper['abstract']} {RESULT_SENTENCES[paper['id']]}"
        if paper["id"] == "dpo-paper":
            paper["arxiv_id"] = "2305.18290"
        if paper["id"] == "math-paper":
            paper["references"] = ["dpo-paper", "lora-paper"]
    return papers


_RESULT = re.compile(
    r"(?P<method>[A-Z][\w-]+) reaches an? (?P<metric>accuracy|win rate) of "
    r"(?P<value>\d+(?:\.\d+)?) on (?P<dataset>[A-Z][\w-]+)"
)


class ResultSentenceExtractor:
    """The lexicon extractor, plus results from sentences like 'X reaches an accuracy of 1 on Y'."""

    name = "lexicon+result-sentences"

    def __init__(self) -> None:
        self._lexicon = LexiconExtractor()

    def extract(self, paper: Paper) -> Extraction:
        extraction = self._lexicon.extract(paper)
        for chunk in paper.chunks:
            for match in _RESULT.finditer(chunk.text):
                evidence = Evidence(
                    chunk.id, match.start(), match.end(), match.group(0), self.name, 0.8
                )
                extraction.results.append(
                    Result(
                        method=match["method"],
                        task=None,
                        dataset=match["dataset"],
                        metric=match["metric"],
                        value=float(match["value"]),
                        evidence=[evidence],
                    )
                )
        return extraction


@pytest.fixture(scope="package")
def web_corpus_dir(
    tmp_path_factory: pytest.TempPathFactory, corpus_writer: Any, corpus_rows: Any
) -> Path:
    """The corpus files, written once."""
    papers, chunk_rows = corpus_rows
    return corpus_writer(tmp_path_factory.mktemp("web-corpus"), web_papers(papers), chunk_rows)


@pytest.fixture(scope="package")
def web_data_dir(
    tmp_path_factory: pytest.TempPathFactory, embedder: Any, web_corpus_dir: Path
) -> Path:
    """A data folder holding the ingested corpus, closed again so a server process can open it."""
    root = tmp_path_factory.mktemp("web")
    settings = Settings(data_dir=root / "data")
    backend = Backend.open(settings, embedder=embedder)
    try:
        ingester = Ingester(settings.ingest, backend.stores, embedder, ResultSentenceExtractor())
        report = ingester.ingest([web_corpus_dir])
        assert report.ok, [failure.message for failure in report.failed]
    finally:
        backend.close()
    return settings.data_dir


@pytest.fixture(scope="package")
def server_url(web_data_dir: Path) -> Iterator[str]:
    """A real uvicorn process serving the app over the corpus on a free port of 127.0.0.1."""
    port = free_port()
    log = web_data_dir.parent / "server.log"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
        "PAPERGRAPH_DATA_DIR": str(web_data_dir),
        "PAPERGRAPH_API__API_KEY": API_KEY,
        "HF_HUB_OFFLINE": "1",
    }
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "papergraph.api.app:create_app",
        "--factory",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
    ]
    with log.open("wb") as output:
        server = subprocess.Popen(
            command, cwd=web_data_dir.parent, env=env, stdout=output, stderr=subprocess.STDOUT
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{url}/health", server, timeout_s=180, output=log.read_text)
        yield url
    finally:
        stop(server, timeout_s=20)


@pytest.fixture(scope="package")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium driven by Playwright; skips, saying why, when either is absent."""
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium; .ci/run does)")
    sync_api = pytest.importorskip(
        "playwright.sync_api",
        reason="Playwright for Python is not installed (pip install playwright)",
    )
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page_errors() -> list[str]:
    """Script errors and console errors the tab reported; the `page` fixture fails on any."""
    return []


@pytest.fixture
def page(browser: Any, server_url: str, page_errors: list[str]) -> Iterator[Any]:
    """A fresh laptop-sized tab whose relative URLs go to the server; fails on any page error."""
    context = browser.new_context(base_url=server_url, viewport={"width": 1280, "height": 860})
    tab = context.new_page()
    tab.on("pageerror", lambda error: page_errors.append(str(error)))
    tab.on(
        "console",
        lambda message: page_errors.append(message.text) if message.type == "error" else None,
    )
    yield tab
    context.close()
    assert not page_errors, f"errors in the page: {page_errors}"


def save_screenshot(page: Any, name: str, full_page: bool = True) -> Path:
    """Save `name`.png under test-output/web (and, on request, the README copy)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    if os.environ.get("PAPERGRAPH_UPDATE_SCREENSHOTS") == "1" and name in ("search", "paper"):
        README_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, README_SCREENSHOTS / f"{name}.png")
    return path


@pytest.fixture
def screenshot() -> Any:
    return save_screenshot


@pytest.fixture
def api_key() -> str:
    """The key the test server accepts for writes."""
    return API_KEY
