"""COCO's "mAP" is its AP. COCO's evaluation names its primary measure AP, the precision
averaged over all categories and over the IoU thresholds .50:.05:.95, and says "Traditionally,
this is called mean average precision (mAP). We make no distinction between AP and mAP"
(cocodataset.org, Detection Evaluation, "Metrics"); so "mAP" over a COCO column is its AP,
"mAP@.5" its AP50 and "mAP@[.5, .95]" its AP (ResNet's Tables 8 and 9, MicroNet's Table 8),
where Papers with Code's COCO boards list them. PASCAL VOC's mAP is a measure of its own (at
IoU .5 alone), and stays mAP on VOC and on any dataset but COCO."""

from __future__ import annotations

import re

from papergraph.ingest.extract.metric_names import Metric, read_metric

#: COCO as a dataset's name prints it ("COCO", "MS COCO", "COCO minival", "COCO test-dev").
_COCO = re.compile(r"(?:^|\b(?:ms[- ]?)?)coco\b", re.IGNORECASE)
#: "mAP" as a header prints it; "m.AP" too.
_MAP = re.compile(r"\bm\.?AP", re.IGNORECASE)
#: A header naming an IoU threshold ("@.5", "0.75") that "mAP" stands before in another row.
_THRESHOLD = re.compile(r"@|\b0?\.\d")


def coco_ap(metric: Metric, dataset: str, header: str) -> Metric:
    """COCO's own AP for an "mAP" on COCO: read from the column's header with its threshold
    ("mAP@.5": AP50), else plain AP; `metric` itself elsewhere, or where the header names a
    threshold the AP rules do not read ("@.5" below a group row "mAP" stays mAP)."""
    if metric.label != "mAP" or not _COCO.search(dataset):
        return metric
    if _MAP.search(header):
        return read_metric(_MAP.sub("AP", header)) or metric
    ap = read_metric("AP")
    return metric if _THRESHOLD.search(header) or ap is None else ap
