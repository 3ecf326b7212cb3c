"""References resolve to ingested papers whichever arrives first, with the citing sentence kept.

The citing paper is a PDF the test generates; the cited ones are papers JSONL rows. Neither
reference carries an id: one resolves by its title alone, as printed in the bibliography.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate

from papergraph.api.app import create_app
from papergraph.api.backend import Backend
from papergraph.api.config import Settings

BODY = (
    "Transformers [1] are the architecture of choice for sequence modelling. Residual "
    "connections [2] make deep stacks of layers trainable. We make attention exact and fast by "
    "reading and writing memory in blocks, and measure the speed of our kernels on long inputs."
)
BIBLIOGRAPHY = [
    (
        "[1] Ashish Vaswani, Noam Shazeer, and Niki Parmar. Attention is all you need. In Advances "
        "in Neural Information Processing Systems, 2017."
    ),
    (
        "[2] Kaiming He, Xiangyu Zhang, Shaoqing Ren, and Jian Sun. Deep residual learning for image "
        "recognition. In Proceedings of the IEEE Conference on Computer Vision, 2016."
    ),
    (
        "[3] Ada Gardener and Bob Planter. Growing tomatoes in small urban gardens. Journal of "
        "Horticulture, 2015."
    ),
]
CITED = [
    {
        "id": "1706.03762",
        "arxiv_id": "1706.03762",
        "title": "Attention Is All You Need",
        "year": 2017,
        "abstract": "The Transformer relies entirely on attention mechanisms.",
    },
    {
        "id": "resnet",
        "title": "Deep Residual Learning for Image Recognition",
        "year": 2016,
        "abstract": "Residual networks ease the training of very deep networks.",
    },
    {
        "id": "tomato",
        "title": "Growing Potatoes in Large Rural Fields",
        "year": 2015,
        "abstract": "A paper whose title resembles an entry's but names another work.",
    },
]


def write_citing_pdf(path: Path) -> None:
    styles = getSampleStyleSheet()
    story = [
        Paragraph("Blockwise Exact Attention for Long Sequences", styles["Title"]),
        Paragraph("Alice Example, Bob Sample", styles["Normal"]),
        Paragraph("Introduction", styles["Heading2"]),
        Paragraph(BODY, styles["BodyText"]),
        Paragraph("References", styles["Heading2"]),
        *(Paragraph(entry, styles["BodyText"]) for entry in BIBLIOGRAPHY),
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[Path, Path]:
    pdf = tmp_path / "citer.pdf"
    write_citing_pdf(pdf)
    rows = tmp_path / "cited.jsonl"
    rows.write_text("\n".join(json.dumps(row) for row in CITED) + "\n", encoding="utf-8")
    return pdf, rows


@pytest.fixture
def open_app(tmp_path: Path, embedder) -> Iterator:
    opened: list[Backend] = []

    def make() -> tuple[Backend, TestClient]:
        settings = Settings(data_dir=tmp_path / "data")
        backend = Backend.open(settings, embedder=embedder)
        opened.append(backend)
        return backend, TestClient(create_app(settings, backend))

    yield make
    for backend in opened:
        backend.close()


@pytest.mark.parametrize("citing_first", [True, False], ids=["citing-first", "cited-first"])
def test_references_link_papers_in_either_order(
    inputs: tuple[Path, Path], open_app, citing_first: bool
) -> None:
    pdf, rows = inputs
    backend, client = open_app()
    for path in [pdf, rows] if citing_first else [rows, pdf]:
        report = backend.ingester().ingest([path])
        assert report.ok, [failure.message for failure in report.failed]
    with client:
        references = client.get("/papers/citer").json()["references"]
        by_title = {ref["title"]: ref for ref in references}
        attention = by_title["Attention is all you need"]
        assert attention["paper_id"] == "1706.03762"
        assert attention["year"] == 2017 and attention["authors"][0] == "Ashish Vaswani"
        assert "Transformers [1]" in attention["context"]
        assert by_title["Deep residual learning for image recognition"]["paper_id"] == "resnet"
        gardens = by_title["Growing tomatoes in small urban gardens"]
        assert gardens["paper_id"] is None  # a near title of another work stays unresolved
        assert client.get("/papers/1706.03762").json()["cited_by"] == ["citer"]
        assert client.get("/papers/resnet").json()["cited_by"] == ["citer"]
        assert client.get("/papers/tomato").json()["cited_by"] == []


def test_the_citing_sentence_is_the_citations_evidence_in_the_graph(
    inputs: tuple[Path, Path], open_app
) -> None:
    pdf, rows = inputs
    backend, _ = open_app()
    backend.ingester().ingest([rows])
    backend.ingester().ingest([pdf])
    answer = backend.stores.graph.query(
        "SELECT ?text WHERE { ?paper pg:citation ?c . ?c cito:hasCitedEntity ?cited ; "
        "pg:evidence ?e . ?e prov:value ?text . ?cited dcterms:identifier 'resnet' }"
    )
    assert [str(row[0]) for row in answer] == [
        "Residual connections [2] make deep stacks of layers trainable."
    ]


def test_removing_the_cited_paper_leaves_a_bibliographic_entry(
    inputs: tuple[Path, Path], open_app
) -> None:
    pdf, rows = inputs
    backend, client = open_app()
    backend.ingester().ingest([rows, pdf])
    backend.ingester().remove("resnet")
    with client:
        references = client.get("/papers/citer").json()["references"]
    resnet = next(ref for ref in references if ref["title"].startswith("Deep residual"))
    assert resnet["paper_id"] is None and resnet["venue"]
