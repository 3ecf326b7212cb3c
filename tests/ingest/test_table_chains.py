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


def test_a_caption_saying_each_step_was_added_alone_keeps_each_step_alone() -> None:
    """Review 18: values rising down the rows read as a chain, though the caption says each
    regulariser was added to the baseline alone."""
    rows = [["Method", "Top-1"], ["Baseline", "70.1"], ["+ dropout", "71.0"], ["+ mixup", "72.3"]]
    caption = "Table 3: Each regulariser added to the baseline alone on ImageNet."
    assert _names(Table(grid(rows), "3", caption))[72.3] == "Baseline + mixup"


def test_a_cost_column_and_two_steps_make_no_chain() -> None:
    """Review 18: parameters grow with any addition, and two rising steps may be chance: "+ CBAM"
    is ResNet-50 with CBAM alone. Three rising steps still make a chain."""
    rows = [
        ["Method", "Params (M)", "Top-1"],
        ["ResNet-50", "25.6", "76.1"],
        ["+ SE", "28.1", "77.3"],
        ["+ CBAM", "28.1", "77.6"],
    ]
    caption = "Table 3: Attention modules on ResNet-50 (ImageNet)."
    assert _names(Table(grid(rows), "3", caption))[77.6] == "ResNet-50 + CBAM"
    rows[1][1] = "25.0"
    rows.append(["+ dropout", "27.0", "77.9"])
    assert _names(Table(grid(rows), "3", caption))[77.9] == "ResNet-50 + SE + CBAM + dropout"


def test_captions_naming_incremental_tasks_or_a_breakdown_by_parts_are_no_cue() -> None:
    """Review 18: "class-incremental", "stacked hourglass" and a breakdown of a score by parts
    say nothing of steps stacking; "stacking refinements" does."""
    rows = [["Method", "Acc"], ["Fine-tuning", "40.1"], ["+ EWC", "45.2"], ["+ LwF", "47.0"]]
    for caption in (
        "Table 3: Results on class-incremental CIFAR-100 (10 tasks).",
        "Table 3: Results with stacked hourglass networks on CIFAR-100.",
        "Table 3: Breakdown of accuracy on CIFAR-100 by class.",
        "Table 3: Per-class breakdown of accuracy on CIFAR-100.",
    ):
        assert _names(Table(grid(rows), "3", caption))[47.0] == "Fine-tuning + LwF", caption
    stacked = "Table 3: Accuracy on CIFAR-100 for stacking training refinements."
    assert _names(Table(grid(rows), "3", stacked))[47.0] == "Fine-tuning + EWC + LwF"


def test_steps_building_up_to_the_papers_method_are_no_rows_of_it() -> None:
    """Review 18: additions to a "Baseline", or above the paper's own row, are its ablation's
    steps; Primer's addition to another model after its own row stays (test above)."""
    rows = [["Method", "Acc"], ["Baseline", "70.1"], ["+ module A", "71.0"], ["NewNet", "73.0"]]
    caption = "Table 3: Results on CIFAR-10."
    found = {r.method: r.value for r in table_rows(Table(grid(rows), "3", caption), ["NewNet"])}
    assert found == {"NewNet": 73.0}
    rows = [["Method", "Acc"], ["ResNet-50", "76.1"], ["+ SE", "77.6"], ["NewNet", "78.0"]]
    found = {r.method: r.value for r in table_rows(Table(grid(rows), "3", caption), ["NewNet"])}
    assert found == {"NewNet": 78.0}


def test_chain_names_drop_a_phrase_run_without_marks_and_count_no_plus_in_a_name() -> None:
    """Review 18: "w/o label smoothing" drops the step "label smoothing"; an earlier step's
    footnote mark is no part of the chain's name; "C++" adds no second step."""
    rows = [
        ["Refinement", "mAP"],
        ["D", "78.3"],
        ["+ label smoothing", "79.2"],
        ["+ cosine†", "79.5"],
        ["+ distill w/o label smoothing", "80.1"],
    ]
    caption = "Table 8: Cumulative refinements on Pascal VOC."
    assert (
        _names(Table(grid(rows), "8", caption))[80.1] == "D + cosine + distill w/o label smoothing"
    )
    rows = [["Method", "Top-1"], ["Base", "70.1"], ["+ C++ parser", "71.0"], ["+ caching", "72.3"]]
    rows.append(["+ pruning", "72.9"])
    names = _names(Table(grid(rows), "3", "Table 3: Speed-ups on ImageNet."))
    assert names[72.9] == "Base + C++ parser + caching + pruning"


def test_a_combined_row_makes_only_its_own_block_independent() -> None:
    """Review 18: "+ A + B" in one block says nothing of another block's steps."""
    rows = [
        ["Refinement", "mAP"],
        ["D-efficient", "78.30"],
        ["+ cosine", "79.23"],
        ["+ smooth", "80.71"],
        ["+ mixup", "80.96"],
        ["B-standard", "77.54"],
        ["+ cosine", "78.10"],
        ["+ cosine + smooth", "78.90"],
    ]
    names = _names(Table(grid(rows), "8", "Table 8: Faster-RCNN on Pascal VOC."))
    assert names[80.96] == "D-efficient + cosine + smooth + mixup"


def test_the_papers_row_in_a_block_below_leaves_an_addition_above_it_a_row() -> None:
    """Primer's Table 5 ends its C4 block with "Synthesizer / + Squared ReLU" and prints Primer
    again in a PG19 block below: that row follows the addition in another group, no build-up."""
    rows = [
        ["Model", "PPLX"],
        ["C4", ""],
        ["Primer", "19.82"],
        ["Synthesizer", "20.35"],
        ["+ Squared ReLU", "19.55"],
        ["PG19", ""],
        ["Primer", "15.96"],
    ]
    caption = "Table 5: Language modeling comparison on C4 and PG19."
    found = {r.method: r.value for r in table_rows(Table(grid(rows), "5", caption), ["Primer"])}
    assert found.get("Synthesizer + Squared ReLU") == 19.55
