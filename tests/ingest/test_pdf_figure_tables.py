"""A table the paper calls a figure: "Figure 5: Accuracy ... on VARMISUSE." set above a grid of
model rows (GATv2, 2105.14491) is read as a table numbered "Figure 5"; a plot's text under its
caption, numbers (ticks) and words (a legend) on lines of their own, stays figure text
(ingest/readers/pdf_blocks.py)."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.pdfgen import canvas

from papergraph.core.model import ChunkKind, Paper
from papergraph.ingest.readers.pdf_blocks import Block, _figure_grid
from papergraph.ingest.readers.pdf_layout import Line, Word
from tests.ingest.drawn_pdf import LEFT, PROSE, prose, text

DrawnPaper = Callable[..., Paper]
ROWS = (
    ("Model", "SeenProj", "UnseenProj"),
    ("GCN", "87.2±1.5", "81.4±2.3"),
    ("GAT", "86.9±0.7", "81.2±0.9"),
    ("NewNet", "88.0±1.1", "82.8±1.7"),
)


def _grid(pdf: canvas.Canvas, y: float, rows: tuple[tuple[str, ...], ...]) -> float:
    for index, row in enumerate(rows):
        for x, cell in zip((LEFT + 10, LEFT + 110, LEFT + 170), row, strict=False):
            text(pdf, x, y - 12 * index, cell, size=9)
    return y - 12 * len(rows)


def _figure_table(pdf: canvas.Canvas) -> None:
    text(pdf, LEFT, 790, "Figure 5:", "Helvetica-Bold", 9)
    text(pdf, LEFT + 42, 790, "Accuracy (5 runs) on the program sets.", size=9)
    y = _grid(pdf, 772, ROWS)
    prose(pdf, LEFT, y - 20, ("After the figure the discussion goes on as", *PROSE))


def _plot(pdf: canvas.Canvas) -> None:
    """A plot under its caption: tick labels (numbers only) and a legend (names only)."""
    text(pdf, LEFT, 790, "Figure 2:", "Helvetica-Bold", 9)
    text(pdf, LEFT + 42, 790, "Accuracy against the noise ratio.", size=9)
    ticks = (("0.2", "0.4", "0.6"), ("NewNet", "GAT"), ("0.1", "0.2", "0.3"))
    y = _grid(pdf, 772, ticks)
    prose(pdf, LEFT, y - 20, ("After the figure the discussion goes on as", *PROSE))


def _figure_over_table(pdf: canvas.Canvas) -> None:
    """PixelRNN's page 8: a figure's caption (its images above it, no text), then a table's
    grid over the table's own caption."""
    text(pdf, LEFT, 790, "Figure 8.", "Helvetica-Bold", 9)
    text(pdf, LEFT + 42, 790, "Samples from models trained on the image set.", size=9)
    y = _grid(pdf, 772, ROWS)
    text(pdf, LEFT, y - 8, "Table 5.", "Helvetica-Bold", 9)
    text(pdf, LEFT + 42, y - 8, "Accuracy on the program sets.", size=9)
    prose(pdf, LEFT, y - 30, ("After the table the discussion goes on as", *PROSE))


def test_a_grid_under_a_figure_caption_set_above_it_is_a_table(drawn_paper: DrawnPaper) -> None:
    paper = drawn_paper("figure_table.pdf", _figure_table)
    [table] = paper.tables
    assert table.number == "Figure 5"
    assert {"NewNet", "88.0±1.1", "UnseenProj"} <= {cell.text for cell in table.cells}


def test_a_plots_ticks_and_legend_under_its_caption_stay_figure_text(
    drawn_paper: DrawnPaper,
) -> None:
    paper = drawn_paper("plot.pdf", _plot)
    assert paper.tables == []
    assert any(c.kind is ChunkKind.FIGURE and "0.4" in c.text for c in paper.chunks)


def test_a_grid_over_a_table_caption_stays_that_tables(drawn_paper: DrawnPaper) -> None:
    paper = drawn_paper("figure_over_table.pdf", _figure_over_table)
    assert [table.number for table in paper.tables] == ["5"]


def _table_over_figure_caption(pdf: canvas.Canvas) -> None:
    """Batch Normalization's page 8 (1502.03167): a grid of model rows, then "Figure 4: ..."."""
    y = _grid(pdf, 790, ROWS)
    text(pdf, LEFT, y - 8, "Figure 4:", "Helvetica-Bold", 9)
    text(pdf, LEFT + 42, y - 8, "Comparison with the previous state of the art.", size=9)
    prose(pdf, LEFT, y - 30, ("After the figure the discussion goes on as", *PROSE))


def _plot_over_caption(pdf: canvas.Canvas) -> None:
    """A plot above its caption: tick labels and a legend, no row of a label and values."""
    ticks = (("0.2", "0.4", "0.6"), ("NewNet", "GAT"), ("0.1", "0.2", "0.3"), ("Steps", "Loss"))
    y = _grid(pdf, 790, ticks)
    text(pdf, LEFT, y - 8, "Figure 2:", "Helvetica-Bold", 9)
    text(pdf, LEFT + 42, y - 8, "Accuracy against the noise ratio.", size=9)
    prose(pdf, LEFT, y - 30, ("After the figure the discussion goes on as", *PROSE))


def test_a_grid_over_a_figure_caption_is_a_table(drawn_paper: DrawnPaper) -> None:
    paper = drawn_paper("table_over_figure_caption.pdf", _table_over_figure_caption)
    [table] = paper.tables
    assert table.number == "Figure 4"
    assert {"NewNet", "88.0±1.1", "UnseenProj"} <= {cell.text for cell in table.cells}


def test_a_plot_over_its_caption_stays_figure_text(drawn_paper: DrawnPaper) -> None:
    paper = drawn_paper("plot_over_caption.pdf", _plot_over_caption)
    assert paper.tables == []
    assert any(c.kind is ChunkKind.FIGURE and "0.4" in c.text for c in paper.chunks)


def _line(x: float, top: float, *words: str) -> Line:
    placed = [Word(w, x + 40 * i, x + 40 * i + 30, top, top + 9, 9) for i, w in enumerate(words)]
    return Line(placed, page=1)


def test_a_legend_level_with_other_plots_ticks_under_a_caption_is_no_table() -> None:
    """Side-by-side subplots under their caption: the left one's legend ("Ours", "Baseline") on
    lines of its own, level with the others' y-ticks ("0.90 0.90"). Put together by height they
    read as two rows of a label and values; under a caption each line is read alone (lines at
    one height are joined only above a caption, where the region must look a table
    throughout)."""
    legend = [_line(60, 100, "Ours"), _line(60, 112, "Baseline")]
    ticks = [_line(200, 101, "0.90", "0.90"), _line(200, 113, "0.85", "0.85")]
    below = [Block([*legend, *ticks], "figure")]
    assert not _figure_grid([], below, owns=False, tables=set())
    rows = [
        Block(
            [_line(60, 100, "NewNet", "88.0", "82.8"), _line(60, 112, "GAT", "86.9", "81.2")],
            "figure",
        )
    ]
    assert _figure_grid([], rows, owns=False, tables=set())  # a grid's rows still are a table
