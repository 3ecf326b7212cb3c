"""A table row's task is the one its dataset is evaluated for, not the paper's top task."""

from __future__ import annotations

from papergraph.core.model import Table
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.table_results import table_results
from tests.ingest.tables import grid, paper_with, table_rows


def _tasks(table: Table, own: str, paper_tasks: list[str]) -> dict[str, str | None]:
    """Dataset -> task of the paper's own rows in `table`."""
    rows = table_rows(table, [own], tasks=paper_tasks)
    return {str(r.dataset): r.task for r in rows}


def test_language_model_rows_are_language_modelling_whatever_the_papers_top_task() -> None:
    table = Table(
        grid([["Model", "OpenWebText perplexity"], ["GPT-2", "18.3"], ["FastAttn GPT-2", "18.2"]]),
        number="2",
        caption="Table 2: GPT-2 trained with FastAttn.",
    )
    found = _tasks(table, "FastAttn", ["Image Classification", "Language Modelling"])
    assert found == {"OpenWebText": "language modeling"}


def test_imagenet_error_is_image_classification_when_the_paper_is_mostly_about_detection() -> None:
    table = Table(
        grid([["Method", "ImageNet top-1 err."], ["VGG-16", "28.07"], ["NewNet-152", "19.38"]]),
        number="3",
        caption="Table 3: Error rates of single models.",
    )
    assert _tasks(table, "NewNet", ["Object Detection", "image classification"]) == {
        "ImageNet": "image classification"
    }


def test_a_dataset_with_several_tasks_takes_the_one_the_caption_names() -> None:
    table = Table(
        grid([["Method", "COCO test-dev AP"], ["Mask R-CNN", "37.1"], ["NewNet", "40.2"]]),
        number="4",
        caption="Table 4: Instance segmentation results on COCO test-dev.",
    )
    found = _tasks(table, "NewNet", ["Object Detection", "Instance Segmentation"])
    assert found == {"COCO test-dev": "instance segmentation"}


def test_a_dataset_no_data_knows_gets_no_task_rather_than_the_papers() -> None:
    table = Table(
        grid([["Method", "Zorbex-7"], ["Baseline [3]", "61.0"], ["NewNet", "64.5"]]),
        number="5",
        caption="Table 5: Accuracy of each method.",
    )
    assert _tasks(table, "NewNet", ["image classification"]) == {"Zorbex-7": None}


def test_an_unknown_dataset_takes_the_task_its_caption_names() -> None:
    table = Table(
        grid([["Method", "Zorbex-7"], ["Baseline [3]", "61.0"], ["NewNet", "64.5"]]),
        number="5",
        caption="Table 5: Question answering accuracy.",
    )
    found = _tasks(table, "NewNet", ["Image Classification", "Question Answering"])
    assert found == {"Zorbex-7": "question answering"}


def test_the_leading_task_takes_the_papers_words_for_what_it_is_a_kind_of() -> None:
    """COCO-Stuff's data leads with "Unsupervised Semantic Segmentation"; a paper about
    semantic segmentation files its COCO-Stuff row under semantic segmentation."""
    table = Table(
        grid([["Method", "COCO-Stuff Mean IoU"], ["RefineNet [3]", "33.6"], ["NewSeg", "39.7"]]),
        number="7",
        caption="Table 7: Results on COCO-Stuff.",
    )
    found = _tasks(table, "NewSeg", ["Scene Understanding", "Semantic Segmentation"])
    assert found == {"COCO-Stuff": "semantic segmentation"}


def test_the_caption_task_wins_over_a_datasets_unrelated_leading_task() -> None:
    """ResNet's Table 7: PASCAL VOC's data leads with interactive segmentation; the caption
    says object detection."""
    table = Table(
        grid([["Method", "VOC 07 test mAP"], ["VGG-16 [32]", "73.2"], ["NewNet-101", "76.4"]]),
        number="7",
        caption="Table 7: Object detection mAP (%) on PASCAL VOC.",
    )
    found = _tasks(table, "NewNet", ["Image Classification", "Object Detection"])
    assert set(found.values()) == {"object detection"}


def test_american_and_british_spellings_of_a_task_are_one() -> None:
    table = Table(
        grid([["Model", "OpenWebText perplexity"], ["GPT-2", "18.3"], ["FastAttn GPT-2", "18.2"]]),
        number="2",
        caption="Table 2: GPT-2 trained with FastAttn.",
    )
    assert _tasks(table, "FastAttn", ["language modeling"]) == {"OpenWebText": "language modeling"}


def test_a_setting_a_later_caption_sentence_mentions_is_no_task_of_the_rows() -> None:
    table = Table(
        grid([["method", "error (%)"], ["Maxout [10]", "9.38"], ["NewNet-110", "6.43"]]),
        number="6",
        caption="Table 6. Classification error on the CIFAR-10 test set. All methods are with "
        "data augmentation.",
    )
    found = _tasks(
        table, "NewNet", ["Object Detection", "Image Classification", "Data Augmentation"]
    )
    assert found == {"CIFAR-10": "image classification"}


def test_the_papers_task_that_a_datasets_tasks_refine_is_the_rows_task() -> None:
    table = Table(
        grid(
            [
                ["Model", "BC5CDR", "JNLPBA"],
                ["SciBERT", "90.01", "77.28"],
                ["NewBERT", "90.41", "77.70"],
            ]
        ),
        number="5",
        caption="Table 5: NewBERT test results. Reported statistics are span-level F1 for NER and "
        "labelled attachment score for dependency parsing (DEP).",
    )
    found = _tasks(table, "NewBERT", ["Named Entity Recognition", "Dependency Parsing"])
    assert found == {"BC5CDR": "named entity recognition", "JNLPBA": "named entity recognition"}


def test_a_table_takes_its_captions_task_not_the_section_it_floated_into() -> None:
    table = Table(
        grid([["Model", "ConvAI2", "Zorbex-7"], ["NewLM-175B", "10.8", "12.0"]]),
        number="2",
        caption="Table 2: Dialogue Evaluations, perplexity. NewLM-175B performs competitively.",
        chunk_id="p#1",
    )
    paper = paper_with([table], "A paper", "We propose NewLM-175B.\n\nTable 2", paper_id="p")
    paper.chunks[1].section = "4.1 Hate Speech Detection"
    tasks = ["Hate Speech Detection", "Dialogue Evaluation"]
    rows = table_results(paper, hybrid_matcher(), ["NewLM-175B"], tasks=tasks)
    # ConvAI2 has the task its own paper states (dataset-tasks.txt); Zorbex-7 no data knows:
    # the caption's; neither the section's
    assert {(r.dataset, r.task) for r in rows} == {
        ("ConvAI2", "dialogue generation"),
        ("Zorbex-7", "Dialogue Evaluation"),
    }


def test_the_paper_task_the_caption_prints_inside_a_longer_known_task_is_that_task() -> None:
    table = Table(
        grid([["Model", "PIQA acc", "WinoGrande acc"], ["NewLM", "77.5", "63.9"]]),
        number="3",
        caption="Table 3: Zero-Shot Performance of the model on Common Sense Reasoning Tasks.",
    )
    found = _tasks(table, "NewLM", ["Question Answering", "Common Sense"])
    assert found == {"PIQA": "commonsense reasoning", "WinoGrande": "commonsense reasoning"}
