"""A table set tight in a small font is still cut into its cells (BERT's SQuAD and SWAG tables
leave under an em between columns)."""

from __future__ import annotations

from papergraph.core.model import Table
from papergraph.ingest.readers.pdf_layout import Line, Word
from papergraph.ingest.readers.pdf_tables import build_table

SIZE = 9.0


def _word(text: str, x: float, top: float, size: float = SIZE) -> Word:
    """A word starting at x, as wide as 4.5 pt per character at SIZE (in proportion at `size`)."""
    return Word(text, x, x + 4.5 * len(text) * size / SIZE, top, top + size, size)


def _line(top: float, words: list[tuple[str, float]]) -> Line:
    """A line of words starting at the given x, each as wide as 4.5 pt per character."""
    return Line([_word(text, x, top) for text, x in words], page=1)


def _rows(table: Table) -> list[list[str]]:
    rows: dict[int, list[tuple[int, str]]] = {}
    for cell in table.cells:
        rows.setdefault(cell.row, []).append((cell.col, cell.text))
    return [[text for _, text in sorted(cells)] for _, cells in sorted(rows.items())]


def test_numbers_a_little_more_than_a_space_apart_are_separate_cells() -> None:
    lines = [
        _line(0, [("System", 100), ("Dev", 200), ("Test", 225)]),
        _line(12, [("ESIM+GloVe", 100), ("51.9", 200), ("52.7", 224)]),
        _line(24, [("BERT", 100), ("large", 122.7), ("86.6", 200), ("86.3", 224)]),
    ]
    table = build_table(lines, "4", "Table 4: SWAG accuracies.", 7)
    assert _rows(table)[1:] == [["ESIM+GloVe", "51.9", "52.7"], ["BERT large", "86.6", "86.3"]]


def test_header_names_over_their_own_columns_are_cut_but_a_spanning_header_is_not() -> None:
    lines = [
        _line(0, [("Dev", 170), ("Set", 186.5), ("Accuracy", 202)]),
        _line(12, [("Tasks", 100), ("MNLI-m", 150), ("QNLI", 182), ("MRPC", 206)]),
        _line(24, [("BERT", 100), ("84.4", 155), ("88.4", 182), ("86.7", 208)]),
        _line(36, [("No", 100), ("NSP", 112), ("83.9", 155), ("84.9", 182), ("86.5", 208)]),
    ]
    rows = _rows(build_table(lines, "5", "Table 5: Ablation.", 8))
    assert rows[0] == ["Dev Set Accuracy"]
    assert rows[1] == ["Tasks", "MNLI-m", "QNLI", "MRPC"]
    assert rows[3] == ["No NSP", "83.9", "84.9", "86.5"]


def test_a_header_over_two_value_columns_does_not_join_them() -> None:
    lines = [
        _line(0, [("System", 100), ("Dev", 200), ("F1", 216), ("Test", 232), ("F1", 252)]),
        _line(12, [("ELMo", 100), ("95.7", 205), ("92.2", 240)]),
        _line(24, [("CVT", 100), ("-", 212), ("92.6", 240)]),
    ]
    rows = _rows(build_table(lines, "7", "Table 7: CoNLL-2003 results.", 9))
    assert rows == [["System", "Dev F1", "Test F1"], ["ELMo", "95.7", "92.2"], ["CVT", "-", "92.6"]]


def test_two_rows_joined_through_a_label_set_between_them_are_two_rows() -> None:
    """MicroNet's and ALBERT's tables: a label centred beside two rows ("Shift-Max") made the
    page's line finder join both rows' values into one line ("56.657.9")."""
    header = _line(0, [("Model", 100), ("Params", 200), ("Top-1", 240)])
    joined = Line(
        [
            _word("56.6", 240, 12),
            _word("2.2M", 200, 12),
            _word("Shift-Max", 100, 17),
            _word("2.3M", 200, 22),
            _word("57.9", 240, 22),
        ],
        page=1,
    )
    rows = _rows(build_table([header, joined], "5", "Table 5: Shift-Max.", 6))
    assert rows[1:] == [["2.2M", "56.6"], ["Shift-Max"], ["2.3M", "57.9"]]


def test_a_superscript_over_a_subscript_stays_in_its_header_row() -> None:
    """GN's headers print "AP" with "bbox" raised over "50" lowered: one header, one row."""
    header = Line(
        [
            _word("backbone", 100, 0),
            _word("AP", 200, 0),
            _word("bbox", 209, -3, size=6.0),
            _word("50", 209, 5, size=6.0),
        ],
        page=1,
    )
    body = _line(12, [("GN", 100), ("61.0", 205)])
    rows = _rows(build_table([header, body], "4", "Table 4: Detection in COCO.", 7))
    assert rows == [["backbone", "APbbox50"], ["GN", "61.0"]]


def test_a_bracketed_count_beside_a_value_is_a_cell_of_its_own() -> None:
    """FLAN's tables print the exemplars a value was got with beside it ("82.1 [32]"), then a
    column of template counts: each is its own column, no "82.1 [32]" cell joining two."""
    lines = [
        _line(0, [("Task", 100), ("GPT-3", 150), ("[k]", 175), ("#t", 195)]),
        _line(12, [("CB", 100), ("82.1", 150), ("[32]", 172), ("10", 195)]),
        _line(24, [("RTE", 100), ("72.9", 150), ("[32]", 172), ("8", 195)]),
    ]
    rows = _rows(build_table(lines, "2", "Table 2: Results.", 23))
    assert rows[1:] == [["CB", "82.1", "[32]", "10"], ["RTE", "72.9", "[32]", "8"]]


def test_a_label_over_two_columns_in_a_full_row_keeps_them_two_columns() -> None:
    """FLAN's Table 1: "WMT '14 En-Fr BLEU" over both label columns in rows as full as
    "CommonGen | Rouge-1": the metric column stays its own, the values in theirs."""
    wmt = [("WMT", 100), ("'14", 118), ("En-Fr", 134), ("BLEU", 162)]
    lines = [
        _line(0, [("Task", 100), ("GPT-3", 220)]),
        _line(12, [*wmt, ("32.6", 220), ("[64]", 250), ("5", 272)]),
        _line(24, [("CommonGen", 100), ("Rouge-1", 172), ("56.7", 220), ("[3]", 250)]),
        _line(36, [("Rouge-2", 172), ("29.6", 220), ("[3]", 250), ("6", 272)]),
    ]
    table = build_table(lines, "1", "Table 1: Results.", 22)
    at = {(cell.row, cell.col): cell.text for cell in table.cells}
    assert (at[(2, 0)], at[(2, 1)], at[(2, 2)]) == ("CommonGen", "Rouge-1", "56.7")
    assert (at[(3, 1)], at[(3, 2)]) == ("Rouge-2", "29.6")
    assert at[(1, 2)] == "32.6"


def test_a_value_set_half_an_em_after_its_label_is_a_cell_of_its_own() -> None:
    """Multi-LexSum's tables, set tight: "First k Sent" ends half an em before its "30.41",
    where a space inside a label is a quarter of one."""
    lines = [
        _line(0, [("Models", 100), ("R-1", 133.5), ("R-2", 163)]),
        _line(12, [("First", 100), ("k", 124.5), ("30.41", 133.5), ("9.67", 160)]),
        _line(24, [("BART", 111), ("48.79", 133.5), ("23.78", 160)]),
    ]
    rows = _rows(build_table(lines, "3", "Table 3: Performance of baseline models.", 7))
    assert rows == [
        ["Models", "R-1", "R-2"],
        ["First k", "30.41", "9.67"],
        ["BART", "48.79", "23.78"],
    ]


def test_a_label_on_two_lines_centred_beside_its_values_is_the_rows_label() -> None:
    """PaLM (2204.02311) Table 16, p32: "PaLM 540B" above and "(finetuned)" below the row's
    values, set centred between them. Read line by line the values had no label (the row gave
    no result, the competitor's bold row did) and the label column had no column of its own."""
    lines = [
        _line(0, [("Model", 100), ("Ar", 160), ("Avg", 204)]),
        _line(12, [("ByT5", 100), ("XXL", 124), ("80.0", 160), ("81.4", 204)]),
        _line(24, [("PaLM", 100), ("540B", 120)]),
        _line(30, [("75.0", 160), ("80.0", 204)]),
        _line(36, [("(finetuned)", 100)]),
        _line(48, [("PaLM", 100), ("540B", 120)]),
        _line(54, [("56.4", 160), ("(5)", 184), ("60.5", 204)]),
        _line(60, [("(few-shot)", 100)]),
    ]
    rows = _rows(build_table(lines, "16", "Table 16: TyDiQA-GoldP.", 32))
    assert rows == [
        ["Model", "Ar", "Avg"],
        ["ByT5 XXL", "80.0", "81.4"],
        ["PaLM 540B (finetuned)", "75.0", "80.0"],
        ["PaLM 540B (few-shot)", "56.4", "(5)", "60.5"],
    ]
    table = build_table(lines, "16", "Table 16: TyDiQA-GoldP.", 32)
    assert {cell.col for cell in table.cells if cell.text.startswith(("PaLM", "Model"))} == {0}
    assert {cell.col for cell in table.cells if cell.text in ("Ar", "75.0", "56.4")} == {1}


def test_group_names_above_and_below_a_labelled_row_stay_rows_of_their_own() -> None:
    """A row with its own label between two one-cell rows (group names) is no wrapped label."""
    lines = [
        _line(0, [("Model", 100), ("Acc", 160)]),
        _line(12, [("Baselines", 100)]),
        _line(18, [("CNN", 100), ("75.0", 160)]),
        _line(24, [("Ours", 100)]),
        _line(36, [("NewNet", 100), ("80.0", 160)]),
    ]
    rows = _rows(build_table(lines, "2", "Table 2: Results.", 3))
    assert rows[1:] == [["Baselines"], ["CNN", "75.0"], ["Ours"], ["NewNet", "80.0"]]
