"""The demo corpus is readable by the project's own readers."""

from __future__ import annotations

from pathlib import Path

from papergraph.core.model import Paper
from papergraph.ingest.demo import DEMO_PAPERS, DEMO_PDF_ARXIV_ID, DEMO_PDF_TITLE, write_demo_corpus
from papergraph.ingest.readers import read_inputs
from papergraph.ingest.settings import IngestSettings


def test_demo_corpus_round_trips(tmp_path: Path) -> None:
    paths = write_demo_corpus(tmp_path / "demo")
    items = list(read_inputs(paths, IngestSettings()))
    assert all(isinstance(item, Paper) for item in items)
    papers = {paper.id: paper for paper in items}
    assert set(papers) == {str(row["id"]) for row in DEMO_PAPERS} | {DEMO_PDF_ARXIV_ID}
    assert all(paper.title and paper.chunks and paper.abstract for paper in papers.values())


def test_demo_papers_cite_each_other(tmp_path: Path) -> None:
    papers = {p.id: p for p in read_inputs(write_demo_corpus(tmp_path), IngestSettings())}
    cited = {ref.raw for ref in papers["demo-preference-tuning"].references}
    assert cited == {"demo-lora-budget", "demo-bert-probing"}
    assert DEMO_PDF_ARXIV_ID in {r.arxiv_id for r in papers["demo-lora-budget"].references}


def test_demo_pdf_reads_back(tmp_path: Path) -> None:
    papers = list(read_inputs([write_demo_corpus(tmp_path)[1]], IngestSettings()))
    [pdf] = papers
    assert isinstance(pdf, Paper)
    assert pdf.title == DEMO_PDF_TITLE and pdf.authors == ["Kai Example", "Lena Sample"]
    assert pdf.arxiv_id == DEMO_PDF_ARXIV_ID and pdf.year == 2024
    assert pdf.abstract and pdf.abstract.startswith("Small language models")
    assert "1706.03762" in {r.arxiv_id for r in pdf.references}
    assert len(pdf.references) == 4
