"""A detection table's row takes the task of what its AP scores: a box AP object detection, a
keypoint AP keypoint detection, even where the caption names another task of the dataset too
(ingest/extract/ap_kinds.py)."""

from __future__ import annotations

from papergraph.core.model import Table
from papergraph.ingest.extract.ap_kinds import ap_kind
from tests.ingest.tables import grid, table_rows


def test_box_ap_beside_mask_ap_is_detection_where_the_caption_names_both_tasks() -> None:
    """PoolFormer's Table 3: "object detection ... and instance segmentation using Mask R-CNN"
    on COCO val2017; one task per dataset had filed its box AP under instance segmentation."""
    table = Table(
        grid(
            [
                ["Backbone", "APbox", "APmask"],
                ["ResNet-18", "34.0", "31.2"],
                ["NewNet-S12", "37.3", "34.6"],
            ]
        ),
        number="3",
        caption="Table 3. Performance of object detection and instance segmentation using Mask "
        "R-CNN on COCO val2017.",
    )
    tasks = ["instance segmentation", "object detection"]
    found = {(r.metric, r.task) for r in table_rows(table, ["NewNet"], tasks=tasks)}
    assert found == {("box AP", "object detection"), ("mask AP", "instance segmentation")}


def test_a_bare_ap_under_a_keypoint_caption_is_keypoint_detection_not_object_detection() -> None:
    """MicroNet's Table 9, "COCO keypoint detection results", prints AP, AP0.5, APM as
    detection tables do: the caption says its APs score keypoints."""
    table = Table(
        grid([["Backbone", "AP", "AP0.5"], ["NewNet-M3", "58.7", "84.0"]]),
        number="9",
        caption="Table 9. COCO keypoint detection results. All models are trained on train2017.",
    )
    rows = table_rows(table, ["NewNet"], tasks=["object detection", "Keypoint Detection"])
    assert {r.task for r in rows} == {"Keypoint Detection"}


def test_a_caption_naming_two_kinds_leaves_a_bare_ap_of_no_kind() -> None:
    assert ap_kind("AP50", "Table 3. Object detection and instance segmentation on COCO.") is None
    assert ap_kind("AP", "Table 8. COCO object detection results with Mask R-CNN.") == "box"
    assert ap_kind("mask AP75", "Table 8. COCO object detection results.") == "mask"
    assert ap_kind("Top-1 Accuracy", "Table 9. COCO keypoint detection results.") is None
