"""Datasets tables name with a qualifier: "Dataset: X" fragments, sizes, domains and subsets;
and a metric whose name a header broke at its hyphen ("Self-" over "BLEU")."""

from __future__ import annotations

from papergraph.core.model import Table
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.metric_names import read_metric, unbroken
from papergraph.ingest.extract.table_datasets import (
    body_renamed,
    caption_subset,
    fragment_dataset,
    sized,
)
from papergraph.ingest.extract.table_grid import Grid, Row
from papergraph.ingest.extract.table_names import dataset_named
from papergraph.ingest.extract.table_results import table_results
from tests.ingest.tables import grid, paper_with, table_rows

PARAPHRASE_TABLE = Table(
    grid(
        [
            ["Method", "BLEU", "Self-", "BLEU", "Self-"],
            ["", "", "BLEU", "", "BLEU"],
            ["", "Dataset: QQP 140K", "Dataset: QQP 140K", "Dataset: QQP 50K", "Dataset: QQP 50K"],
            ["LPT", "33.21", "59.16", "28.70", "47.79"],
            ["RAPT (ours)", "34.09", "31.78", "31.61", "38.39"],
        ]
    ),
    number="4",
    caption="Table 4: Comparison of approaches to adapt GPT2 for paraphrase generation.",
)


def test_a_dataset_fragment_names_the_dataset_and_its_size_is_a_qualifier() -> None:
    found = {(r.dataset, r.metric, r.value) for r in table_rows(PARAPHRASE_TABLE, ["RAPT"])}
    assert ("Quora Question Pairs (140K)", "BLEU", 34.09) in found
    assert ("Quora Question Pairs (50K)", "BLEU", 31.61) in found
    assert not any(dataset in ("50K", "140K") for dataset, _, _ in found)


def test_a_hyphen_broken_metric_is_one_word_not_the_metric_it_ends_with() -> None:
    rows = table_rows(PARAPHRASE_TABLE, ["RAPT"])
    self_bleu = {(r.dataset, r.value) for r in rows if r.metric == "Self-BLEU"}
    assert self_bleu == {
        ("Quora Question Pairs (140K)", 31.78),
        ("Quora Question Pairs (50K)", 38.39),
    }
    assert all(r.higher_is_better is False for r in rows if r.metric == "Self-BLEU")
    assert {r.value for r in rows if r.metric == "BLEU"} == {34.09, 31.61}
    # a header row of a centred neighbour between the two halves of the word
    assert read_metric(unbroken("Self- BERT BLEU Dataset: QQP 50K")).label == "Self-BLEU"


def test_a_caption_naming_a_domain_of_a_dataset_gives_the_dataset_with_the_domain() -> None:
    table = Table(
        grid(
            [
                ["", "Full", "Verified"],
                ["Single Model", "EM / F1", "EM / F1"],
                ["BiDAF (Seo et al., 2016)", "40.3 / 45.7", "46.5 / 52.8"],
                ["QANet", "51.1 / 56.6", "53.3 / 59.2"],
            ]
        ),
        number="7",
        caption="Table 7: The development set performances of single-paragraph reading models "
        "on the Wikipedia domain of TriviaQA dataset.",
    )
    found = {(r.dataset, r.metric, r.value) for r in table_rows(table, ["QANet"])}
    # the domain from the caption; "Full" and "Verified", two subsets, tell the columns apart
    assert found == {
        ("TriviaQA (Wikipedia, Full)", "EM", 51.1),
        ("TriviaQA (Wikipedia, Full)", "F1", 56.6),
        ("TriviaQA (Wikipedia, Verified)", "EM", 53.3),
        ("TriviaQA (Wikipedia, Verified)", "F1", 59.2),
    }


def test_a_column_naming_a_domain_under_a_caption_naming_the_dataset_qualifies_it() -> None:
    table = Table(
        grid(
            [
                ["", "Wikipedia", "Web"],
                ["Model", "EM", "EM"],
                ["BiDAF (Seo et al., 2016)", "40.3", "40.7"],
                ["QANet", "51.1", "52.4"],
            ]
        ),
        number="7",
        caption="Table 7: Exact match on the TriviaQA dev set.",
    )
    found = {(r.dataset, r.value) for r in table_rows(table, ["QANet"])}
    assert ("TriviaQA (Wikipedia) dev", 51.1) in found  # the caption's split after the domain
    assert not any(dataset == "Wikipedia" for dataset, _ in found)


def test_columns_of_a_benchmark_of_parts_stay_datasets_of_their_own() -> None:
    table = Table(
        grid([["Model", "MNLI", "QQP", "SST-2"], ["BERT (ours)", "86.7", "72.1", "94.9"]]),
        number="1",
        caption="Table 1: GLUE test results, accuracy.",
    )
    datasets = {r.dataset for r in table_rows(table, ["BERT"])}
    assert not any("GLUE (" in dataset for dataset in datasets)
    assert "Quora Question Pairs" in datasets


def test_a_body_row_of_dataset_fragments_renames_the_headers_for_the_rows_below() -> None:
    table = Table(
        grid(
            [
                ["Method", "BLEU", "BLEU"],
                ["", "Dataset: QQP 140K", "Dataset: QQP 50K"],
                ["RAPT (ours)", "34.09", "31.61"],
                ["Method", "Dataset: ParaSCI ACL", "Dataset: MSRPC"],
                ["RAPT (ours)", "35.34", "45.08"],
            ]
        ),
        number="4",
        caption="Table 4: Comparison of approaches to adapt GPT2 for paraphrase generation.",
    )
    found = {(r.dataset, r.value) for r in table_rows(table, ["RAPT"])}
    assert ("Quora Question Pairs (140K)", 34.09) in found
    assert ("ParaSCI ACL", 35.34) in found and ("MSRPC", 45.08) in found
    assert ("Quora Question Pairs (140K)", 35.34) not in found


def test_the_dataset_of_the_captions_first_sentence_is_the_tables() -> None:
    table = Table(
        grid([["Method", "BLEU"], ["DiPS", "18.47"], ["RAPT", "34.09"]]),
        number="6",
        caption="Table 6: Comparison with prior work on QQP. DiPS refers to the model proposed "
        "by Kumar et al. (2019), trained on MSRPC.",
    )
    assert {(r.dataset, r.value) for r in table_rows(table, ["RAPT"])} == {
        ("Quora Question Pairs", 34.09)
    }


def test_a_size_the_caption_prints_after_its_dataset_qualifies_it_as_a_header_would() -> None:
    table = Table(
        grid([["Method", "BLEU"], ["DiPS", "18.47"], ["RAPT", "34.09"]]),
        number="6",
        caption="Table 6: Comparison with prior work on QQP 140K.",
    )
    assert {r.dataset for r in table_rows(table, ["RAPT"])} == {"Quora Question Pairs (140K)"}


def test_rows_of_evaluation_settings_under_columns_of_models_name_no_dataset() -> None:
    table = Table(
        grid(
            [
                ["Setup", "Davinci", "NewLM-175B"],
                ["Zero-shot", ".628", ".667"],
                ["One-shot", ".616", ".713"],
                ["Few-shot (binary)", ".354", ".759"],
                ["5-shot", ".601", ".702"],
            ]
        ),
        number="3",
        caption="Table 3: Hate speech detection. F1 scores of detecting hate speech.",
    )
    rows = table_rows(table, ["NewLM-175B"])
    assert not any("shot" in str(r.dataset).lower() for r in rows)


def test_a_dataset_name_followed_by_a_model_size_in_the_caption_is_a_model_not_the_dataset() -> (
    None
):
    table = Table(
        grid(
            [
                ["Model", "Safe. Dia. PPL", "Safe. Dia. F1"],
                ["Reddit 2.7B", "16.2", ".140"],
                ["NewLM-175B", "14.7", ".141"],
            ]
        ),
        number="6",
        caption="Table 6: Dialogue Responsible AI evaluations. NewLM-175B is roughly on par with "
        "the Reddit 2.7B model.",
    )
    assert not any(r.dataset == "Reddit" for r in table_rows(table, ["NewLM-175B"]))
    matcher = hybrid_matcher()
    from papergraph.ingest.extract.table_names import dataset_named

    assert dataset_named("Models trained on Reddit comments.", matcher) == "Reddit"
    assert dataset_named("pre-trained on C4 156B tokens", matcher) == "C4"


def test_a_short_header_opening_one_known_dataset_of_its_neighbours_task_is_that_dataset() -> None:
    table = Table(
        grid(
            [
                ["Model", "IMDB", "Yelp-2", "DBpedia", "AG"],
                ["CNN [14]", "-", "2.90", "0.84", "6.57"],
                ["NewNet", "3.79", "1.55", "0.62", "4.49"],
            ]
        ),
        number="3",
        caption="Table 3: Error rates on the test sets of text classification datasets.",
    )
    found = {r.dataset: r.value for r in table_rows(table, ["NewNet"])}
    assert found.get("AG News") == 4.49 and "AG" not in found  # AG News: text classification
    lone = Table(
        grid([["Model", "AG"], ["NewNet", "4.49"]]),
        number="4",
        caption="Table 4: Error rates.",
    )
    assert {r.dataset for r in table_rows(lone, ["NewNet"])} == {"AG"}  # no neighbour says which


def test_a_short_name_the_lists_know_by_itself_is_the_dataset_the_paper_spells_out() -> None:
    table = Table(
        grid([["Model", "NQ EM", "TQA EM"], ["NewQA", "44.6", "65.8"]]),
        number="5",
        caption="Table 5: Downstream results on the KILT test sets.",
    )
    paper = paper_with([table], "A paper", "We propose NewQA, tested on TriviaQA.\n\nTable 5")
    spelled = {"TriviaQA": "TriviaQA", "TQA": "TQA", "Natural Questions": "Natural Questions"}
    found = {r.dataset for r in table_results(paper, hybrid_matcher(), ["NewQA"], (), spelled)}
    assert "TriviaQA" in found and "TQA" not in found
    alone = {r.dataset for r in table_results(paper, hybrid_matcher(), ["NewQA"], (), {})}
    assert "TQA" in alone  # a paper that never spells it out keeps the lists' name


def test_a_header_clipping_a_name_the_paper_spells_out_is_that_name() -> None:
    """DetectGPT prints "WritingP" and SEAL "HoPo" as headers where their text names
    WritingPrompts and HotpotQA: the rows are on those datasets; a paper that never spells
    the name out keeps the header, and a name of its own ("PubMed" beside "PubMedQA") stays."""
    table = Table(
        grid([["Model", "WritingP", "HoPo", "PubMed"], ["NewDet", "0.87", "0.76", "0.80"]]),
        number="2",
        caption="Table 2: AUROC for detecting samples.",
    )
    text = "We propose NewDet.\n\nTable 2"
    paper = paper_with([table], "A paper", text)
    spelled = {n: n for n in ("WritingPrompts", "HotpotQA", "PubMedQA", "PubMed")}
    found = {r.dataset for r in table_results(paper, hybrid_matcher(), ["NewDet"], (), spelled)}
    assert {"WritingPrompts", "HotpotQA", "PubMed"} <= found
    assert not found & {"WritingP", "HoPo", "PubMedQA"}
    alone = {r.dataset for r in table_results(paper, hybrid_matcher(), ["NewDet"], (), {})}
    assert "WritingP" in alone


def test_the_splits_that_name_a_leaderboard_are_a_named_subset_of_the_splits() -> None:
    from papergraph.core.canonical import LEADERBOARD_SPLITS, SPLITS
    from papergraph.ingest.extract.table_names import SPLIT, full_name, is_benchmark

    assert set(LEADERBOARD_SPLITS) < set(SPLITS)
    assert all(SPLIT.fullmatch(f" {split}") for split in LEADERBOARD_SPLITS)
    assert SPLIT.search("CIFAR-10 test") is None  # a test set is what the name means
    assert full_name("MNLI dev") == "MultiNLI dev"
    assert is_benchmark("BIG-bench", hybrid_matcher()) and not is_benchmark(
        "CIFAR-10", hybrid_matcher()
    )


def test_a_word_opening_the_caption_is_no_subset_of_its_dataset() -> None:
    matcher = hybrid_matcher()
    assert caption_subset("Table 4: A subset of ImageNet classes used here.", matcher) is None
    assert caption_subset("Table 2: Each domain of DomainNet on its own.", matcher) is None
    opening = "Table 3: The Wikipedia domain of TriviaQA."
    assert caption_subset(opening, matcher) == "TriviaQA (Wikipedia)"


def test_a_bare_number_after_a_fragments_name_is_part_of_the_name_not_a_size() -> None:
    matcher = hybrid_matcher()
    assert fragment_dataset("Dataset: CIFAR 10", matcher) == "CIFAR-10"
    assert fragment_dataset("Dataset: QQP 50K", matcher) == "Quora Question Pairs (50K)"


def test_a_fragment_a_body_header_row_prints_stays_as_printed() -> None:
    # a body header row ("Dataset: Twitter URL") under a group row of two other fragments had
    # raised ValueError (its name is none of the header rows'), failing the paper's extraction
    row = Row(3, "LPT", {}, group="Dataset: ParaSCI ACL Dataset: MSRPC")
    row.headers = {1: "Dataset: Twitter URL"}
    grid = Grid(column_headers={1: "Dataset: QQP 140K", 2: "Dataset: QQP 50K"}, rows=[row])
    assert body_renamed(grid, row, row.header(grid, 1)) == "Dataset: Twitter URL"


def test_a_subset_a_later_sentence_of_the_caption_names_is_not_the_tables_dataset() -> None:
    table = Table(
        grid([["Model", "EM", "F1"], ["BERT [3]", "80.1", "88.2"], ["QANet", "81.1", "89.2"]]),
        number="3",
        caption="Table 3: Results on the SQuAD dev set. For XNLI we train on the English "
        "portion of MultiNLI.",
    )
    assert {r.dataset for r in table_rows(table, ["QANet"])} == {"SQuAD dev"}


def test_a_caption_naming_the_training_set_gives_its_columns_no_subset_of_it() -> None:
    """Models pre-trained on C4, evaluated on Wikipedia and Reddit: no "C4 (Wikipedia)"."""
    table = Table(
        grid(
            [
                ["", "Wikipedia", "Reddit"],
                ["Model", "Perplexity", "Perplexity"],
                ["NewLM (ours)", "18.2", "24.9"],
            ]
        ),
        number="3",
        caption="Table 3: Perplexity of models pre-trained on C4 on held-out text.",
    )
    datasets = {r.dataset for r in table_rows(table, ["NewLM"])}
    assert not any(dataset.startswith("C4 (") for dataset in datasets)


def test_a_size_that_is_part_of_a_dataset_name_is_no_qualifier() -> None:
    assert sized("ImageNet", "Table 2: Top-1 accuracy on ImageNet 1K.") == "ImageNet 1K"
    assert sized("QQP", "Table 6: Results on QQP 140K.") == "QQP (140K)"


def test_a_short_name_a_dataset_list_holds_is_never_spelled_out_as_another() -> None:
    """GLM's SuperGLUE table: "CB" is CommitmentBank, not the BookCorpus the paper trains on."""
    table = Table(
        grid([["Model", "CB", "COPA"], ["NewLM", "89.5", "78.0"]]),
        number="1",
        caption="Table 1: Results on the SuperGLUE dev set, accuracy.",
    )
    paper = paper_with([table], "A paper", "We propose NewLM, trained on BookCorpus.\n\nTable 1")
    spelled = {"BookCorpus": "BookCorpus", "Corpus of Books": "BookCorpus"}
    found = {r.dataset for r in table_results(paper, hybrid_matcher(), ["NewLM"], (), spelled)}
    assert "BookCorpus" not in found and found & {"CB", "CommitmentBank"}


def test_a_group_row_naming_the_training_data_names_no_dataset_of_its_rows() -> None:
    """GLM's Table 1: "Pretrained on BookCorpus and Wikipedia" over SuperGLUE columns."""
    table = Table(
        grid(
            [
                ["Model", "ReCoRD F1/Acc.", "CB F1/Acc."],
                ["Pretrained on BookCorpus and Wikipedia", "", ""],
                ["NewLM", "72.1 / 71.3", "89.5 / 85.7"],
            ]
        ),
        number="1",
        caption="Table 1: Results on the SuperGLUE dev set.",
    )
    found = {r.dataset for r in table_rows(table, ["NewLM"])}
    assert "BookCorpus" not in found and "Wikipedia" not in found


#: Bag of Tricks' Table 7: the caption names "MIT Places 365 dataset"; "MIT" is also a dataset
#: of the lists, and "Places 365" prints apart the number that Places365 joins.
PLACES = Table(
    grid(
        [
            ["Model", "Val Top-1 Acc", "Test Top-1 Acc"],
            ["ResNet-50-D Efficient", "56.34", "57.18"],
        ]
    ),
    "7",
    "Table 7: Results on both the validation set and the test set of MIT Places 365 dataset.",
)


def test_a_name_cut_before_the_dataset_it_opens_reads_on_to_that_dataset() -> None:
    rows = table_rows(PLACES, ["resnet-50-d"], "ResNet-50-D")
    assert {r.dataset for r in rows} == {"Places365"}


def test_a_number_printed_apart_joins_its_word_only_where_the_joined_name_is_known() -> None:
    matcher = hybrid_matcher()
    assert dataset_named("the Places 365 dataset", matcher) == "Places365"
    assert dataset_named("COCO 2017 val", matcher) == "COCO 2017 val"
    assert dataset_named("ImageNet 1K", matcher) == "ImageNet"


def test_a_name_before_another_is_its_maker_only_before_the_word_dataset() -> None:
    """Two names printed side by side in a header ("MIT Places365") stay as they are read."""
    matcher = hybrid_matcher()
    assert dataset_named("the MIT Places365 dataset", matcher) == "Places365"
    assert dataset_named("MIT Places365", matcher) == "MIT"


def _val_acc(caption: str) -> set[str | None]:
    """The datasets of a table of ImageNet-style "Val acc." values under `caption`."""
    table = Table(
        grid([["Backbone", "#param", "Val acc."], ["NewNet-B", "89M", "86.8"]]), "15", caption
    )
    return {r.dataset for r in table_rows(table, ["NewNet"]) if r.value == 86.8}


def test_a_caption_naming_what_models_were_trained_on_names_no_dataset_of_their_values() -> None:
    """ConvNeXt V2's Table 15: intermediate fine-tuning on ImageNet-22K, values on ImageNet-1K
    val; a dataset pre-trained on or whose labels were used is training data, not the table's."""
    assert _val_acc("Table 15. ImageNet-22K intermediate fine-tuning results.") == set()
    assert _val_acc("Table 3. Results of models pre-trained on JFT-300M.") == set()
    assert _val_acc("Table 5. Fine-tuning results using IN-21K labels.") == set()


def test_a_caption_naming_training_data_still_names_the_data_the_values_are_on() -> None:
    """ConvNeXt V2's Table 5: fine-tuned and evaluated on ImageNet-1K, with IN-21K labels; plain
    fine-tuning on a dataset ("SQuAD fine-tuning results") is evaluated on it."""
    found = _val_acc("Table 5. ImageNet-1K fine-tuning results using IN-21K labels.")
    assert found == {"ImageNet"}
    assert _val_acc("Table 5. ImageNet fine-tuning results with JFT-300M pre-training.") == {
        "ImageNet"
    }
    assert _val_acc("Table 2. CIFAR-10 results of models trained on CIFAR-10.") == {"CIFAR-10"}


def test_a_group_row_naming_pre_training_data_names_no_dataset_of_its_rows() -> None:
    """A group row "ImageNet-22K pre-trained" over "Val acc." rows says what the models were
    trained on; a group row naming a dataset ("CIFAR-10") is its rows' dataset."""
    rows = [["Backbone", "Val acc."], ["ImageNet-22K pre-trained", ""], ["NewNet-B", "86.8"]]
    table = Table(grid(rows), "3", "Table 3. Fine-tuning results.")
    assert {r.dataset for r in table_rows(table, ["NewNet"]) if r.value == 86.8} == set()
    rows[1][0] = "CIFAR-10"
    table = Table(grid(rows), "3", "Table 3. Fine-tuning results.")
    assert {r.dataset for r in table_rows(table, ["NewNet"]) if r.value == 86.8} == {"CIFAR-10"}


def test_a_table_of_training_data_only_is_on_the_data_the_papers_tables_give_its_column() -> None:
    """ConvNeXt V2: Table 15's "Val acc." under "ImageNet-22K intermediate fine-tuning results"
    is on ImageNet, as Table 5's "Val acc." under "ImageNet-1K fine-tuning results" says; where
    no other table prints its metric column, it has no dataset."""
    five = Table(
        grid([["Backbone", "FLOPs", "Val acc."], ["NewNet-H", "600G", "88.9"]]),
        "5",
        "Table 5. ImageNet-1K fine-tuning results using IN-21K labels.",
    )
    fifteen = Table(
        grid([["Backbone", "FLOPs", "Val acc."], ["NewNet-B", "15G", "86.8"]]),
        "15",
        "Table 15. ImageNet-22K intermediate fine-tuning results.",
    )
    text = f"We propose NewNet.\n\n{five.caption}\n\n{fifteen.caption}"
    rows = table_results(paper_with([five, fifteen], "A paper", text), hybrid_matcher(), ["NewNet"])
    assert {(r.dataset, r.value) for r in rows} == {("ImageNet", 88.9), ("ImageNet", 86.8)}
    other = Table(grid([["Backbone", "mIoU"], ["NewNet-B", "50.1"]]), "6", five.caption)
    rows = table_results(
        paper_with([other, fifteen], "A paper", text), hybrid_matcher(), ["NewNet"]
    )
    assert all(r.value != 86.8 for r in rows)


def test_a_caption_naming_no_data_takes_the_one_other_tables_give_its_columns() -> None:
    """Bag of Tricks' Table 1 ("Computational costs and validation accuracy of various
    models", "top-1 | top-5") is on ImageNet, as Table 5's "Top-1 | Top-5" under "... ImageNet
    validation accuracy"; a detection table's "Top-1" beside "mAP" (the backbone's ImageNet
    score, under "... evaluated on Pascal VOC") says nothing of it."""
    one = Table(
        grid([["Model", "top-1", "top-5"], ["NewNet-50 (ours)", "79.29", "94.63"]]),
        "1",
        "Table 1: Computational costs and validation accuracy of various models.",
    )
    five = Table(
        grid([["Model", "Top-1", "Top-5"], ["NewNet-50-B", "76.66", "93.28"]]),
        "5",
        "Table 5: NewNet-50 tweaks on model size and ImageNet validation accuracy.",
    )
    voc = Table(
        grid([["Base network", "Top-1", "mAP"], ["NewNet-50-D", "77.16", "78.30"]]),
        "8",
        "Table 8: Faster-RCNN performance with NewNet base networks evaluated on Pascal VOC.",
    )
    text = f"We propose NewNet.\n\n{one.caption}\n\n{five.caption}\n\n{voc.caption}"
    rows = table_results(
        paper_with([one, five, voc], "A paper", text), hybrid_matcher(), ["NewNet"]
    )
    assert {(r.dataset, r.metric, r.value) for r in rows if r.value in (79.29, 94.63)} == {
        ("ImageNet", "Top-1 Accuracy", 79.29),
        ("ImageNet", "Top-5 Accuracy", 94.63),
    }
    alone = table_results(paper_with([one], "A paper", text), hybrid_matcher(), ["NewNet"])
    assert alone == []  # no other table says where its columns are


def test_a_cited_name_a_caption_says_results_are_on_is_the_tables_dataset() -> None:
    """ "Results on CAD-120 [29]." (S-RNN's Table 3): a name-shaped, cited name the results are
    on is the data, whether the lists know it or not; a plain word ("sentiment [2]") is not."""
    rows = [["Method", "F1-score (%)"], ["NewNet", "83.2"]]
    cited = Table(grid(rows), "3", "Table 3: Results on CAD-120 [29]. NewNet outperforms [31].")
    assert {(r.dataset, r.metric) for r in table_rows(cited, ["NewNet"])} == {("CAD-120", "F1")}
    plain = Table(grid(rows), "3", "Table 3: Results on sentiment [2].")
    assert table_rows(plain, ["NewNet"]) == []
