"""COCO's "mAP" is its AP (cocodataset.org: "We make no distinction between AP and mAP"): an
"mAP" column on COCO is read as COCO's AP, "mAP@.5" as its AP50, while PASCAL VOC's mAP stays
mAP (ingest/extract/coco_ap.py)."""

from __future__ import annotations

from papergraph.core.model import Table
from papergraph.ingest.extract.coco_ap import coco_ap
from papergraph.ingest.extract.metric_names import read_metric
from tests.ingest.tables import grid, table_rows


def test_map_columns_on_coco_are_its_ap_and_ap50_and_both_are_kept() -> None:
    """ResNet's Table 8 prints "mAP@.5" and "mAP@[.5, .95]" on the COCO validation set: both
    had read as "mAP", one metric twice, and the row kept one of them."""
    table = Table(
        grid(
            [
                ["metric", "mAP@.5", "mAP@[.5, .95]"],
                ["VGG-16", "41.5", "21.2"],
                ["NewNet-101", "48.4", "27.2"],
            ]
        ),
        number="8",
        caption="Table 8. Object detection mAP (%) on the COCO validation set using baseline "
        "Faster R-CNN.",
    )
    found = {(r.metric, r.value) for r in table_rows(table, ["NewNet"])}
    assert found == {("AP50", 48.4), ("AP", 27.2)}


def test_a_bare_map_on_coco_is_ap_and_on_pascal_voc_stays_map() -> None:
    """MicroNet's Table 8 prints "mAP" over COCO detection rows: the hand gold and Papers with
    Code's COCO boards call it box AP; VOC's mAP (at IoU .5) is a measure of its own."""
    coco = Table(
        grid([["Backbone", "mAP"], ["NewNet-M3 R-CNN", "26.2"]]),
        number="8",
        caption="Table 8. COCO object detection results.",
    )
    voc = Table(
        grid([["Backbone", "mAP"], ["NewNet-M3 R-CNN", "76.4"]]),
        number="7",
        caption="Table 7. Object detection results on the PASCAL VOC 2007 test set.",
    )
    assert [r.metric for r in table_rows(coco, ["NewNet"])] == ["AP"]
    assert [r.metric for r in table_rows(voc, ["NewNet"])] == ["mAP"]


def test_a_threshold_header_under_a_group_map_is_left_as_printed() -> None:
    metric = read_metric("mAP")
    assert metric is not None
    assert coco_ap(metric, "MS COCO", "@.5").label == "mAP"  # which AP, the reader cannot say
    assert coco_ap(metric, "COCO test-dev", "COCO val").label == "AP"
    assert coco_ap(metric, "Cocoa Beans", "mAP").label == "mAP"
