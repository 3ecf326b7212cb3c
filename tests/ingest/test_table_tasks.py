"""A table row's task is the one its dataset is evaluated for, not the paper's top task."""

from __future__ import annotations

from papergraph.core.model import Table
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.table_results import table_results
from tests.ingest.tables import grid, paper_with


def _tasks(table: Table, own: str, paper_tasks: list[str]) -> dict[str, str | None]:
    """Dataset -> task of the paper's own rows in `table`."""
    paper = paper_with([table], "A paper", f"We propose {own}.\n\n{table.caption}")
    rows = table_results(paper, hybrid_matcher(), [own], tasks=paper_tasks)
    return {str(r.dataset): r.task for r in rows}


def test_language_model_rows_are_language_modelling_whatever_the_papers_top_task() -> None:
    table = Table(
        grid([["Model", "OpenWebText perplexity"], ["GPT-2", "18.3"], ["FastAttn GPT-2", "18.2"]]),
        number="2",
        caption="Table 2: GPT-2 trained with FastAttn.",
    )
    found = _tasks(table, "FastAttn", ["Image Classification", "Language Modelling"])
    assert found == {"OpenWebText": "Language Modelling"}


def test_imagenet_error_is_image_classification_when_the_paper_is_mostly_about_detection() -> None:
    table = Table(
        grid([["Method", "ImageNet top-1 err."], ["VGG-16", "28.07"], ["NewNet-152", "19.38"]]),
        number="3",
        caption="Table 3: Error rates of single models.",
    )
    assert _tasks(table, "NewNet", ["Object Detection", "Image Classification"]) == {
        "ImageNet": "Image Classification"
    }


def test_a_dataset_with_several_tasks_takes_the_one_the_caption_names() -> None:
    table = Table(
        grid([["Method", "COCO test-dev AP"], ["Mask R-CNN", "37.1"], ["NewNet", "40.2"]]),
        number="4",
        caption="Table 4: Instance segmentation results on COCO test-dev.",
    )
    found = _tasks(table, "NewNet", ["Object Detection", "Instance Segmentation"])
    assert found == {"COCO test-dev": "Instance Segmentation"}


def test_a_dataset_no_data_knows_gets_no_task_rather_than_the_papers() -> None:
    table = Table(
        grid([["Method", "Zorbex-7"], ["Baseline [3]", "61.0"], ["NewNet", "64.5"]]),
        number="5",
        caption="Table 5: Accuracy of each method.",
    )
    assert _tasks(table, "NewNet", ["Image Classification"]) == {"Zorbex-7": None}


def test_an_unknown_dataset_takes_the_task_its_caption_names() -> None:
    table = Table(
        grid([["Method", "Zorbex-7"], ["Baseline [3]", "61.0"], ["NewNet", "64.5"]]),
        number="5",
        caption="Table 5: Question answering accuracy.",
    )
    found = _tasks(table, "NewNet", ["Image Classification", "Question Answering"])
    assert found == {"Zorbex-7": "Question Answering"}


def test_the_leading_task_takes_the_papers_words_for_what_it_is_a_kind_of() -> None:
    """COCO-Stuff's data leads with "Unsupervised Semantic Segmentation"; a paper about
    semantic segmentation files its COCO-Stuff row under semantic segmentation."""
    table = Table(
        grid([["Method", "COCO-Stuff Mean IoU"], ["RefineNet [3]", "33.6"], ["NewSeg", "39.7"]]),
        number="7",
        caption="Table 7: Results on COCO-Stuff.",
    )
    found = _tasks(table, "NewSeg", ["Scene Understanding", "Semantic Segmentation"])
    assert found == {"COCO-Stuff": "Semantic Segmentation"}


def test_the_caption_task_wins_over_a_datasets_unrelated_leading_task() -> None:
    """ResNet's Table 7: PASCAL VOC's data leads with interactive segmentation; the caption
    says object detection."""
    table = Table(
        grid([["Method", "VOC 07 test mAP"], ["VGG-16 [32]", "73.2"], ["NewNet-101", "76.4"]]),
        number="7",
        caption="Table 7: Object detection mAP (%) on PASCAL VOC.",
    )
    found = _tasks(table, "NewNet", ["Image Classification", "Object Detection"])
    assert set(found.values()) == {"Object Detection"}


def test_american_and_british_spellings_of_a_task_are_one() -> None:
    table = Table(
        grid([["Model", "OpenWebText perplexity"], ["GPT-2", "18.3"], ["FastAttn GPT-2", "18.2"]]),
        number="2",
        caption="Table 2: GPT-2 trained with FastAttn.",
    )
    assert _tasks(table, "FastAttn", ["language modeling"]) == {"OpenWebText": "language modeling"}
