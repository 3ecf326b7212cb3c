"""A "task" named by a dataset and a task's word is the dataset's task of that kind.

SciREX annotators marked "ImageNet detection", "COCO detection" and "COCO segmentation" as
tasks (ResNet: "we also won the 1st places on the tasks of ImageNet detection, ImageNet
localization, COCO detection, and COCO segmentation"), so the generated lists type them Task:
ResNet showed "ImageNet detection" beside object detection, Scaling ViT "ImageNet classification
task" for image classification. Such a name opens with a dataset the hand lexicon lists, written
as the lexicon writes it ("MATH", never "Math Information Retrieval"), and goes on with a word that
ends Papers with Code's task names ("detection", "classification", `task_words`). Its task is the
one a table row on that dataset gets under a caption of those words (`row_task`): ImageNet's
object detection, image classification and object localization, COCO's instance segmentation,
WMT's machine translation. A name Papers with Code lists as a task ("Atari Games") stays as it is.
"""

from __future__ import annotations

from papergraph.core.model import EntityType, fold
from papergraph.core.name_lists import hand_labels, hand_row_labels, pwc_types, task_words
from papergraph.ingest.extract.dataset_tasks import row_task
from papergraph.ingest.extract.matcher import NameMatcher

#: Most words of a dataset's name at the head of a task's.
MAX_HEAD_WORDS = 3


def dataset_task(label: str, matcher: NameMatcher) -> str | None:
    """The task a task's `label` names by its dataset ("ImageNet detection" -> "object
    detection"; `matcher`, the extractor's names, spells it), or None when it opens with no
    listed dataset or the data gives it no task."""
    dataset = leading_dataset(label)
    return None if dataset is None else row_task(dataset, label, [], matcher, lead=label)


def leading_dataset(label: str) -> str | None:
    """The hand-listed dataset a task's `label` opens with, a task's word after it, or None."""
    if (EntityType.TASK, fold(label)) in pwc_types():
        return None  # "Atari Games" is Papers with Code's task
    words = label.split()
    for size in range(min(MAX_HEAD_WORDS, len(words) - 1), 0, -1):
        head, rest = " ".join(words[:size]), words[size:]
        if head not in hand_row_labels() or (EntityType.DATASET, fold(head)) not in hand_labels():
            continue
        return head if any(word.lower() in task_words() for word in rest) else None
    return None
