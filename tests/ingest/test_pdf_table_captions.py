"""Tables whose captions are printed below them: each caption gets the grid above it, not the
next table's (a page of two tables the test draws with reportlab after the layout test's first)."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from papergraph.core.model import Paper
from papergraph.ingest.readers import read_path
from papergraph.ingest.settings import IngestSettings
from tests.ingest.test_pdf_layout import LEFT, PROSE, _page_one, _prose, _text

TABLES = (
    ("Table 1:", "Error rates on the text classification sets.", ("IMDB", "Yelp-2"), "3.79"),
    ("Table 2:", "Results on the ClueWeb09-B ranking task.", ("NDCG@20", "ERR@20"), "31.10"),
)


def _table(pdf: canvas.Canvas, y: float, header: tuple[str, str], value: str) -> float:
    rows = [("Model", *header), ("Baseline", "4.51", "1.89"), ("Ours", value, "1.55")]
    for index, row in enumerate(rows):
        for x, cell in zip((LEFT + 10, LEFT + 110, LEFT + 170), row, strict=True):
            _text(pdf, x, y - 12 * index, cell, size=9)
    return y - 12 * len(rows)


def _draw(path: Path) -> None:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    _page_one(pdf)  # title, authors, abstract and the introduction
    y = _prose(pdf, LEFT, 780, ("The first results are in the tables below", *PROSE))
    for label, caption, header, value in TABLES:
        y = _table(pdf, y - 20, header, value)
        _text(pdf, LEFT, y - 8, label, "Helvetica-Bold", 9)
        _text(pdf, LEFT + 38, y - 8, caption, size=9)
        y -= 20
    _prose(pdf, LEFT, y - 20, ("After the tables the discussion goes on as", *PROSE))
    pdf.showPage()
    pdf.save()


@pytest.fixture(scope="module")
def paper(tmp_path_factory: pytest.TempPathFactory) -> Paper:
    path = tmp_path_factory.mktemp("pdf") / "below.pdf"
    _draw(path)
    [read] = list(read_path(path, IngestSettings()))
    assert isinstance(read, Paper), read
    return read


def test_each_caption_below_its_table_gets_the_grid_above_it(paper: Paper) -> None:
    grids = {t.number: {cell.text for cell in t.cells} for t in paper.tables}
    assert {"IMDB", "3.79"} <= grids["1"] and "NDCG@20" not in grids["1"]
    assert {"NDCG@20", "31.10"} <= grids["2"]


def _draw_tail(path: Path) -> None:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    _page_one(pdf)
    y = _prose(pdf, LEFT, 780, ("The per-class results are in the table below", *PROSE))
    y = _table(pdf, y - 20, ("Road", "Car"), "98.6")
    _text(pdf, LEFT, y - 8, "Table 3:", "Helvetica-Bold", 9)
    _text(pdf, LEFT + 38, y - 8, "Per-class results on the test set.", size=9)
    _prose(pdf, LEFT, y - 22, ("IoU.", "In short these results show the", *PROSE))
    pdf.showPage()
    pdf.save()


def test_a_caption_below_its_table_and_above_prose_gets_the_table(tmp_path: Path) -> None:
    path = tmp_path / "tail.pdf"
    _draw_tail(path)
    [read] = list(read_path(path, IngestSettings()))
    assert isinstance(read, Paper), read
    [table] = read.tables
    assert {"Road", "98.6"} <= {cell.text for cell in table.cells}


NARROW_PROSE = (  # a column of long words, fewer than seven a line, printing numbers
    "layers without fine-tuning any parameters of",
    "randomly initialized 768-dimensional BiLSTM",
    "contextual embeddings, feeding them into a",
    "hand-crafted task-specific architectures",
    "before classification, only 0.3 F1 behind.",
)


def test_prose_of_long_words_under_a_caption_is_not_taken_for_its_table(tmp_path: Path) -> None:
    pdf = canvas.Canvas(str(tmp_path / "narrow.pdf"), pagesize=A4)
    _page_one(pdf)
    y = _prose(pdf, LEFT, 780, ("The named entity results are in the table", *PROSE))
    y = _table(pdf, y - 20, ("Dev F1", "Test F1"), "92.8")
    _text(pdf, LEFT, y - 8, "Table 7:", "Helvetica-Bold", 9)
    _text(pdf, LEFT + 38, y - 8, "CoNLL-2003 Named Entity Recognition results.", size=9)
    _prose(pdf, LEFT, y - 30, NARROW_PROSE)
    pdf.showPage()
    pdf.save()
    [read] = list(read_path(tmp_path / "narrow.pdf", IngestSettings()))
    assert isinstance(read, Paper), read
    [table] = read.tables
    texts = {cell.text for cell in table.cells}
    assert {"Dev F1", "92.8"} <= texts
    assert not any("BiLSTM" in text for text in texts)


def test_a_header_row_in_the_body_size_stays_with_its_table(tmp_path: Path) -> None:
    pdf = canvas.Canvas(str(tmp_path / "header.pdf"), pagesize=A4)
    _page_one(pdf)
    y = _prose(pdf, LEFT, 780, ("The language modelling results are below", *PROSE))
    _text(pdf, LEFT, y - 20, "Table 4:", "Helvetica-Bold", 9)
    _text(pdf, LEFT + 38, y - 20, "Comparison on language modeling.", size=9)
    header = (("Params", 60), ("Train Steps", 100), ("Step/Sec", 165), ("PPLX", 215))
    header += (("Speedup", 250),)  # one line of six words, forty characters: no prose
    for text, x in header:
        _text(pdf, LEFT + x, y - 36, text)
    row = ("Primer", "34M", "1.9M", "21.7", "33.77", "2.12")
    for x, cell in zip((0, *(x for _, x in header)), row, strict=True):
        _text(pdf, LEFT + x, y - 50, cell, size=9)
    _prose(pdf, LEFT, y - 80, ("After the table the discussion goes on as", *PROSE))
    pdf.showPage()
    pdf.save()
    [read] = list(read_path(tmp_path / "header.pdf", IngestSettings()))
    assert isinstance(read, Paper), read
    [table] = read.tables
    assert {"Params", "Train Steps", "PPLX", "33.77"} <= {cell.text for cell in table.cells}


CAPTION_LINES = (
    "Table 38: Preferred metric scores on the ten tasks where the model performance exceeds the",
    "average human performance. Normalized scores can be negative if the model performs worse",
    "than random chance.",
)


def _wide_table(pdf: canvas.Canvas, y: float) -> float:
    """A table across the page whose middle gap reads as a gutter: a label and one value on the
    left half, three values on the right."""
    for index in range(12):
        _text(pdf, 60, y, f"task number {index} of the suite", size=9)
        _text(pdf, 230, y, f"{70 + index}.5", size=9)
        for x, value in ((330, "20.0"), (400, "63.6"), (470, f"{index}.5")):
            _text(pdf, x, y, value, size=9)
        y -= 11
    return y


def test_a_caption_across_a_page_read_as_two_columns_keeps_its_last_line(tmp_path: Path) -> None:
    pdf = canvas.Canvas(str(tmp_path / "wide.pdf"), pagesize=A4)
    _page_one(pdf)
    y = _wide_table(pdf, 800)
    for index, text in enumerate(CAPTION_LINES):
        _text(pdf, 60, y - 16 - 12 * index, text)
    pdf.showPage()
    pdf.save()
    [read] = list(read_path(tmp_path / "wide.pdf", IngestSettings()))
    assert isinstance(read, Paper), read
    [table] = read.tables
    assert table.caption.endswith("than random chance.")
    assert not any("chance" in cell.text for cell in table.cells)
    assert {"task number 3 of the suite", "73.5", "63.6"} <= {cell.text for cell in table.cells}
