"""Where a caption and its table end (pdf_region_cues): a small-caps section heading under a
caption printed under its grid is no grid (LoRA's Table 14 over "F.2 ADDITIONAL EXPERIMENTS ON
GPT-3"), a caption whose lines overlap in their boxes is one caption (a journal template's 11-pt
type on tighter lines, 2201.13352's Table 1), and a left-column word ending a point past the
gutter stays in its column beside a table row on its baseline (S2-MLP's Table 4)."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.pdfgen import canvas

from papergraph.core.model import Paper
from papergraph.ingest.readers.pdf_layout import Line, Word, lay_out
from papergraph.ingest.readers.pdf_region_cues import capitals_heading
from tests.ingest.drawn_pdf import LEFT, prose, text
from tests.ingest.test_pdf_table_captions import WIDE_PROSE

DrawnPaper = Callable[..., Paper]
GRID = [
    ("Method", "BLEU", "MET", "TER"),
    ("Fine-Tune", "27.7", ".30", ".76"),
    ("Adapter", "45.1", ".36", ".46"),
    ("LoRA", "46.7", ".38", ".46"),
]


def _grid(pdf: canvas.Canvas, y: float, size: float = 10) -> float:
    for index, row in enumerate(GRID):
        for x, cell in zip((LEFT + 40, LEFT + 200, LEFT + 280, LEFT + 360), row, strict=True):
            text(pdf, x, y - 13 * index, cell, size=size)
    return y - 13 * len(GRID)


def _small_caps(pdf: canvas.Canvas, x: float, y: float, number: str, words: list[str]) -> None:
    """A numbered heading in small capitals: each word's first letter at 10 pt, the rest at 8."""
    line = pdf.beginText(x, y)
    line.setFont("Helvetica", 10)
    line.textOut(number + "    ")
    for word in words:
        line.setFont("Helvetica", 10)
        line.textOut(word[0])
        line.setFont("Helvetica", 8)
        line.textOut(word[1:] + " ")
    pdf.drawText(line)


def _heading_under_caption(pdf: canvas.Canvas) -> None:
    y = prose(pdf, LEFT, 780, WIDE_PROSE)
    y = _grid(pdf, y - 20)
    text(pdf, LEFT, y - 12, "Table 14: GPT-2 with different adaptation methods on WebNLG.")
    _small_caps(pdf, LEFT, y - 50, "F.2", ["ADDITIONAL", "EXPERIMENTS", "ON", "GPT-3"])
    prose(pdf, LEFT, y - 75, WIDE_PROSE[::-1])


def test_a_small_caps_heading_under_a_caption_is_no_grid(drawn_paper: DrawnPaper) -> None:
    paper = drawn_paper("heading.pdf", _heading_under_caption)
    [table] = [table for table in paper.tables if table.number == "14"]
    cells = {cell.text for cell in table.cells}
    assert {"LoRA", "46.7", "TER"} <= cells
    assert not any("ADDITIONAL" in cell or "F.2" in cell for cell in cells)


def test_a_numbered_line_of_capitals_alone_is_a_heading_and_a_row_is_not() -> None:
    def line(*words: str) -> list[Word]:
        x, found = 100.0, []
        for word in words:
            found.append(Word(word, x, x + 6 * len(word), 100, 108, 8))
            x += 6 * len(word) + 3
        return found

    assert capitals_heading([Line(line("F.2", "ADDITIONAL", "EXPERIMENTS", "ON", "GPT-3"), 1)])
    assert not capitals_heading([Line(line("3", "BERT", "BASE", "84.5"), 1)])  # a value after
    assert not capitals_heading([Line(line("F.2", "Additional", "experiments"), 1)])
    assert not capitals_heading([Line(line("ADDITIONAL", "EXPERIMENTS"), 1)])  # no number


def _tight_caption(pdf: canvas.Canvas) -> None:
    y = prose(pdf, LEFT, 780, WIDE_PROSE)
    text(pdf, LEFT, y - 14, "Table 1.", "Times-Bold", 12)
    first = "Overall performance on ACE2005 test set. Bold marks the highest score among"
    text(pdf, LEFT + 45, y - 14, first, "Times-Roman", 12)
    second = "all the models, the dagger marks the sequence-based models and the GCN-based ones."
    text(pdf, LEFT, y - 14 - 10.5, second, "Times-Roman", 12)  # boxes of 13 pt on 10.5 pt lines
    y = _grid(pdf, y - 50)
    prose(pdf, LEFT, y - 30, WIDE_PROSE[::-1])


def test_caption_lines_whose_boxes_overlap_are_one_caption(drawn_paper: DrawnPaper) -> None:
    paper = drawn_paper("tight.pdf", _tight_caption)
    [table] = [table for table in paper.tables if table.number == "1"]
    assert table.caption.endswith("the sequence-based models and the GCN-based ones.")
    assert {"LoRA", "46.7", "BLEU"} <= {cell.text for cell in table.cells}


def test_a_word_ending_just_past_the_gutter_stays_in_the_left_column() -> None:
    words: list[Word] = []
    for row in range(14):  # a left column justified to x 285, a right column from 310
        top = 100 + 12 * row
        for x0, x1 in ((50, 120), (124, 200), (204, 285), (310, 400), (404, 545)):
            words.append(Word("word", x0, x1, top, top + 9, 10))
    top = 100 + 12 * 14
    words += [  # the gutter is found at x 285.64 (the first of its candidates no word crosses)
        Word("them,", 204, 255, top, top + 9, 10),
        Word("MLP-", 258, 286.2, top, top + 9, 10),  # ends 0.56 pt past it
    ]
    words += [Word(value, x, x + 20, top, top + 9, 10) for x, value in ((317, "3"), (349, "79.6"))]
    page = lay_out(7, 595.28, 841.89, words, "")
    [row] = [line for line in page.lines if "79.6" in line.text]
    assert row.text == "3 79.6" and row.column == 2
    [left] = [line for line in page.lines if "MLP-" in line.text]
    assert left.column == 1
