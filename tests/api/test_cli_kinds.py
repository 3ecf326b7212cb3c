"""`papergraph search --kind` chooses the kinds of chunk searched, as GET /search's kind= does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from papergraph.api.cli import app
from papergraph.api.config import Settings
from tests.api.backends import ingested


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path, embedder) -> Path:
    folder = Path(tmp_path_factory.mktemp("cli-kinds"))
    with ingested(Settings(data_dir=folder), embedder, corpus_dir):
        return folder


def search_kinds(data_dir: Path, *options: str) -> list[str]:
    result = CliRunner().invoke(
        app,
        ["search", "language models", "--json", "-k", "20", "--data-dir", str(data_dir), *options],
    )
    assert result.exit_code == 0, result.output
    return [hit["kind"] for hit in json.loads(result.output)]


def test_kind_option_chooses_the_chunks_searched(data_dir: Path) -> None:
    assert set(search_kinds(data_dir)) <= {
        "abstract",
        "body",
        "table",
        "caption",
        "appendix",
        "acknowledgments",
    }
    abstracts = search_kinds(data_dir, "--kind", "abstract")
    assert abstracts and set(abstracts) == {"abstract"}
    assert search_kinds(data_dir, "--kind", "references") == []
