"""The CLI while `papergraph serve` holds the data folder: real processes, as a user runs them.

The server announces itself in the data folder; read commands go to it with the output they give
without it, writes go to it with its API key, and without the key the CLI says in one line which
server holds the folder and what to do.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api.test_cli import SCRIPT, ingested_folder, run_cli
from tests.servers import free_port, stop, wait_until_up

KEY = "key-for-the-cli-beside-a-server"
COUNT = (
    "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a <http://purl.org/spar/fabio/ResearchPaper> }"
)
READS = {
    "search": ("search", "residual image classifiers", "--json", "-k", "3"),
    "related": ("related", "math-paper", "--json"),
    "sparql": ("sparql", COUNT, "--format", "csv"),
    "table": ("sparql", COUNT),
    "stats": ("stats",),
    "export": ("export", "--format", "nt", "--paper", "dpo-paper"),
}


def _comparable(name: str, stdout: str) -> object:
    if name == "search":
        return [(h["paper_id"], h["chunk_id"], round(h["score"], 5)) for h in json.loads(stdout)]
    if name == "related":
        return [(item["paper_id"], round(item["score"], 5)) for item in json.loads(stdout)]
    if name in ("stats",):
        return json.loads(stdout)
    if name == "export":
        return sorted(stdout.splitlines())
    return stdout


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> Path:
    return ingested_folder(tmp_path_factory, corpus_dir, "served")


@pytest.fixture(scope="module")
def without_server(data_dir: Path) -> dict[str, object]:
    """Each read command's output with no server running."""
    outputs = {}
    for name, args in READS.items():
        result = run_cli(*args, data_dir=data_dir)
        assert result.returncode == 0, result.stderr
        outputs[name] = _comparable(name, result.stdout)
    return outputs


@pytest.fixture(scope="module")
def server(data_dir: Path, without_server: dict[str, object]) -> Iterator[dict[str, object]]:
    """`papergraph serve` on a free port, with an API key; stopped (SIGTERM) at the end."""
    port = free_port()
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PAPERGRAPH_API__API_KEY": KEY}
    log = data_dir.parent / f"{data_dir.name}-serve.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [str(SCRIPT), "serve", "--port", str(port), "--data-dir", str(data_dir)],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{url}/health", process, 240, output=log.read_text, every_s=0.5)
        yield {"url": url, "pid": process.pid, "process": process}
    finally:
        stop(process, timeout_s=30)


def test_the_server_announces_itself_in_the_data_folder(
    data_dir: Path, server: dict[str, object]
) -> None:
    announced = json.loads((data_dir / "server.json").read_text())
    assert announced == {"url": server["url"], "pid": server["pid"], "writes": True}


def test_reads_beside_the_server_print_what_they_print_without_it(
    data_dir: Path, without_server: dict[str, object], server: dict[str, object]
) -> None:
    for name, args in READS.items():
        result = run_cli(*args, data_dir=data_dir)
        assert result.returncode == 0, (name, result.stderr)
        assert "Traceback" not in result.stderr
        assert _comparable(name, result.stdout) == without_server[name], name
    failed = run_cli("related", "no-such-paper", data_dir=data_dir)
    assert failed.returncode == 1 and "no-such-paper" in failed.stderr
    assert len(failed.stderr.strip().splitlines()) == 1


def test_a_write_without_the_key_names_the_server_and_what_to_do(
    data_dir: Path, server: dict[str, object], tmp_path: Path
) -> None:
    new = tmp_path / "note.md"
    new.write_text("# Sparse Mixture Routing\n\nWe route tokens to experts sparsely.\n")
    for args in (("ingest", str(new)), ("remove", "dpo-paper")):
        refused = run_cli(*args, data_dir=data_dir)
        assert refused.returncode == 2, refused.stderr
        (line,) = refused.stderr.strip().splitlines()  # one line, no traceback
        assert str(server["url"]) in line and f"pid {server['pid']}" in line
        assert "--api-key" in line


def test_writes_with_the_key_go_to_the_server(
    data_dir: Path, server: dict[str, object], tmp_path: Path
) -> None:
    new = tmp_path / "routing.md"
    new.write_text("# Sparse Mixture Routing\n\nWe route tokens to experts sparsely.\n")
    sent = run_cli("ingest", str(new), "--api-key", KEY, data_dir=data_dir)
    assert sent.returncode == 0, sent.stderr
    assert "ingested 1 new paper(s)" in sent.stdout
    with urllib.request.urlopen(f"{server['url']}/papers/routing") as response:
        assert json.load(response)["title"] == "Sparse Mixture Routing"
    removed = run_cli("remove", "routing", "--api-key", KEY, data_dir=data_dir)
    assert removed.returncode == 0 and "removed 1 paper(s)" in removed.stdout, removed.stderr
    assert json.loads(run_cli("stats", data_dir=data_dir).stdout)["papers"] == 5


def test_a_second_server_on_the_folder_is_refused_in_one_line(
    data_dir: Path, server: dict[str, object]
) -> None:
    again = run_cli("serve", "--port", str(free_port()), data_dir=data_dir)
    assert again.returncode == 2
    assert f"pid {server['pid']}" in again.stderr and len(again.stderr.strip().splitlines()) == 1


def test_a_busy_port_is_one_line_naming_port_and_option(tmp_path: Path) -> None:
    if not SCRIPT.exists():
        pytest.skip(f"console script not installed at {SCRIPT}")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        busy = run_cli("serve", "--port", str(port), data_dir=tmp_path / "data")
    assert busy.returncode == 2
    (line,) = busy.stderr.strip().splitlines()
    assert f"port {port}" in line and "--port" in line


def test_a_stale_announcement_is_ignored(data_dir: Path, tmp_path: Path) -> None:
    dead = subprocess.Popen(["true"])
    dead.wait()
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "server.json").write_text(
        json.dumps({"url": "http://127.0.0.1:9", "pid": dead.pid, "writes": True})
    )
    stats = run_cli("stats", data_dir=folder)
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["papers"] == 0


HOLD_THE_GRAPH = """
import sys, time
from pathlib import Path
from papergraph.kg.settings import GraphSettings
from papergraph.kg.store import KnowledgeGraph
with KnowledgeGraph(GraphSettings(), Path(sys.argv[1])):
    print("holding", flush=True)
    time.sleep(120)
"""


def test_a_folder_locked_by_an_unannounced_process_is_one_line(tmp_path: Path) -> None:
    if not SCRIPT.exists():
        pytest.skip(f"console script not installed at {SCRIPT}")
    folder = tmp_path / "data"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    holder = subprocess.Popen(
        [str(SCRIPT.with_name("python")), "-c", HOLD_THE_GRAPH, str(folder)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        for args in (("stats",), ("search", "anything"), ("serve", "--port", str(free_port()))):
            held = run_cli(*args, data_dir=folder)
            assert held.returncode == 2, (args, held.stderr)
            (line,) = held.stderr.strip().splitlines()
            assert "another papergraph process" in line and "Traceback" not in line
    finally:
        holder.kill()
        holder.wait()


def test_a_stopped_server_takes_its_announcement_away(
    data_dir: Path, server: dict[str, object]
) -> None:
    process = server["process"]
    assert isinstance(process, subprocess.Popen)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=60) == 0
    assert not (data_dir / "server.json").exists()
    stats = run_cli("stats", data_dir=data_dir)  # the CLI opens the stores itself again
    assert stats.returncode == 0 and json.loads(stats.stdout)["papers"] == 5, stats.stderr
