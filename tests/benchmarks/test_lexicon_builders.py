"""The builders of ingest/lexicon/generated-*.txt write the same file on every run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("builder", ["build_dataset_tasks.py", "build_metric_prior.py"])
def test_a_generated_lexicon_is_the_same_whatever_the_hash_seed(
    builder: str, shared_data: Path, tmp_path: Path
) -> None:
    written = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed-{seed}.txt"
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(REPO)}
        command = [sys.executable, str(REPO / "benchmarks" / builder), "--shared", str(shared_data)]
        subprocess.run([*command, "--out", str(out)], env=env, check=True, capture_output=True)
        written.append(out.read_text("utf-8"))
    assert written[0] == written[1]
    assert len(written[0].splitlines()) > 100  # a lexicon, not an empty file
