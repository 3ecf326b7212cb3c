"""Header and label lines a table's grid reads: a header over a column of counts heads it
alone, a model's name and size over two columns head both, a label set centred beside its two
rows names both."""

from __future__ import annotations

from dataclasses import replace

from papergraph.core.model import Table, TableCell
from papergraph.ingest.extract.table_grid import read_grid
from tests.ingest.tables import grid


def _headers(table: Table) -> dict[int, str]:
    read = read_grid(table)
    assert read is not None
    return read.column_headers


def test_a_two_line_header_over_a_column_of_counts_heads_no_dataset_column() -> None:
    """LoRA's GLUE table: "# Trainable" above "Parameters" over the counts ("0.3M"), the
    datasets' names on the second line only: no "# Trainable MNLI" column."""
    cells = grid(
        [
            ["Model & Method", "# Trainable", "", ""],
            ["", "Parameters", "MNLI", "SST-2"],
            ["RoBbase (FT)", "125.0M", "87.6", "94.8"],
            ["RoBbase (LoRA)", "0.3M", "87.5±.3", "95.1±.2"],
        ]
    )
    headers = _headers(Table(cells, number="2", caption="Table 2: GLUE results."))
    assert headers == {1: "# Trainable Parameters", 2: "MNLI", 3: "SST-2"}


def test_a_model_and_its_size_over_two_columns_head_both() -> None:
    """FLAN's "FLAN 137B" over its "zero-shot" and "few-shot" columns: a name and its size,
    not one name per column ("MNLI-m QNLI" over two would be)."""
    cells = [
        TableCell(0, 1, "NewLM 137B", col_span=2),
        *(
            TableCell(1, col, text)
            for col, text in [(0, "Task"), (1, "zero-shot"), (2, "few-shot")]
        ),
        *(TableCell(2, col, text) for col, text in enumerate(["RTE", "84.1", "84.5"])),
    ]
    headers = _headers(Table(cells, number="1", caption="Table 1: Results."))
    assert headers == {1: "NewLM 137B zero-shot", 2: "NewLM 137B few-shot"}


def test_a_label_set_centred_beside_its_two_rows_names_both() -> None:
    """GATv2's Table 1: "GAT" on a line of its own between the rows of its 1 and 8 heads (a
    multirow label): both rows are GAT's, neither the row above's nor under a group "GAT"."""
    cells = grid(
        [
            ["Model", "Heads", "ogbn-arxiv"],
            ["GraphSAGE", "0", "71.49"],
            ["", "1", "71.59"],
            ["GAT", "", ""],
            ["", "8", "71.54"],
            ["", "1", "71.78"],
            ["NewGAT (this work)", "", ""],
            ["", "8", "71.87"],
        ]
    )
    read = read_grid(Table(cells, number="1", caption="Table 1: Accuracy."))
    assert read is not None
    assert [(row.label, row.group) for row in read.rows] == [
        ("GraphSAGE", ""),
        ("GAT", ""),
        ("GAT", ""),
        ("NewGAT (this work)", ""),
        ("NewGAT (this work)", ""),
    ]


def test_a_group_header_over_part_of_the_spanning_headers_below_heads_all_their_columns() -> None:
    """PaLM's DeepFix table: each model heads its value and its bracketed share; "Code
    Finetuning", centred over the last two models, sits over one column of each."""
    cells = [
        TableCell(0, 2, "Pretraining only", col_span=3),
        TableCell(0, 6, "Code Finetuning", col_span=2),
        *(TableCell(1, col, name, col_span=2) for col, name in [(1, "A"), (3, "B"), (5, "C")]),
        TableCell(1, 7, "D", col_span=2),
        *(TableCell(2, col, text) for col, text in enumerate(["Compile rate", *"12345678"])),
    ]
    headers = _headers(Table(cells, number="12", caption="Table 12: DeepFix success rates."))
    assert [headers[col] for col in (1, 4, 5, 6, 8)] == [
        "Pretraining only A",
        "Pretraining only B",
        "Code Finetuning C",
        "Code Finetuning C",
        "Code Finetuning D",
    ]


def test_the_labels_header_run_into_the_first_columns_name_is_cut_in_two() -> None:
    """Multi-LexSum's tables, set tight: "Models R-1" over the labels and the first column,
    "R-1" printed again over the second block, under "D → S"."""
    cells = [
        TableCell(0, 1, "D → L"),
        TableCell(0, 3, "D → S"),
        TableCell(1, 0, "Models R-1", col_span=2),
        *(TableCell(1, col, text) for col, text in [(2, "R-2"), (3, "R-1"), (4, "R-2")]),
        *(
            TableCell(2, col, text)
            for col, text in enumerate(["BART", "48.8", "23.8", "43.6", "20.0"])
        ),
    ]
    read = read_grid(Table(cells, number="3", caption="Table 3: Performance of baselines."))
    assert read is not None
    assert read.label_header == "Models"
    assert read.column_headers == {1: "D → L R-1", 2: "D → L R-2", 3: "D → S R-1", 4: "D → S R-2"}


def test_a_line_of_ks_under_a_header_leaving_its_k_open_is_read_into_the_header() -> None:
    """SEAL's NQ320k table: "hits@k" over both columns, "System | 1 | 10" under it."""
    body = grid([["System", "1", "10"], ["BM25", "22.7", "59.0"], ["DSI-BART", "25.0", "63.6"]])
    cells = [TableCell(0, 1, "hits@k", col_span=2), *(replace(c, row=c.row + 1) for c in body)]
    read = read_grid(Table(cells, number="2", caption="Table 2: Results on NQ320k."))
    assert read is not None
    assert (read.label_header, read.column_headers) == ("System", {1: "hits@1", 2: "hits@10"})
    assert [row.label for row in read.rows] == ["BM25", "DSI-BART"]


def test_rows_of_crosses_are_body_rows_not_header_lines() -> None:
    """FlashAttention's Path-X table: the baselines reach no result ("✗"), only its own rows
    print numbers; the crosses are neither headers nor a group over the rows below."""
    cells = grid(
        [
            ["Model", "Path-X", "Path-256"],
            ["Transformer", "✗", "✗"],
            ["Reformer", "✗", "✗"],
            ["NewAttention", "61.4", "✗"],
            ["Sparse NewAttention", "56.0", "63.1"],
        ]
    )
    read = read_grid(Table(cells, number="6", caption="Table 6: Path-X and Path-256."))
    assert read is not None
    assert (read.label_header, read.column_headers) == ("Model", {1: "Path-X", 2: "Path-256"})
    assert [(row.label, row.group) for row in read.rows][-2:] == [
        ("NewAttention", ""),
        ("Sparse NewAttention", ""),
    ]


def test_a_line_of_ks_that_heads_other_columns_too_stays_a_header_line() -> None:
    """SEAL's NQ table: "accuracy@k" over "5 20", beside "ans. ✓" under "Overlap?"."""
    heads = [TableCell(0, 1, "accuracy@k", col_span=2), TableCell(0, 3, "Overlap?")]
    body = grid([["System", "5", "20", "ans. ✓"], ["BM25", "43.6", "62.9", "82.9"]])
    body = [replace(cell, row=cell.row + 1) for cell in body]
    read = read_grid(Table([*heads, *body], number="3", caption="Table 3: Results on NQ."))
    assert read is not None
    assert read.column_headers == {1: "accuracy@5", 2: "accuracy@20", 3: "Overlap? ans. ✓"}
    assert [row.label for row in read.rows] == ["BM25"]
