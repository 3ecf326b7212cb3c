"""The SPARQL store benchmark at CI size: every store loads the graph and answers alike."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "sparql.py"


def test_small_run_measures_every_store_and_they_agree() -> None:
    output = subprocess.run(
        [sys.executable, str(SCRIPT), "--triples", "20000", "--repeat", "1", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    ).stdout
    result = json.loads(output)
    assert result["triples"] >= 20000 and result["papers"] > 50
    stores = {s["store"]: s for s in result["stores"]}
    assert list(stores) == ["Memory", "Oxigraph", "oxigraph-server"]
    names = stores["Memory"]["queries"].keys()
    assert len(names) == 5
    for name in names:
        rows = {store: s["queries"][name]["rows"] for store, s in stores.items()}
        assert len(set(rows.values())) == 1, (name, rows)  # the same answer on every store
        assert set(rows.values()) != {0}, name  # and the query finds something
    for store in stores.values():
        assert store["load_s"] > 0 and store["memory_mb"] > 0
        assert all(q["median_ms"] > 0 for q in store["queries"].values())
