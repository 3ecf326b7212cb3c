"""Results read from tables: own rows only, metric and dataset from headers, the cell as evidence."""

from __future__ import annotations

import pytest

from papergraph.core.model import ChunkKind, Table
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.table_grid import parse_number
from papergraph.ingest.extract.table_results import table_results
from tests.ingest.tables import ATTENTION_TABLE_2, RESNET_TABLE_4, grid, paper_with

ATTENTION_TEXT = (
    "We propose a new simple network architecture, the Transformer.\n\n"
    "Table 2 summarizes our results on WMT 2014 English-German and English-French."
)


def _rows(tables: list[Table], names: list[str], text: str = ATTENTION_TEXT) -> list:
    paper = paper_with(tables, "A paper", text + "\n\n" + "\n\n".join(t.caption for t in tables))
    return table_results(paper, hybrid_matcher(), names, tasks=["Machine Translation"])


def test_attention_table_gives_the_transformer_bleu_on_both_wmt_pairs() -> None:
    found = {
        (r.method, r.dataset, r.metric, r.value)
        for r in _rows([ATTENTION_TABLE_2], ["Transformer"])
    }
    assert ("Transformer (big)", "WMT 2014 English-German", "BLEU", 28.4) in found
    assert ("Transformer (big)", "WMT 2014 English-French", "BLEU", 41.8) in found


def test_baseline_rows_and_cost_columns_give_no_results() -> None:
    rows = _rows([ATTENTION_TABLE_2], ["Transformer"])
    assert {r.method for r in rows} == {"Transformer (base model)", "Transformer (big)"}
    assert all(r.metric == "BLEU" for r in rows)  # FLOPs columns are not a metric


def test_table_evidence_names_page_table_caption_headers_and_cell() -> None:
    big_de = next(r for r in _rows([ATTENTION_TABLE_2], ["Transformer"]) if r.value == 28.4)
    evidence = big_de.evidence[0]
    assert (evidence.page, evidence.table, evidence.cell) == (8, "2", "28.4")
    assert evidence.row_header == "Transformer (big)"
    assert evidence.column_header == "BLEU EN-DE"
    assert evidence.caption.startswith("Table 2: The Transformer achieves")
    assert evidence.chunk_id == "attention#7"
    # the task in the lexicon's one spelling
    assert big_de.higher_is_better is True and big_de.task == "machine translation"


def test_resnet_table_gives_imagenet_top5_error_lower_is_better() -> None:
    rows = _rows([RESNET_TABLE_4], ["ResNet"], text="Deep residual nets on ImageNet.")
    top5 = {(r.method, r.value) for r in rows if r.metric == "Top-5 Error"}
    assert top5 == {("ResNet-34 B", 5.71), ("ResNet-152", 4.49)}
    assert {r.dataset for r in rows} == {"ImageNet"}
    assert all(r.higher_is_better is False for r in rows)


def test_ours_row_and_bold_row_mark_the_papers_own_results() -> None:
    ours = Table(
        grid(
            [["Method", "CIFAR-10 error (%)"], ["ResNet-110", "6.43"], ["DenseNet (ours)", "3.46"]]
        ),
        number="1",
        caption="Results.",
    )
    # "(ours)" marks the paper's row; no part of the name where the rest names its method
    assert [(r.method, r.value) for r in _rows([ours], ["DenseNet"])] == [("DenseNet", 3.46)]
    assert [(r.method, r.value) for r in _rows([ours], ["NewNet"])] == [("DenseNet (ours)", 3.46)]
    bold = Table(
        grid([["Method", "Acc. on Cora"], ["GCN", "81.5"], ["GAT", "83.0"]], bold={(2, 1)}),
        number="2",
        caption="Node classification.",
    )
    assert [(r.method, r.value) for r in _rows([bold], [])] == [("GAT", 83.0)]


def test_a_figure_grid_gives_no_results() -> None:
    paper = paper_with([], "A paper", "We propose the Transformer.\n\nBLEU 28.4 EN-DE")
    paper.chunks[1].kind = ChunkKind.FIGURE
    figure = Table(ATTENTION_TABLE_2.cells, "2", ATTENTION_TABLE_2.caption, 8, paper.chunks[1].id)
    paper.tables = [figure]
    assert table_results(paper, hybrid_matcher(), ["Transformer"]) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("28.4", 28.4),
        ("81.5 ± 0.5", 81.5),
        ("39.8†", 39.8),
        ("92.1%", 92.1),
        ("+1.2", None),
        ("(+0.4)", None),
        ("25M", None),
        ("2.3 · 10^19", None),
        ("n/a", None),
        ("76.2/84.6", None),
    ],
)
def test_a_cell_value_is_its_leading_number_never_a_change_count_or_magnitude(
    text: str, value: float | None
) -> None:
    number = parse_number(text)
    assert (number.value if number else None) == value


def test_a_pair_of_values_under_a_pair_of_metrics_gives_two_results() -> None:
    table = Table(
        grid(
            [["Single Model", "EM / F1"], ["BiDAF", "68.0 / 77.3"], ["QANet (ours)", "76.2 / 84.6"]]
        ),
        "2",
        "Table 2: Results on SQuAD.",
    )
    found = {(r.metric, r.value) for r in _rows([table], ["QANet"])}
    assert found == {("EM", 76.2), ("F1", 84.6)}


def test_a_caption_metric_names_a_generic_header_more_precisely() -> None:
    table = Table(
        grid([["Model", "NLL Test (Train)"], ["RIDE", "3.47"], ["PixelRNN (ours)", "3.00 (2.93)"]]),
        "5",
        "Table 5: Test set performance of different models on CIFAR-10 in bits/dim.",
    )
    [result] = _rows([table], [])
    assert (result.dataset, result.metric, result.value) == ("CIFAR-10", "Bits per dim", 3.0)
    assert result.higher_is_better is False


def test_a_generic_metric_a_caption_closes_on_does_not_rename_another_generic_header() -> None:
    """MicroNet's Table 9: AP columns of keypoint detection under a caption whose last sentence
    says a model "achieves higher accuracy"; AP is no accuracy, and stays AP."""
    table = Table(
        grid([["Backbone", "AP"], ["MobileNetV3", "57.1"], ["MicroNet-M3", "58.7"]]),
        "9",
        "Table 9: COCO keypoint detection results on val2017. Compared to the baseline,"
        " MicroNet-M3 consumes less MAdds, but achieves higher accuracy.",
    )
    metrics = {(r.method, r.metric) for r in _rows([table], ["MicroNet-M3"])}
    assert ("MicroNet-M3", "AP") in metrics
    assert not any(metric == "Accuracy" for _, metric in metrics)


def test_dataset_columns_under_a_metric_caption_and_quantity_columns() -> None:
    table = Table(
        grid(
            [
                ["Model", "IMDB", "Yelp-2", "#Params"],
                ["BERT", "4.51", "1.89", "340"],
                ["XLNet", "3.79", "1.55", "360"],
            ]
        ),
        "3",
        "Table 3: Comparison with state-of-the-art error rates on the test sets.",
    )
    found = {(r.dataset, r.metric, r.value) for r in _rows([table], ["XLNet"])}
    assert found == {("IMDb", "Error", 3.79), ("Yelp-2", "Error", 1.55)}


def test_a_split_in_the_header_qualifies_the_captions_dataset() -> None:
    table = Table(
        grid([["Method", "test-dev AP", "minival AP"], ["FPN (ours)", "36.2", "35.8"]]),
        "4",
        "Table 4: Single-model results on the COCO detection benchmark.",
    )
    found = {(r.dataset, r.value) for r in _rows([table], [])}
    assert {dataset.split()[-1] for dataset, _ in found} == {"test-dev", "minival"}


def test_method_names_lose_footnote_emphasis_and_check_marks() -> None:
    table = Table(
        grid(
            [
                ["Method", "COCO test-dev AP"],
                ["Mask R-CNN [12]", "39.8"],
                ["NewDet ResNet-50 X", "42.1"],
                ["NewDet ResNet-101†", "44.9"],
                ["NewDet ResNeXt-101*", "47.3"],
            ]
        ),
        number="3",
        caption="Table 3: Detection results.",
    )
    rows = _rows([table], ["NewDet"], text="We propose NewDet.")
    assert {(r.method, r.value) for r in rows} == {
        ("NewDet ResNet-50", 42.1),
        ("NewDet ResNet-101", 44.9),
        ("NewDet ResNeXt-101", 47.3),
    }


def test_a_tick_names_the_setting_its_column_heads() -> None:
    """DetectoRS's Table 4: "Method Backbone TTA" over "DetectoRS ResNet-50 X", a row run with
    test-time augmentation, which is not the plain row's result."""
    table = Table(
        grid(
            [
                ["Method Backbone TTA", "COCO test-dev AP"],
                ["Mask R-CNN [12] ResNet-50", "39.8"],
                ["NewDet ResNet-50", "51.3"],
                ["NewDet ResNet-50 X", "53.0"],
            ]
        ),
        number="4",
        caption="Table 4: Detection results.",
    )
    rows = _rows([table], ["NewDet"], text="We propose NewDet.")
    assert {(r.method, r.value) for r in rows} == {
        ("NewDet ResNet-50", 51.3),
        ("NewDet ResNet-50 (TTA)", 53.0),
    }
