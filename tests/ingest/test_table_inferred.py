"""Tables that print no metric (GLUE-style), dataset versions and size headers: what they give."""

from __future__ import annotations

from papergraph.core.canonical import canonical
from papergraph.core.model import EntityType, Table, TableCell
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.table_names import dataset_named, full_name
from papergraph.ingest.extract.table_results import table_results
from papergraph.ingest.extract.usual_metrics import usual_metric
from tests.ingest.tables import grid, paper_with, table_rows

GLUE = Table(
    grid(
        [
            ["Model", "MNLI", "QQP", "RTE", "CoLA", "STS-B"],
            ["BERT [2]", "86.6", "91.3", "70.4", "60.6", "90.0"],
            ["NewNet", "89.8", "91.8", "83.8", "63.6", "91.8"],
        ]
    ),
    number="4",
    caption="Table 4: Results on the development sets of the benchmark.",
)


def _rows(table: Table, names: list[str]) -> list:
    return table_rows(table, names, "NewNet", "NewNet: a paper")


def test_a_table_naming_no_metric_takes_each_datasets_usual_one_and_says_so() -> None:
    rows = {r.dataset: r for r in _rows(GLUE, ["NewNet"])}
    assert {d: (r.metric, r.value) for d, r in rows.items()} == {
        "MultiNLI": ("Accuracy", 89.8),
        "Quora Question Pairs": ("Accuracy", 91.8),
        "RTE": ("Accuracy", 83.8),
        "CoLA": ("Correlation", 63.6),
        "STS Benchmark": ("Correlation", 91.8),
    }
    assert all("metric inferred" in r.evidence[0].text for r in rows.values())
    assert all(r.method == "NewNet" for r in rows.values())


def test_a_printed_metric_is_never_replaced_by_the_usual_one() -> None:
    printed = Table(
        grid([["Model", "QNLI F1"], ["NewNet", "77.0"]]), number="1", caption="Table 1: QNLI."
    )
    [row] = _rows(printed, ["NewNet"])
    assert (row.metric, "metric inferred" in row.evidence[0].text) == ("F1", False)


def test_a_count_is_no_value_of_an_inferred_share() -> None:
    sizes = Table(
        grid([["Model", "RTE", "QNLI"], ["NewNet", "2490", "83.1"]]), number="2", caption="x"
    )
    assert [(r.dataset, r.value) for r in _rows(sizes, ["NewNet"])] == [("QNLI", 83.1)]


def test_datasets_the_data_gives_no_clear_metric_for_get_none() -> None:
    assert usual_metric("Penn Treebank parsing corpus of nowhere") is None
    assert usual_metric("Yelp-2") is None


def test_a_version_printed_with_the_dataset_is_kept() -> None:
    matcher = hybrid_matcher()
    assert dataset_named("Results on SQuAD v1.1 dev set", matcher) == "SQuAD1.1 dev"  # as listed
    assert dataset_named("Table 3: SQuAD 2.0 results.", matcher) in {"SQuAD 2.0", "SQuAD2.0"}
    assert dataset_named("ImageNet 1.2 M", matcher) == "ImageNet"  # a size, not a version
    assert dataset_named("CIFAR-10 3.2", matcher) == "CIFAR-10"  # a value run into it


def test_a_size_header_is_no_dataset_the_caption_names_it() -> None:
    sizes = Table(
        grid([["Model", "50K", "100K"], ["NewNet", "71.2", "74.0"]]),
        number="3",
        caption="Table 3: Accuracy on SNLI with 50K and 100K training examples.",
    )
    rows = _rows(sizes, ["NewNet"])
    assert {(r.dataset, r.metric) for r in rows} == {("SNLI", "Accuracy")}
    assert "50K" not in {r.dataset for r in rows}


def test_small_capitals_spaced_apart_by_the_reader_are_one_name_again() -> None:
    spaced = Table(
        grid(
            [
                ["System", "SQuAD 1.1 EM"],
                ["B E RT- Base", "80.8"],
                ["B E RT- Large", "84.1"],
                ["A B C Net", "70.1"],
            ]
        ),
        number="2",
        caption="Table 2: Results.",
    )
    paper = paper_with([spaced], "BERT: Pre-training", "We propose BERT.\n\n" + spaced.caption)
    rows = table_results(paper, hybrid_matcher(), ["BERT"])
    assert {(r.method, r.value) for r in rows} == {("BERT-Base", 80.8), ("BERT-Large", 84.1)}


def test_a_caption_giving_each_column_its_metric_is_read_column_by_column() -> None:
    stated = Table(
        grid(
            [
                ["System", "QQP", "QNLI", "STS-B", "MRPC"],
                ["", "363k", "108k", "5.7k", "3.5k"],
                ["NewNet", "72.1", "92.7", "86.5", "89.3"],
            ]
        ),
        number="1",
        caption="Table 1: Test results. F1 scores are reported for QQP and MRPC, Spearman "
        "correlations are reported for STS-B, and accuracy scores are reported for the other tasks.",
    )
    rows = {r.dataset: r.metric for r in _rows(stated, ["NewNet"])}
    assert rows == {
        "Quora Question Pairs": "F1",
        "QNLI": "Accuracy",
        "STS Benchmark": "Correlation",
        "MRPC": "F1",
    }


def test_plural_metric_names_keep_their_direction() -> None:
    from papergraph.ingest.extract.metric_names import read_metric

    assert read_metric("top-1 errors").label == "Top-1 Error"
    assert read_metric("SWAG Dev and Test accuracies").label == "Accuracy"
    assert read_metric("perplexities").higher_is_better is False


def test_splits_the_caption_lists_are_the_columns_not_the_dataset() -> None:
    splits = Table(
        grid([["System", "Dev", "Test"], ["NewNet", "86.6", "86.3"]]),
        number="4",
        caption="Table 4: SWAG Dev and Test accuracies.",
    )
    rows = {(r.dataset, r.metric, r.value) for r in _rows(splits, ["NewNet"])}
    assert rows == {("SWAG Dev", "Accuracy", 86.6), ("SWAG", "Accuracy", 86.3)}


def test_a_centred_group_name_under_the_headers_is_the_first_group_not_a_header() -> None:
    from papergraph.ingest.extract.table_grid import read_grid

    centred = Table(
        grid(
            [
                ["Methods", "80ms", "160ms", "320ms"],
                ["", "", "Walking activity", ""],
                ["NewNet", "1.08", "1.34", "1.60"],
                ["", "", "Eating activity", ""],
                ["NewNet", "1.35", "1.71", "2.12"],
            ]
        ),
        number="1",
        caption="Table 1: Angle error.",
    )
    parsed = read_grid(centred)
    assert parsed is not None and parsed.column_headers[2] == "160ms"
    assert [row.group for row in parsed.rows] == ["Walking activity", "Eating activity"]


def test_rows_labelled_by_a_setting_are_the_papers_own_runs() -> None:
    sizes = Table(
        grid(
            [
                ["Image size", "NLL Validation (Train)"],
                ["32x32:", "3.86 (3.83)"],
                ["64x64:", "3.63"],
            ]
        ),
        number="6",
        caption="Table 6: Negative log-likelihood on 32x32 and 64x64 ImageNet in bits/dim.",
    )
    rows = {(r.dataset, r.metric, r.value) for r in _rows(sizes, ["NewNet"])}
    assert rows == {("ImageNet", "Bits per dim", 3.86), ("ImageNet", "Bits per dim", 3.63)}
    cited = Table(
        grid([["Batch size", "Top-1 error"], ["256 [12]", "23.1"], ["1024", "23.9"]]),
        number="7",
        caption="Table 7: ImageNet.",
    )
    assert _rows(cited, ["NewNet"]) == []


def test_a_dataset_the_data_knows_is_found_under_a_group_label_glued_to_it() -> None:
    matcher = hybrid_matcher()
    assert dataset_named("Entailment RTE", matcher, last=True) == "RTE"  # a task in the gazetteer
    assert dataset_named("Company", matcher) is None  # a plain word names too much else


def test_a_hyperparameter_table_gives_no_results_even_under_dataset_columns() -> None:
    settings = Table(
        grid([["Method", "CoLA", "RTE"], ["NewNet alpha", "8", "16"], ["NewNet lr", "4", "5"]]),
        number="10",
        caption="Table 10: The hyperparameters we used for NewNet on the GLUE benchmark.",
    )
    assert _rows(settings, ["NewNet"]) == []


def test_the_papers_own_method_is_never_the_captions_dataset() -> None:
    named = Table(
        grid([["Model", "acc."], ["FLAN", "77.5"]]),
        number="4",
        caption="Table 4: FLAN compared with its base model on RTE.",
    )
    paper = paper_with([named], "A paper", "We call this model FLAN.\n\n" + named.caption)
    found = table_results(paper, hybrid_matcher(), ["flan"])
    assert [(r.method, r.dataset, r.value) for r in found] == [("FLAN", "RTE", 77.5)]


def test_a_sweep_over_a_setting_gives_no_results() -> None:
    sweep = Table(
        grid([["Data size", "Cifar10"], *[[f"{n}M", f"{50 + n}.0"] for n in range(1, 7)]]),
        number="5",
        caption="Table 5: Few-shot results (%) by data size.",
    )
    assert _rows(sweep, ["NewNet"]) == []


def test_a_table_of_the_methods_own_settings_is_a_study_not_results() -> None:
    kernels = Table(
        grid([["Kernel size", "ImageNet top-1 acc (%)"], ["3x3", "71.76"], ["13x13", "72.53"]]),
        number="3",
        caption="Table 3: Different kernel sizes.",
    )
    assert _rows(kernels, ["NewNet"]) == []


def test_a_short_dataset_name_is_the_dataset_it_shortens_kept_as_an_alias() -> None:
    """PwC lists "QQP" as a task whose dataset is Quora Question Pairs: a table header "QQP"
    and the paper's mention "QQP" are one node, labelled as PwC and gold name it."""
    headers = Table(
        grid([["Model", "QQP", "MNLI"], ["NewNet", "91.8", "90.1"]]),
        number="2",
        caption="Table 2: Accuracy on the test sets.",
    )
    assert {(r.dataset, r.value) for r in _rows(headers, ["NewNet"])} == {
        ("Quora Question Pairs", 91.8),
        ("MultiNLI", 90.1),
    }
    assert full_name("QQP dev") == "Quora Question Pairs dev"  # the split printed stays
    assert full_name("Yelp-2") == "Yelp-2"  # a name no list shortens is kept
    assert full_name("CIFAR-10 test set") == "CIFAR-10"  # the test set is what the name means
    assert full_name("PASCAL VOC 2007 test set") == "PASCAL VOC 2007"
    assert canonical("QQP", EntityType.DATASET).label == "Quora Question Pairs"
    assert canonical("QQP", EntityType.TASK).label == "QQP"  # only a dataset is resolved so


def test_a_depth_printed_under_its_method_once_is_that_methods_variant() -> None:
    depths = Table(
        grid(
            [
                ["method", "error (%)"],
                ["Highway [42]", "7.72"],
                ["FitNet [35]", "8.39"],
                ["ResNet", ""],
                ["44", "7.17"],
                ["110", "6.43"],
            ]
        ),
        number="6",
        caption="Table 6. Classification error on the CIFAR-10 test set.",
    )
    rows = _rows(depths, ["ResNet"])
    assert [(r.method, r.dataset, r.metric, r.value) for r in rows] == [
        ("ResNet-44", "CIFAR-10", "Error", 7.17),
        ("ResNet-110", "CIFAR-10", "Error", 6.43),
    ]


def test_values_joined_in_one_cell_are_one_result_per_part_the_header_names() -> None:
    glue = Table(
        grid(
            [
                ["Model", "MNLI-m/mm", "QNLI"],
                ["BERT [2]", "86.6/86.1", "92.3"],
                ["NewNet", "90.2/89.7", "93.9"],
            ]
        ),
        number="3",
        caption="Table 3: Results on the GLUE test sets.",
    )
    rows = {(r.dataset, r.metric): r.value for r in _rows(glue, ["NewNet"])}
    assert rows == {
        ("MultiNLI-m", "Accuracy"): 90.2,
        ("MultiNLI-mm", "Accuracy"): 89.7,
        ("QNLI", "Accuracy"): 93.9,
    }
    ner = Table(
        grid([["Model", "Precision/Recall/F1"], ["NewNet", "93.1/92.4/92.8"]]),
        number="4",
        caption="Table 4: Results on the CoNLL-2003 test set.",
    )
    assert {(r.metric, r.value) for r in _rows(ner, ["NewNet"])} == {
        ("Precision", 93.1),
        ("Recall", 92.4),
        ("F1", 92.8),
    }


def test_a_joined_cell_under_a_header_naming_no_parts_is_not_split() -> None:
    from papergraph.ingest.extract.table_grid import header_parts

    assert header_parts("MNLI", 2) is None  # "90.2/89.7" under "MNLI": which is which is unsaid
    assert header_parts("Published EM / F1", 2) == ["Published EM", "Published F1"]
    assert header_parts("SST-2/SST-5", 2) == ["SST-2", "SST-5"]
    assert header_parts("MNLI-(m/mm)", 2) == ["MNLI-m", "MNLI-mm"]


def test_headers_printed_in_the_body_name_the_columns_below_them() -> None:
    """ResNet's CIFAR-10 table: "# layers" and "# params" are printed above the rows that fill
    them, under a first header row that names only the method and the error column."""
    cells = [
        TableCell(0, 0, "method", col_span=2),
        TableCell(0, 3, "error (%)"),
        TableCell(1, 0, "Maxout [10]", col_span=2),
        TableCell(1, 3, "9.38"),
        TableCell(2, 1, "# layers"),
        TableCell(2, 2, "# params"),
        TableCell(3, 0, "Highway [42, 43]"),
        *(TableCell(3, c, t) for c, t in ((1, "19"), (2, "2.3M"), (3, "7.54 (7.72±0.16)"))),
        TableCell(4, 0, "ResNet"),
        *(TableCell(4, c, t) for c, t in ((1, "110"), (2, "1.7M"), (3, "6.43 (6.61±0.16)"))),
    ]
    depths = Table(cells, number="6", caption="Table 6. Classification error on CIFAR-10.")
    [row] = _rows(depths, ["ResNet"])
    assert (row.method, row.dataset, row.metric, row.value) == (
        "ResNet-110",  # its depth names it; its parameter count is a measurement
        "CIFAR-10",
        "Error",
        6.43,  # the best run, printed before the mean and spread
    )


def test_the_ap_columns_of_a_mask_table_are_mask_metrics() -> None:
    masks = Table(
        grid([["Method", "APmask", "AP50", "APS"], ["NewNet", "44.4", "67.7", "25.6"]]),
        number="5",
        caption="Table 5: Instance segmentation comparison on COCO test-dev.",
    )
    assert {(r.metric, r.value) for r in _rows(masks, ["NewNet"])} == {
        ("mask AP", 44.4),
        ("mask AP50", 67.7),
        ("mask APS", 25.6),
    }


def test_image_classification_test_set_columns_are_top_1_accuracy() -> None:
    """A table of ImageNet, ImageNet ReaL and ObjectNet columns with no metric anywhere
    (ViT-G's Table 1): each is the top-1 accuracy its own paper reports."""
    sets = Table(
        grid(
            [
                ["Benchmark", "ImageNet", "ImageNet ReaL", "ObjectNet"],
                ["BiT-L [23]", "87.54", "90.54", "58.7"],
                ["Our NewNet-G", "90.45±0.03", "90.81±0.01", "70.53±0.52"],
            ]
        ),
        number="1",
        caption="Table 1. The results for NewNet-G, compared to the previous state of the art.",
    )
    rows = {r.dataset: (r.metric, r.value) for r in _rows(sets, ["NewNet"])}
    assert rows == {
        "ImageNet": ("Top-1 Accuracy", 90.45),
        "ImageNet ReaL": ("Top-1 Accuracy", 90.81),
        "ObjectNet": ("Top-1 Accuracy", 70.53),
    }


def test_a_vtab_column_is_its_mean_top_1_accuracy_in_image_classification() -> None:
    """Scaling ViT's Table 1 prints "VTAB (light)" beside ImageNet with no metric anywhere: the
    benchmark's score, the top-1 accuracy averaged over its tasks, had no usual metric and
    the column gave no row."""
    sets = Table(
        grid(
            [
                ["Benchmark", "ImageNet", "VTAB (light)"],
                ["BiT-L (ResNet) [23]", "87.54", "76.29"],
                ["Our NewNet-G", "90.45±0.03", "78.29±0.53"],
            ]
        ),
        number="1",
        caption="Table 1. The results for NewNet-G, compared to the previous state of the art.",
    )
    vtab = [r for r in _rows(sets, ["NewNet"]) if r.dataset and r.dataset.startswith("VTAB")]
    assert [(r.metric, r.value, r.task) for r in vtab] == [
        ("Top-1 Accuracy", 78.29, "image classification")
    ]


def test_cloze_reading_columns_with_a_split_are_that_sets_accuracy_the_test_one_kept() -> None:
    """ "CNN val | CNN test | DailyMail val | DailyMail test" (BiDAF's Table 3): the CNN and
    Daily Mail cloze sets' accuracy, the test column's value."""
    cloze = Table(
        grid(
            [
                ["", "CNN val", "CNN test", "DailyMail val", "DailyMail test"],
                ["AS Reader (Kadlec et al., 2016)", "68.6", "69.5", "75.0", "73.9"],
                ["NewNet (Ours)", "76.3", "76.9", "80.3", "79.6"],
            ]
        ),
        number="3",
        caption="Table 3: Results on CNN/DailyMail datasets.",
    )
    rows = {(r.dataset, r.metric, r.value) for r in _rows(cloze, ["NewNet"])}
    assert rows == {("CNN", "Accuracy", 76.9), ("DailyMail", "Accuracy", 79.6)}


def test_a_name_the_lists_know_as_a_method_is_no_dataset_in_a_caption() -> None:
    """ "CNN" is a cloze dataset with a usual metric, and a convolutional network: a caption
    on CNN variants names no dataset by it."""
    caption = "Results of the CNN variants."
    assert dataset_named(caption, hybrid_matcher()) is None


def test_in_1k_is_imagenet_and_a_fine_tuning_setting_table_gives_no_result() -> None:
    """ "IN-1K" is how vision papers shorten ImageNet-1K (ConvNeXt V2's Table 4 "FT acc."
    under "The pre-training data is the IN-1K training set"); a table of "IN-1K fine-tuning
    setting" lists hyperparameters ("ema 0.9999"), no accuracy."""
    compared = Table(
        grid([["Backbone", "Method", "FT acc."], ["NewNet-B", "FCMAE", "84.6"]]),
        number="4",
        caption="Table 4. Comparisons with previous approaches. The pre-training data is the "
        "IN-1K training set.",
    )
    assert {(r.dataset, r.value) for r in _rows(compared, ["NewNet"])} == {("ImageNet", 84.6)}
    setting = Table(
        grid([["config", "value"], ["NewNet ema", "0.9999"], ["NewNet batch size", "1024"]]),
        number="9",
        caption="Table 9. End-to-end IN-1K fine-tuning setting for NewNet models.",
    )
    assert _rows(setting, ["NewNet"]) == []


def test_a_header_clipping_a_name_another_header_prints_is_that_name() -> None:
    """ "INet V2" and "INet ReaL" beside "ImageNet" (ViT-G's Table 1) are ImageNet V2 and
    ImageNet ReaL; a clip no other header spells out stays as it is."""
    clipped = Table(
        grid(
            [
                ["Benchmark", "ImageNet", "INet V2", "INet ReaL"],
                ["Our NewNet-G", "90.45", "83.33", "90.81"],
            ]
        ),
        number="1",
        caption="Table 1. The results for NewNet-G, compared to the previous state of the art.",
    )
    rows = {r.dataset: r.value for r in _rows(clipped, ["NewNet"])}
    assert rows == {"ImageNet": 90.45, "ImageNet V2": 83.33, "ImageNet ReaL": 90.81}
    alone = Table(grid([["Model", "INet V2"], ["NewNet", "83.33"]]), number="2", caption="x")
    assert _rows(alone, ["NewNet"]) == []
