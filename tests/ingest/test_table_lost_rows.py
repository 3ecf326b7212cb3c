"""Result tables that gave no row: a caption stating the hyperparameters its runs used, rows told
apart by the group rows they are printed under rather than by their measurements, rows the
caption names as runs of the paper's method, a title opening with a description, not a name."""

from __future__ import annotations

from papergraph.core.model import Entity, EntityType, Table
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.metric_names import read_metric
from papergraph.ingest.extract.own_versions import described
from papergraph.ingest.extract.shared_grids import distinct_grids
from papergraph.ingest.extract.table_results import table_results
from tests.ingest.tables import grid, measured, paper_with


def _search_table(caption: str) -> Table:
    """Primer's Table 4 shape: one method run on two platforms (group rows), its parameters,
    steps and speed printed before its perplexity."""
    return Table(
        grid(
            [
                ["", "Params", "Train Steps", "Step/Sec", "PPLX"],
                ["Tensor2Tensor, TPUv2", "", "", "", ""],
                ["Vanilla Transformer", "35M", "1.9M", "22.4", "35.44"],
                ["NewNet", "34M", "1.9M", "21.7", "33.77"],
                ["Tensor2Tensor, V100", "", "", "", ""],
                ["Vanilla Transformer", "35M", "1.3M", "15.4", "37.19"],
                ["NewNet", "34M", "1.2M", "13.8", "35.06"],
            ]
        ),
        "4",
        caption,
    )


def test_a_caption_stating_the_hyperparameters_its_runs_used_is_a_table_of_results() -> None:
    caption = (
        "Table 4: Comparison on auto-regressive language modeling on LM1B, across two hardware "
        "platforms, using those libraries' default hyperparameters."
    )
    found = measured(_search_table(caption), ["NewNet"])
    assert ("NewNet (Tensor2Tensor, TPUv2)", "One Billion Word", "Perplexity", 33.77) in found


def test_a_caption_listing_hyperparameters_still_gives_no_result() -> None:
    caption = "Table 4: Hyperparameters used for the LM1B experiments."
    assert measured(_search_table(caption), ["NewNet"]) == set()


def test_rows_under_different_group_rows_are_named_by_those_not_by_their_measurements() -> None:
    caption = "Table 4: Comparison on auto-regressive language modeling on LM1B."
    methods = {method for method, *_ in measured(_search_table(caption), ["NewNet"])}
    assert methods == {"NewNet (Tensor2Tensor, TPUv2)", "NewNet (Tensor2Tensor, V100)"}


def test_pplx_is_perplexity() -> None:
    metric = read_metric("C4 PPLX @ 1M Steps")
    assert metric is not None and metric.label == "Perplexity" and not metric.higher_is_better


def _runs_table(caption: str, labels: tuple[str, str] = ("Few-shot", "Finetuned")) -> Table:
    """PaLM's Table 7 shape: rows labelled only by how the method was run."""
    return Table(
        grid([["Model", "BoolQ", "RTE"], [labels[0], "89.1", "81.2"], [labels[1], "92.2", "95.7"]]),
        "7",
        caption,
    )


def test_rows_the_caption_names_as_runs_of_the_method_are_its_own() -> None:
    caption = "Table 7: Results on SuperGLUE comparing NewNet-540B few-shot and finetuned."
    found = measured(_runs_table(caption), ["NewNet"])
    assert ("NewNet-540B (few-shot)", "BoolQ", "Accuracy", 89.1) in found
    assert ("NewNet-540B (finetuned)", "RTE", "Accuracy", 95.7) in found


def test_rows_the_caption_does_not_name_after_the_method_are_not_its_runs() -> None:
    caption = "Table 7: Results on SuperGLUE comparing few-shot and finetuned NewNet-540B."
    assert measured(_runs_table(caption), ["NewNet"]) == set()
    named = "Table 7: Results on SuperGLUE comparing NewNet with Mask R-CNN and Baseline."
    assert measured(_runs_table(named, ("Mask R-CNN", "Baseline")), ["NewNet"]) == set()


def _method(label: str, salience: float) -> Entity:
    return Entity(EntityType.METHOD, label, salience=salience)


def test_a_title_opening_with_a_description_takes_the_method_the_paper_is_about() -> None:
    entities = [_method("SEAL", 0.7), _method("BM25", 0.3)]
    assert described(["Autoregressive Search Engines"], entities) == [
        "Autoregressive Search Engines",
        "SEAL",
    ]


def test_a_coined_title_name_or_a_method_the_paper_is_not_about_adds_nothing() -> None:
    entities = [_method("SEAL", 0.7)]
    assert described(["Multi-LexSum"], entities) == ["Multi-LexSum"]
    assert described(["PixelCNN Decoders"], entities) == ["PixelCNN Decoders"]
    assert described(["Autoregressive Search Engines"], [_method("BM25", 0.3)]) == [
        "Autoregressive Search Engines"
    ]


def test_a_grid_two_captions_took_is_the_table_whose_caption_speaks_of_it() -> None:
    cells = grid([["Model", "Predicted Property 1"], ["GCN", "3.21"], ["NewNet", "2.65"]])
    errors = Table(cells, "10", "Table 10: Average error rates for each property on QM9.")
    formulas = Table(cells, "11", "Table 11: Number of parameters for each GNN type.")
    assert [t.number for t in distinct_grids([errors, formulas])] == ["10"]
    other = Table(cells, "12", "Table 12: Results of the models on QM9.")
    assert [t.number for t in distinct_grids([other, formulas])] == ["11"]  # neither: the later


def test_a_row_two_tables_print_spelt_two_ways_is_one_result() -> None:
    spaced = Table(grid([["Model", "BoolQ"], ["NewNet 540B", "92.2"]]), "6", "Table 6: SuperGLUE.")
    hyphened = Table(
        grid([["Model", "BoolQ"], ["NewNet-540B", "92.2"]]), "7", "Table 7: SuperGLUE again."
    )
    paper = paper_with([spaced, hyphened], "A paper", "We propose NewNet.")
    found = table_results(paper, hybrid_matcher(), ["NewNet"])
    assert [(r.method, r.value, r.evidence[0].table) for r in found] == [("NewNet 540B", 92.2, "6")]
