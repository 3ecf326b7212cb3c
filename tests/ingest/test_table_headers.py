"""Column headers typed before a dataset is read from them: settings, languages and the method
column are never datasets; short headers expand to the paper's dataset names."""

from __future__ import annotations

import pytest

from papergraph.core.model import Table, TableCell
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.table_grid import read_grid
from papergraph.ingest.extract.table_headers import HeaderKind, expand_abbreviation, header_kind
from papergraph.ingest.extract.table_names import dataset_named
from papergraph.ingest.extract.table_results import table_results
from papergraph.ingest.extract.table_split import side_by_side
from tests.ingest.tables import RESNET_TABLE_4, grid, paper_with, table_rows

PAPER_DATASETS = {
    "CIFAR-10": "CIFAR-10",
    "CIFAR-100": "CIFAR-100",
    "ImageNet": "ImageNet",
    "ImageNet-1k": "ImageNet",
    "AG News": "AG News",
    "Among Them": "Among Them",  # a phrase typed as a dataset: its "G" is no initial
}


def _found(table: Table, names: list[str], datasets: dict[str, str] | None = None) -> set:
    rows = table_rows(table, names, "NewNet", datasets=datasets or PAPER_DATASETS)
    return {(r.dataset, r.metric, r.value) for r in rows}


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("Speedup", HeaderKind.SETTING),
        ("#layers", HeaderKind.SETTING),
        ("Batch size", HeaderKind.SETTING),
        ("Params", HeaderKind.SETTING),
        ("Latency 80ms", HeaderKind.SETTING),
        ("Ko", HeaderKind.LANGUAGE),
        ("En", HeaderKind.LANGUAGE),
        ("method", HeaderKind.METHOD),
        ("Model", HeaderKind.METHOD),
        ("top-5 err.", HeaderKind.METRIC),
        ("Yelp-2", HeaderKind.NAME),
        ("DBpedia", HeaderKind.NAME),
        ("Middle", HeaderKind.WORDS),
        ("50K", HeaderKind.WORDS),  # a training-set size qualifies the caption's dataset
        ("10%", HeaderKind.WORDS),
        ("2012", HeaderKind.WORDS),
        ("exaFLOPs", HeaderKind.SETTING),  # pre-training compute (ViT's Table 6), no dataset
    ],
)
def test_a_header_is_typed_as_metric_setting_language_method_name_or_words(
    header: str, kind: HeaderKind
) -> None:
    assert header_kind(header) is kind


@pytest.mark.parametrize(
    ("header", "dataset"),
    [
        ("C10", "CIFAR-10"),
        ("C100", "CIFAR-100"),
        ("C10+", "CIFAR-10"),
        ("C100+", "CIFAR-100"),
        ("IN-1k", "ImageNet"),
        ("AG", "AG News"),
    ],
)
def test_a_short_header_expands_to_the_dataset_the_paper_names(header: str, dataset: str) -> None:
    assert expand_abbreviation(header, PAPER_DATASETS) == dataset


def test_a_word_or_an_ambiguous_abbreviation_expands_to_nothing() -> None:
    assert expand_abbreviation("Dev", PAPER_DATASETS) is None
    assert expand_abbreviation("C10", {"CIFAR-10": "CIFAR-10", "CUB-10": "CUB-10"}) is None


def test_setting_language_and_method_columns_give_no_dataset() -> None:
    table = Table(
        grid(
            [
                ["Model", "En", "Ko", "Speedup", "method"],
                ["Baseline", "80.1", "70.2", "1.0", "3"],
                ["NewNet (ours)", "81.5", "72.4", "2.5", "4"],
            ]
        ),
        "3",
        "Table 3: Accuracy of each model.",
    )
    assert _found(table, ["NewNet"]) == set()


def test_abbreviated_dataset_columns_are_the_papers_datasets() -> None:
    table = Table(
        grid([["Model", "C10", "C100", "IN-1k"], ["NewNet (ours)", "96.1", "81.2", "77.0"]]),
        "2",
        "Table 2: Top-1 accuracy.",
    )
    assert _found(table, ["NewNet"]) == {
        ("CIFAR-10", "Top-1 Accuracy", 96.1),
        ("CIFAR-100", "Top-1 Accuracy", 81.2),
        ("ImageNet", "Top-1 Accuracy", 77.0),
    }


def test_subset_columns_in_words_give_the_captions_dataset_each_part_qualified() -> None:
    """The metric's own column is the whole test set; "Middle" and "High" its parts."""
    table = Table(
        grid([["Model", "Accuracy", "Middle", "High"], ["NewNet", "81.8", "85.5", "80.2"]]),
        "1",
        "Table 1: Results on the test set of RACE.",
    )
    assert _found(table, ["NewNet"]) == {
        ("RACE", "Accuracy", 81.8),
        ("RACE (Middle)", "Accuracy", 85.5),
        ("RACE (High)", "Accuracy", 80.2),
    }


def test_an_error_is_never_an_accuracy_in_the_lexicon() -> None:
    matcher = hybrid_matcher()
    for rank in ("1", "5"):
        entry = matcher.lookup(f"top-{rank} error")
        assert entry is not None and entry.label == f"top-{rank} error"


def _rows_of(tables: list[Table]) -> set:
    paper = paper_with(tables, "A paper", "We propose NewNet.")
    rows = table_results(paper, hybrid_matcher(), ["NewNet"], datasets=PAPER_DATASETS)
    return {(r.dataset, r.metric, r.value, r.evidence[0].table) for r in rows}


def test_a_grid_under_two_captions_is_the_later_captions() -> None:
    cells = grid([["Model", "Accuracy"], ["NewNet", "81.8"]])
    first = Table(cells, "4", "Table 4: Results on GLUE.")
    second = Table(cells, "5", "Table 5: Results on the test set of RACE.")
    assert _rows_of([first, second]) == {("RACE", "Accuracy", 81.8, "5")}


def test_an_ablation_table_gives_no_results_unless_ablation_is_a_later_sentence() -> None:
    cells = grid([["Model", "Accuracy"], ["NewNet", "81.8"], ["NewNet w/o attention", "79.0"]])
    ablation = Table(cells, "6", "Table 6: Ablation study on the RACE dev set.")
    effect = Table(cells, "7", "Table 7. Effect of depth on RACE accuracy.")
    assert _rows_of([ablation, effect]) == set()
    main = Table(cells, "1", "Table 1: Results on RACE. Ablations are in Table 6.")
    assert ("RACE", "Accuracy", 81.8, "1") in _rows_of([main])


def test_a_merged_header_cell_printing_one_name_per_column_is_split() -> None:
    cells = [
        TableCell(0, 0, "Tasks"),
        TableCell(0, 1, "C10 C100", col_span=2),
        TableCell(0, 3, "Dev Set", col_span=2),
        TableCell(1, 1, "Acc."),
        TableCell(1, 2, "Acc."),
        TableCell(1, 3, "Acc."),
        TableCell(1, 4, "F1"),
        *(TableCell(2, c, text) for c, text in enumerate(["NewNet", "96.1", "81.2", "70", "60"])),
    ]
    read = read_grid(Table(cells, "1", "Table 1: Results."))
    assert read is not None
    headers = read.column_headers
    assert (headers[1], headers[2]) == ("C10 Acc.", "C100 Acc.")
    assert headers[3] == "Dev Set Acc."  # two words over two columns: one header, not split


def test_a_dataset_opening_a_longer_known_name_is_found() -> None:
    assert dataset_named("Raw scores on Atari games", hybrid_matcher()) == "Atari"


def test_a_test_column_wins_over_a_validation_column_of_the_same_metric() -> None:
    table = Table(
        grid([["Model", "Val Top-1 Acc", "Test Top-1 Acc"], ["NewNet", "56.3", "57.2"]]),
        "6",
        "Table 6: Results on ImageNet.",
    )
    assert _found(table, ["NewNet"]) == {("ImageNet", "Top-1 Accuracy", 57.2)}


def test_a_row_label_naming_two_datasets_is_the_last_one_in_a_methods_across_table() -> None:
    table = Table(
        grid(
            [
                ["Pre-trained", "Dataset", "NewNet-B", "Baseline"],
                ["ImageNet", "CIFAR-10", "98.1", "97.0"],
                ["", "CIFAR-100", "87.1", "86.0"],
            ]
        ),
        "5",
        "Table 5: Top-1 accuracy of NewNet when pre-trained on ImageNet.",
    )
    assert _found(table, ["NewNet"]) >= {("CIFAR-10", "Top-1 Accuracy", 98.1)}


def test_settings_beside_the_label_tell_variants_apart_and_symbols_are_settings() -> None:
    table = Table(
        grid(
            [
                [
                    "Model",
                    "Params B",
                    "L",
                    "PIQA acc",
                    "HellaSwag acc_norm",
                    "ARC-e acc",
                    "ARC-c acc",
                ],
                ["NewNet", "0.17", "12", "65.1", "32.3", "47.5", "24.2"],
                ["NewNet", "1.5", "24", "72.4", "52.5", "60.5", "29.4"],
            ]
        ),
        "3",
        "Table 3: Zero-shot performance.",
    )
    paper = paper_with([table], "A paper", "We propose NewNet.")
    rows = table_results(paper, hybrid_matcher(), ["newnet"], datasets=PAPER_DATASETS)
    found = {(r.method, r.dataset, r.metric, r.value) for r in rows}
    assert ("NewNet (L: 12)", "PIQA", "Accuracy", 65.1) in found  # the depth tells them apart,
    # not the size it measures; HellaSwag's column is the normalised accuracy it prints
    assert ("NewNet (L: 24)", "HellaSwag", "Normalized Accuracy", 52.5) in found
    assert {d for _, d, _, _ in found} == {"PIQA", "HellaSwag", "ARC (Easy)", "ARC (Challenge)"}
    assert len(found) == 8  # no result from the parameter count or the layer count


def test_a_printed_variant_suffix_stays_on_the_dataset() -> None:
    assert dataset_named("MNLI-m", hybrid_matcher()) == "MultiNLI-m"


def test_numbers_the_reader_ran_into_one_cell_are_read_one_per_column() -> None:
    cells = [
        TableCell(0, 0, "System"),
        TableCell(0, 1, "Dev"),
        TableCell(0, 3, "Test"),
        TableCell(1, 1, "EM"),
        TableCell(1, 2, "F1"),
        TableCell(1, 3, "EM"),
        TableCell(1, 3, "F1"),  # placed in a column its neighbour holds
        TableCell(2, 0, "NewNet (single)"),
        TableCell(2, 1, "84.1 90.9 85.1 91.8", col_span=3),
        TableCell(3, 0, "Baseline"),
        TableCell(3, 1, "3.14 (3.08)"),  # a value and its bracketed train figure: one cell
    ]
    table = Table(cells, "2", "Table 2: SQuAD 1.1 results.")
    grid_ = read_grid(table)
    assert grid_ is not None
    assert [grid_.column_headers[c] for c in (1, 2, 3, 4)] == [
        "Dev EM",
        "Dev F1",
        "Test EM",
        "Test F1",
    ]
    assert {c: cell.text for c, cell in grid_.rows[0].cells.items()} == {
        1: "84.1",
        2: "90.9",
        3: "85.1",
        4: "91.8",
    }
    assert grid_.rows[1].cells[1].text == "3.14 (3.08)"


def test_a_word_of_a_longer_header_abbreviating_a_dataset_names_it() -> None:
    table = Table(
        grid([["Method", "CQA Dev Set Accuracy (%)"], ["NewNet", "72.3"]]),
        "1",
        "Table 1: We evaluate a variety of baselines.",
    )
    datasets = {"CommonsenseQA": "CommonsenseQA"}
    assert _found(table, ["NewNet"], datasets) == {("CommonsenseQA", "Accuracy", 72.3)}


def test_a_column_of_dashes_for_unreported_values_is_a_value_column() -> None:
    table = Table(
        grid(
            [
                ["System", "Dev EM", "Dev F1", "Test EM", "Test F1"],
                ["Human", "-", "-", "82.3", "91.2"],
                ["unet (Ensemble)", "-", "-", "71.4", "74.9"],
                ["NewNet (Single)", "78.7", "81.9", "80.0", "83.1"],
            ]
        ),
        "3",
        "Table 3: SQuAD 2.0 results.",
    )
    grid_ = read_grid(table)
    assert grid_ is not None
    assert grid_.rows[2].label == "NewNet (Single)"
    assert grid_.rows[2].cells[1].text == "78.7"


def test_columns_with_augmentation_marks_are_the_plain_datasets() -> None:
    table = Table(
        grid([["Method", "C10+", "C100+"], ["NewNet (ours)", "3.46", "17.18"]]),
        "2",
        "Table 2: Error rates (%) on CIFAR. + indicates standard data augmentation.",
    )
    assert _found(table, ["NewNet"]) == {("CIFAR-10", "Error", 3.46), ("CIFAR-100", "Error", 17.18)}


def test_a_group_name_under_the_headers_is_no_header() -> None:
    cells = grid(
        [
            ["System", "Dev", "", "Test", ""],
            ["", "EM", "F1", "EM", "F1"],
            ["Top Leaderboard Systems (Dec 10th, 2018)"],
            ["Human", "-", "-", "82.3", "91.2"],
            ["NewNet (Single)", "84.1", "90.9", "-", "-"],
        ]
    )
    grid_ = read_grid(Table(cells, "2", "Table 2: SQuAD 1.1 results."))
    assert grid_ is not None
    assert [grid_.column_headers[c] for c in (1, 2, 3, 4)] == [
        "Dev EM",
        "Dev F1",
        "Test EM",
        "Test F1",
    ]
    assert grid_.rows[0].group == "Top Leaderboard Systems (Dec 10th, 2018)"


def test_two_tables_printed_side_by_side_are_read_apart_each_with_its_dataset() -> None:
    cells = grid(
        [
            ["SQuAD1.1", "EM", "F1", "SQuAD2.0", "EM", "F1"],
            ["BERT [10]", "84.1", "90.9", "BERT [10]", "78.98", "81.77"],
            ["NewNet", "88.95", "94.52", "NewNet", "86.12", "88.79"],
        ]
    )
    table = Table(cells, "2", "Table 2: Results on SQuAD1.1 and SQuAD2.0.")
    assert [len(part.cells) for part in side_by_side(table)] == [9, 9]
    datasets = {"SQuAD1.1": "SQuAD1.1", "SQuAD2.0": "SQuAD2.0"}
    assert {("SQuAD1.1", "EM", 88.95), ("SQuAD2.0", "EM", 86.12)} <= _found(
        table, ["NewNet"], datasets
    )


def test_an_ablation_beside_the_main_table_keeps_its_own_label_column() -> None:
    cells = grid(
        [
            ["", "EM", "F1", "", "EM", "F1"],
            ["Match-LSTM", "64.7", "73.7", "No char embedding", "65.0", "75.4"],
            ["R-Net", "68.4", "77.5", "No word embedding", "55.5", "66.8"],
            ["NewNet (Ours)", "68.0", "77.3", "NewNet (single)", "67.7", "77.3"],
        ]
    )
    left, right = side_by_side(Table(cells, "1", "Table 1: Results on the SQuAD dev set."))
    assert {c.text for c in right.cells if c.col == 0} == {
        "No char embedding",
        "No word embedding",
        "NewNet (single)",
    }
    assert max(c.col for c in left.cells) == 2


def test_a_table_with_one_label_column_is_one_table() -> None:
    assert side_by_side(RESNET_TABLE_4) == [RESNET_TABLE_4]


def test_a_header_naming_a_known_method_names_no_dataset() -> None:
    # DetectGPT's columns name the model whose text is detected, not where it was tested
    assert header_kind("GPT-2") is HeaderKind.METHOD
    assert header_kind("Yelp-2") is HeaderKind.NAME  # a name no list knows stays a dataset
