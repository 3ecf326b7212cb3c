"""COCO's AP with its kind and threshold printed as scripts (ingest/extract/ap_scripts.py), and
detection tables whose metric sub-headers sit under detector or cost groups."""

from __future__ import annotations

import pytest

from papergraph.ingest.extract.metric_names import read_metric
from papergraph.ingest.extract.table_grid import read_grid
from tests.ingest.tables import DETECTOR_GROUPS_TABLE, FLATTENED_SCRIPTS_TABLE, table_rows


@pytest.mark.parametrize(
    ("printed", "label"),
    [
        ("APb 50", "AP50"),  # pypdf: the superscript run into AP, the subscript apart
        ("APb50", "AP50"),
        ("AP b 50", "AP50"),
        ("AP^b_50", "AP50"),
        ("APbox 50", "AP50"),
        ("AP^{box}_{50}", "AP50"),
        ("AP50 b", "AP50"),  # the subscript read first
        ("APb S", "APS"),
        ("APm75", "mask AP75"),
        ("APm 50", "mask AP50"),
        ("AP_{50}^{m}", "mask AP50"),
        ("Mobile APm75", "mask AP75"),  # a group's word before it names no metric
    ],
)
def test_an_ap_with_its_kind_and_threshold_as_scripts_is_that_kinds_ap_there(
    printed: str, label: str
) -> None:
    found = read_metric(printed)
    assert found is not None and found.label == label


@pytest.mark.parametrize(("printed", "label"), [("APm", "APM"), ("APs APm APl", "APS")])
def test_a_bare_apm_stays_the_ap_of_medium_objects(printed: str, label: str) -> None:
    found = read_metric(printed)
    assert found is not None and found.label == label


def test_a_group_header_with_its_schedule_heads_every_column_it_spans() -> None:
    found = read_grid(DETECTOR_GROUPS_TABLE)
    assert found is not None
    assert found.column_headers[2] == "RetinaNet 1× AP"
    assert found.column_headers[3] == "RetinaNet 1× AP50"


def test_two_detectors_ap50_are_two_rows_told_apart_by_the_detector() -> None:
    rows = table_rows(DETECTOR_GROUPS_TABLE, ["NewNet-S12"])
    ap50 = {(r.method, r.value) for r in rows if r.metric == "AP50" and r.value is not None}
    # Mask R-CNN's box AP50 (59.0) had been lost behind RetinaNet's (56.2): one key, one row
    assert ap50 == {("NewNet-S12 (RetinaNet)", 56.2), ("NewNet-S12 (Mask R-CNN)", 59.0)}
    assert not any("AP" in (r.method or "") for r in rows)


def test_flattened_metric_sub_headers_under_a_cost_group_are_each_their_own_metric() -> None:
    rows = [r for r in table_rows(FLATTENED_SCRIPTS_TABLE, ["NewNet-S"]) if r.value is not None]
    assert {(r.method, r.metric, r.value) for r in rows} == {
        ("NewNet-S", "box AP", 40.4),
        ("NewNet-S", "AP50", 62.1),
        ("NewNet-S", "mask AP50", 37.1),
        ("NewNet-S", "mask AP75", 39.5),
    }
