"""A row's task by its metric: mask AP scores instance segmentation
(ingest/extract/task_metrics.py)."""

from __future__ import annotations

from papergraph.core.model import Table
from tests.ingest.tables import grid, table_rows


def test_mask_ap_on_coco_is_instance_segmentation_and_box_ap_detection() -> None:
    """Mask AP scores the masks a model predicts: COCO's instance segmentation, whose data
    gives it that task beside object detection (ingest/extract/task_metrics.py)."""
    table = Table(
        grid(
            [
                ["Backbone", "Method", "APbox", "APmask"],
                ["Swin-B", "Cas Mask", "51.9", "45.0"],
                ["NewNet-B", "Cas Mask", "52.2", "45.2"],
            ]
        ),
        number="9",
        caption="Table 9. Object detection on COCO.",
    )
    found = {(r.metric, r.task) for r in table_rows(table, ["NewNet"])}
    assert found == {("box AP", "object detection"), ("mask AP", "instance segmentation")}
