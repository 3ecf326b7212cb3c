"""The PDF reader's layout analysis, on a two-column paper the test draws with reportlab:
front matter, abstract, sections in reading order, captions, a table as cells, figure text,
footnotes, running heads, acknowledgments, references and appendix."""

from __future__ import annotations

import pytest
from reportlab.pdfgen import canvas

from papergraph.core.model import ChunkKind, Paper
from papergraph.ingest.settings import IngestSettings
from tests.ingest.drawn_pdf import ABSTRACT, LEFT, PROSE, RIGHT, draw_pdf, prose, read_paper, text

SETTINGS = IngestSettings(chunk_tokens=120, chunk_overlap=8)


def _furniture(pdf: canvas.Canvas, number: int) -> None:
    text(pdf, 220, 815, "Routing Adapters (preprint)", size=8)
    text(pdf, 290, 30, str(number), size=9)


def _page_two(pdf: canvas.Canvas) -> None:
    _furniture(pdf, 2)
    y = prose(pdf, LEFT, 780, ("Results come first in the left column here", *PROSE))
    text(pdf, LEFT, y - 10, "Table 1:", "Helvetica-Bold", 9)
    text(pdf, LEFT + 38, y - 10, "BLEU on the WMT14 test sets.", size=9)
    rows = [("Model", "EN-DE", "EN-FR"), ("Base", "27.3", "38.1"), ("Ours", "28.9", "39.4")]
    for index, row in enumerate(rows):
        font = "Helvetica-Bold" if index == 0 else "Helvetica"
        for x, cell in zip((LEFT + 10, LEFT + 110, LEFT + 170), row, strict=True):
            text(pdf, x, y - 30 - 12 * index, cell, font, 9)
    prose(pdf, LEFT, y - 80, ("After the table the discussion goes on as", *PROSE))
    text(pdf, RIGHT + 10, 770, "0.2 0.4 0.6 0.8 1.0", size=7)
    text(pdf, RIGHT + 10, 760, "BLEU gain", size=7)
    text(pdf, RIGHT, 740, "Figure 1:", "Helvetica-Bold", 9)
    text(pdf, RIGHT + 42, 740, "Gains over training steps.", size=9)
    prose(pdf, RIGHT, 715, ("Below the figure the right column goes on", *PROSE))


def _page_three(pdf: canvas.Canvas) -> None:
    _furniture(pdf, 3)
    text(pdf, LEFT, 780, "Acknowledgments", "Helvetica-Bold", 11)
    y = prose(pdf, LEFT, 765, ("We thank the reviewers of this paper for all", *PROSE[:1]))
    text(pdf, LEFT, y - 10, "References", "Helvetica-Bold", 11)
    entries = [
        "[1] A. Vaswani et al. Attention is all you",
        "need. arXiv:1706.03762, 2017.",
        "[2] E. Hu et al. LoRA: Low-rank adaptation.",
        "CoRR, abs/2106.09685, 2021.",
        "[3] J. Doe. A journal paper on routing.",
        "doi:10.1000/xyz123, 2020.",
    ]
    y = prose(pdf, LEFT, y - 25, tuple(entries), size=9)
    text(pdf, RIGHT, 780, "A Additional Results", "Helvetica-Bold", 11)
    prose(pdf, RIGHT, 765, ("The appendix repeats the runs with other seeds", *PROSE))


@pytest.fixture(scope="module")
def paper(tmp_path_factory: pytest.TempPathFactory) -> Paper:
    path = tmp_path_factory.mktemp("pdf") / "routing.pdf"
    return read_paper(draw_pdf(path, _page_two, _page_three), SETTINGS)


def _text_of(paper: Paper, kind: ChunkKind) -> str:
    return " ".join(chunk.text for chunk in paper.chunks if chunk.kind == kind)


def test_front_matter_is_read_apart(paper: Paper) -> None:
    assert paper.title == "Routing Adapters for Sparse Translation"
    assert paper.authors == ["Mia Example", "Noor Sample"]  # no "1"/"2" marks glued on
    assert paper.affiliations == ["University of Testing", "Example Research Lab"]
    assert paper.emails == ["mia@example.org", "noor@example.org"]
    assert paper.venue and "NeurIPS 2023" in paper.venue and paper.year == 2023


def test_abstract_ends_where_it_ends(paper: Paper) -> None:
    assert paper.abstract == " ".join(ABSTRACT)
    assert _text_of(paper, ChunkKind.ABSTRACT) == " ".join(ABSTRACT)


def test_sections_in_reading_order_without_furniture_or_footnotes(paper: Paper) -> None:
    body = _text_of(paper, ChunkKind.BODY)
    left, right = body.index("The left column opens"), body.index("The right column carries")
    assert left < right < body.index("Our gate picks") < body.index("Results come first")
    for stray in ("internship", "Conference on Neural", "(preprint)", "0.2 0.4", "27.3"):
        assert stray not in body, stray
    assert "internship" in _text_of(paper, ChunkKind.FOOTNOTE)
    sections = {chunk.section for chunk in paper.chunks if chunk.kind == ChunkKind.BODY}
    assert {"1 Introduction", "2 Method"} <= sections
    method = next(c for c in paper.chunks if "Our gate picks" in c.text)
    assert method.section == "2 Method" and method.pages == [1]


def test_every_kind_gets_its_own_chunks(paper: Paper) -> None:
    kinds = {chunk.kind for chunk in paper.chunks}
    assert kinds == set(ChunkKind)
    assert "Routing Adapters for Sparse Translation" in _text_of(paper, ChunkKind.FRONT)
    assert "We thank the reviewers" in _text_of(paper, ChunkKind.ACKNOWLEDGMENTS)
    assert "The appendix repeats" in _text_of(paper, ChunkKind.APPENDIX)
    assert "Attention is all you need" in _text_of(paper, ChunkKind.REFERENCES)
    captions = _text_of(paper, ChunkKind.CAPTION)
    assert "Table 1: BLEU on the WMT14 test sets." in captions and "Figure 1:" in captions
    assert "0.2 0.4 0.6 0.8 1.0" in _text_of(paper, ChunkKind.FIGURE)


def test_table_is_read_as_cells(paper: Paper) -> None:
    [table] = paper.tables
    assert table.number == "1" and table.page == 2
    assert table.caption == "Table 1: BLEU on the WMT14 test sets."
    grid = {(cell.row, cell.col): cell for cell in table.cells}
    assert [grid[(0, col)].text for col in range(3)] == ["Model", "EN-DE", "EN-FR"]
    assert grid[(0, 0)].bold and not grid[(1, 0)].bold
    assert (grid[(2, 0)].text, grid[(2, 1)].text, grid[(2, 2)].text) == ("Ours", "28.9", "39.4")
    chunk = next(c for c in paper.chunks if c.id == table.chunk_id)
    assert chunk.kind == ChunkKind.TABLE and chunk.pages == [2]
    assert "Base | 27.3 | 38.1" in chunk.text.splitlines()


def test_references_are_parsed_from_their_section(paper: Paper) -> None:
    assert [ref.arxiv_id for ref in paper.references] == ["1706.03762", "2106.09685", None]
    assert paper.references[2].doi == "10.1000/xyz123"
