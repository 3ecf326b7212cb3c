"""SIGKILL the real `papergraph ingest` at random points, resume, and check every store agrees.

The command runs in a subprocess over many tiny documents (plus a few bad ones); the test watches
its progress in SQLite and kills it part-way, several times, at random moments, then lets it
finish. Afterwards the graph, the FAISS file, the tantivy index and SQLite must hold exactly the
distinct good inputs, once each, and one more run must change nothing.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from papergraph.index.faiss import FaissIndex
from papergraph.index.keyword import KeywordIndex
from papergraph.index.store import ChunkStore
from papergraph.ingest.journal import Journal
from papergraph.kg.settings import GraphSettings
from papergraph.kg.store import KnowledgeGraph

REPO = Path(__file__).resolve().parents[2]
TEXT_PAPERS = 16
ROW_PAPERS = 8
GOOD = TEXT_PAPERS + ROW_PAPERS
KILLS = 3
TOPICS = ["LoRA adapters", "GSM8K reasoning", "BERT on GLUE", "DPO alignment", "ImageNet ResNets"]


def write_inputs(folder: Path) -> Path:
    """Tiny documents, one chunk each: text files, a JSONL of paper rows, and three bad files."""
    folder.mkdir()
    for n in range(TEXT_PAPERS):
        topic = TOPICS[n % len(TOPICS)]
        (folder / f"note-{n:02d}.txt").write_text(f"Note {n}\nA short note {n} about {topic}.\n")
    rows = [
        {"id": f"row-{n:02d}", "title": f"Row paper {n}", "abstract": f"We study {TOPICS[n % 5]}."}
        for n in range(ROW_PAPERS)
    ]
    bad_rows = ["{not json", json.dumps({"id": 5, "title": []})]
    lines = [json.dumps(row) for row in rows] + bad_rows
    (folder / "rows.jsonl").write_text("\n".join(lines) + "\n")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\nnot really a pdf")
    (folder / "empty.txt").write_bytes(b"")
    return folder


def start_ingest(inputs: Path, data_dir: Path, checkpoint_every: int) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "COLUMNS": "400",  # one failure per line on stderr
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
        "PAPERGRAPH_INGEST__CHECKPOINT_EVERY": str(checkpoint_every),
    }
    command = [
        sys.executable,
        "-c",
        "from papergraph.api.cli import main; main()",
        "ingest",
        str(inputs),
        "--data-dir",
        str(data_dir),
    ]
    return subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def stored_papers(data_dir: Path) -> int:
    """Papers committed to SQLite so far, read beside the writer (WAL lets it)."""
    try:
        with sqlite3.connect(data_dir / "papers.sqlite", timeout=1) as db:
            return int(db.execute("SELECT count(*) FROM papers").fetchone()[0])
    except sqlite3.Error:
        return 0


def kill_part_way(process: subprocess.Popen[str], data_dir: Path, rng: random.Random) -> int:
    """SIGKILL once the run has written a few more papers, after a random extra moment."""
    target = stored_papers(data_dir) + rng.randint(1, 6)
    deadline = time.monotonic() + 240
    while process.poll() is None and stored_papers(data_dir) < target:
        assert time.monotonic() < deadline, "ingest made no progress"
        time.sleep(0.02)
    time.sleep(rng.uniform(0, 0.3))
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    return stored_papers(data_dir)


def test_sigkill_at_random_points_then_resume_leaves_every_store_in_agreement(
    tmp_path: Path,
) -> None:
    inputs = write_inputs(tmp_path / "inputs")
    data_dir = tmp_path / "data"
    rng = random.Random(int(os.environ.get("PAPERGRAPH_CRASH_SEED", "7")))
    killed = 0
    for _ in range(KILLS):
        process = start_ingest(inputs, data_dir, checkpoint_every=rng.choice([1, 3, 100]))
        kill_part_way(process, data_dir, rng)
        killed += process.returncode == -signal.SIGKILL
    assert killed >= 2, "the runs finished before they could be killed; the test proved nothing"

    final = start_ingest(inputs, data_dir, checkpoint_every=5)
    out, err = final.communicate(timeout=300)
    assert final.returncode == 1, err  # the three bad inputs, named:
    bad_lines = (f"rows.jsonl line {ROW_PAPERS + 1}", f"rows.jsonl line {ROW_PAPERS + 2}")
    for bad in ("broken.pdf", "empty.txt", *bad_lines):
        assert bad in err, (bad, err)

    assert_stores_agree(data_dir, GOOD)


def assert_stores_agree(data_dir: Path, papers: int) -> None:
    """Graph, FAISS file, tantivy and SQLite hold the same papers and chunks, once each."""
    chunks = ChunkStore(data_dir / "papers.sqlite")
    graph = KnowledgeGraph(GraphSettings(), data_dir)
    try:
        rowids = sorted(int(r) for r in chunks.all_rowids())
        paper_ids = chunks.all_paper_ids()
        assert len(paper_ids) == chunks.count_papers() == papers
        assert len(rowids) == chunks.count_chunks() >= papers
        assert set(graph.paper_ids()) == paper_ids
        assert Journal(chunks).pending() == []
        vectors = FaissIndex(data_dir / "vectors", 384)  # the file the last run saved
        assert sorted(int(i) for i in vectors.ids()) == rowids
        keyword_rowids = [int(r) for r in KeywordIndex(data_dir / "keywords").rowids()]
        assert keyword_rowids == rowids  # sorted, so a duplicate would show
        assert len(chunks.stored_vectors(rowids, 384)) == len(rowids)
    finally:
        graph.close()
        chunks.close()
