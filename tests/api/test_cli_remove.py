"""`papergraph remove` as a user runs it: the paper leaves every store; an unknown id exits 1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from papergraph.api.backend import Backend
from papergraph.api.config import Settings

REPO = Path(__file__).resolve().parents[2]


def papergraph(*args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "COLUMNS": "400",
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }
    command = [sys.executable, "-c", "from papergraph.api.cli import main; main()", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)


def test_remove_takes_papers_out_everywhere_and_names_unknown_ids(tmp_path: Path, embedder) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    rows = tmp_path / "rows.jsonl"
    rows.write_text(
        "\n".join(
            json.dumps({"id": f"p{n}", "abstract": f"Paper {n} uses LoRA."}) for n in range(3)
        )
    )
    backend = Backend.open(settings, embedder=embedder)
    assert backend.ingester().ingest([rows]).ok
    backend.close()

    done = papergraph("remove", "p0", "p1", "--data-dir", str(settings.data_dir))
    assert done.returncode == 0, done.stderr
    assert "removed 2 paper(s)" in done.stdout
    missing = papergraph("remove", "p1", "p2", "--data-dir", str(settings.data_dir))
    assert missing.returncode == 1 and "no paper with id 'p1'" in missing.stderr

    backend = Backend.open(settings, embedder=embedder)
    try:
        stores = backend.stores
        assert stores.chunks.all_paper_ids() == set() and stores.graph.paper_ids() == []
        assert len(stores.vectors) == 0 and len(stores.keywords) == 0
    finally:
        backend.close()
