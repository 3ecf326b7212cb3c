"""A "task" named by a dataset and a task's word is that dataset, used for the task.

SciREX annotators marked "ImageNet detection", "COCO detection" and "COCO segmentation" as
tasks (ResNet: "we also won the 1st places on the tasks of ImageNet detection, ImageNet
localization, COCO detection, and COCO segmentation"), so the generated lists type them Task and
ResNet showed "ImageNet detection" beside object detection. Such a name opens with a dataset the
hand lexicon lists, written as the lexicon writes it, and goes on with a word that ends Papers with Code's task names ("detection",
"segmentation", `task_words`): the dataset, as `dataset_base` reads "COCO detection benchmark".
Where Papers with Code lists the whole name as a dataset ("ImageNet Detection", ILSVRC's DET
set: ResNet's Table 12 is "on the ImageNet detection dataset") it is that dataset; else it is
the dataset it opens with. A name Papers with Code lists as a task ("Atari Games") stays one.
"""

from __future__ import annotations

from papergraph.core.canonical import DATASET_TYPES
from papergraph.core.model import EntityType, fold
from papergraph.core.name_lists import hand_labels, hand_row_labels, pwc_types, task_words

#: Most words of a dataset's name at the head of a task's.
MAX_HEAD_WORDS = 3


def dataset_of_task(label: str) -> str | None:
    """The dataset a task's `label` names ("ImageNet detection" -> "ImageNet detection", a
    listed dataset; "COCO segmentation" -> "COCO"), or None when it names none."""
    if (EntityType.TASK, fold(label)) in pwc_types():
        return None  # "Atari Games" is Papers with Code's task
    words = label.split()
    for size in range(min(MAX_HEAD_WORDS, len(words) - 1), 0, -1):
        head, rest = " ".join(words[:size]), words[size:]
        if head not in hand_row_labels() or (EntityType.DATASET, fold(head)) not in hand_labels():
            continue  # as the hand lexicon writes a dataset: "MATH", never "Math Retrieval"
        if not any(word.lower() in task_words() for word in rest):
            return None
        whole = any((kind, fold(label)) in pwc_types() for kind in DATASET_TYPES)
        return label if whole else head
    return None
