"""Papers the PDF tests draw with reportlab: a two-column first page (title, authors,
abstract, introduction), then the pages a test draws with the primitives here, read back by
the PDF reader. One place for what tests/ingest/test_pdf_*.py each drew by hand."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from papergraph.core.model import Paper
from papergraph.ingest.readers import read_path
from papergraph.ingest.settings import IngestSettings

#: A page's drawing: text put on the canvas, the page not yet shown.
Page = Callable[[canvas.Canvas], None]
LEFT, RIGHT, WIDTH = 50, 310, 235
PROSE = (  # lines of a column: about 45 characters of 10 pt Helvetica fill its 235 pt
    "Sparse adapters route each token through a",
    "small expert chosen by a learned gate so that",
    "the model spends its capacity where the text",
    "is hardest and keeps the shared weights frozen.",
)
ABSTRACT = (
    "We route tokens through low rank adapters that",
    "a learned gate chooses and evaluate them on the",
    "WMT14 sets where they gain one point of BLEU.",
)


def text(
    pdf: canvas.Canvas, x: float, y: float, line: str, font: str = "Helvetica", size: float = 10
) -> None:
    pdf.setFont(font, size)
    pdf.drawString(x, y, line)


def prose(
    pdf: canvas.Canvas, x: float, y: float, lines: tuple[str, ...], size: float = 10
) -> float:
    """The lines one under the other from (x, y); the y under the last."""
    for line in lines:
        text(pdf, x, y, line, size=size)
        y -= 12
    return y


def page_one(pdf: canvas.Canvas) -> None:
    """Title, authors and affiliations, abstract, the introduction in two columns, a
    footnote and the venue line; the page is shown."""
    text(pdf, 120, 780, "Routing Adapters for Sparse Translation", "Helvetica-Bold", 18)
    text(pdf, 170, 750, "Mia Example", "Helvetica-Bold", 11)
    text(pdf, 235, 755, "1", size=6)
    text(pdf, 320, 750, "Noor Sample", "Helvetica-Bold", 11)
    text(pdf, 387, 755, "2", size=6)
    text(pdf, 150, 735, "1University of Testing", size=10)
    text(pdf, 320, 735, "2Example Research Lab", size=10)
    text(pdf, 215, 720, "{mia,noor}@example.org", "Courier", 9)
    text(pdf, LEFT, 690, "Abstract", "Helvetica-Bold", 11)
    y = prose(pdf, LEFT, 675, ABSTRACT)
    text(pdf, LEFT, y - 10, "1 Introduction", "Helvetica-Bold", 11)
    y = prose(pdf, LEFT, y - 25, ("The left column opens the introduction and", *PROSE))
    prose(pdf, LEFT, y, PROSE)
    y = prose(pdf, RIGHT, 690, ("The right column carries the introduction on", *PROSE))
    text(pdf, RIGHT, y - 10, "2 Method", "Helvetica-Bold", 11)
    prose(pdf, RIGHT, y - 25, ("Our gate picks one adapter for every token", *PROSE))
    text(pdf, LEFT, 95, "1", size=5)
    text(pdf, LEFT + 4, 92, "Work done during an internship at the lab.", size=8)
    venue = "37th Conference on Neural Information Processing Systems (NeurIPS 2023)."
    text(pdf, LEFT, 60, venue, size=8)
    pdf.showPage()


def small_table(pdf: canvas.Canvas, y: float, header: tuple[str, str], value: str) -> float:
    """Three rows (a header, "Baseline", "Ours" with `value`) in three columns from y; the y
    under the last."""
    rows = [("Model", *header), ("Baseline", "4.51", "1.89"), ("Ours", value, "1.55")]
    for index, row in enumerate(rows):
        for x, cell in zip((LEFT + 10, LEFT + 110, LEFT + 170), row, strict=True):
            text(pdf, x, y - 12 * index, cell, size=9)
    return y - 12 * len(rows)


def wide_table(pdf: canvas.Canvas, y: float) -> float:
    """A table across the page whose middle gap reads as a gutter: a label and one value on the
    left half, three values on the right."""
    for index in range(12):
        text(pdf, 60, y, f"task number {index} of the suite", size=9)
        text(pdf, 230, y, f"{70 + index}.5", size=9)
        for x, value in ((330, "20.0"), (400, "63.6"), (470, f"{index}.5")):
            text(pdf, x, y, value, size=9)
        y -= 11
    return y


def draw_pdf(path: Path, *pages: Page) -> Path:
    """A PDF at `path`: the first page, then one page per drawing."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    page_one(pdf)
    for page in pages:
        page(pdf)
        pdf.showPage()
    pdf.save()
    return path


def read_paper(path: Path, settings: IngestSettings | None = None) -> Paper:
    """The one paper the PDF reader reads from `path` (a failure's reason when it reads none)."""
    [read] = list(read_path(path, settings or IngestSettings()))
    assert isinstance(read, Paper), read
    return read
