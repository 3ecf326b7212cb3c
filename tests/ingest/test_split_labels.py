"""A split printed before a row's name ("Dev set: NewNet") qualifies the dataset, not the method
(QANet's Table 2 shape, issue 14)."""

from __future__ import annotations

from dataclasses import replace

from papergraph.core.model import Entity, EntityType, Evidence, Result, Table
from papergraph.ingest.extract.caption_settings import has_split
from papergraph.ingest.extract.hybrid import HybridExtractor
from papergraph.ingest.extract.split_labels import labelled_splits, splits
from papergraph.ingest.extract.table_names import without_marks
from papergraph.ingest.extract.table_results import table_results
from tests.ingest.tables import grid, paper_with

SPLIT_ROWS = Table(
    grid(
        [
            ["Single Model", "EM", "F1"],
            ["BiDAF", "67.7", "77.3"],
            ["Dev set: NewNet", "73.6", "82.7"],
            ["Dev set: NewNet + data augmentation", "75.1", "83.8"],
            ["Test set: NewNet + data augmentation", "76.2", "84.6"],
        ]
    ),
    "2",
    "Table 2: The performances of different models on SQuAD dataset.",
)


def _rows(table: Table) -> set[tuple[str | None, str | None, str | None, object]]:
    text = f"We propose NewNet.\n\nNewNet is evaluated on SQuAD.\n\n{table.caption}"
    paper = paper_with([table], "NewNet: a reader", text)
    method = Entity(EntityType.METHOD, "NewNet", salience=1.0)
    found = HybridExtractor().table_results(paper, [method])
    return {(r.method, r.dataset, r.metric, r.value) for r in found if r.value is not None}


def test_a_split_before_the_rows_name_qualifies_the_dataset_not_the_method() -> None:
    found = _rows(SPLIT_ROWS)
    methods = {method for method, *_ in found}
    assert not any(str(m).lower().startswith(("dev", "test")) for m in methods), methods
    assert ("NewNet", "SQuAD dev", "EM", 73.6) in found
    assert ("NewNet + data augmentation", "SQuAD dev", "F1", 83.8) in found
    # the test row keeps its own board: not the dev row's twin
    assert ("NewNet + data augmentation", "SQuAD test", "F1", 84.6) in found


def test_a_colon_inside_a_name_or_setting_is_no_split() -> None:
    table = Table(
        grid([["Model", "EM"], ["NewNet (Context length: 1k)", "70.1"], ["Testnet: v2", "1.0"]]),
        "3",
        "Table 3: Results on SQuAD.",
    )
    methods = {method for method, *_ in _rows(table)}
    assert "NewNet (Context length: 1k)" in methods
    assert all("dev" not in str(m).lower() for m in methods)


#: A path-of-changes table whose label columns print only tick marks (read as "X") on the rows
#: after the first, the MicroNet Table 2 shape: the reader glues the ticks into the row's label
#: ("XXXX"), and the ticked rows print no name of their own.
TICK_ROWS = Table(
    grid(
        [
            ["", "Factorized", "", "", "Activation", "", "", "", ""],
            ["", "DW", "PW", "Lite", "static", "dynamic", "Param", "MAdds", "Top-1"],
            ["Mobile", "", "", "", "", "", "1.3M", "10.6M", "44.9"],
            ["", "X", "", "", "", "", "1.7M", "10.6M", "46.4"],
            ["New", "X", "X", "X", "", "", "1.8M", "10.5M", "51.7"],
            ["", "X", "X", "X", "X", "", "1.9M", "11.8M", "54.4"],
            ["", "X", "X", "X", "", "X", "2.4M", "12.4M", "58.5"],
        ],
        bold={(6, 8)},
    ),
    "2",
    "Table 2. The path from MobileNet to NewNet evaluated on ImageNet classification.",
)


def test_a_label_of_tick_marks_only_names_no_method() -> None:
    methods = {str(method) for method, *_ in _rows(TICK_ROWS)}
    assert not any(set(m.split(" (")[0].replace(" ", "")) <= {"X", "x"} for m in methods), methods
    assert all(method for method, *_ in _rows(TICK_ROWS))  # and no row without a method


def _cell_row(method: str, dataset: str | None) -> Result:
    cell = Evidence("c", 0, 1, "70.0", "table", table="2", caption="Table 2: Results.")
    return Result(method, "question answering", dataset, "EM", 70.0, [cell])


def test_a_bare_test_prefix_is_a_setting_not_a_split() -> None:
    # a train/test resolution ablation: "Test: 320px" is run at 320px, not on a test split
    (row,) = labelled_splits([_cell_row("Test: 320px", "ImageNet")])
    assert (row.method, row.dataset) == ("Test: 320px", "ImageNet")
    (row,) = labelled_splits([_cell_row("Val: NewNet", "ImageNet")])
    assert (row.method, row.dataset) == ("Val: NewNet", "ImageNet")


def test_a_prefix_against_the_datasets_own_split_or_no_dataset_leaves_the_row() -> None:
    (other,) = labelled_splits([_cell_row("Dev set: NewNet", "SQuAD test")])
    assert (other.method, other.dataset) == ("Dev set: NewNet", "SQuAD test")
    (none,) = labelled_splits([_cell_row("Dev set: NewNet", None)])
    assert (none.method, none.dataset) == ("Dev set: NewNet", None)
    (same,) = labelled_splits([_cell_row("Development set: NewNet", "SQuAD1.1 Dev")])
    assert (same.method, same.dataset) == ("NewNet", "SQuAD1.1 Dev")


def test_split_rows_are_named_before_the_training_data_boards() -> None:
    # trained_apart runs inside table_results: the split must already qualify the dataset there
    table = Table(
        grid([["Model", "EM"], ["Dev set: NewNet", "73.6"], ["Test set: NewNet", "76.2"]]),
        "2",
        "Table 2: Results on SQuAD of models pre-trained on BooksCorpus.",
    )
    text = f"We propose NewNet.\n\nNewNet is evaluated on SQuAD.\n\n{table.caption}"
    paper = paper_with([table], "NewNet: a reader", text)
    matcher = HybridExtractor().paper_matcher(paper)
    found = table_results(paper, matcher, ["NewNet"], [], {})
    rows = {(r.method, r.dataset, r.value) for r in found}
    assert not any(str(m).lower().startswith(("dev", "test")) for m, *_ in rows), rows
    assert {("NewNet", "SQuAD dev", 73.6), ("NewNet", "SQuAD test", 76.2)} <= rows, rows


def test_a_lone_cross_keeps_its_name_two_or_more_name_nothing() -> None:
    assert without_marks("x") == "x"  # a coordinate column's header
    assert without_marks("X") == "X"
    assert without_marks("X X") == without_marks("XXXX") == ""


def test_a_row_named_only_by_its_settings_names_no_method() -> None:
    # intended: " (dynamic, Param: 2.4M)" is no method's name; the row's method is unknown
    ticks = Table(
        [replace(c, text="✓") if c.text == "X" else c for c in TICK_ROWS.cells],
        TICK_ROWS.number,
        TICK_ROWS.caption,
    )
    found = _rows(ticks)
    assert all(method and method.strip()[:1] not in "(" for method, *_ in found), found


def test_a_training_split_before_the_name_is_no_board() -> None:
    # no one reports on the training set: "Train set: NewNet" is not moved onto "SQuAD train"
    (row,) = labelled_splits([_cell_row("Train set: NewNet", "SQuAD")])
    assert (row.method, row.dataset) == ("Train set: NewNet", "SQuAD")


def test_a_split_joined_by_a_hyphen_is_the_datasets_own_split() -> None:
    (clean,) = labelled_splits([_cell_row("Test set: NewNet", "LibriSpeech test-clean")])
    assert (clean.method, clean.dataset) == ("NewNet", "LibriSpeech test-clean")
    (dev,) = labelled_splits([_cell_row("Dev set: NewNet", "SQuAD Dev-v2")])
    assert (dev.method, dev.dataset) == ("NewNet", "SQuAD Dev-v2")
    (other,) = labelled_splits([_cell_row("Test set: NewNet", "COCO test-dev")])
    assert (other.method, other.dataset) == ("Test set: NewNet", "COCO test-dev")


def test_the_splits_a_datasets_name_says_each_under_one_name() -> None:
    assert splits("SQuAD1.1 Development") == {"dev"}
    assert splits("LibriSpeech test-other") == {"test"}
    assert splits("COCO test-dev") == {"test-dev"}
    assert splits("ImageNet (val)") == {"val"}
    assert splits("Multi-News") == set()
    assert splits(None) == set()
    assert has_split("SQuAD Dev-v2") and not has_split("CIFAR-10")
