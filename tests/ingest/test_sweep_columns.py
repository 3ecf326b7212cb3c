"""A header row of settings (sequence lengths) over rows of datasets, the method in the caption."""

from __future__ import annotations

from papergraph.core.model import Table
from papergraph.ingest.extract.table_grid import read_grid
from tests.ingest.tables import grid, table_rows

#: FlashAttention (2205.14135) Table 5, p9: the lengths printed as a bare first line.
LENGTHS = Table(
    grid(
        [
            ["", "512", "1024", "2048", "4096"],
            ["MIMIC-III [47]", "52.8", "50.7", "51.7", "54.6"],
            ["ECtHR [6]", "72.2", "74.3", "77.1", "78.6"],
        ]
    ),
    "5",
    "Table 5: Long Document performance (micro F1) at different sequence lengths using NewNet.",
)


def test_a_bare_first_line_of_growing_whole_numbers_heads_the_columns() -> None:
    read = read_grid(LENGTHS)
    assert read is not None
    assert [row.label for row in read.rows] == ["MIMIC-III [47]", "ECtHR [6]"]
    assert list(read.column_headers.values()) == ["512", "1024", "2048", "4096"]


def test_a_first_line_of_scores_is_still_a_row() -> None:
    """Values that do not grow, or print a decimal point, are a row's, labelled or not."""
    for line in (["", "52.8", "50.7", "51.7"], ["", "70", "50", "60"]):
        table = Table(grid([line, ["MIMIC-III", "52.8", "50.7", "51.7"]]), "1", "Table 1.")
        read = read_grid(table)
        assert read is not None and len(read.rows) == 2


def test_each_setting_column_is_the_captions_method_run_at_that_setting() -> None:
    found = {
        (r.method, r.dataset, r.metric, r.value)
        for r in table_rows(LENGTHS, ["NewNet"])
        if r.value is not None
    }
    assert ("NewNet (sequence length 512)", "MIMIC-III", "Micro-F1", 52.8) in found
    assert ("NewNet (sequence length 4096)", "ECtHR", "Micro-F1", 78.6) in found
    assert len(found) == 8


def test_settings_the_caption_does_not_name_give_nothing() -> None:
    """Without the caption saying what the numbers are, the columns are no method's."""
    unnamed = Table(LENGTHS.cells, "5", "Table 5: Long Document performance (micro F1) of NewNet.")
    assert not [r for r in table_rows(unnamed, ["NewNet"]) if r.value is not None]


def test_the_setting_is_named_once_however_the_caption_writes_it() -> None:
    """Captions saying "various classes" gave "classe", "different numbers of GPUs" gave
    "number" and a capitalised "Different ..." matched nothing."""
    captions = {
        "Table 5: Different lengths using NewNet (micro F1).": "NewNet (length 512)",
        "Table 5: Micro F1 of NewNet for various classes.": "NewNet (class 512)",
        "Table 5: Micro F1 of NewNet on different numbers of GPUs.": "NewNet (number of GPUs 512)",
    }
    for caption, method in captions.items():
        table = Table(LENGTHS.cells, "5", caption)
        methods = {r.method for r in table_rows(table, ["NewNet"]) if r.value is not None}
        assert methods >= {method}, caption
