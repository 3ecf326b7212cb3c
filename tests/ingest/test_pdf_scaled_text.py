"""A page cut from a paper (papermage's fixtures: one page, no title or abstract) whose producer
sets every font at 1 pt and scales it by the text matrix ("/F1 1 Tf 10 0 0 10 x y Tm"). The
reader takes a character's size through its matrix, as it looks (10 pt prose, 9 pt table), and
a table caption before the page's first section heading is a caption, not front matter: the
table is read."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from papergraph.core.model import Paper
from tests.ingest.drawn_pdf import LEFT, PROSE, read_paper


def _scaled(pdf: canvas.Canvas, x: float, y: float, line: str, size: float, font: str) -> None:
    """`line` in a 1 pt font the text matrix scales to `size`."""
    words = pdf.beginText()
    words.setFont(font, 1)
    words.setTextTransform(size, 0, 0, size, x, y)
    words.textOut(line)
    pdf.drawText(words)


def _cut_page(path: Path) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    rows = [("Model", "EM", "F1"), ("Baseline", "38.2", "45.1"), ("Ours", "40.4", "47.9")]
    for index, row in enumerate(rows):
        for x, cell in zip((LEFT + 10, LEFT + 110, LEFT + 170), row, strict=True):
            _scaled(pdf, x, 790 - 12 * index, cell, 9, "Helvetica")
    _scaled(pdf, LEFT, 745, "Table 1: Test results on Natural Questions.", 9, "Helvetica")
    _scaled(pdf, LEFT, 715, "4 Results", 12, "Helvetica-Bold")
    for index, line in enumerate(("Our runs beat the baseline on the test set.", *PROSE)):
        _scaled(pdf, LEFT, 695 - 12 * index, line, 10, "Helvetica")
    pdf.showPage()
    pdf.save()
    return path


@pytest.fixture(scope="module")
def paper(tmp_path_factory: pytest.TempPathFactory) -> Paper:
    return read_paper(_cut_page(tmp_path_factory.mktemp("pdf") / "cut.pdf"))


def test_scaled_page_keeps_its_table(paper: Paper) -> None:
    [table] = paper.tables
    assert table.number == "1"
    assert table.caption.startswith("Table 1: Test results on Natural Questions.")
    assert {"40.4", "47.9"} <= {cell.text for cell in table.cells}
