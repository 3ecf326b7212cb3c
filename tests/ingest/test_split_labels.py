"""A split printed before a row's name ("Dev set: NewNet") qualifies the dataset, not the method
(QANet's Table 2 shape, issue 14)."""

from __future__ import annotations

from papergraph.core.model import Entity, EntityType, Table
from papergraph.ingest.extract.hybrid import HybridExtractor
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
