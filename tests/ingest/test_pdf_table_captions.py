"""Tables whose captions are printed below them: each caption gets the grid above it, not the
next table's (a page of two tables the test draws with reportlab after the layout test's first)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from papergraph.core.model import Paper
from papergraph.ingest.readers.pdf_blocks import read_blocks
from papergraph.ingest.readers.pdf_layout import Line, PageLayout, Word
from tests.ingest.drawn_pdf import (
    LEFT,
    PROSE,
    draw_pdf,
    prose,
    read_paper,
    small_table,
    text,
    wide_table,
)

DrawnPaper = Callable[..., Paper]
TABLES = (
    ("Table 1:", "Error rates on the text classification sets.", ("IMDB", "Yelp-2"), "3.79"),
    ("Table 2:", "Results on the ClueWeb09-B ranking task.", ("NDCG@20", "ERR@20"), "31.10"),
)


def _two_tables(pdf: canvas.Canvas) -> None:
    y = prose(pdf, LEFT, 780, ("The first results are in the tables below", *PROSE))
    for label, caption, header, value in TABLES:
        y = small_table(pdf, y - 20, header, value)
        text(pdf, LEFT, y - 8, label, "Helvetica-Bold", 9)
        text(pdf, LEFT + 38, y - 8, caption, size=9)
        y -= 20
    prose(pdf, LEFT, y - 20, ("After the tables the discussion goes on as", *PROSE))


@pytest.fixture(scope="module")
def paper(tmp_path_factory: pytest.TempPathFactory) -> Paper:
    return read_paper(draw_pdf(tmp_path_factory.mktemp("pdf") / "below.pdf", _two_tables))


def test_each_caption_below_its_table_gets_the_grid_above_it(paper: Paper) -> None:
    grids = {t.number: {cell.text for cell in t.cells} for t in paper.tables}
    assert {"IMDB", "3.79"} <= grids["1"] and "NDCG@20" not in grids["1"]
    assert {"NDCG@20", "31.10"} <= grids["2"]


def _tail(pdf: canvas.Canvas) -> None:
    y = prose(pdf, LEFT, 780, ("The per-class results are in the table below", *PROSE))
    y = small_table(pdf, y - 20, ("Road", "Car"), "98.6")
    text(pdf, LEFT, y - 8, "Table 3:", "Helvetica-Bold", 9)
    text(pdf, LEFT + 38, y - 8, "Per-class results on the test set.", size=9)
    prose(pdf, LEFT, y - 22, ("IoU.", "In short these results show the", *PROSE))


def test_a_caption_below_its_table_and_above_prose_gets_the_table(
    drawn_paper: DrawnPaper,
) -> None:
    [table] = drawn_paper("tail.pdf", _tail).tables
    assert {"Road", "98.6"} <= {cell.text for cell in table.cells}


NARROW_PROSE = (  # a column of long words, fewer than seven a line, printing numbers
    "layers without fine-tuning any parameters of",
    "randomly initialized 768-dimensional BiLSTM",
    "contextual embeddings, feeding them into a",
    "hand-crafted task-specific architectures",
    "before classification, only 0.3 F1 behind.",
)


def _narrow(pdf: canvas.Canvas) -> None:
    y = prose(pdf, LEFT, 780, ("The named entity results are in the table", *PROSE))
    y = small_table(pdf, y - 20, ("Dev F1", "Test F1"), "92.8")
    text(pdf, LEFT, y - 8, "Table 7:", "Helvetica-Bold", 9)
    text(pdf, LEFT + 38, y - 8, "CoNLL-2003 Named Entity Recognition results.", size=9)
    prose(pdf, LEFT, y - 30, NARROW_PROSE)


def test_prose_of_long_words_under_a_caption_is_not_taken_for_its_table(
    drawn_paper: DrawnPaper,
) -> None:
    [table] = drawn_paper("narrow.pdf", _narrow).tables
    texts = {cell.text for cell in table.cells}
    assert {"Dev F1", "92.8"} <= texts
    assert not any("BiLSTM" in cell for cell in texts)


def _header_in_body_size(pdf: canvas.Canvas) -> None:
    y = prose(pdf, LEFT, 780, ("The language modelling results are below", *PROSE))
    text(pdf, LEFT, y - 20, "Table 4:", "Helvetica-Bold", 9)
    text(pdf, LEFT + 38, y - 20, "Comparison on language modeling.", size=9)
    header = [("Params", 60), ("Train Steps", 100), ("Step/Sec", 165), ("PPLX", 215)]
    header += [("Speedup", 250)]  # one line of six words, forty characters: no prose
    for name, x in header:
        text(pdf, LEFT + x, y - 36, name)
    row = ("Primer", "34M", "1.9M", "21.7", "33.77", "2.12")
    for x, cell in zip((0, *(x for _, x in header)), row, strict=True):
        text(pdf, LEFT + x, y - 50, cell, size=9)
    prose(pdf, LEFT, y - 80, ("After the table the discussion goes on as", *PROSE))


def test_a_header_row_in_the_body_size_stays_with_its_table(drawn_paper: DrawnPaper) -> None:
    [table] = drawn_paper("header.pdf", _header_in_body_size).tables
    assert {"Params", "Train Steps", "PPLX", "33.77"} <= {cell.text for cell in table.cells}


CAPTION_LINES = (
    "Table 38: Preferred metric scores on the ten tasks where the model performance exceeds the",
    "average human performance. Normalized scores can be negative if the model performs worse",
    "than random chance.",
)


def _wide(pdf: canvas.Canvas) -> None:
    y = wide_table(pdf, 800)
    for index, line in enumerate(CAPTION_LINES):
        text(pdf, 60, y - 16 - 12 * index, line)


def test_a_caption_across_a_page_read_as_two_columns_keeps_its_last_line(
    drawn_paper: DrawnPaper,
) -> None:
    [table] = drawn_paper("wide.pdf", _wide).tables
    assert table.caption.endswith("than random chance.")
    assert not any("chance" in cell.text for cell in table.cells)
    assert {"task number 3 of the suite", "73.5", "63.6"} <= {cell.text for cell in table.cells}


TIGHT_LINES = (  # a header line set tight (0.4 em apart), a line of units, two body rows
    ("", ("mIoU", "mIoU", "Param", "FLOPs")),
    ("Backbone", ("(ss)", "(ms)", "(M)", "(G)")),
    ("RepLKNet-31B", ("83.1", "83.5", "110", "2315")),
    ("Swin-B", ("80.4", "81.5", "121", "2613")),
)


def _tight_header(pdf: canvas.Canvas) -> None:
    """RepLKNet's Cityscapes table: a header line set tight over narrow value columns, right
    under the caption's last line, in the caption's size."""
    y = prose(pdf, LEFT, 780, ("The segmentation results are in the table", *PROSE))
    text(pdf, LEFT, y - 20, "Table 7. Cityscapes results. The FLOPs is computed with", size=9)
    text(pdf, LEFT, y - 31, "1024x2048 inputs. The mIoU is tested with single-scale.", size=9)
    starts = [LEFT + 140.0]
    for name in TIGHT_LINES[0][1][:-1]:
        starts.append(starts[-1] + stringWidth(name, "Helvetica", 9) + 3.6)
    for index, (label, cells) in enumerate(TIGHT_LINES):
        line_y = y - 42 - 11 * index
        text(pdf, LEFT, line_y, label, size=9)
        for start, cell in zip(starts, cells, strict=True):
            text(pdf, start + (0 if index == 0 else 2), line_y, cell, size=9)
    prose(pdf, LEFT, y - 110, ("After the table the discussion goes on as", *PROSE))


def test_a_tight_header_line_under_a_caption_is_the_tables_one_name_per_column(
    drawn_paper: DrawnPaper,
) -> None:
    [table] = drawn_paper("tight.pdf", _tight_header).tables
    assert table.caption.endswith("single-scale.")
    top = min(cell.row for cell in table.cells)
    assert [cell.text for cell in table.cells if cell.row == top] == list(TIGHT_LINES[0][1])


def _laid_line(text: str, x: float, top: float, column: int = 0, size: float = 10) -> Line:
    """A line of words from x, 5 pt per character and a space between words."""
    words: list[Word] = []
    for word in text.split():
        words.append(Word(word, x, x + 5 * len(word), top, top + size, size))
        x = words[-1].x1 + (2.5 if size >= 10 else 12)  # a table's cells stand apart
    return Line(words, page=1, column=column)


def test_a_paragraphs_short_last_line_over_a_table_is_no_row_of_it() -> None:
    """DetectGPT's appendix: a full-width paragraph whose short last line ("become more
    discriminative.") ends before the gutter, so it reads as the left column's, right above
    a table whose caption is below it: the line ends the paragraph, it is no header row."""
    paragraph = [
        "Tables 4 and 5 contain the complete results for the three datasets and the five models",
        "as both sampling methods strictly increase the average log likelihood of the samples so",
    ]
    lines = [_laid_line(text, 55, 90 + 12 * i) for i, text in enumerate(paragraph)]
    lines.append(_laid_line("become more discriminative.", 55, 114, column=1))
    table = ["Method XSum SQuAD", "Entropy 0.55 0.53", "DetectGPT 0.99 0.98"]
    lines += [_laid_line(text, 58, 134 + 10 * i, size=9) for i, text in enumerate(table)]
    lines.append(_laid_line("Table 4. Nucleus sampling evaluation.", 55, 170, size=9))
    blocks, _ = read_blocks([PageLayout(1, 595, 842, lines, two_columns=True)])
    [caption] = [block for block in blocks if block.label == "table"]
    rows = " ".join(line.text for line in caption.rows)
    assert "DetectGPT" in rows and "discriminative" not in rows
