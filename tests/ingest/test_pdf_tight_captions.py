"""Two tables side by side on a one-column page whose captions are set less than two ems apart
(RAG's Tables 1 and 2, minipages: "... For TQA, Table 2: Generation ..."): read apart, each
under its own caption, and the prose under them stays whole."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from papergraph.core.model import Paper
from tests.ingest.drawn_pdf import LEFT, prose, text
from tests.ingest.test_pdf_table_captions import WIDE_PROSE

DrawnPaper = Callable[..., Paper]
LEFT_CAPTION = (  # about 240 pt wide: the right caption starts past 0.45 of the page
    "Table 1: Open-Domain QA Test Scores. For the TQA set,",
    "the left column uses the standard open test set.",
    "See the appendix for further details.",
)
RIGHT_CAPTION = (
    "Table 2: Generation Test Scores. FEVER-3",
    "is [68] and FEVER-2 is [57]. Best model",
    "underlined.",
)


def _tight_captions(pdf: canvas.Canvas) -> None:
    y = prose(pdf, LEFT, 780, WIDE_PROSE)
    right = LEFT + max(stringWidth(line, "Helvetica", 10) for line in LEFT_CAPTION) + 7
    assert right > 0.45 * 595  # the right caption starts right of the middle, 0.7 em after
    for index, (one, other) in enumerate(zip(LEFT_CAPTION, RIGHT_CAPTION, strict=True)):
        text(pdf, LEFT, y - 10 - 11 * index, one)
        text(pdf, right, y - 10 - 11 * index, other)
    left = [("Model", "NQ", "WQ"), ("NewNet", "44.1", "45.5"), ("OldNet", "41.5", "41.1")]
    other = [("Model", "MSMARCO"), ("NewNet", "40.1"), ("OldNet", "38.2")]
    for index, (one, two) in enumerate(zip(left, other, strict=True)):
        for x, cell in zip((LEFT, LEFT + 70, LEFT + 110), one, strict=True):
            text(pdf, x, y - 50 - 11 * index, cell, size=9)
        for x, cell in zip((right, right + 90), two, strict=True):
            text(pdf, x, y - 50 - 11 * index, cell, size=9)
    prose(pdf, LEFT, y - 110, WIDE_PROSE[::-1])  # a one-column page: prose across the middle


def test_side_by_side_tables_with_captions_set_close_are_read_apart(
    drawn_paper: DrawnPaper,
) -> None:
    paper = drawn_paper("tight.pdf", _tight_captions)
    tables = {table.number: table for table in paper.tables}
    assert (
        tables["1"].caption
        == "Table 1: Open-Domain QA Test Scores. For the TQA set, the left column uses the standard "
        "open test set. See the appendix for further details."
    )
    assert tables["2"].caption.startswith("Table 2: Generation Test Scores. FEVER-3 is [68]")
    one = {cell.text for cell in tables["1"].cells}
    assert {"NQ", "44.1", "45.5"} <= one
    assert not {"MSMARCO", "40.1"} & one
    assert {"MSMARCO", "40.1", "38.2"} <= {cell.text for cell in tables["2"].cells}
    text_of = " ".join(chunk.text for chunk in paper.chunks)
    assert "of the models at each sequence length on both sets" in text_of  # prose kept whole
