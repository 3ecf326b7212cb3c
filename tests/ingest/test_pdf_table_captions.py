"""Tables whose captions are printed below them: each caption gets the grid above it, not the
next table's (a page of two tables the test draws with reportlab after the layout test's first)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from reportlab.pdfgen import canvas

from papergraph.core.model import Paper
from papergraph.ingest.readers.pdf_blocks import read_blocks
from papergraph.ingest.readers.pdf_layout import Line, PageLayout, Word
from tests.ingest.drawn_pdf import (
    LEFT,
    PROSE,
    RIGHT,
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


WIDE_PROSE = (  # one column across the page: no gap runs down its middle
    "Long documents gain most from the longer context, and the two tables below give the scores",
    "of the models at each sequence length on both sets and then the first results on path tasks.",
    "Attention that is exact but aware of the memory hierarchy lets a model read sequences of up",
    "to sixteen thousand tokens, which improves the classification of long legal and clinical text",
    "while the sparse variant scales further still, to sequences of sixty-four thousand tokens in",
    "training, enough for the path tasks that every earlier model had solved no better than chance.",
)


def _side_by_side(pdf: canvas.Canvas) -> None:
    """FlashAttention's page 9: a one-column page with two tables set side by side, each with
    its caption, the right one's caption on the left one's first line."""
    y = prose(pdf, LEFT, 780, WIDE_PROSE)
    text(pdf, LEFT, y - 10, "Table 5: Scores by sequence length.", size=9)
    text(pdf, 330, y - 10, "Table 6: First results on Path-X.", size=9)
    left = [("Length", "512", "1024"), ("MIMIC", "52.8", "50.7"), ("ECtHR", "72.2", "74.3")]
    right = [("Model", "Path-X"), ("NewAttention", "61.4"), ("Sparse NewAttention", "56.0")]
    for index, (one, other) in enumerate(zip(left, right, strict=True)):
        for x, cell in zip((LEFT, LEFT + 70, LEFT + 110), one, strict=True):
            text(pdf, x, y - 24 - 11 * index, cell, size=9)
        for x, cell in zip((330, 450), other, strict=True):
            text(pdf, x, y - 24 - 11 * index, cell, size=9)
    prose(pdf, LEFT, y - 80, WIDE_PROSE[::-1])


def test_two_tables_side_by_side_on_a_one_column_page_are_read_apart(
    drawn_paper: DrawnPaper,
) -> None:
    tables = {table.number: table for table in drawn_paper("beside.pdf", _side_by_side).tables}
    assert tables["5"].caption == "Table 5: Scores by sequence length."
    assert tables["6"].caption == "Table 6: First results on Path-X."
    assert {"MIMIC", "52.8"} <= {cell.text for cell in tables["5"].cells}
    assert not {"Path-X", "61.4"} & {cell.text for cell in tables["5"].cells}
    assert {"Sparse NewAttention", "61.4"} <= {cell.text for cell in tables["6"].cells}


def _beside_on_two_columns(pdf: canvas.Canvas) -> None:
    """MicroNet's page 8: a two-column page whose right table reaches over the gutter into the
    left column, each table with its caption below; the right caption starts level with the
    left table's last row, and the left caption shares lines with the right one's last."""
    left = [("Backbone", "mAP"), ("MobileNet", "25.9"), ("MicroNet-M3", "26.2")]
    left += [("MicroNet-M2", "22.6")]
    right = [("Backbone", "Params", "AP"), ("MobileNet", "2.1M", "57.1")]
    right += [("MicroNet-M3", "2.2M", "58.7")]
    for index, row in enumerate(left):
        for x, cell in zip((LEFT, 190), row, strict=True):
            text(pdf, x, 780 - 11 * index, cell, size=9)
    for index, row in enumerate(right):
        for x, cell in zip((250, 400, 500), row, strict=True):
            text(pdf, x, 780 - 11 * index, cell, size=9)
    caption = ("Table 9: Keypoint detection on COCO val2017 with", "all models trained on train.")
    prose(pdf, 246, 780 - 11 * 3, caption, size=9)
    prose(pdf, LEFT, 780 - 11 * 5, ("Table 8: Object detection", "results on COCO."), size=9)
    prose(pdf, LEFT, 700, PROSE * 3)
    prose(pdf, RIGHT, 700, PROSE * 3)


def test_two_tables_side_by_side_over_the_gutter_of_a_two_column_page_are_read_apart(
    drawn_paper: DrawnPaper,
) -> None:
    tables = {t.number: t for t in drawn_paper("beside2.pdf", _beside_on_two_columns).tables}
    assert tables["8"].caption == "Table 8: Object detection results on COCO."
    assert tables["9"].caption.endswith("val2017 with all models trained on train.")
    eight = {cell.text for cell in tables["8"].cells}
    assert {"MicroNet-M2", "22.6", "26.2"} <= eight
    assert not {"Params", "57.1"} & eight
    assert {"MicroNet-M3", "58.7"} <= {cell.text for cell in tables["9"].cells}


def _spaced_line(text: str, x: float, top: float, gap: float, column: int = 0) -> Line:
    """A line of 10 pt words from x, 5 pt per character, `gap` between words."""
    words: list[Word] = []
    for word in text.split():
        words.append(Word(word, x, x + 5 * len(word), top, top + 10, 10))
        x = words[-1].x1 + gap
    return Line(words, page=1, column=column)


def test_a_header_line_of_names_a_column_apart_is_its_tables_not_prose() -> None:
    """ViT's Table 6, its caption below it, on a page read as two columns: the header line
    "Epochs ImageNet Pets ..." runs across the gutter, its names about an em apart; it heads
    the rows under it, it is no line of prose that would end the table above its caption."""
    lines = [
        _spaced_line("Table 5: Accuracy of the models on the five transfer sets.", 55, 80, 2.5)
    ]
    lines.append(
        _spaced_line("Epochs ImageNet CIFAR-10 CIFAR-100 Pets Flowers exaFLOPs", 120, 110, 10)
    )
    for index, (left, right) in enumerate(
        [("ViT-B/32 7 80.73", "98.61 55"), ("ViT-L/16 7 86.30", "99.38 783")]
    ):
        lines.append(_laid_line(left, 55, 124 + 10 * index, column=1, size=9))
        lines.append(_laid_line(right, 320, 124 + 10 * index, column=2, size=9))
    lines.append(
        _spaced_line("Table 6: Detailed results of model scaling experiments.", 55, 160, 2.5)
    )
    blocks, _ = read_blocks([PageLayout(1, 595, 842, lines, two_columns=True)])
    [caption] = [block for block in blocks if block.number == "6"]
    assert "Epochs ImageNet" in " ".join(line.text for line in caption.rows)


def test_captions_under_their_tables_above_references_each_take_the_grid_above() -> None:
    """SEAL's page 13: Tables 8 and 9 with their captions under them, then the references run
    on (years and page numbers, no cells): Table 8 keeps its grid, Table 9 takes its own, not
    the references."""
    grid_8 = ["Model FEV NQ AVG", "BM25 50.1 26.3 33.1", "SEAL 81.4 38.8 51.0"]
    grid_9 = ["System FEV NQ WoW", "KGI 69.1 36.4 10.4", "SEAL 60.1 32.8 11.0"]
    lines = [_laid_line(text, 70, 80 + 10 * i, size=9) for i, text in enumerate(grid_8)]
    lines.append(_laid_line("Table 8: Retrieval results on the KILT test set.", 70, 120))
    lines += [_laid_line(text, 70, 140 + 10 * i, size=9) for i, text in enumerate(grid_9)]
    lines.append(_laid_line("Table 9: KILT scores on the KILT test set.", 70, 180))
    references = [
        "pages 565-575, Online. Association for Computa-",
        "Zhuang and Zuccon. 2021. TILDE:",
    ]
    lines += [_laid_line(text, 70, 200 + 12 * i) for i, text in enumerate(references)]
    blocks, _ = read_blocks([PageLayout(1, 595, 842, lines)])
    rows = {
        block.number: " ".join(line.text for line in block.rows) for block in blocks if block.label
    }
    assert "50.1" in rows["8"] and "69.1" not in rows["8"]
    assert "69.1" in rows["9"] and "Zuccon" not in rows["9"]


def test_a_caption_with_a_bar_after_its_number_takes_its_table(drawn_paper: DrawnPaper) -> None:
    """RETRO's "Table 5 | Question answering results.": the opening in the regular face and the
    caption's own size, a bar after the number (DeepMind's template), no colon: a caption."""

    def _page(pdf: canvas.Canvas) -> None:
        y = prose(pdf, LEFT, 780, ("The question answering results are below", *PROSE))
        text(pdf, LEFT, y - 20, "Table 5 | Question answering results on Natural Questions.")
        y = small_table(pdf, y - 40, ("EM", "Time"), "45.5")
        prose(pdf, LEFT, y - 20, ("After the table the discussion goes on as", *PROSE))

    paper = drawn_paper("bar.pdf", _page)
    [table] = paper.tables
    assert table.number == "5" and {"Ours", "45.5"} <= {cell.text for cell in table.cells}
