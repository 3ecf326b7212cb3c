"""Own columns of a table printed the other way round (datasets down the side) that run the
method two ways: each its own row, no split read from how it was run
(ingest/extract/table_columns.py, ingest/extract/caption_settings.py)."""

from __future__ import annotations

from papergraph.core.model import Table
from tests.ingest.tables import grid, table_rows

TEMPLATES = Table(
    grid(
        [
            ["", "GPT-3", "NewLM 137B", "", "", ""],
            ["", "zero-shot", "zero-shot", "", "few-shot", ""],
            ["", "", "average", "best dev", "average", "best dev"],
            ["", "", "template", "template", "template", "template"],
            ["ANLI R1", "34.6", "47.7", "46.4", "44.2", "47.9"],
            ["RTE", "63.5", "78.3", "84.1", "79.9", "84.5"],
        ]
    ),
    "2",
    "Table 2: Results for NLU tasks. All values shown are for accuracy.",
)


def _found(table: Table) -> set[tuple]:
    rows = table_rows(table, ["newlm"], "NewLM", "NewLM: instruction tuning")
    return {(r.method, r.dataset, r.metric, r.value) for r in rows}


def test_sub_columns_naming_each_its_own_setting_are_each_a_row() -> None:
    """Every own column of "NewLM 137B zero-shot" names words of its own ("average template",
    "best dev template"): each is the method run its way, none the first one's score again."""
    found = {(method, dataset, value) for method, dataset, _, value in _found(TEMPLATES)}
    assert ("NewLM 137B (zero-shot average template)", "RTE", 78.3) in found
    assert ("NewLM 137B (zero-shot best dev template)", "RTE", 84.1) in found
    assert ("NewLM 137B (few-shot best dev template)", "ANLI R1", 47.9) in found
    assert len(found) == 8


def test_a_template_chosen_on_the_dev_set_names_no_dev_split() -> None:
    assert all(not dataset.endswith(" dev") for _, dataset, _, _ in _found(TEMPLATES))


def test_a_bare_column_beside_a_qualified_one_keeps_the_first_value() -> None:
    """ "NewLM" then "NewLM normalized": the second prints the first's score again, rescaled."""
    table = Table(
        grid([["Game", "DQN", "NewLM", "NewLM normalized"], ["alien", "1620.0", "9491.7", "1.3"]]),
        "3",
        "Table 3: Raw scores of agents on Atari games.",
    )
    assert {value for _, _, _, value in _found(table)} == {9491.7}
