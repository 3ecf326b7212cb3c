"""A header set centred between two header lines at a table's edge (a LaTeX multirow: GLM's
Table 1 prints "Model" and "Avg" half a line below "ReCoRD ... MultiRC", above "F1/Acc. ...
F1a/EM"): the caption takes it with its table though it lies beside the caption's width, and it
heads its column alone, not under "MultiRC" printed once to its left."""

from __future__ import annotations

from papergraph.core.model import Table, TableCell
from papergraph.ingest.extract.table_grid import read_grid
from papergraph.ingest.readers.pdf_blocks import read_blocks
from papergraph.ingest.readers.pdf_layout import Line, PageLayout, Word


def _line(words: list[tuple[str, float]], top: float, column: int) -> Line:
    """A 10.9 pt line of words starting at the given x, 5 pt per character."""
    laid = [Word(text, x, x + 5 * len(text), top, top + 9.1, 10.9) for text, x in words]
    return Line(laid, page=6, column=column)


def _glm_page() -> list[Line]:
    """GLM's page 6 top (coordinates as read): its caption across the page, its grid read as
    two columns, "Model" and "Avg" each a line of their own between the header lines."""
    return [
        _line([("Table", 210.0), ("1:", 240.0), ("Results", 255.0), ("on", 295.0)], 72.4, 0),
        _line([("ReCoRD", 166.8), ("COPA", 215.0), ("WSC", 250.0), ("RTE", 280.0)], 98.5, 1),
        _line([("Model", 94.5)], 104.7, 1),
        _line([("F1/Acc.", 166.8), ("Acc.", 215.0), ("Acc.", 250.0)], 111.0, 1),
        _line([("GLMBase", 94.5), ("73.5", 166.8), ("71.0", 215.0), ("72.1", 250.0)], 157.5, 1),
        _line([("BoolQ", 320.0), ("CB", 380.0), ("MultiRC", 443.5)], 98.4, 2),
        _line([("Avg", 495.2)], 104.8, 2),
        _line([("Acc.", 320.0), ("F1/Acc.", 380.0), ("F1a/EM", 445.0)], 111.0, 2),
        _line([("77.0", 320.0), ("89.5", 380.0), ("72.1", 445.0), ("70.7", 494.2)], 157.5, 2),
    ]


def test_a_header_beside_the_caption_between_two_header_lines_is_the_tables() -> None:
    blocks, _ = read_blocks([PageLayout(6, 612, 792, _glm_page(), two_columns=True)])
    [caption] = [block for block in blocks if block.label == "table"]
    texts = {line.text for line in caption.rows}
    assert {"Model", "Avg", "ReCoRD COPA WSC RTE", "77.0 89.5 72.1 70.7"} <= texts


GLM_TABLE_1 = [
    *(TableCell(0, col, name) for col, name in enumerate(["ReCoRD", "COPA", "MultiRC"], 1)),
    TableCell(1, 0, "Model"),
    TableCell(1, 4, "Avg"),
    *(TableCell(2, col, name) for col, name in enumerate(["F1/Acc.", "Acc.", "F1a/EM"], 1)),
    TableCell(3, 0, "Pretrained on BookCorpus and Wikipedia"),
    *(
        TableCell(row, col, text)
        for row, cells in [
            (4, ["BERTBase", "65.4 / 64.9", "66.0", "68.4 / 21.5", "66.1"]),
            (5, ["GLMBase", "73.5 / 72.8", "71.0", "72.1 / 26.1", "70.7"]),
        ]
        for col, text in enumerate(cells)
    ),
]


def test_a_header_centred_between_two_header_lines_heads_its_column_alone() -> None:
    read = read_grid(Table(GLM_TABLE_1, number="1", caption="Table 1: Results on SuperGLUE."))
    assert read is not None
    assert read.column_headers == {
        1: "ReCoRD F1/Acc.",
        2: "COPA Acc.",
        3: "MultiRC F1a/EM",
        4: "Avg",
    }
    assert read.label_header == "Model"
    assert [row.label for row in read.rows] == ["BERTBase", "GLMBase"]


def test_a_name_printed_once_over_a_line_below_still_heads_the_columns_right_of_it() -> None:
    """The Transformer's "BLEU" over "EN-DE" and "EN-FR": a line under another is no header
    centred between two (no third header line), so "BLEU" heads both columns still."""
    cells = [
        TableCell(0, 0, "Model"),
        TableCell(0, 1, "BLEU"),
        TableCell(1, 1, "EN-DE"),
        TableCell(1, 2, "EN-FR"),
        *(TableCell(2, col, text) for col, text in enumerate(["Transformer", "28.4", "41.8"])),
    ]
    read = read_grid(Table(cells, number="2", caption="Table 2: BLEU."))
    assert read is not None
    assert read.column_headers == {1: "BLEU EN-DE", 2: "BLEU EN-FR"}
