"""Slanted text, on a page the test draws with reportlab: ICML's template sets "Table 1." in a
font obliqued by a shear of the text matrix ([1, 0, 0.165, 1]), which PDFium reports as a
character angle. The words stand on the line like upright ones: the caption opens with its
number, so the table under it is read, and its words stay apart ("Table 1.", not "Table1.")."""

from __future__ import annotations

import pytest
from reportlab.pdfgen import canvas

from papergraph.core.model import Paper
from tests.ingest.drawn_pdf import LEFT, PROSE, draw_pdf, prose, read_paper, small_table, text


def _slanted(pdf: canvas.Canvas, x: float, y: float, line: str) -> None:
    """`line` in 9 pt Times-Roman obliqued by the text matrix, as ICML's caption font is."""
    words = pdf.beginText()
    words.setFont("Times-Roman", 9)
    words.setTextTransform(0.986341, 0, 0.164719, 0.986341, x, y)
    words.textOut(line)
    pdf.drawText(words)


def _page(pdf: canvas.Canvas) -> None:
    y = prose(pdf, LEFT, 790, ("The test results are in the table below", *PROSE))
    _slanted(pdf, LEFT, y - 14, "Table 1.")
    text(pdf, LEFT + 36, y - 14, "Test results on Natural Questions.", size=9)
    y = small_table(pdf, y - 40, ("EM", "Time"), "40.4")
    prose(pdf, LEFT, y - 30, ("After the table the discussion goes on as", *PROSE))


@pytest.fixture(scope="module")
def paper(tmp_path_factory: pytest.TempPathFactory) -> Paper:
    return read_paper(draw_pdf(tmp_path_factory.mktemp("pdf") / "slanted.pdf", _page))


def test_slanted_caption_number_keeps_its_table(paper: Paper) -> None:
    [table] = paper.tables
    assert table.number == "1"
    assert table.caption.startswith("Table 1. Test results on Natural Questions.")
    ours = sorted((c for c in table.cells if c.text in ("Ours", "40.4")), key=lambda c: c.col)
    assert [c.text for c in ours] == ["Ours", "40.4"] and ours[0].row == ours[1].row
