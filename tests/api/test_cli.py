"""The `papergraph` console script as a user runs it: real processes, real exit codes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).with_name("papergraph")


def run_cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PAPERGRAPH_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [str(SCRIPT), *args], capture_output=True, text=True, env=env, timeout=600
    )


def ingested_folder(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path, name: str) -> Path:
    """A fresh data folder `papergraph ingest` filled from the corpus (skips without the script)."""
    if not SCRIPT.exists():
        pytest.skip(f"console script not installed at {SCRIPT}")
    folder = tmp_path_factory.mktemp(name)
    done = run_cli("ingest", str(corpus_dir), data_dir=folder)
    assert done.returncode == 0, done.stderr
    return folder


@pytest.fixture(scope="module")
def cli_data(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> Path:
    """A data dir filled by `papergraph ingest` on the corpus plus one bad file."""
    if not SCRIPT.exists():
        pytest.skip(f"console script not installed at {SCRIPT}")
    inputs = tmp_path_factory.mktemp("inputs")
    shutil.copytree(corpus_dir, inputs, dirs_exist_ok=True)
    (inputs / "broken.pdf").write_bytes(b"%PDF-1.7\nthis is not really a pdf")
    data_dir = tmp_path_factory.mktemp("cli-data")
    result = run_cli("ingest", str(inputs), data_dir=data_dir)
    assert result.returncode == 1, result.stderr  # one input failed
    assert "broken.pdf" in result.stderr
    assert "ingested 5 new paper(s), 0 replaced" in result.stdout
    return data_dir


def test_reingest_of_unchanged_inputs_writes_nothing(cli_data: Path, corpus_dir: Path) -> None:
    result = run_cli("ingest", str(corpus_dir), data_dir=cli_data)
    assert result.returncode == 0, result.stderr
    assert "ingested 0 new paper(s), 0 replaced" in result.stdout and "5 unchanged" in result.stdout


def test_stats_search_related_and_sparql(cli_data: Path) -> None:
    stats = json.loads(run_cli("stats", data_dir=cli_data).stdout)
    assert stats["papers"] == 5
    hits = json.loads(
        run_cli(
            "search", "residual image classifiers", "--json", "-k", "2", data_dir=cli_data
        ).stdout
    )
    assert hits[0]["paper_id"] == "vision-paper"
    on_gsm8k = json.loads(
        run_cli(
            "search",
            "residual image classifiers",
            "--json",
            "--dataset",
            "GSM-8K",
            data_dir=cli_data,
        ).stdout
    )
    assert on_gsm8k and {hit["paper_id"] for hit in on_gsm8k} <= {"math-paper", "dpo-paper"}
    both = json.loads(
        run_cli(
            "search",
            "fine-tuning",
            "--json",
            "--dataset",
            "GSM8K",
            "--method",
            "LoRA",
            data_dir=cli_data,
        ).stdout
    )
    assert {hit["paper_id"] for hit in both} == {"math-paper"}
    related = json.loads(run_cli("related", "math-paper", "--json", data_dir=cli_data).stdout)
    assert related and all(item["paper_id"] != "math-paper" for item in related)
    count = run_cli(
        "sparql",
        "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a "
        "<http://purl.org/spar/fabio/ResearchPaper> }",
        "--format",
        "csv",
        data_dir=cli_data,
    )
    assert count.returncode == 0, count.stderr
    assert count.stdout.split() == ["n", "5"]


def test_failures_and_usage_errors_have_their_exit_codes(cli_data: Path) -> None:
    assert run_cli("related", "no-such-paper", data_dir=cli_data).returncode == 1
    assert run_cli("sparql", "SELECT ?x WHERE {", data_dir=cli_data).returncode == 1
    assert run_cli("search", data_dir=cli_data).returncode == 2
    assert run_cli("no-such-command", data_dir=cli_data).returncode == 2
    missing = run_cli("ingest", str(cli_data / "missing.pdf"), data_dir=cli_data)
    assert missing.returncode == 1 and "missing.pdf" in missing.stderr
