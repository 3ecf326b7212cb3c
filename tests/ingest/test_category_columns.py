"""A label column left of the models' name column that sorts the rows into kinds ("Token
Mixer": "Pooling") describes the models; one that is part of their names (a family beside its
sizes) or that holds datasets is no kind column."""

from __future__ import annotations

from papergraph.core.model import Table
from papergraph.ingest.extract.label_columns import category_columns
from papergraph.ingest.extract.table_grid import read_grid
from tests.ingest.tables import grid, table_rows

#: A family column beside its sizes: "S" names no model, "NewNet S" does.
FAMILY_TABLE = Table(
    grid(
        [
            ["Family", "Model", "Top-1"],
            ["NewNet", "S", "80.1"],
            ["NewNet", "M", "81.2"],
            ["NewNet", "L", "82.3"],
            ["OldNet", "S", "78.1"],
            ["OldNet", "M", "79.0"],
            ["OldNet", "L", "80.2"],
        ]
    ),
    "1",
    "Table 1: Accuracy on ImageNet.",
)


def test_a_family_column_beside_repeated_sizes_stays_part_of_the_name() -> None:
    """The name column repeats "S", "M", "L" under each family: the family tells the rows
    apart and names them, so it is no kind column and the own model's rows keep their names."""
    found = read_grid(FAMILY_TABLE)
    assert found is not None
    assert [row.label for row in found.rows][:3] == ["NewNet S", "NewNet M", "NewNet L"]
    valued = {(r.method, r.value) for r in table_rows(FAMILY_TABLE, ["NewNet"]) if r.value}
    assert valued == {("NewNet S", 80.1), ("NewNet M", 81.2), ("NewNet L", 82.3)}


def test_a_column_of_datasets_is_no_kind_of_model() -> None:
    """Cells "IMDB", "Yelp" repeated beside distinct model names are datasets, no kinds of model."""
    rows = [
        ["Dataset", "Model", "Accuracy"],
        ["IMDB", "NewNet-A", "90.1"],
        ["IMDB", "OldNet-A", "89.2"],
        ["Yelp", "NewNet-B", "70.1"],
        ["Yelp", "OldNet-B", "69.0"],
    ]
    at = {(c.row, c.col): c for c in grid(rows)}
    assert category_columns(at, [0], [1, 2, 3, 4], range(0, 1)) == set()
    kinds = [row[:] for row in rows]
    for row, kind in zip(kinds[1:], ["Conv", "Conv", "Pooling", "Pooling"], strict=True):
        row[0] = kind
    at = {(c.row, c.col): c for c in grid(kinds)}
    assert category_columns(at, [0], [1, 2, 3, 4], range(0, 1)) == {0}
