"""Method labels of result rows: the model's measurements printed beside its label (parameters,
FLOPs, latency, steps) are no part of its name; a setting telling variants apart stays."""

from __future__ import annotations

from papergraph.core.model import Table, TableCell
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.table_grid import read_grid
from papergraph.ingest.extract.table_names import dataset_named
from tests.ingest.tables import grid, measured


def _measured_table() -> Table:
    """FastViT's Table 1 shape: an image size, parameters, FLOPs and two latencies (each a
    group header over "Latency (ms)") between the model and its top-1 accuracy."""
    return Table(
        grid(
            [
                [
                    "Model",
                    "Eval Image Size",
                    "Param (M)",
                    "FLOPs (G)",
                    "GPU Latency",
                    "Mobile Latency",
                    "Top-1 Acc. (%)",
                ],
                ["", "", "", "", "Latency (ms)", "Latency (ms)", ""],
                ["DeiT-S [11]", "224", "22.0", "4.6", "5.2", "6.7", "79.8"],
                ["NewNet-SA24", "256", "20.6", "3.8", "3.8", "2.6", "82.6"],
                ["NewNet-SA36", "256", "30.4", "5.6", "5.2", "3.5", "83.6"],
            ]
        ),
        "1",
        "Table 1: Comparison of models on ImageNet-1k classification.",
    )


def test_measurements_beside_the_label_are_no_part_of_the_method_name() -> None:
    found = measured(_measured_table(), ["NewNet"])
    assert ("NewNet-SA24 (Eval Image Size: 256)", "ImageNet", "Top-1 Accuracy", 82.6) in found
    assert {method for method, *_ in found} == {
        "NewNet-SA24 (Eval Image Size: 256)",  # the image size tells variants apart: it stays
        "NewNet-SA36 (Eval Image Size: 256)",
    }


def test_a_group_header_over_its_own_word_is_not_printed_twice() -> None:
    read = read_grid(_measured_table())
    assert read is not None
    assert read.column_headers[4] == "GPU Latency (ms)"  # not "GPU Latency Latency (ms)"
    assert read.column_headers[5] == "Mobile Latency (ms)"


def test_a_measurement_that_alone_tells_rows_apart_names_them() -> None:
    table = Table(
        grid(
            [
                ["Model", "Params B", "PIQA acc"],
                ["NewNet", "0.17", "65.1"],
                ["NewNet", "1.5", "72.4"],
            ]
        ),
        "3",
        "Table 3: Zero-shot performance.",
    )
    methods = {method for method, *_ in measured(table, ["NewNet"])}
    assert methods == {"NewNet (Params B: 0.17)", "NewNet (Params B: 1.5)"}


def test_a_value_run_into_a_label_cell_spanning_its_column_is_split_off() -> None:
    """ConvNeXt V2's detection table: "Supervised 486G" read as one cell over "Method" and
    "FLOPS" where the rows around print the FLOPs in a cell of their own."""
    cells = [
        *(TableCell(0, c, t) for c, t in enumerate(["Backbone", "Method", "FLOPS", "AP"])),
        TableCell(1, 0, "NewNet-B"),
        TableCell(1, 1, "Supervised 486G", col_span=2),
        TableCell(1, 3, "50.3"),
        *(TableCell(2, c, t) for c, t in enumerate(["Swin-B", "SimMIM", "497G", "52.3"])),
        *(TableCell(3, c, t) for c, t in enumerate(["NewNet-L", "FCMAE", "875G", "54.4"])),
    ]
    table = Table(cells, number="6", caption="Table 6. COCO object detection results.")
    found = measured(table, ["NewNet"])
    assert {method for method, *_ in found} == {"NewNet-B Supervised", "NewNet-L FCMAE"}
    assert ("NewNet-B Supervised", "COCO", "AP", 50.3) in found


def test_a_caption_saying_scores_gives_way_to_the_metric_each_row_names_or_uses() -> None:
    """PaLM's Table 4: benchmarks down the side, the paper's model across the top, and a
    caption speaking of "higher scores"; a row label's "(EM)" names its metric, a row naming
    none takes its dataset's usual metric (HellaSwag and BoolQ are scored by accuracy)."""
    table = Table(
        grid(
            [
                ["Task", "Prior SOTA", "NewNet 540B"],
                ["TriviaQA (EM)", "71.3", "76.9"],
                ["HellaSwag", "80.8", "83.4"],
                ["BoolQ", "83.7", "88.0"],
            ]
        ),
        "4",
        "Table 4: Results obtained by NewNet across NLP benchmarks. Other work achieves much "
        "higher scores on RACE, but cannot be compared.",
    )
    found = {(d, m, v) for _, d, m, v in measured(table, ["NewNet"])}
    assert found == {
        ("TriviaQA", "EM", 76.9),
        ("HellaSwag", "Accuracy", 83.4),
        ("BoolQ", "Accuracy", 88.0),
    }


def test_a_caption_saying_scores_keeps_the_score_of_an_average_column() -> None:
    """PaLM's Table 6: SuperGLUE tasks across the top, "Scores reported are the peak
    validation scores per task": each task its usual metric, the average a score."""
    table = Table(
        grid(
            [
                ["Model", "Avg", "BoolQ", "WiC"],
                ["T5-11B", "89.9", "90.8", "77.3"],
                ["NewNet (finetuned)", "92.6", "92.2", "78.8"],
            ]
        ),
        "6",
        "Table 6: Results on SuperGLUE dev set. Scores reported are the peak validation scores.",
    )
    found = {(d, m, v) for _, d, m, v in measured(table, ["NewNet"])}
    assert ("BoolQ", "Accuracy", 92.2) in found and ("Words in Context", "Accuracy", 78.8) in found
    assert ("SuperGLUE dev", "Score", 92.6) in found


def test_a_dataset_name_the_gazetteer_knows_only_the_start_of_is_read_whole() -> None:
    """ViT's transfer tables: "Oxford Flowers-102" down the side is that dataset, not "Oxford"
    (a name the gazetteer knows); a split or metric after a name is no part of it."""
    table = Table(
        grid(
            [
                ["", "NewNet-L/16"],
                ["Oxford Flowers-102", "99.61"],
                ["Oxford-IIIT Pets", "97.32"],
            ]
        ),
        "2",
        "Table 2: Top-1 accuracy of NewNet on image classification benchmarks.",
    )
    found = {(d, m, v) for _, d, m, v in measured(table, ["NewNet"])}
    # read whole, it is the one Flowers dataset the lexicon names so (res62)
    assert ("Oxford 102 Flowers", "Top-1 Accuracy", 99.61) in found
    assert ("Oxford-IIIT Pets", "Top-1 Accuracy", 97.32) in found
    matcher = hybrid_matcher()
    assert dataset_named("COCO Test-2017", matcher) == "COCO"
    assert dataset_named("ImageNet Top-1", matcher) == "ImageNet"


def test_an_image_size_printed_squared_reads_as_its_square_not_a_run_on_number() -> None:
    """ConvNeXt V2's Table 15: "224²" beside each model, whose raised 2 the PDF's text layer
    sets on the line ("2242"); a size that is a plain number stays as printed."""
    table = Table(
        grid(
            [
                ["Model", "image size", "Val acc."],
                ["NewNet-T", "2242", "83.9"],
                ["NewNet-T", "3842", "85.1"],
                ["NewNet-B", "256", "86.0"],
            ]
        ),
        "15",
        "Table 15: ImageNet fine-tuning results.",
    )
    assert {method for method, *_ in measured(table, ["NewNet"])} == {
        "NewNet-T (image size: 224²)",
        "NewNet-T (image size: 384²)",
        "NewNet-B (image size: 256)",
    }


def test_a_context_length_beside_the_label_names_the_variant() -> None:
    """FlashAttention's Table 4 shape: one model at three context lengths, each its own row."""
    table = Table(
        grid(
            [
                ["Model implementations", "Context length", "OpenWebText (ppl)"],
                ["NewNet", "1k", "18.2"],
                ["NewNet", "4k", "17.5"],
            ]
        ),
        "4",
        "Table 4: NewNet with a longer context.",
    )
    found = {(method, value) for method, _, _, value in measured(table, ["NewNet"])}
    assert found == {("NewNet (Context length: 1k)", 18.2), ("NewNet (Context length: 4k)", 17.5)}
