"""Rotated text, on a page the test draws with reportlab: a table whose class names are set
vertically (DANet's per-class Cityscapes table) keeps them as one header cell per column, in
reading order, while the rotated arXiv side stamp and a figure's rotated axis label stay out
of the body text and out of the table."""

from __future__ import annotations

import pytest
from reportlab.pdfgen import canvas

from papergraph.core.model import ChunkKind, Paper
from tests.ingest.drawn_pdf import LEFT, PROSE, draw_pdf, prose, read_paper, text

CLASSES = ("Mean IoU", "road", "traffic light", "bicycle")
ROWS = (
    ("RefineNet [10]", "73.6", "98.2", "66.9", "70.1"),
    ("Ours", "81.5", "98.6", "77.3", "78.2"),
)


def _turned(pdf: canvas.Canvas, x: float, y: float, line: str, size: float = 9) -> None:
    """Text read from the bottom up, starting at (x, y)."""
    pdf.saveState()
    pdf.translate(x, y)
    pdf.rotate(90)
    pdf.setFont("Helvetica", size)
    pdf.drawString(0, 0, line)
    pdf.restoreState()


def _page(pdf: canvas.Canvas) -> None:
    """A table under rotated class names, the arXiv stamp up the margin, a plot's axis label."""
    _turned(pdf, 20, 300, "arXiv:1809.02983v4 [cs.CV] 21 Apr 2019", size=20)
    y = prose(pdf, LEFT, 790, ("The per-class results are in the table below", *PROSE))
    text(pdf, LEFT, y - 14, "Table 3:", "Helvetica-Bold", 9)
    text(pdf, LEFT + 38, y - 14, "Per-class results on the Cityscapes test set.", size=9)
    columns = (LEFT + 10, LEFT + 110, LEFT + 150, LEFT + 190, LEFT + 230)
    text(pdf, columns[0], y - 80, "Method", size=9)
    for x, name in zip(columns[1:], CLASSES, strict=True):
        _turned(pdf, x + 8, y - 80, name)
    for index, row in enumerate(ROWS):
        for x, cell in zip(columns, row, strict=True):
            text(pdf, x, y - 94 - 12 * index, cell, size=9)
    y = prose(pdf, LEFT, y - 140, ("After the table the discussion goes on as", *PROSE))
    _turned(pdf, LEFT + 5, y - 120, "Accuracy (%)")  # a plot's axis label, ticks beside it
    for index, tick in enumerate(("80", "60", "40")):
        text(pdf, LEFT + 20, y - 40 - 30 * index, tick, size=8)
    text(pdf, LEFT, y - 140, "Figure 4:", "Helvetica-Bold", 9)
    text(pdf, LEFT + 42, y - 140, "Accuracy over training.", size=9)


@pytest.fixture(scope="module")
def paper(tmp_path_factory: pytest.TempPathFactory) -> Paper:
    return read_paper(draw_pdf(tmp_path_factory.mktemp("pdf") / "rotated.pdf", _page))


def test_rotated_header_cells_name_their_value_columns(paper: Paper) -> None:
    [table] = paper.tables
    header = min(cell.row for cell in table.cells)
    names = [c.text for c in sorted(table.cells, key=lambda c: c.col) if c.row == header]
    assert names == ["Method", *CLASSES]
    ours = {c.col: c.text for c in table.cells if c.row == header + 2}
    column = {c.text: c.col for c in table.cells if c.row == header}
    assert ours[column["Mean IoU"]] == "81.5" and ours[column["traffic light"]] == "77.3"


def test_rotated_stamp_and_axis_label_stay_out_of_the_body(paper: Paper) -> None:
    body = " ".join(c.text for c in paper.chunks if c.kind is not ChunkKind.FIGURE)
    assert "arXiv:1809.02983v4" not in body and "Accuracy (%)" not in body
    assert not any("arXiv" in cell.text for cell in paper.tables[0].cells)
