"""Footnotes against tables at a page's foot, on pages the test draws with reportlab: a
table's rows set in small type low on the page are the table's, not footnotes, when they open
in lower case (PaLM's Table 37 lost 'vitaminc fact verification', 'winowhy', 'linguistics
puzzles'; RWKV's Table 4 its right-hand columns under 'acc_norm acc acc em acc'), while a real
footnote (a raised mark, then text, at the very foot) still is one."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.pdfgen import canvas

from papergraph.core.model import ChunkKind, Paper
from tests.ingest.drawn_pdf import LEFT, PROSE, RIGHT, prose, small_table, text

#: The `drawn_paper` fixture (tests/ingest/conftest.py): `drawn_paper(name, page)`.
DrawnPaper = Callable[..., Paper]

TASKS = (
    "auto debugging",
    "bbq lite json",
    "code line description",
    "conceptual combinations",
    "emoji movie",
    "known unknowns",
    "logical deduction",
    "strange stories",
    "strategyqa",
    "vitaminc fact verification",
    "winowhy",
    "linguistics puzzles",
)
FOOTNOTE = "The scores are not normalized across the tasks of the suite."


def _text_of(paper: Paper, kind: ChunkKind) -> str:
    return " ".join(chunk.text for chunk in paper.chunks if chunk.kind == kind)


def _cells(paper: Paper, number: str) -> set[str]:
    [table] = [table for table in paper.tables if table.number == number]
    return {cell.text for cell in table.cells}


def _footnote(pdf: canvas.Canvas, y: float) -> None:
    """A footnote at the foot: a raised mark, then its text in small type."""
    text(pdf, LEFT, y + 3, "2", size=5)
    text(pdf, LEFT + 4, y, FOOTNOTE, size=8)


def _split_table(pdf: canvas.Canvas, y: float) -> float:
    """Task names on the left, their scores across the page's middle, in 9 pt: the gap
    between them reads as a gutter, so each name is a line of the left column alone."""
    text(pdf, 330, y, "PaLM 8B", size=9)
    text(pdf, 400, y, "PaLM 62B", size=9)
    text(pdf, 470, y, "PaLM 540B", size=9)
    for index, task in enumerate(TASKS, start=1):
        text(pdf, 60, y - 11 * index, task, size=9)
        for x, value in ((330, f"{index}.5"), (400, f"{20 + index}.1"), (470, f"{40 + index}.9")):
            text(pdf, x, y - 11 * index, value, size=9)
    return y - 11 * len(TASKS)


def test_row_labels_above_a_caption_low_on_the_page_are_the_tables(
    drawn_paper: DrawnPaper,
) -> None:
    """PaLM's Table 37: the last labels of a table in the lower half of the page open in lower
    case, but a caption stands under them, and no footnote is set above a caption."""

    def _page(pdf: canvas.Canvas) -> None:
        y = prose(pdf, LEFT, 790, ("The results of the suite are listed in the table", *PROSE))
        prose(pdf, RIGHT, 790, ("The right column carries the discussion on", *PROSE))
        y = _split_table(pdf, y - 330)
        text(pdf, LEFT, y - 20, "Table 37:", "Helvetica-Bold", 10)
        text(pdf, LEFT + 50, y - 20, "Results of the three models on the tasks of the suite.")
        _footnote(pdf, 70)

    paper = drawn_paper("labels.pdf", _page)
    cells = _cells(paper, "37")
    assert {"vitaminc fact verification", "winowhy", "linguistics puzzles"} <= cells
    assert {"12.5", "32.1", "52.9"} <= cells
    notes = _text_of(paper, ChunkKind.FOOTNOTE)
    assert "winowhy" not in notes and "vitaminc" not in notes
    assert FOOTNOTE in notes  # the real footnote under the caption stays one
    assert FOOTNOTE not in cells


def test_a_tables_lower_case_rows_at_the_foot_are_no_footnote(drawn_paper: DrawnPaper) -> None:
    """A table with its caption above it ends the page: rows whose label opens in lower case
    ('resnet-50 76.1 92.9') are parted like cells and print numbers, so they are the table's
    rows; the footnote under them stays a footnote."""
    rows = (
        ("Model", "Top-1", "Top-5"),
        ("resnet-50", "76.1", "92.9"),
        ("vit-b/16", "79.7", "94.6"),
    )

    def _page(pdf: canvas.Canvas) -> None:
        y = prose(pdf, LEFT, 790, ("The backbones we compare are listed below", *PROSE))
        y = prose(pdf, LEFT, y, (*PROSE, *PROSE, *PROSE, *PROSE, *PROSE, *PROSE))
        text(pdf, LEFT, y - 150, "Table 3:", "Helvetica-Bold", 9)
        text(pdf, LEFT + 38, y - 150, "Accuracy of the backbones on ImageNet.", size=9)
        for index, row in enumerate(rows):
            for x, cell in zip((LEFT + 10, LEFT + 110, LEFT + 170), row, strict=True):
                text(pdf, x, y - 166 - 12 * index, cell, size=9)
        _footnote(pdf, 70)

    paper = drawn_paper("foot.pdf", _page)
    assert {"resnet-50", "76.1", "vit-b/16", "94.6"} <= _cells(paper, "3")
    notes = _text_of(paper, ChunkKind.FOOTNOTE)
    assert "resnet-50" not in notes and "76.1" not in notes
    assert FOOTNOTE in notes


def test_a_footnote_opening_in_lower_case_at_the_foot_is_still_one(
    drawn_paper: DrawnPaper,
) -> None:
    """A footnote marked by a letter ('a Measured on one GPU.') and the text that follows
    it, with nothing under them, stay footnotes: the table rules do not take them."""

    def _page(pdf: canvas.Canvas) -> None:
        y = prose(pdf, LEFT, 790, ("The timings we report are the mean of runs", *PROSE))
        prose(pdf, LEFT, y, (*PROSE, *PROSE, *PROSE))
        text(pdf, LEFT, 82, "a Measured on one GPU with a batch of 32 sequences, as", size=8)
        text(pdf, LEFT, 72, "reported by the profiler of the library.", size=8)

    paper = drawn_paper("letter.pdf", _page)
    notes = _text_of(paper, ChunkKind.FOOTNOTE)
    assert "Measured on one GPU" in notes and "profiler of the library" in notes
    assert "Measured on one GPU" not in _text_of(paper, ChunkKind.BODY)


def test_the_last_line_of_a_caption_low_on_the_page_is_the_captions(
    drawn_paper: DrawnPaper,
) -> None:
    """RWKV's Table 4: a caption set small under its table at the page's foot ends in a short
    line opening in lower case ('models'); it is the caption's end, not a footnote."""

    def _page(pdf: canvas.Canvas) -> None:
        y = prose(pdf, LEFT, 790, ("The zero-shot results are given in the table", *PROSE))
        y = prose(pdf, LEFT, y, (*PROSE, *PROSE, *PROSE, *PROSE, *PROSE, *PROSE))
        y = small_table(pdf, y - 150, ("LAMBADA", "COPA"), "66.00")
        text(pdf, LEFT, y - 10, "Table 4:", "Helvetica-Bold", 9)
        text(
            pdf,
            LEFT + 38,
            y - 10,
            "Zero-shot performance of the models; * interpolation of",
            size=9,
        )
        text(pdf, LEFT, y - 21, "models", size=9)

    paper = drawn_paper("tail.pdf", _page)
    [table] = paper.tables
    assert table.caption.endswith("interpolation of models")
    assert "models" not in _text_of(paper, ChunkKind.FOOTNOTE)
