"""Which grid a table caption takes, on pages the test draws with reportlab: three tables
stacked with their captions below them each take their own (FPN's Tables 1-3), a table
caption between its table and a figure takes the table, not the figure's axis numbers (ViT's
Table 2 over Figure 2), and a caption's grid with no number in its body is no table."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.pdfgen import canvas

from papergraph.core.model import ChunkKind, Paper
from tests.ingest.drawn_pdf import (
    LEFT,
    PROSE,
    prose,
    small_table,
    text,
    wide_table,
)

STACKED = (
    ("Table 1.", "Proposal results on the minival set.", ("AR100", "AR1k"), "44.0"),
    ("Table 2.", "Detection results with fixed proposals.", ("AP@0.5", "AP"), "56.9"),
    ("Table 3.", "Detection results with learned proposals.", ("APs", "APm"), "17.8"),
)

#: The `drawn_paper` fixture (tests/ingest/conftest.py): `drawn_paper(name, page)`.
DrawnPaper = Callable[..., Paper]


def _number(label: str) -> str:
    """'Table 1.' -> '1'."""
    return label.rstrip(".").split()[1]


def _grids(paper: Paper) -> dict[str | None, set[str]]:
    return {table.number: {cell.text for cell in table.cells} for table in paper.tables}


def test_three_stacked_tables_with_captions_below_each_take_their_own(
    drawn_paper: DrawnPaper,
) -> None:
    def _page(pdf: canvas.Canvas) -> None:
        y = 790.0
        for label, caption, header, value in STACKED:
            y = small_table(pdf, y - 14, header, value)
            text(pdf, LEFT, y - 8, label, "Helvetica-Bold", 9)
            text(pdf, LEFT + 38, y - 8, caption, size=9)
            y -= 20
        text(pdf, LEFT, y - 24, "5.2 Object Detection", "Helvetica-Bold", 11)
        prose(pdf, LEFT, y - 40, ("Next we turn to detectors that use regions", *PROSE))

    grids = _grids(drawn_paper("stacked.pdf", _page))
    for label, _, header, value in STACKED:
        others = {h for _, _, hs, _ in STACKED for h in hs} - set(header)
        assert {*header, value} <= grids[_number(label)]
        assert not others & grids[_number(label)], label


def _bars(pdf: canvas.Canvas, y: float) -> float:
    """A bar chart's axis ticks and labels: numbers in a grid-like layout."""
    for index, tick in enumerate(("90", "85", "80", "75")):
        text(pdf, LEFT + 10, y - 14 * index, tick, size=8)
        text(pdf, LEFT + 200, y - 14 * index, str(int(tick) - 20), size=8)
    text(pdf, LEFT + 40, y - 60, "Natural (7 tasks)", size=8)
    text(pdf, LEFT + 230, y - 60, "Structured (8 tasks)", size=8)
    return y - 70


def test_a_table_caption_above_a_figure_takes_the_table_above_it(drawn_paper: DrawnPaper) -> None:
    def _page(pdf: canvas.Canvas) -> None:
        y = small_table(pdf, 790, ("ImageNet", "CIFAR-10"), "88.55")
        text(pdf, LEFT, y - 8, "Table 2:", "Helvetica-Bold", 9)
        text(pdf, LEFT + 38, y - 8, "Comparison with the state of the art.", size=9)
        y = _bars(pdf, y - 30)
        text(pdf, LEFT, y - 8, "Figure 2:", "Helvetica-Bold", 9)
        text(pdf, LEFT + 42, y - 8, "Breakdown of the benchmark by task group.", size=9)
        prose(pdf, LEFT, y - 30, ("The figure splits the tasks into groups and", *PROSE))

    grids = _grids(drawn_paper("figure.pdf", _page))
    assert {"ImageNet", "88.55"} <= grids["2"]
    assert "Natural (7 tasks)" not in grids["2"]


def test_a_grid_with_no_number_under_its_header_is_no_table(drawn_paper: DrawnPaper) -> None:
    def _page(pdf: canvas.Canvas) -> None:
        y = prose(pdf, LEFT, 780, ("Examples of the prompts are in the table", *PROSE))
        text(pdf, LEFT, y - 20, "Table 9:", "Helvetica-Bold", 9)
        text(pdf, LEFT + 38, y - 20, "Examples of prompts and answers.", size=9)
        for index, (prompt, answer) in enumerate((("Prompt", "Answer"), ("Name a city", "Paris"))):
            text(pdf, LEFT + 10, y - 36 - 12 * index, prompt, size=9)
            text(pdf, LEFT + 150, y - 36 - 12 * index, answer, size=9)
        prose(pdf, LEFT, y - 80, ("After the table the discussion goes on as", *PROSE))

    read = drawn_paper("words.pdf", _page)
    assert read.tables == []
    assert any("Name a city" in chunk.text for chunk in read.chunks)


WIDE_CAPTION = (
    "Maneuver anticipation on 1100 miles of real-world driving data, turns and lane changes."
)


def test_a_wide_table_under_a_caption_across_two_columns_keeps_both_halves(
    drawn_paper: DrawnPaper,
) -> None:
    def _page(pdf: canvas.Canvas) -> None:
        text(pdf, LEFT, 800, "Table 2:", "Helvetica-Bold", 9)
        text(pdf, LEFT + 38, 800, WIDE_CAPTION, size=9)
        y = wide_table(pdf, 780)
        for x in (LEFT, 310):  # two columns of prose under the table
            prose(pdf, x, y - 20, ("The anticipation results show that the", *PROSE, *PROSE))

    paper = drawn_paper("halves.pdf", _page)
    [table] = paper.tables
    assert {"task number 3 of the suite", "73.5", "63.6", "3.5"} <= {c.text for c in table.cells}
    body = " ".join(c.text for c in paper.chunks if c.kind is not ChunkKind.TABLE)
    assert "63.6" not in body


PARSING = (
    ("Parser", "Training", "WSJ 23 F1"),
    ("Petrov et al. (2006) [29]", "WSJ only, discriminative", "90.4"),
    ("Transformer (4 layers)", "semi-supervised", "92.7"),
)


def test_rows_set_right_under_a_caption_in_its_size_are_the_table(drawn_paper: DrawnPaper) -> None:
    """The Transformer's Table 4: caption and rows in the body size, a line apart."""

    def _page(pdf: canvas.Canvas) -> None:
        text(pdf, LEFT, 790, "Table 4: The model generalizes well to English constituency parsing")
        text(pdf, LEFT, 778, "(Results are on Section 23 of WSJ)")
        for index, row in enumerate(PARSING):
            for x, cell in zip((LEFT + 10, LEFT + 200, LEFT + 380), row, strict=True):
                text(pdf, x, 766 - 12 * index, cell)
        prose(pdf, LEFT, 720, ("We used a beam size of 21 and a length penalty", *PROSE))

    [table] = drawn_paper("tight.pdf", _page).tables
    assert table.caption.endswith("(Results are on Section 23 of WSJ)")
    assert {"WSJ 23 F1", "Transformer (4 layers)", "92.7"} <= {c.text for c in table.cells}


def _caption_under(pdf: canvas.Canvas, y: float, label: str, header: tuple[str, str]) -> float:
    y = small_table(pdf, y, header, "66.05")
    text(pdf, LEFT, y - 8, label, "Helvetica-Bold", 9)
    text(pdf, LEFT + 38, y - 8, "Ablation study on the benchmarks.", size=9)
    return y - 20


def test_a_numbered_heading_naming_a_dataset_is_no_table_under_a_caption(
    drawn_paper: DrawnPaper,
) -> None:
    """XLNet's Table 6 over "3.6 ClueWeb09-B Dataset": a heading, so the caption keeps the
    table above it."""

    def _page(pdf: canvas.Canvas) -> None:
        y = prose(pdf, LEFT, 790, ("The ablation results are in the table below", *PROSE))
        y = _caption_under(pdf, y - 14, "Table 6:", ("RACE", "SQuAD2.0"))
        text(pdf, LEFT, y - 14, "3.6 ClueWeb09-B Dataset", "Helvetica-Bold", 11)
        prose(pdf, LEFT, y - 30, ("Following previous work we use the dataset", *PROSE))

    paper = drawn_paper("heading.pdf", _page)
    assert {"RACE", "66.05"} <= _grids(paper)["6"]
    assert any(chunk.section == "3.6 ClueWeb09-B Dataset" for chunk in paper.chunks)


def test_the_tail_of_a_paragraph_under_a_caption_is_prose(drawn_paper: DrawnPaper) -> None:
    """Bag of Tricks' Tables 8 and 9, stacked with captions below them, the second followed
    by the short end of a paragraph: each caption takes its own grid."""

    def _page(pdf: canvas.Canvas) -> None:
        y = _caption_under(pdf, 790, "Table 8:", ("Top-1", "mAP"))
        y = _caption_under(pdf, y - 6, "Table 9:", ("PixAcc", "mIoU"))
        text(pdf, LEFT, y - 8, "at 81.33% on VOC, which outperforms the standard model")
        text(pdf, LEFT, y - 20, "by 4%.")
        text(pdf, LEFT, y - 44, "6.2 Semantic Segmentation", "Helvetica-Bold", 11)
        prose(pdf, LEFT, y - 60, ("Semantic segmentation predicts a category", *PROSE))

    grids = _grids(drawn_paper("tail.pdf", _page))
    assert {"mAP", "66.05"} <= grids["8"] and "mIoU" not in grids["8"]
    assert {"mIoU", "66.05"} <= grids["9"]


def test_stacked_tables_with_captions_above_and_a_figure_below_keep_their_grids(
    drawn_paper: DrawnPaper,
) -> None:
    """RefineDet's Tables 5-7, each caption above its table, Figure 3 under the last: the
    last caption takes the table under it, not the one above (another caption's)."""

    def _page(pdf: canvas.Canvas) -> None:
        y = 800.0
        for label, caption, header, value in STACKED:
            text(pdf, LEFT, y, label, "Helvetica-Bold", 9)
            text(pdf, LEFT + 38, y, caption, size=9)
            y = small_table(pdf, y - 16, header, value) - 14
        text(pdf, LEFT, y - 200, "Figure 3:", "Helvetica-Bold", 9)
        text(pdf, LEFT + 42, y - 200, "Qualitative results on the test set.", size=9)
        prose(pdf, LEFT, y - 230, ("The detections in the figure show that the", *PROSE))

    grids = _grids(drawn_paper("above.pdf", _page))
    for label, _, header, value in STACKED:
        assert {*header, value} <= grids[_number(label)], label


def test_a_wide_table_keeps_the_right_half_of_rows_under_a_row_across_the_gutter(
    drawn_paper: DrawnPaper,
) -> None:
    """REALM's Table 1: upper rows in two halves, one row whose cell runs across the gutter,
    then rows whose right halves the reading order puts after the left column's prose."""

    def _page(pdf: canvas.Canvas) -> None:
        text(pdf, LEFT, 800, "Table 1:", "Helvetica-Bold", 9)
        text(pdf, LEFT + 38, 800, OPEN_QA_CAPTION, size=9)
        y = wide_table(pdf, 780)
        text(pdf, 60, y, "GraphRetriever (Min et al., 2019b)", size=9)
        text(pdf, 230, y, "GraphRetriever+Transformer+BERT", size=9)  # across the gutter
        text(pdf, 470, y, "31.8", size=9)
        for index, (name, value) in enumerate((("ORQA (Lee et al., 2019)", "33.3"), *OURS)):
            text(pdf, 60, y - 11 * (index + 1), name, size=9)
            text(pdf, 330, y - 11 * (index + 1), "Dense", size=9)
            text(pdf, 470, y - 11 * (index + 1), value, size=9)
        for x in (LEFT, 310):  # two columns of prose under the table
            prose(pdf, x, y - 80, ("The open-domain results show that the", *PROSE, *PROSE))

    paper = drawn_paper("gutter.pdf", _page)
    [table] = paper.tables
    row = {c.text: c.row for c in table.cells}
    assert row["Ours (X = CC-News)"] == row["40.4"]
    assert row["ORQA (Lee et al., 2019)"] == row["33.3"]
    body = " ".join(c.text for c in paper.chunks if c.kind is not ChunkKind.TABLE)
    assert "40.4" not in body


OPEN_QA_CAPTION = "Test results on Open-QA benchmarks: exact match against any reference answer."
OURS = (("Ours (X = Wikipedia)", "39.2"), ("Ours (X = CC-News)", "40.4"))
