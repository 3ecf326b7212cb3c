"""What a detection table's AP scores, and so its row's task. COCO is read for object detection,
instance segmentation, keypoint detection (pose estimation) and panoptic segmentation, and
prints the same "AP", "AP50", "APM" for boxes, masks and keypoints; one task per dataset filed
PoolFormer's Mask R-CNN box AP under instance segmentation and MicroNet's "COCO keypoint
detection results" under object detection. The metric's kind decides where its name says it
("box AP", "mask AP", "PQ": ingest/extract/task_metrics.py), else the caption's first sentence
where it names one kind of output only ("COCO keypoint detection results": keypoints), or boxes
and masks in a table that marks its masks' AP (its bare AP is the boxes'). Of that
kind, the row takes the task the caption names, else the one the dataset's data lists most."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from papergraph.core.model import Result
from papergraph.ingest.extract.dataset_tasks import dataset_tasks, named_in, task_label
from papergraph.ingest.extract.matcher import NameMatcher
from papergraph.ingest.extract.task_metrics import METRIC_TASKS, metric_kind, task_key

#: Kinds of AP that tell one task of a dataset from another (task_metrics.METRIC_TASKS).
AP_KINDS = ("box", "mask", "keypoint", "panoptic")
#: The AP family by its bare name, which says nothing of what it scores ("AP", "AP0.5", "mAP").
_BARE_AP = re.compile(r"m?AP(?:\s*[@_]?\s*(?:\d+(?:\.\d+)?|[SML]))?", re.IGNORECASE)
#: What a caption's first sentence calls each kind's output; "keypoint detection" is no box's
#: detection, "Mask R-CNN" a detector and no mask.
_LEAD_WORDS = {
    "box": re.compile(r"(?<!keypoint )(?<!key-point )\bdetection", re.I),
    "mask": re.compile(r"\binstance segmentation|\bmasks?\b(?!\s*r-?cnn)", re.I),
    "keypoint": re.compile(r"\bkey-?points?\b|\bpose\b", re.I),
    "panoptic": re.compile(r"\bpanoptic\b", re.I),
}


def ap_kind(metric: str | None, caption: str, masks_marked: bool = False) -> str | None:
    """The kind of AP the row's metric is, by its name, else by the caption's first sentence
    where it names one kind only and the metric is a bare AP; else None. Where the lead names
    boxes and masks and the table marks its masks' AP by name (`masks_marked`), a bare AP is
    the boxes': PoolFormer's "object detection using RetinaNet, and object detection and
    instance segmentation using Mask R-CNN" prints RetinaNet's "AP" beside "m AP"."""
    kind = metric_kind(metric)
    if kind is not None:
        return kind if kind in AP_KINDS else None
    if not _BARE_AP.fullmatch((metric or "").strip()):
        return None
    lead = _lead(caption)
    named = [kind for kind, words in _LEAD_WORDS.items() if words.search(lead)]
    if masks_marked and named == ["box", "mask"]:
        return "box"
    return named[0] if len(named) == 1 else None


def kind_tasks(
    rows: Iterable[tuple[Result, str]], paper_tasks: Sequence[str], matcher: NameMatcher
) -> None:
    """Give each row (with its caption) whose AP kind its task, another kind's or none, does not
    fit the task of that kind its caption names of the paper's, else the one the dataset's data
    lists most; rows with neither keep theirs."""
    rows = list(rows)
    marked = {caption for result, caption in rows if metric_kind(result.metric) == "mask"}
    for result, caption in rows:
        kind = ap_kind(result.metric, caption, caption in marked)
        task = result.task or ""
        if kind is None or _fits(task, kind) or (task and not _of_a_kind(task)):
            continue  # face or anomaly detection is no kind's to move
        named = [t for t in paper_tasks if _fits(t, kind) and named_in(t, caption, "", "")]
        tasks = dataset_tasks(result.dataset or "", matcher)
        listed = Counter({t: n for t, n in tasks.items() if _fits(t, kind)})
        chosen = named[0] if named else _root(listed)
        if chosen:
            result.task = task_label(chosen, matcher)


def _of_a_kind(task: str) -> bool:
    """Whether the task is one an AP kind scores (object detection, pose estimation, ...)."""
    return any(_fits(task, kind) for kind in AP_KINDS)


def _fits(task: str, kind: str) -> bool:
    key = task_key(task)
    return bool(key) and any(word in key for word in METRIC_TASKS[kind][1])


def _root(listed: Counter[str]) -> str | None:
    """The listed task no other listed one is a part of ("Object Detection", not "Semi-Supervised
    Object Detection") with the most votes; None where none is listed."""
    keys = {task: task_key(task) for task in listed}
    roots = [t for t, k in keys.items() if not any(o != k and o in k for o in keys.values())]
    return max(roots, key=lambda task: listed[task]) if roots else None


def _lead(caption: str) -> str:
    """The caption's first sentence, its "Table 9." label aside."""
    text = re.sub(r"^\s*Table\s*\w+\s*[:.|]?\s*", "", caption, flags=re.I)
    return re.split(r"(?<=[a-z0-9)])\.\s", text, maxsplit=1)[0]
