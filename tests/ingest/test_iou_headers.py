"""An IoU threshold heading a column alone is the AP at it where an "mAP" spans the header
(issue 14, res62): ResNet's Table 9 (1512.03385, p11) prints "mAP" above "@.5 | @[.5, .95]"."""

from __future__ import annotations

from papergraph.core.model import Table
from papergraph.ingest.extract.table_headers import header_metric
from tests.ingest.tables import grid, table_rows


def test_a_threshold_under_an_ap_is_that_ap_and_alone_is_no_metric() -> None:
    at_half = header_metric("COCO val @.5", "Detection on COCO.", [], "test data mAP")
    over_range = header_metric("@[.5, .95]", "Detection mAP (%) on COCO.", [])
    assert at_half is not None and at_half.label == "AP50"
    assert over_range is not None and over_range.label == "AP"
    assert header_metric("@.5", "Results at different learning rates.", []) is None


def test_the_rows_under_an_ap_over_thresholds_are_ap50_and_ap() -> None:
    table = Table(
        grid([["mAP", "@.5", "@[.5, .95]"], ["NewNet", "48.4", "27.2"]]),
        number="9",
        caption="Table 9. Object detection improvements on MS COCO.",
    )
    found = {(r.metric, r.value) for r in table_rows(table, ["NewNet"])}
    assert found == {("AP50", 48.4), ("AP", 27.2)}
