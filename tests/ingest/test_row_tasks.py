"""Every result row gets the task it is evaluated for, named one way (issue 14): the metric
decides between a dataset's tasks, generic words give way to the data's task, one dataset has
one task within a paper, and a table's task reaches its rows that no data knows."""

from __future__ import annotations

from papergraph.core.model import EntityType, Result, Table
from papergraph.ingest.extract.dataset_tasks import dataset_tasks
from papergraph.ingest.extract.gazetteer import LexiconEntry
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.table_results import table_results
from tests.ingest.tables import grid, paper_with, table_rows


def _table(header: list[str], values: list[str], caption: str, number: str = "1") -> Table:
    return Table(grid([["Model", *header], ["NewNet", *values]]), number, caption=caption)


def _tasks(table: Table, paper_tasks: list[str]) -> dict[tuple[str, str], str | None]:
    """(dataset, metric) -> task of NewNet's rows in `table`."""
    rows = table_rows(table, ["NewNet"], tasks=paper_tasks)
    return {(str(r.dataset), str(r.metric)): r.task for r in rows}


def _paper_rows(tables: list[Table], paper_tasks: list[str], section: str = "") -> list[Result]:
    """NewNet's rows of a paper printing `tables` (each caption a chunk under `section`)."""
    text = "\n\n".join(["We propose NewNet.", *(t.caption for t in tables)])
    paper = paper_with(tables, "A paper", text, paper_id="p")
    for index, table in enumerate(tables, start=1):
        table.chunk_id = f"p#{index}"
        paper.chunks[index].section = section
    return table_results(paper, hybrid_matcher(), ["NewNet"], tasks=paper_tasks)


def test_a_task_is_spelled_one_way_whatever_the_papers_case_and_spacing() -> None:
    table = _table(["ImageNet top-1 err."], ["19.4"], "Table 1: Error rates.")
    assert set(_tasks(table, ["Image Classification"]).values()) == {"image classification"}
    table = _table(["ARC (Challenge) acc"], ["52.1"], "Table 2: Common Sense Reasoning results.")
    assert set(_tasks(table, ["Common Sense Reasoning"]).values()) == {"commonsense reasoning"}


def test_bleu_on_a_paraphrase_dataset_is_generation_accuracy_identification() -> None:
    table = _table(["QQP BLEU", "QQP acc"], ["30.2", "91.0"], "Table 3: Results on QQP.")
    tasks = ["paraphrase identification", "Paraphrase Generation"]
    assert _tasks(table, tasks) == {
        ("Quora Question Pairs", "BLEU"): "Paraphrase Generation",
        ("Quora Question Pairs", "Accuracy"): "paraphrase identification",
    }


def test_bits_per_dim_on_cifar_is_image_generation_not_classification() -> None:
    table = _table(["CIFAR-10 NLL (bits/dim)"], ["3.00"], "Table 5: Test set performance.")
    found = _tasks(table, ["Image Classification", "Image Generation"])
    assert set(found.values()) == {"image generation"}


def test_bits_per_dim_on_a_dataset_whose_data_knows_no_generation_is_no_classification() -> None:
    table = _table(["ImageNet NLL (bits/dim)"], ["3.86"], "Table 6: Test set performance.")
    assert set(_tasks(table, ["Image Classification"]).values()) == {None}


def test_exact_match_on_natural_questions_is_question_answering_not_retrieval() -> None:
    table = _table(["Natural Questions EM"], ["44.5"], "Table 4: Downstream results.")
    found = _tasks(table, ["Retrieval", "Question Answering"])
    assert set(found.values()) == {"question answering"}


def test_r_precision_on_kilt_datasets_is_retrieval_never_their_downstream_task() -> None:
    """SEAL's Table 8 (2204.10628, p. 13): page-level R-precision on KILT's datasets was filed
    under question answering (NQ, TQA) and slot filling (zsRE, T-REx), the tasks the datasets
    are read for; the table measures retrieval, and a paper without such a task gets none."""
    table = Table(
        grid(
            [
                ["Model", "FEV", "T-REx", "zsRE", "NQ", "HoPo", "TQA", "WoW", "AVG"],
                ["MT-DPR+WEB (Piktus et al., 2021)", "74.8", "75.6", "89.7", "59.8", "45.4"]
                + ["58.9", "41.5", "63.7"],
                ["NewNet", "81.4", "62.1", "91.6", "63.2", "58.8", "68.4", "57.5", "69.0"],
            ]
        ),
        "8",
        "Table 8: Retrieval results on the KILT test set(s). Reporting page-level R-precision "
        "(higher is better). Best in bold.",
    )
    tasks = ["information retrieval", "question answering", "fact verification"]
    found = _tasks(table, tasks)
    assert found[("Natural Questions", "R-Precision")] == "information retrieval"
    assert set(found.values()) == {"information retrieval"}
    assert set(_tasks(table, ["question answering", "fact verification"]).values()) == {None}


def test_a_generic_one_word_task_gives_way_to_the_datasets_specific_one() -> None:
    table = _table(["RTE acc"], ["70.1"], "Table 1: Results on GLUE.")
    found = _tasks(table, ["Classification", "Natural Language Inference"])
    assert set(found.values()) == {"natural language inference"}


def test_the_caption_naming_the_datasets_task_beats_the_section_a_table_floated_into() -> None:
    table = _table(
        ["RACE acc"],
        ["81.8"],
        "Table 1: Results on the test set of RACE, a reading comprehension task.",
    )
    rows = _paper_rows([table], ["Language Modeling", "Question Answering"], "Language Modeling")
    assert {r.task for r in rows} == {"question answering"}


def test_a_section_task_the_caption_does_not_speak_of_is_no_task_of_the_table() -> None:
    table = _table(
        ["ImageNet top-1 acc"],
        ["79.3"],
        "Table 6: Validation accuracies on ImageNet for stacking refinements.",
    )
    rows = _paper_rows(
        [table], ["Object Detection", "Image Classification"], "6.1 Object Detection"
    )
    assert {r.task for r in rows} == {"image classification"}


def test_a_variant_of_the_dataset_the_caption_names_takes_its_task() -> None:
    table = _table(["AddSent", "AddOneSent"], ["45.2", "55.7"], "Table 6: F1 on adversarial SQuAD.")
    found = _tasks(table, ["Question Answering"])
    assert set(found.values()) == {"question answering"}


def test_one_dataset_has_one_task_in_a_paper_unless_a_caption_names_another() -> None:
    named = _table(["Zorbex-7"], ["99.1"], "Table 2: Image classification accuracy.", "2")
    plain = _table(["Zorbex-7"], ["98.7"], "Table 5: Accuracy on various datasets.", "5")
    rows = _paper_rows([named, plain], ["Image Classification", "Object Detection"])
    assert {(r.evidence[0].table, r.task) for r in rows} == {
        ("2", "image classification"),
        ("5", "image classification"),
    }
    other = _table(["Zorbex-7"], ["61.0"], "Table 7: Object detection accuracy.", "7")
    rows = _paper_rows([named, other], ["Image Classification", "Object Detection"])
    assert {(r.evidence[0].table, r.task) for r in rows} == {
        ("2", "image classification"),
        ("7", "object detection"),
    }


def test_a_row_no_data_knows_takes_the_task_its_tables_datasets_share() -> None:
    table = _table(
        ["CIFAR-10", "CIFAR-100", "Zorbex-7"],
        ["99.0", "91.7", "88.2"],
        "Table 3: Accuracy of each model.",
    )
    found = _tasks(table, ["Image Classification"])
    assert found[("Zorbex-7", "Accuracy")] == "image classification"


def test_bleu_on_a_dataset_no_data_knows_is_the_papers_generation_task() -> None:
    table = _table(["Zorbex-7"], ["68.2"], "Table 3: BLEU of adaptation methods.")
    found = _tasks(table, ["Data-to-Text Generation", "Natural Language Inference"])
    assert set(found.values()) == {"Data-to-Text Generation"}


def test_a_tie_goes_to_the_task_with_most_votes_of_its_own() -> None:
    """ReCoRD's data: Common Sense Reasoning 2, Common Sense 1 (which the other refines)."""
    table = _table(["ReCoRD"], ["90.1"], "Table 1: Accuracy on the SuperGLUE dev set.")
    assert set(_tasks(table, ["Natural Language Understanding"]).values()) == {
        "commonsense reasoning"
    }


def test_a_split_the_paper_took_for_a_name_still_finds_its_datasets_task() -> None:
    """LoRA's "MNLI-m" was a name of the paper's own (typed Method): MNLI's tasks are still its."""
    local = LexiconEntry("MNLI-m", EntityType.METHOD)
    matcher = hybrid_matcher().extended([("MNLI-m", local)], "name")
    assert "Natural Language Inference" in dataset_tasks("MNLI-m", matcher)


def test_benchmarks_the_data_files_only_under_a_way_of_training_have_their_papers_task() -> None:
    """PaLM/RWKV/Primer rows: the generated data files BoolQ only under "parameter-efficient
    fine-tuning" and knows no PIQA, COPA, ANLI round, STS-B; the hand list gives each the task
    its own paper states, whatever the paper's own tasks."""
    header = ["BoolQ acc", "PIQA acc", "COPA acc", "ANLI R2 acc", "StoryCloze acc", "STS-B"]
    table = _table(header, ["83.7", "81.4", "90.0", "39.2", "84.6", "88.0"], "Table 4: Results.")
    found = _tasks(table, ["language modeling"])
    assert found[("BoolQ", "Accuracy")] == "question answering"
    assert found[("PIQA", "Accuracy")] == found[("COPA", "Accuracy")] == "commonsense reasoning"
    assert found[("ANLI R2", "Accuracy")] == "natural language inference"
    assert found[("StoryCloze", "Accuracy")] == "commonsense reasoning"
    assert found[("STS Benchmark", "Correlation")] == "Semantic Textual Similarity"  # STS-B
    # the data ties WinoGrande's natural language inference with commonsense reasoning
    table = _table(["WinoGrande acc"], ["77.0"], "Table 20: Comparison on English NLP tasks.")
    assert set(_tasks(table, ["natural language inference"]).values()) == {"commonsense reasoning"}


def test_an_optimizer_family_ties_with_no_datasets_task() -> None:
    """CoLA: the data gives one vote to "Stochastic Optimization" (optimizer papers tuned on it)
    and one to "Linguistic Acceptability": the optimizers are what a method is, not a task."""
    table = _table(["CoLA MCC"], ["60.5"], "Table 2: Results on the GLUE dev set.")
    assert set(_tasks(table, []).values()) == {"Linguistic Acceptability"}


def test_a_caption_naming_localization_error_files_imagenet_rows_under_localization() -> None:
    """ResNet's Tables 13/14: top-5 localization error on ImageNet is object localization (the
    data's "Weakly-Supervised Object Localization", in the caption's more general words); its
    top-5 classification error stays image classification."""
    tasks = ["image classification", "object detection"]
    table = _table(["top-5 LOC err."], ["9.0"], "Table 14. Localization error (%) on ImageNet.")
    assert set(_tasks(table, tasks).values()) == {"object localization"}
    table = _table(["top-5 err."], ["3.57"], "Table 4. Error rates (%) on ImageNet validation.")
    assert set(_tasks(table, tasks).values()) == {"image classification"}


def test_a_localization_error_header_is_its_own_metric_and_task() -> None:
    """ResNet's Table 13 as the PDF prints it: "top-5 LOC error on predicted CLS" is the boxes'
    error, not the labels': read as "Top-5 Error" it fitted ImageNet's image classification
    and stood beside the classifiers' top-5 error on one board."""
    caption = (
        "Table 13. Localization error (%) on the ImageNet validation. In the column of \u201cLOC"
        " error on GT class\u201d ([41]), the ground truth class is used."
    )
    table = _table(["top-5 LOC error on predicted CLS"], ["10.6"], caption, number="13")
    tasks = ["image classification", "object detection"]
    assert _tasks(table, tasks) == {("ImageNet", "Top-5 Localization Error"): "object localization"}


def test_a_caption_naming_one_of_a_datasets_tied_tasks_by_its_last_word_takes_it() -> None:
    """S-RNN's Table 1: "Motion forecasting" over Human3.6M, whose data holds fifteen tasks on
    one board each; the caption's "forecasting" picks Human Pose Forecasting out of the tie, not
    the pose estimation a later tie-break gave (the paper names no forecasting task itself)."""
    caption = "Table 1: Motion forecasting angle error on H3.6m. {80, 160} msecs after the seed."
    table = _table(["Human3.6M Error"], ["1.08"], caption)
    assert set(_tasks(table, ["pose estimation"]).values()) == {"Human Pose Forecasting"}


def test_code_benchmarks_have_the_task_their_own_papers_state() -> None:
    """PaLM's code table: the generated data files HumanEval under sentence-embedding
    leaderboards and knows no MBPP or TransCoder; the hand list gives each its paper's task."""
    header = ["HumanEval pass@1", "MBPP pass@1"]
    table = _table(header, ["36.0", "47.0"], "Table 12: Results on code tasks.")
    found = _tasks(table, ["language modeling"])
    assert found[("HumanEval", "pass@1")] == found[("MBPP", "pass@1")] == "code generation"
    assert set(dataset_tasks("TransCoder", hybrid_matcher())) == {"code translation"}


def test_a_wmt_test_set_no_data_lists_has_wmts_task() -> None:
    """ "WMT 2019 German-French" is no name the data holds: as WMT with a year and a pair it is
    evaluated for WMT's task, machine translation."""
    assert "machine translation" in dataset_tasks("WMT 2019 German-French", hybrid_matcher())
    assert "machine translation" in dataset_tasks("WMT19 Kazakh-English", hybrid_matcher())


def test_benchmarks_the_data_files_under_another_task_have_their_papers_task() -> None:
    """The generated data files Wizard of Wikipedia under visual dialog, SST-2 under few-shot
    learning, Places365 under object detection and knows no task of zsRE or WNLI: the hand
    list gives each the task its own paper states."""
    header = ["Wizard of Wikipedia F1", "SST-2 acc", "Places365 top-1", "WNLI acc"]
    table = _table(header, ["17.5", "94.1", "55.2", "65.1"], "Table 3: Results.")
    found = set(_tasks(table, ["language modeling"]).items())
    assert (("Wizard of Wikipedia", "F1"), "dialogue generation") in found
    assert (("SST-2", "Accuracy"), "sentiment analysis") in found
    assert (("Places365", "Top-1 Accuracy"), "Scene Recognition") in found
    assert set(dataset_tasks("zsRE", hybrid_matcher())) == {"slot filling"}  # as KILT scores it
    # Bag of Tricks' FCN rows on ADE20K in an object detection paper: pixel accuracy, no box
    table = _table(["ADE20K PixAcc"], ["79.2"], "Table 9: FCN performance evaluated on ADE20K.")
    assert set(_tasks(table, ["object detection"]).values()) == {"semantic segmentation"}
    assert (("WNLI", "Accuracy"), "natural language inference") in found


def test_a_split_the_data_lists_on_its_own_keeps_its_datasets_tasks() -> None:
    """The data lists "COCO minival" with two boards only (pose estimation, interactive
    segmentation): FPN's proposal recall on COCO minival is still COCO's object detection."""
    found = dataset_tasks("COCO minival", hybrid_matcher())
    assert max(found, key=lambda task: found[task]) == "Object Detection"
    assert "Multi-Person Pose Estimation" in found


def test_a_caption_task_by_its_short_form_is_no_task_of_rows_printing_another() -> None:
    """S2ORC's Table 5 (2020.acl-main.447, p. 6) prints each row's task ("NER", "PICO", "DEP
    (LAS)", "CLS"); its caption names one task the lists know, "dependency parsing (DEP)", which
    reached EBM-NLP's PICO row and the citation-intent CLS rows. Only the DEP row is parsing."""
    caption = (
        "Table 5: S2ORC-SCIBERT test results are comparable with reported SCIBERT test results "
        "on the set of tasks and datasets from Beltagy et al. (2019), to which we refer the "
        "reader for descriptions. Reported statistics are span-level F1 for NER, token-level F1 "
        "for PICO, dependency parsing (DEP), and macro-F1 for relation (REL) and text (CLS) "
        "classification."
    )
    table = Table(
        grid(
            [
                ["Domain", "Dataset", "Reference", "Task", "SCIBERT", "S2ORC-SCIBERT"],
                ["", "BC5CDR", "Li et al. (2016)", "NER", "90.01", "90.41 ± 0.06"],
                ["Biomed", "EBM-NLP", "Nye et al. (2018)", "PICO", "72.28", "72.35 ± 0.95"],
                ["", "GENIA", "Kim et al. (2003)", "DEP (LAS)", "90.43", "90.80 ± 0.19"],
                ["", "ACL-ARC", "Jurgens et al. (2018)", "CLS", "70.98", "68.45 ± 2.47"],
                ["Biomed & CS", "SciCite", "Cohan et al. (2019)", "CLS", "85.49", "84.76 ± 0.37"],
            ]
        ),
        "5",
        caption,
    )
    tasks = ["dependency parsing", "named entity recognition"]
    found = {r.dataset: r.task for r in table_rows(table, ["S2ORC-SCIBERT"], tasks=tasks)}
    assert found["GENIA"] == "dependency parsing"
    assert found["BC5CDR"] == "named entity recognition"
    # "PICO" is spelled nowhere: not the caption's parsing, but the data's one task of EBM-NLP
    # whose initials the row prints (res57: initialed_tasks.py; it had no task)
    assert found["EBM-NLP"] == "Participant Intervention Comparison Outcome Extraction"
    # the caption spells "text (CLS) classification" (res48: these had no task)
    assert found["SciCite"] == found["ACL ARC"] == "text classification"


def test_a_datasets_plain_and_normalised_accuracy_rows_share_one_task() -> None:
    """RWKV's Table 3: ARC-e in "acc", ARC-c in "acc_norm", one dataset (ARC) in two variants of
    one measure; its rows are settled to one task as rows in one metric are."""
    table = Table(
        grid(
            [
                ["Model", "PIQA", "ARC-e", "ARC-c"],
                ["", "acc", "acc", "acc_norm"],
                ["NewNet", "65.07", "47.47", "24.15"],
            ]
        ),
        "3",
        "Table 3: Zero-Shot Performance of the model on Common Sense Reasoning Tasks.",
    )
    rows = table_rows(table, ["NewNet"], tasks=["Common Sense Reasoning", "Question Answering"])
    tasks = {(r.dataset, r.metric): r.task for r in rows}
    assert tasks[("ARC (Challenge)", "Normalized Accuracy")] == tasks[("ARC (Easy)", "Accuracy")]
