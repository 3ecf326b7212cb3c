"""A table's grid read as headers over columns and body rows under them: values a header must not
swallow, rows that are no group's name, group headers over the columns they stand over."""

from __future__ import annotations

import pytest

from papergraph.core.model import Table, TableCell
from papergraph.ingest.extract.table_grid import parse_number, read_grid, strip_marks
from tests.ingest.tables import grid, measured


def _headers(table: Table) -> dict[int, str]:
    read = read_grid(table)
    assert read is not None
    return read.column_headers


MNIST_NLL = Table(
    grid(
        [
            ["Model", "NLL Test"],
            ["DBM 2hl [1]:", "≈ 84.62"],
            ["DBN 2hl [2]:", "≈ 84.55"],
            ["NADE [3]:", "88.33"],
            ["DRAW [9]:", "≤ 80.97"],
            ["NewNet:", "79.20"],
        ]
    ),
    number="4",
    caption="Table 4. Test set performance of different models on MNIST in nats (negative "
    "log-likelihood).",
)


def test_approximate_values_are_body_rows_not_part_of_the_column_header() -> None:
    read = read_grid(MNIST_NLL)
    assert read is not None
    assert read.column_headers == {1: "NLL Test"}  # not "NLL Test ≈ 84.62 ≈ 84.55"
    assert [row.label for row in read.rows][:2] == ["DBM 2hl [1]:", "DBN 2hl [2]:"]
    assert all(row.group == "" for row in read.rows)  # "DRAW [9]: ≤ 80.97" names no group
    assert measured(MNIST_NLL, ["NewNet"]) == {("NewNet", "MNIST", "NLL", 79.2)}


def test_a_row_of_signed_scores_is_a_body_row_not_the_name_of_the_rows_below() -> None:
    atari = Table(
        grid(
            [
                ["Game", "DQN", "NewNet"],
                ["Ice Hockey", "-3.8", "-1.7"],
                ["Pong", "18.9", "20.9"],
            ]
        ),
        number="S3",
        caption="Table S3. Raw scores on Atari 2600 games.",
    )
    read = read_grid(atari)
    assert read is not None
    assert [(row.label, row.group) for row in read.rows] == [("Ice Hockey", ""), ("Pong", "")]


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("70.4±.1", 70.4),  # a spread printed without its leading zero
        ("84.6 (+0.8)", 84.6),  # the change over a baseline printed beside the value
        ("70.3 (7s)", 70.3),  # the run time printed beside the value
        ("3.14 (3.08)", 3.14),
        ("47.21(0.34)", 47.21),  # a mean and its standard deviation, set tight
        ("83.9(+1.0)", 83.9),
    ],
)
def test_a_value_printed_with_a_spread_a_change_or_a_run_time_is_the_value(
    printed: str, value: float
) -> None:
    number = parse_number(printed)
    assert number is not None and number.value == value


@pytest.mark.parametrize("printed", ["≈ 84.62", "≤ 80.97", "-3.8", "+1.2", "(+0.8)"])
def test_an_approximation_a_bound_or_a_change_is_no_value(printed: str) -> None:
    assert parse_number(printed) is None


def test_own_rows_printed_with_spreads_give_results_and_stay_rows() -> None:
    e2e = Table(
        grid(
            [
                ["Model", "BLEU", "NIST"],
                ["GPT-2 M (FT)*", "68.2", "8.62"],
                ["GPT-2 M (NewNet)", "70.4±.1", "8.85±.02"],
                ["GPT-2 L (FT)*", "68.5", "8.78"],
            ]
        ),
        number="3",
        caption="Table 3: Results on WebNLG.",
    )
    read = read_grid(e2e)
    assert read is not None
    assert [row.group for row in read.rows] == ["", "", ""]
    assert ("GPT-2 M (NewNet)", "WebNLG", "BLEU", 70.4) in measured(e2e, ["NewNet"])


def _centred_group_table() -> Table:
    """LoRA's Table 3 as the PDF reader gives it: "# Trainable" over "Parameters" (one column),
    "E2E NLG Challenge" centred over BLEU .. CIDEr but placed over NIST .. ROUGE-L only (here
    "WebNLG", a dataset the gazetteer knows)."""
    cells = [
        TableCell(0, 0, "Model & Method"),
        TableCell(0, 1, "# Trainable"),
        TableCell(0, 3, "WebNLG", col_span=3),
        *(
            TableCell(1, col, text)
            for col, text in enumerate(
                ["", "Parameters", "BLEU", "NIST", "MET", "ROUGE-L", "CIDEr"]
            )
            if text
        ),
        *(
            TableCell(2, col, text)
            for col, text in enumerate(
                ["GPT-2 M (NewNet)", "0.35M", "70.4±.1", "8.85", "46.8", "71.8", "2.53"]
            )
        ),
    ]
    return Table(cells, number="3", caption="Table 3: GPT-2 with different adaptation methods.")


def test_a_centred_group_header_covers_the_columns_either_side_the_reader_left_out() -> None:
    headers = _headers(_centred_group_table())
    assert headers[1] == "# Trainable Parameters"
    assert headers[2] == "WebNLG BLEU"  # not "# Trainable BLEU", a setting
    assert headers[6] == "WebNLG CIDEr"
    found = measured(_centred_group_table(), ["NewNet"])
    method = "GPT-2 M (NewNet)"  # its parameter count measures it, no part of its name
    assert (method, "WebNLG", "BLEU", 70.4) in found


def test_two_centred_groups_take_their_own_first_columns() -> None:
    """FPN's Table 4: "test-dev" and "test-std" each centred over five AP columns, read over
    the middle three; a two-line header "image" / "pyramid" keeps to its own column."""
    metrics = ["AP@.5", "AP", "APs", "APm", "APl"]
    cells = [
        TableCell(0, 1, "image"),
        TableCell(0, 3, "test-dev", col_span=3),
        TableCell(0, 8, "test-std", col_span=3),
        TableCell(1, 0, "method"),
        TableCell(1, 1, "pyramid"),
        *(TableCell(1, 2 + i, metric) for i, metric in enumerate(metrics * 2)),
        TableCell(2, 0, "NewNet"),
        *(TableCell(2, 2 + i, f"{50 + i}.0") for i in range(10)),
    ]
    headers = _headers(Table(cells, number="4", caption="Table 4. Results on COCO."))
    assert headers[2] == "test-dev AP@.5"  # not "image AP@.5"
    assert headers[6] == "test-dev APl"
    assert headers[7] == "test-std AP@.5"  # not "test-dev AP@.5"
    assert headers[11] == "test-std APl"


def test_a_header_broken_across_lines_is_its_own_columns_alone() -> None:
    """S-RNN's Table 2: "Time-to-" above "maneuver (s)", with "Pr (%)" and "Re (%)" of the
    columns before it printed on the line between."""
    cells = [
        TableCell(0, 1, "Turns", col_span=3),
        TableCell(1, 3, "Time-to-"),
        TableCell(2, 0, "Method"),
        TableCell(2, 1, "Pr (%)"),
        TableCell(2, 2, "Re (%)"),
        TableCell(2, 4, "Pr (%)"),
        TableCell(3, 3, "maneuver (s)"),
        *(
            TableCell(4, col, text)
            for col, text in enumerate(["S-RNN", "81.2", "78.6", "3.94", "92.7"])
        ),
    ]
    headers = _headers(Table(cells, number="2", caption="Table 2: Maneuver anticipation."))
    assert headers[3] == "Turns Time-to-maneuver (s)"  # no "Re (%)" from the line between
    assert "Time-to-" not in headers[4]  # not spread over the next column


def test_a_group_header_printed_once_still_covers_the_columns_right_of_it() -> None:
    cells = grid(
        [
            ["Model", "BLEU", "", "Training Cost (FLOPs)", ""],
            ["", "EN-DE", "EN-FR", "EN-DE", "EN-FR"],
            ["NewNet", "28.4", "41.8", "", ""],
        ]
    )
    headers = _headers(Table(cells, number="2", caption="Table 2."))
    assert headers[2] == "BLEU EN-FR"
    assert headers[4] == "Training Cost (FLOPs) EN-FR"


def test_a_word_broken_across_header_lines_is_one_word_and_self_bleu_is_no_bleu() -> None:
    """RAPT's tables print "Self-" above "BLEU" (a diversity score) beside a "BLEU" column."""
    table = Table(
        grid(
            [
                ["", "Self-", ""],
                ["Method", "BLEU", "BLEU"],
                ["", "QQP", "QQP"],
                ["NewNet", "31.78", "34.09"],
            ]
        ),
        number="4",
        caption="Table 4: Paraphrase generation.",
    )
    assert _headers(table) == {1: "Self-BLEU QQP", 2: "BLEU QQP"}
    # Self-BLEU is a metric of its own (a diversity score), never BLEU nor QQP's usual metric
    assert measured(table, ["NewNet"]) == {
        ("NewNet", "Quora Question Pairs", "Self-BLEU", 31.78),
        ("NewNet", "Quora Question Pairs", "BLEU", 34.09),
    }


def test_a_one_column_header_centred_over_three_heads_the_columns_either_side() -> None:
    """S-RNN's Table 2: "Turns" and "Lane change" each set over the middle of three columns."""
    cells = [
        TableCell(0, 2, "Turns"),
        TableCell(0, 5, "Lane change"),
        TableCell(1, 0, "Method"),
        *(TableCell(1, 1 + i, name) for i, name in enumerate(["Pr", "Re", "Time"] * 2)),
        *(TableCell(2, c, t) for c, t in enumerate(["S-RNN", "81.2", "78.6", "3.94", "92.7"])),
    ]
    headers = _headers(Table(cells, number="2", caption="Table 2: Maneuver anticipation."))
    assert [headers[col] for col in (1, 3, 4, 6)] == [
        "Turns Pr",
        "Turns Time",
        "Lane change Pr",
        "Lane change Time",
    ]


def test_a_datasets_average_column_gives_its_result_and_each_part_its_own() -> None:
    """DetectGPT's Table 1: one column per source model under each dataset, then "Avg.": the
    average is the method's result on the dataset, and each part the method's on one source
    model's texts (before, the average alone was read)."""
    table = Table(
        grid(
            [
                ["Method", "XSum", "", "", "SQuAD", "", ""],
                ["", "GPT-2", "Neo-2.7", "Avg.", "GPT-2", "Neo-2.7", "Avg."],
                ["NewNet", "0.99", "0.95", "0.97", "0.99", "0.85", "0.92"],
            ]
        ),
        number="1",
        caption="Table 1. AUROC for detecting samples from the given model on the given dataset.",
    )
    assert measured(table, ["NewNet"]) == {
        ("NewNet", "XSum", "AUC", 0.97),
        ("NewNet (GPT-2)", "XSum", "AUC", 0.99),
        ("NewNet (Neo-2.7)", "XSum", "AUC", 0.95),
        ("NewNet", "SQuAD", "AUC", 0.92),
        ("NewNet (GPT-2)", "SQuAD", "AUC", 0.99),
        ("NewNet (Neo-2.7)", "SQuAD", "AUC", 0.85),
    }


def test_parts_an_average_column_sums_up_whose_headers_tell_nothing_apart_give_no_rows() -> None:
    """Two columns printing one header beside their average: which is which is not read, so
    the average alone stands for the dataset."""
    table = Table(
        grid(
            [
                ["Method", "XSum", "", ""],
                ["", "GPT-2", "GPT-2", "Avg."],
                ["NewNet", "0.99", "0.95", "0.97"],
            ]
        ),
        number="1",
        caption="Table 1. AUROC for detecting samples on the given dataset.",
    )
    assert measured(table, ["NewNet"]) == {("NewNet", "XSum", "AUC", 0.97)}


def test_a_header_centred_over_an_even_block_heads_every_column_the_row_below_repeats() -> None:
    """ "XSum" over four detector columns sits between the second and third, and the reader put
    it in the third: the block the row below repeats ("GPT-2 OPT NeoX Avg." once per dataset)
    is its columns, the first one too, never the next dataset's."""
    table = Table(
        grid(
            [
                ["", "", "", "XSum", "", "", "", "SQuAD", ""],
                ["Method", "GPT-2", "OPT", "NeoX", "Avg.", "GPT-2", "OPT", "NeoX", "Avg."],
                ["NewNet", "0.99", "0.97", "0.95", "0.97", "0.98", "0.96", "0.90", "0.95"],
            ]
        ),
        "1",
        "Table 1: AUROC for detecting samples from each model.",
    )
    headers = _headers(table)
    assert [headers[col] for col in (1, 4, 5, 8)] == [
        "XSum GPT-2",
        "XSum Avg.",
        "SQuAD GPT-2",
        "SQuAD Avg.",
    ]


def test_a_bracketed_count_beside_the_values_is_no_value() -> None:
    """PaLM prints the shots of its few-shot column as "(64)": a count, not a score."""
    assert parse_number("(64)") is None
    assert parse_number("81.4") is not None


def _vtab_cells(third_label: str, third_values: list[str]) -> list[TableCell]:
    """VTAB's breakdown as the reader gives it: the headers from the label column on, the
    first value of two rows in the label's column, of the third run into its label."""
    header = [
        TableCell(0, col, name) for col, name in enumerate(["Caltech101", "CIFAR-100", "Mean"])
    ]
    first = [TableCell(1, 0, "NewNet-H (JFT)"), TableCell(1, 0, "95.3")]
    first += [TableCell(1, col, text) for col, text in enumerate(["85.5", "77.6"], start=1)]
    third = [TableCell(2, 0, third_label)]
    third += [TableCell(2, col, text) for col, text in enumerate(third_values, start=1)]
    return header + first + third


def test_a_value_run_into_its_label_and_headers_read_over_the_labels_are_put_back() -> None:
    """ "NewNet-L (I21k) 90.8" is the label NewNet-L (I21k) and its Caltech101 value, and each
    header heads the column of values under it, not the one left of it."""
    table = Table(_vtab_cells("NewNet-L (I21k) 90.8", ["84.1", "72.7"]), "9", "Table 9: VTAB.")
    read = read_grid(table)
    assert read is not None
    assert read.column_headers == {1: "Caltech101", 2: "CIFAR-100", 3: "Mean"}
    assert [row.label for row in read.rows] == ["NewNet-H (JFT)", "NewNet-L (I21k)"]
    assert {col: cell.text for col, cell in read.rows[1].cells.items()} == {
        1: "90.8",
        2: "84.1",
        3: "72.7",
    }


def test_a_label_ending_in_a_number_in_a_full_row_keeps_it() -> None:
    """A row as wide as the others has no value run into its label: "NewNet 1.5" is a name."""
    table = Table(
        grid(
            [
                ["Model", "CIFAR-100", "Mean"],
                ["NewNet 1.5", "84.1", "72.7"],
                ["Base", "80.0", "70.1"],
            ]
        ),
        "3",
        "Table 3: Accuracy.",
    )
    read = read_grid(table)
    assert read is not None
    assert [row.label for row in read.rows] == ["NewNet 1.5", "Base"]
    assert read.column_headers == {1: "CIFAR-100", 2: "Mean"}


def test_headers_over_a_table_with_an_unheaded_column_of_ticks_stay_over_their_values() -> None:
    """A last column of ticks printed without a header is no value column the headers were
    read one left of: "BLEU" heads the BLEU values, not the ROUGE-L ones."""
    rows = [["Model", "BLEU", "ROUGE-L", ""], ["Seq2Seq", "20.1", "30.2", "✓"]]
    read = read_grid(Table(grid([*rows, ["NewNet", "22.1", "33.2", "✓"]]), "1", "Table 1."))
    assert read is not None
    assert read.column_headers[1] == "BLEU"
    assert read.column_headers[2] == "ROUGE-L"


def test_a_label_ending_in_a_number_beside_a_blank_cell_keeps_it_where_others_do_too() -> None:
    """ "Dropout 0.3" with its test value left blank is a name as "Dropout 0.1" is: its dev
    value stays under Dev."""
    rows = [["Setting", "Dev", "Test"], ["Dropout 0.1", "80.1", "79.0"]]
    read = read_grid(Table(grid([*rows, ["Dropout 0.3", "81.2", ""]]), "1", "Table 1."))
    assert read is not None
    assert read.rows[1].label == "Dropout 0.3"
    assert {col: cell.text for col, cell in read.rows[1].cells.items()} == {1: "81.2"}


def test_footnote_marks_leave_a_label_at_its_ends_only() -> None:
    """ "BERT*†" is BERT; a symbol inside a name ("En→De") is part of it."""
    assert strip_marks(" BERT*† ") == "BERT"
    assert strip_marks("‡En→De*") == "En→De"


def test_values_with_units_run_into_one_cell_are_one_per_column() -> None:
    """MicroNet's Table 9: "2.2M 163.2M" under "Param" and "MAdds", read into one cell, are two
    values; the AP right of them stays under "AP", not under the "AP0.5" beside it."""
    header = ["Backbone", "Param", "MAdds", "AP", "AP0.5"]
    cells = [TableCell(0, col, text) for col, text in zip((0, 1, 1, 2, 3), header, strict=True)]
    body = ["NewNet-M3", "2.2M 163.2M", "58.7", "84.0"]
    cells += [TableCell(1, col, text) for col, text in enumerate(body)]
    read = read_grid(Table(cells, "9", "Table 9. COCO keypoint detection results."))
    assert read is not None
    assert read.column_headers == {1: "Param", 2: "MAdds", 3: "AP", 4: "AP0.5"}
    assert {col: cell.text for col, cell in read.rows[0].cells.items()} == {
        1: "2.2M",
        2: "163.2M",
        3: "58.7",
        4: "84.0",
    }


def test_a_group_header_heads_its_block_where_a_misplaced_header_above_covers_the_column() -> None:
    """LoRA (2106.09685) Table 14, p22, as the reader gives it: "WebNLG" centred over nine
    columns put over two of them, "BLEU↑ MET↑ TER↓" each in the middle of the "U S A" block the
    row below repeats. "WebNLG" over column 3 is no line of the column's own header broken
    around an empty row: "BLEU↑" still heads its block's "A" column."""
    cells = [
        TableCell(0, 0, "Method"),
        TableCell(0, 3, "WebNLG", col_span=2),
        TableCell(1, 2, "BLEU↑"),
        TableCell(1, 5, "MET↑"),
        TableCell(1, 8, "TER↓"),
        *[TableCell(2, col, "USA"[(col - 1) % 3]) for col in range(1, 10)],
        TableCell(3, 0, "LoRA (0.35M)"),
        *[
            TableCell(3, col, value)
            for col, value in enumerate(
                ["46.7", "62.1", "55.3", ".38", ".44", ".41", ".46", ".33", ".39"], 1
            )
        ],
    ]
    headers = _headers(Table(cells, "14", "Table 14: GPT-2 adaptation methods on WebNLG."))
    assert headers[3] == "WebNLG BLEU↑ A"
    assert headers[4] == "WebNLG MET↑ U"
