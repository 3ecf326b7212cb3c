"""One concept, one label, read on the 39 shared PDFs (issue 14, session 12, res45): a model
name broken after its hyphen is no task, a dataset's name with a task's word is its task, a
dataset family's name is the one member a paper names, and DetectGPT's task is named in full."""

from __future__ import annotations

import pytest

from papergraph.core.model import Entity, EntityType, Evidence
from papergraph.ingest.extract.curate import canonicalise
from papergraph.ingest.extract.dataset_led_tasks import dataset_task
from papergraph.ingest.extract.dataset_tasks import row_task
from papergraph.ingest.extract.hybrid import hybrid_matcher

#: ZeRO (1910.02054, p. 19): the PDF reader keeps the line break after "Turing-" as a space.
TURING = "Turing- NLG was trained end-to-end using ZeRO-100B and Fig. 5 shows the perplexity."


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.entry.label) for m in hybrid_matcher().find(text)]


def test_a_name_after_a_hyphen_broken_at_a_line_end_is_part_of_a_compound() -> None:
    assert ("NLG", "natural language generation") not in _found(TURING)
    assert ("NLG", "natural language generation") not in _found("Turing-NLG is large.")


def test_a_name_after_a_spaced_dash_or_on_its_own_is_matched() -> None:
    """PaLM's "Natural Language Generation (NLG) tasks" and a dash set between spaces."""
    assert ("NLG", "natural language generation") in _found("the NLG tasks improve")
    assert ("NLG", "natural language generation") in _found("two results - NLG and NLU")


@pytest.mark.parametrize(
    ("task", "named"),
    [
        ("ImageNet detection", "object detection"),  # ResNet, p. 1
        ("ImageNet classification task", "image classification"),  # Scaling ViT, p. 4
        ("COCO segmentation", "instance segmentation"),
        ("WMT translation tasks", "machine translation"),
        ("Atari games", None),  # Papers with Code's task "Atari Games"
        ("object detection", None),
        ("Math Information Retrieval", None),  # "MATH" as the lexicon writes the benchmark
    ],
)
def test_a_task_named_by_a_dataset_and_a_tasks_word_is_the_datasets_task(
    task: str, named: str | None
) -> None:
    assert dataset_task(task, hybrid_matcher()) == named


def _entity(kind: EntityType, name: str, extractor: str = "gazetteer", times: int = 1) -> Entity:
    evidence = [Evidence("p#0", i, i + len(name), name, extractor) for i in range(times)]
    return Entity(kind, name, evidence=evidence)


def test_resnets_imagenet_detection_is_its_object_detection() -> None:
    """ResNet (1512.03385, p. 1): "1st places on: ImageNet detection, ImageNet localization,
    COCO detection, and COCO segmentation", a generated (SciREX) Task row, is one task with the
    object detection it names; its ImageNet stays a dataset."""
    found = canonicalise(
        [
            _entity(EntityType.DATASET, "ImageNet", "lexicon", times=5),
            _entity(EntityType.TASK, "ImageNet detection"),
            _entity(EntityType.TASK, "object detection", "lexicon", times=2),
        ],
        matcher=hybrid_matcher(),
    )
    assert [(e.type, e.label) for e in found] == [
        (EntityType.DATASET, "ImageNet"),
        (EntityType.TASK, "object detection"),
    ]
    assert "ImageNet detection" in found[1].aliases and len(found[1].evidence) == 3


def test_a_bare_family_name_is_the_one_member_the_paper_names() -> None:
    """ViT (2010.11929) writes "JFT" for its JFT-300M; two members named leave JFT apart."""
    (vit,) = canonicalise(
        [_entity(EntityType.DATASET, "JFT-300M", times=3), _entity(EntityType.DATASET, "JFT")]
    )
    assert (vit.label, vit.aliases, len(vit.evidence)) == ("JFT-300M", ["JFT"], 4)
    both = canonicalise(
        [
            _entity(EntityType.DATASET, "JFT-300M"),
            _entity(EntityType.DATASET, "JFT-3B"),
            _entity(EntityType.DATASET, "JFT"),
        ]
    )
    assert [e.label for e in both] == ["JFT-300M", "JFT-3B", "JFT"]
    (alone,) = canonicalise([_entity(EntityType.DATASET, "JFT")])
    assert alone.label == "JFT"  # the Distillation paper's 100M-image JFT


def test_detectgpts_task_is_machine_generated_text_detection() -> None:
    """DetectGPT (2301.11305): "Zero-Shot Machine-Generated Text Detection" is one name, and its
    XSum rows (Table 1, p. 5) are detection rows, not summarization."""
    matcher = hybrid_matcher()
    title = "DetectGPT: Zero-Shot Machine-Generated Text Detection using Probability Curvature"
    assert ("Machine-Generated Text Detection", "machine-generated text detection") in _found(title)
    caption = (
        "Table 2. DetectGPT detects generations from GPT-3 and Jurassic-2 Jumbo (175B models from "
        "OpenAI and AI21 Labs) with average AUROC on-par with supervised models trained "
        "specifically for machine-generated text detection. For more 'typical' text, such as "
        "news articles, supervised methods perform strongly."
    )
    lead = caption.split(". ")[1]
    paper_tasks = ["machine-generated text detection"]
    task = row_task("XSum", caption, paper_tasks, matcher, lead, "5.1. Main Results", "AUC")
    assert task == "machine-generated text detection"  # a task the data knows (MGTBench, HC3)
