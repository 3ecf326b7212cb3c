"""Label columns that qualify a row's method: a block label printed once over its rows, a label
set one line per row, a setting column beside the name; and metric headers that are no dataset."""

from __future__ import annotations

from papergraph.core.model import Table
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.label_columns import row_labels
from papergraph.ingest.extract.table_results import table_results
from tests.ingest.tables import grid, paper_with, table_rows


def _found(table: Table, name: str) -> set[tuple]:
    rows = table_rows(table, [name], title=f"{name}: a method")
    return {(r.method, r.dataset, r.metric, r.value) for r in rows}


def test_a_block_label_printed_once_qualifies_every_row_of_its_block() -> None:
    """ViT's Table 5: the pre-training set printed beside the first row of each block of
    datasets; every block's values are results, each method named with its block's label."""
    table = Table(
        grid(
            [
                ["", "", "NewViT-B", "NewViT-L"],
                ["ImageNet-21k", "CIFAR-10", "98.95", "99.16"],
                ["", "CIFAR-100", "91.67", "93.44"],
                ["JFT-300M", "CIFAR-10", "99.00", "99.38"],
                ["", "CIFAR-100", "91.87", "94.04"],
            ]
        ),
        "5",
        "Table 5: Top1 accuracy (in %) of NewViT on various datasets when pre-trained on "
        "ImageNet-21k or JFT-300M.",
    )
    found = _found(table, "NewViT")
    assert len(found) == 8
    assert ("NewViT-B (ImageNet-21k)", "CIFAR-100", "Top-1 Accuracy", 91.67) in found
    assert ("NewViT-B (JFT-300M)", "CIFAR-100", "Top-1 Accuracy", 91.87) in found
    assert ("NewViT-L (JFT-300M)", "CIFAR-10", "Top-1 Accuracy", 99.38) in found


def test_a_block_label_centred_beside_its_block_names_every_row_of_it() -> None:
    """OPT's Table 5: each category printed once, beside the middle of its three rows (a
    LaTeX multirow): the rows above and below the label are of its block too."""
    table = Table(
        grid(
            [
                ["Category", "", "Base-1", "NewLM-1"],
                ["", "CIFAR-10", "75.7", "76.2"],
                ["Small", "CIFAR-100", "61.1", "62.6"],
                ["", "SVHN", "90.1", "91.4"],
                ["", "CIFAR-10", "80.8", "84.0"],
                ["Large", "CIFAR-100", "65.0", "68.9"],
                ["", "SVHN", "93.3", "94.5"],
            ]
        ),
        "5",
        "Table 5: Top-1 accuracy (in %) of Base and NewLM.",
    )
    found = _found(table, "NewLM")
    assert {(method, dataset, value) for method, dataset, _, value in found} == {
        ("NewLM-1 (Small)", "CIFAR-10", 76.2),
        ("NewLM-1 (Small)", "CIFAR-100", 62.6),
        ("NewLM-1 (Small)", "SVHN", 91.4),
        ("NewLM-1 (Large)", "CIFAR-10", 84.0),
        ("NewLM-1 (Large)", "CIFAR-100", 68.9),
        ("NewLM-1 (Large)", "SVHN", 94.5),
    }


RAG_LIKE = Table(
    grid(
        [
            ["", "Model", "NQ", "WQ"],
            ["Closed", "T5-11B [52]", "34.5", "37.4"],
            ["Book", "NewQA-Closed", "36.6", "44.7"],
            ["Open", "REALM [20]", "40.4", "40.7"],
            ["Book", "NewQA-Open", "41.5", "41.1"],
            ["", "NewQA-Token", "44.1", "45.5"],
            ["", "NewQA-Seq.", "44.5", "45.2"],
        ]
    ),
    "1",
    "Table 1: Open-Domain QA Test Scores (exact match).",
)


def test_a_label_set_one_line_per_row_is_one_label_over_those_rows_only() -> None:
    """RAG's Table 1: "Closed" / "Book" beside two rows is "Closed Book", never "Book" glued
    into a name; the rows after the last such label, unlabelled, belong to no block."""
    methods = {method for method, *_ in _found(RAG_LIKE, "NewQA")}
    assert methods == {
        "NewQA-Closed (Closed Book)",
        "NewQA-Open (Open Book)",
        "NewQA-Token",
        "NewQA-Seq.",
    }


def test_the_evidence_row_header_prints_the_block_label_with_the_name() -> None:
    paper = paper_with([RAG_LIKE], "NewQA: a method", "We propose NewQA.")
    rows = table_results(paper, hybrid_matcher(), ["newqa"])
    open_row = next(r for r in rows if r.value == 41.5)
    assert open_row.evidence[0].row_header == "Open Book NewQA-Open"


def test_a_settings_column_beside_the_name_qualifies_the_method() -> None:
    """OPT's Table 2: "Eval" prints "Unsup." / "Sup." beside each model: a setting, not part
    of the name ("OPT-175B Unsup.")."""
    table = Table(
        grid(
            [
                ["Model", "Eval", "Perplexity C2", "Perplexity WW"],
                ["Reddit 2.7B", "Unsup.", "18.9", "21.0"],
                ["BlenderBot 1", "Sup.", "10.2", "12.5"],
                ["R2C2 BlenderBot", "Sup.", "10.5", "12.4"],
                ["NewChat-175B", "Unsup.", "10.8", "13.3"],
            ]
        ),
        "2",
        "Table 2: Dialogue Evaluations on ConvAI2 (C2) and Wizard of Wikipedia (WW).",
    )
    methods = {method for method, *_ in _found(table, "NewChat")}
    assert methods == {"NewChat-175B (Unsup.)"}


def test_a_second_label_column_of_names_stays_part_of_the_name() -> None:
    """ "Backbone | Method": a method column of names is the name, never a qualifier."""
    table = Table(
        grid(
            [
                ["Backbone", "Method", "COCO AP"],
                ["ResNet-50", "Cascade Mask", "46.3"],
                ["NewNet-B", "Cascade Mask", "52.2"],
                ["NewNet-B", "FCOS", "47.0"],
            ]
        ),
        "9",
        "Table 9: Object detection on COCO.",
    )
    methods = {method for method, *_ in _found(table, "NewNet")}
    assert methods == {"NewNet-B Cascade Mask", "NewNet-B FCOS"}


def test_a_metric_header_the_metric_lists_know_is_never_a_dataset() -> None:
    """LoRA's NLG tables (E2E, DART, WebNLG): "NIST" and "MET" (METEOR) are metrics beside
    BLEU, not a dataset "NIST" taking the caption's BLEU."""
    table = Table(
        grid(
            [
                ["Method", "WebNLG", "", "", ""],
                ["", "BLEU", "NIST", "MET", "CIDEr"],
                ["Adapter [12]", "66.3", "8.41", "45.0", "2.40"],
                ["NewTune", "70.4", "8.85", "46.8", "2.53"],
            ]
        ),
        "3",
        "Table 3: GPT-2 with different adaptation methods. For all metrics, higher is better.",
    )
    found = _found(table, "NewTune")
    assert {(dataset, metric, value) for _, dataset, metric, value in found} == {
        ("WebNLG", "BLEU", 70.4),
        ("WebNLG", "NIST", 8.85),
        ("WebNLG", "METEOR", 46.8),
        ("WebNLG", "CIDEr", 2.53),
    }


def test_a_row_labelled_by_a_settings_value_is_the_method_run_so() -> None:
    """LoRA's Table 18: rows labelled "1", "4", ... under "Rank r", the bold one the paper's
    result: LoRA run with rank 4, not a method called "4"; and the caption's BLEU ("r = 4 for
    BLEU") is the BLEU column's, never the "val loss" column's."""
    table = Table(
        grid(
            [
                ["Rank r", "val loss", "BLEU", "NIST"],
                ["1", "1.23", "68.72", "8.7215"],
                ["4", "1.18", "70.38", "8.8439"],
                ["16", "1.16", "69.61", "8.7483"],
            ],
            bold={(2, 2), (2, 3)},
        ),
        "18",
        "Table 18: Validation loss and test set metrics on WebNLG achieved by NewTune with "
        "different rank r. The performance peaks at r = 16 for validation loss and r = 4 for BLEU.",
    )
    assert _found(table, "NewTune") == {
        ("NewTune (Rank r: 4)", "WebNLG", "BLEU", 70.38),
        ("NewTune (Rank r: 4)", "WebNLG", "NIST", 8.8439),
    }


def test_a_source_and_a_target_column_name_one_language_pair_per_row() -> None:
    """PaLM's Table 13: "Src" and "Tgt" columns ("en" beside "fr", "fr" beside "en"), the
    model's own columns across the top: each row is its pair's WMT set, not "en" qualified
    by "fr"."""
    table = Table(
        grid(
            [
                ["Src", "Tgt", "Prior SOTA", "NewLM 540B"],
                ["en", "fr", "32.9", "38.5"],
                ["en", "de", "25.4", "31.8"],
                ["fr", "en", "35.5", "41.1"],
            ]
        ),
        "13",
        "Table 13: Translation BLEU scores on traditional WMT language pairs.",
    )
    found = _found(table, "NewLM")
    assert ("NewLM 540B", "WMT English-French", "BLEU", 38.5) in found
    assert ("NewLM 540B", "WMT French-English", "BLEU", 41.1) in found
    assert len(found) == 3


#: REALM's Table 1 (2002.08909, p7) cut down: a name column, then two columns that describe
#: how each model is built, then the values.
BUILT_OF = Table(
    grid(
        [
            ["Name", "Architectures", "Pre-training", "NQ", "WQ"],
            ["ORQA (Lee et al., 2019)", "Dense Retr.+Transformer", "ICT+BERT", "33.3", "36.4"],
            ["Ours (X = Wikipedia)", "Dense Retr.+Transformer", "NewQA", "39.2", "40.2"],
            ["Ours (X = CC-News)", "Dense Retr.+Transformer", "NewQA", "40.4", "40.7"],
        ]
    ),
    "1",
    "Table 1. Test results on Open-QA benchmarks, exact match. Our model, NewQA, outperforms "
    "all existing systems.",
)


def test_columns_describing_the_model_beside_a_name_column_are_no_part_of_the_name() -> None:
    """The name column names the row; "Architectures" and "Pre-training" describe it (glued in,
    REALM's rows read "Ours (X = CC-News, ...) Dense Retr.+Transformer REALM"), and a row saying
    "Ours" is the paper's method, its setting kept: the one thing telling its rows apart."""
    methods = {method for method, *_ in _found(BUILT_OF, "NewQA")}
    assert methods == {"NewQA (X = Wikipedia)", "NewQA (X = CC-News)"}


def test_a_describing_column_qualifies_a_name_only_where_it_tells_two_rows_apart() -> None:
    """Two rows of one name, pre-trained two ways: the pre-training tells them apart and stays,
    as a setting; the row named once drops it."""
    cells = grid(
        [
            ["Model", "Pre-training", "NQ"],
            ["T5 (base)", "T5", "25.9"],
            ["T5 (base)", "T5 (Multitask)", "27.0"],
            ["DrQA", "N/A", "20.7"],
        ]
    )
    labels = row_labels({(c.row, c.col): c for c in cells}, [0], [1, 2, 3], 2)
    assert [(labels[r].name, labels[r].qualifiers) for r in (1, 2, 3)] == [
        ("T5 (base)", ("T5",)),
        ("T5 (base)", ("T5 (Multitask)",)),
        ("DrQA", ()),
    ]


def test_a_detector_label_centred_beside_its_backbone_rows_names_every_row() -> None:
    """MicroNet's Table 8: "R-CNN" and "RetinaNet" each printed once, beside the middle of
    their three backbone rows; the rows above and below it are that detector's too, so one
    backbone's two detectors are two rows, not one."""
    table = Table(
        grid(
            [
                ["Backbone", "Framework", "MAdds", "mAP"],
                ["MobileNetV3", "", "56M", "25.9"],
                ["NewNet-M3", "R-CNN", "21M", "26.2"],
                ["NewNet-M2", "", "12M", "22.7"],
                ["MobileNetV3", "", "56M", "24.0"],
                ["NewNet-M3", "RetinaNet", "21M", "25.4"],
                ["NewNet-M2", "", "12M", "22.6"],
            ]
        ),
        "8",
        "Table 8. COCO object detection results.",
    )
    found = {(method, value) for method, _, _, value in _found(table, "NewNet")}
    assert found == {
        ("NewNet-M3 R-CNN", 26.2),
        ("NewNet-M2 R-CNN", 22.7),
        ("NewNet-M3 RetinaNet", 25.4),
        ("NewNet-M2 RetinaNet", 22.6),
    }


def test_block_labels_centred_beside_blocks_of_different_sizes_name_no_row() -> None:
    """ConvNeXt V2's Table 5: "Conv", "Hybrid", "Trans" under "Type", each centred beside its
    block of 2, 3, 2 and 2 backbones, the first on a line of its own. The blocks cannot be
    placed, so a label stays out of the name of the row it happens to stand beside."""
    table = Table(
        grid(
            [
                ["Type", "Backbone", "size", "Val acc."],
                ["", "EffNet-XL", "480", "87.3"],
                ["Conv", "", "", ""],
                ["", "ConvNet-XL", "384", "87.8"],
                ["", "HybNet-4", "512", "88.1"],
                ["Hybrid", "MaxNet-XL", "384", "88.5"],
                ["", "MaxNet-XL", "512", "88.7"],
                ["", "ViTNet-H", "384", "88.6"],
                ["Trans", "ViTNet-H", "512", "88.8"],
                ["", "NewNet-H", "384", "88.7"],
                ["Conv", "NewNet-H", "512", "88.9"],
            ]
        ),
        "5",
        "Table 5. ImageNet-1K fine-tuning results using IN-21K labels.",
    )
    found = _found(table, "NewNet")
    assert {(method, value) for method, _, _, value in found} == {
        ("NewNet-H (size: 384)", 88.7),
        ("NewNet-H (size: 512)", 88.9),
    }


def test_a_setting_centred_beside_each_block_of_the_same_names_qualifies_its_rows() -> None:
    """FLAN's Table 4: a baseline and the method prompt-tuned on 32 examples ("32" on a line of
    its own between the block's two rows), then on the full dataset ("full" / "dataset" broken
    over the block's two rows): each row names its block's setting, and no name takes a word of
    it ("NewLM dataset")."""
    table = Table(
        grid(
            [
                ["", "Tuning examples", "BoolQ", "MultiRC"],
                ["", "", "acc.", "F1"],
                ["Base", "", "55.5", "65.4"],
                ["", "32", "", ""],
                ["NewLM", "", "77.5", "76.8"],
                ["Base", "full", "82.8", "78.6"],
                ["NewLM", "dataset", "86.3", "83.4"],
            ]
        ),
        "4",
        "Table 4: NewLM responds better to prompt tuning than Base.",
    )
    found = {(m, d, v) for m, d, _, v in _found(table, "NewLM")}
    assert ("NewLM (Tuning examples: full dataset)", "MultiRC", 83.4) in found
    assert ("NewLM (Tuning examples: 32)", "MultiRC", 76.8) in found
    assert not any(str(m).endswith("dataset") for m, _, _ in found)


def test_names_that_do_not_repeat_block_after_block_take_no_block_setting() -> None:
    """A second label column of a plain table (each row its own name) stays as it was read."""
    table = Table(
        grid(
            [
                ["", "Tuning examples", "BoolQ"],
                ["Base", "", "55.5"],
                ["", "32", ""],
                ["NewLM", "", "77.5"],
                ["Other", "full", "82.8"],
                ["NewLM-L", "dataset", "86.3"],
            ]
        ),
        "4",
        "Table 4: NewLM and Base accuracy.",
    )
    assert not any("Tuning examples" in str(m) for m, _, _, _ in _found(table, "NewLM"))


def _cycled(header: str, settings: tuple[str, str], name_header: str = "") -> Table:
    """FLAN's Table 4 layout: a column under `header` printing one setting per block of "Base",
    "NewLM", centred beside the first block, broken over the second block's two lines."""
    first, second = settings
    return Table(
        grid(
            [
                [name_header, header, "BoolQ"],
                ["Base", "", "55.5"],
                ["", first, ""],
                ["NewLM", "", "77.5"],
                ["Base", second.split()[0], "82.8"],
                ["NewLM", " ".join(second.split()[1:]), "86.3"],
            ]
        ),
        "4",
        "Table 4: NewLM and Base accuracy.",
    )


def test_a_column_of_datasets_or_tasks_beside_each_block_is_no_setting() -> None:
    """A "Dataset" (or "Task", "Language") column centred beside each block names what the block
    is run on, never a setting of the method ("NewLM (Dataset: CIFAR-10)"); nor does a column
    under another header whose block texts are known datasets."""
    for header, settings in [
        ("Dataset", ("CIFAR-10", "CIFAR 100")),
        ("Task", ("ranking", "question answering")),
        ("Language", ("en", "de fr")),
        ("Eval set", ("CIFAR-10", "SVHN ImageNet")),
    ]:
        methods = {m for m, _, _, _ in _found(_cycled(header, settings), "NewLM")}
        assert not any(f"{header}:" in str(m) for m in methods), (header, methods)


def test_a_describing_column_that_is_also_a_block_setting_qualifies_the_row_once() -> None:
    """A "Pre-training" column beside a "Model" column printing one setting per block: the
    block's setting, not again its words on the row's own line ("NewLM (dataset, ...)")."""
    table = _cycled("Pre-training", ("32", "full dataset"), name_header="Model")
    methods = {m for m, _, _, _ in _found(table, "NewLM")}
    assert methods == {"NewLM (Pre-training: 32)", "NewLM (Pre-training: full dataset)"}
