"""`papergraph extract PATH... --json`: JSON Lines from the ingest readers, no store written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TEXT = (
    "Direct Preference Optimization for chat models\n\n"
    "We propose Direct Preference Optimization (DPO). We evaluate DPO on GSM8K and MMLU.\n"
    "DPO achieves 72.5% accuracy on GSM8K, above RLHF.\n"
)


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "HF_HUB_OFFLINE": "1"}
    command = [sys.executable, "-c", "from papergraph.api.cli import main; main()", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=env, timeout=120)


def test_extract_prints_one_json_object_per_paper(tmp_path: Path) -> None:
    (tmp_path / "dpo.txt").write_text(TEXT, "utf-8")
    (tmp_path / "broken.pdf").write_bytes(b"not a pdf")
    done = run_cli(
        "extract", str(tmp_path / "dpo.txt"), str(tmp_path / "broken.pdf"), "--json", cwd=tmp_path
    )
    assert done.returncode == 1 and "broken.pdf" in done.stderr  # the bad input is named
    (record,) = [json.loads(line) for line in done.stdout.splitlines()]
    assert set(record) == {"paper_id", "entities", "results"}
    entities = {e["label"]: e for e in record["entities"]}
    assert entities["DPO"]["type"] == "Method"
    assert "Direct Preference Optimization" in entities["DPO"]["aliases"]
    assert entities["GSM8K"]["evidence"][0]["text"] == "GSM8K"
    assert {"type", "label", "aliases", "salience", "evidence"} <= set(entities["MMLU"])
    (result,) = [r for r in record["results"] if r["dataset"] == "GSM8K"]
    assert (result["method"], result["metric"], result["value"]) == ("DPO", "accuracy", 72.5)
    assert "72.5%" in result["evidence"][0]["text"]
    assert not (tmp_path / "papergraph-data").exists()  # no store written


def test_a_paper_in_two_files_is_printed_once(tmp_path: Path) -> None:
    """Two downloads of one paper (the shared PDFs hold ResNet as resnet.pdf and
    1512.03385.pdf) give its rows once, and the second file is named as the same paper."""
    for folder in ("first", "second"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "dpo.txt").write_text(TEXT, "utf-8")
    done = run_cli("extract", str(tmp_path), "--json", cwd=tmp_path)
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.returncode == 0 and len(records) == 1
    assert f"{records[0]['paper_id']} read again from another file" in done.stderr
