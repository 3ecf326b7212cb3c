"""What `papergraph ingest` tells a user about a folder: new and replaced papers counted apart,
files skipped with their reason (licences, READMEs, unsupported types), progress in logs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from papergraph.ingest.readers.base import Skipped, iter_inputs
from tests.api.test_cli import SCRIPT, run_cli

ABSTRACT = (
    "We study sparse expert routing for language models and measure accuracy on "
    "several benchmarks with careful ablations of the router."
)
APACHE = (
    "\n" + " " * 33 + "Apache License\n" + " " * 27 + "Version 2.0, January 2004\n"
    "                        http://www.apache.org/licenses/\n\n   TERMS AND CONDITIONS\n"
)


def write_folder(folder: Path) -> Path:
    """Two JSONL files giving the same id twice, one real note, and four files that are not
    papers: a licence, a data folder's README, a licence under another name, a .docx."""
    folder.mkdir(parents=True)
    first = {"id": "routing", "title": "Sparse Routing", "abstract": ABSTRACT}
    (folder / "a.jsonl").write_text(
        json.dumps(first)
        + "\n"
        + json.dumps({"id": "experts", "title": "Experts", "abstract": ABSTRACT + " Experts."})
        + "\n"
    )
    (folder / "b.jsonl").write_text(json.dumps({**first, "abstract": ABSTRACT + " Revised."}))
    (folder / "notes.md").write_text(f"# Routing Notes\n\n{ABSTRACT} Notes.\n")
    (folder / "LICENSE_papermage_Apache-2.0.txt").write_text(APACHE)
    (folder / "data").mkdir()
    (folder / "data" / "README.md").write_text("# The data\n\nFiles in this folder.\n")
    (folder / "terms.txt").write_text(
        "MIT License\n\nPermission is hereby granted, free of "
        "charge, to any person obtaining a copy\n"
    )
    (folder / "draft.docx").write_bytes(b"PK\x03\x04 not really a docx")
    return folder


def test_text_files_that_hold_data_are_skipped_and_prose_is_kept(tmp_path: Path) -> None:
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "rows.txt").write_text('{"text": "a sentence", "label": 1}\n{"text": "b"}\n')
    (folder / "query.txt").write_text("PREFIX dcterms: <http://purl.org/dc/terms/>\nSELECT ?t\n")
    (folder / "ner.txt").write_text("-DOCSTART- NN O O\n\nEnglish NN O I-Material\n")
    (folder / "table.txt").write_text("".join(f"w{i}\tNN\tO\n" for i in range(8)))
    (folder / "draft.md").write_text(f"[Draft] Sparse Routing\n\n{ABSTRACT}\n")
    (folder / "paper.txt").write_text(f"Sparse Routing, revisited\n\n{ABSTRACT}\n")
    skipped: list[Skipped] = []
    assert [Path(item).name for item in iter_inputs([folder], skipped)] == ["draft.md", "paper.txt"]
    assert sorted(entry.reason for entry in skipped) == [
        "not a paper: JSON data",
        "not a paper: a SPARQL query",
        "not a paper: tab-separated data",
        "not a paper: token-per-line annotations (CoNLL)",
    ]


def test_folder_walk_skips_non_papers_with_the_reason(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "inputs")
    skipped: list[Skipped] = []
    found = [Path(item).name for item in iter_inputs([folder], skipped)]
    assert found == ["a.jsonl", "b.jsonl", "notes.md"]
    reasons = {Path(entry.path).name: entry.reason for entry in skipped}
    assert reasons == {
        "LICENSE_papermage_Apache-2.0.txt": "not a paper: a licence (by its name)",
        "README.md": "not a paper: a folder's README (by its name)",
        "terms.txt": "not a paper: a licence (by its text)",
        "draft.docx": "unsupported file type '.docx'",
    }


def test_the_shared_pdf_folder_skips_its_licence_and_index(shared_data: Path) -> None:
    folder = shared_data / "pdfs"
    skipped: list[Skipped] = []
    found = list(iter_inputs([folder], skipped))
    assert found and all(Path(item).suffix == ".pdf" for item in found)
    names = {Path(entry.path).name: entry.reason for entry in skipped}
    assert names["LICENSE_papermage_Apache-2.0.txt"].startswith("not a paper: a licence")
    assert names["INDEX.tsv"] == "unsupported file type '.tsv'"


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory):
    if not SCRIPT.exists():
        pytest.skip(f"console script not installed at {SCRIPT}")
    root = tmp_path_factory.mktemp("report")
    folder = write_folder(root / "inputs")
    result = run_cli(
        "ingest", str(folder), "--verbose", "--progress-every", "0", data_dir=root / "data"
    )
    return folder, root / "data", result


def test_summary_counts_replaced_apart_from_new_and_lists_skipped(ingested) -> None:
    folder, _, result = ingested
    assert result.returncode == 0, result.stderr
    summary = result.stdout.strip().splitlines()[-1]
    assert summary.startswith("ingested 3 new paper(s), 1 replaced (")
    assert "0 unchanged, 4 skipped, 0 failed" in summary
    assert f"skipped: {folder / 'draft.docx'}: unsupported file type '.docx'" in result.stderr
    assert f"skipped: {folder / 'data' / 'README.md'}: not a paper" in result.stderr
    assert "replaced: routing:" in result.stderr


def test_progress_lines_when_not_on_a_terminal(ingested) -> None:
    _, _, result = ingested
    lines = [line for line in result.stderr.splitlines() if line.startswith("progress: ")]
    assert lines, result.stderr
    assert lines[-1].startswith("progress: 3/3 inputs, 4 papers, ")
    assert "chunks/s" in lines[-1]


def test_without_verbose_the_skipped_files_are_counted_and_hinted(ingested) -> None:
    folder, data_dir, _ = ingested
    again = run_cli("ingest", str(folder), data_dir=data_dir)
    assert again.returncode == 0, again.stderr
    assert "4 skipped (--verbose lists them)" in again.stdout
    assert "skipped:" not in again.stderr
    named = run_cli("ingest", str(folder / "draft.docx"), data_dir=data_dir)
    assert named.returncode == 1 and "unsupported file type '.docx'" in named.stderr


def test_progress_lines_come_while_nothing_is_finished_yet() -> None:
    import io
    import time

    from rich.console import Console

    from papergraph.api.cli_progress import IngestProgress

    log = io.StringIO()
    with IngestProgress(Console(file=log, force_terminal=False), inputs=3, every_s=0.05):
        time.sleep(0.3)  # the first batch is still being read and encoded
    lines = log.getvalue().splitlines()
    assert len(lines) >= 2 and lines[0].startswith("progress: 0/3 inputs, 0 papers, 0 chunks")
