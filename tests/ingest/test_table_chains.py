"""A "+" row of a cumulative table is named for its whole chain; one of a table of independent
variants for its own step alone (issue 14: a row's name must say what run gave its value)."""

from __future__ import annotations

from papergraph.core.model import Table
from tests.ingest.tables import grid, table_rows

#: Bag of Tricks (1812.01187) Table 4, p5, one batch size: each heuristic added to the row above.
HEURISTICS = [
    ["Heuristic", "Top-1", "Top-5"],
    ["Linear scaling", "75.87", "92.70"],
    ["+ LR warmup", "76.03", "92.81"],
    ["+ Zero γ", "76.19", "93.03"],
    ["+ No bias decay", "76.16", "92.97"],
]


def _names(table: Table) -> dict[float | str, str | None]:
    return {r.value: r.method for r in table_rows(table, [], "tricks") if r.metric}


def test_a_caption_saying_the_steps_stack_names_each_row_for_its_chain() -> None:
    """A caption of "the breakdown effect for each heuristic": "+ Zero γ" ran with LR warmup too."""
    table = Table(
        grid(HEURISTICS), "4", "Table 4: The breakdown effect for each heuristic on ImageNet."
    )
    names = _names(table)
    assert names[76.19] == "Linear scaling + LR warmup + Zero γ"
    assert names[76.16] == "Linear scaling + LR warmup + Zero γ + No bias decay"
    assert names[76.03] == "Linear scaling + LR warmup"


def test_independent_variants_keep_their_own_step() -> None:
    """The same rows under a caption saying nothing of stacking, values rising and falling:
    each "+" row is the base with its own step alone, as before."""
    table = Table(grid(HEURISTICS), "4", "Table 4: Training heuristics on ImageNet.")
    names = _names(table)
    assert names[76.19] == "Linear scaling + Zero γ"
    assert names[76.16] == "Linear scaling + No bias decay"


def test_values_moving_one_way_make_a_chain_and_a_combined_row_does_not() -> None:
    """Bag of Tricks Table 8 (p8): mAP rises at each step, so the steps stack; a step run
    without an earlier one in place of it ("+ mixup w/o distill") drops that one. A table whose
    last row adds two steps at once ("+ cosine + smooth") added each of them alone."""
    rows = [
        ["Refinement", "mAP"],
        ["D-efficient", "78.30"],
        ["+ cosine", "79.23"],
        ["+ smooth", "80.71"],
        ["+ distill w/o mixup", "80.96"],
        ["+ mixup w/o distill", "81.10"],
    ]
    caption = "Table 8: Faster-RCNN performance evaluated on Pascal VOC."
    names = _names(Table(grid(rows), "8", caption))
    assert names[80.71] == "D-efficient + cosine + smooth"
    assert names[81.1] == "D-efficient + cosine + smooth + mixup w/o distill"
    combined = Table(grid([*rows[:4], ["+ cosine + smooth", "81.50"]]), "8", caption)
    assert _names(combined)[80.71] == "D-efficient + smooth"


def test_an_addition_to_a_baseline_in_a_table_of_the_papers_runs_is_a_row() -> None:
    """Primer (2109.08668) Table 5, p30: the table cites no source (the paper ran every
    model) and adds the paper's Squared ReLU to Synthesizer: that row is the paper's too; in a
    table citing its baselines' sources it stays no row."""
    rows = [
        ["Model", "PPLX"],
        ["Transformer++", "20.17"],
        ["Primer", "19.82"],
        ["Synthesizer", "20.35"],
        ["+ Squared ReLU", "19.55"],
    ]
    caption = "Table 5: Language modeling comparison on C4."
    found = {r.method: r.value for r in table_rows(Table(grid(rows), "5", caption), ["Primer"])}
    assert found["Synthesizer + Squared ReLU"] == 19.55
    assert found["Primer"] == 19.82
    own = [*rows[:3], ["+ Squared ReLU", "19.50"]]
    found = {r.method: r.value for r in table_rows(Table(grid(own), "5", caption), ["Primer"])}
    assert "Primer + Squared ReLU" not in found  # a step of the paper's own method: an ablation
    rows[3][0] = "Synthesizer [44]"
    found = {r.method: r.value for r in table_rows(Table(grid(rows), "5", caption), ["Primer"])}
    assert "Synthesizer + Squared ReLU" not in found
