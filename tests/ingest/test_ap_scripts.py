"""COCO's AP with its kind and threshold printed as scripts (ingest/extract/ap_scripts.py), and
detection tables whose metric sub-headers sit under detector or cost groups."""

from __future__ import annotations

import pytest

from papergraph.core.model import Table, TableCell
from papergraph.ingest.extract.ap_scripts import scripted_ap
from papergraph.ingest.extract.column_twins import _unkinded
from papergraph.ingest.extract.metric_names import read_metric
from papergraph.ingest.extract.table_grid import read_grid
from tests.ingest.tables import DETECTOR_GROUPS_TABLE, FLATTENED_SCRIPTS_TABLE, grid, table_rows


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
        ("AP^{bb}_{50}", "AP50"),  # Mask R-CNN's bounding-box AP
        ("APbb 50", "AP50"),
        ("AP^{segm}_{50}", "mask AP50"),
        ("APsegm 75", "mask AP75"),
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


@pytest.mark.parametrize(
    ("printed", "label"),
    [
        ("BLEU and APb 50", "BLEU"),
        ("Top-1 APm 50", "Top-1 Accuracy"),
        ("APm 50 and BLEU", "mask AP50"),
    ],
)
def test_the_first_metric_a_text_names_is_read_even_before_a_scripted_ap(
    printed: str, label: str
) -> None:
    found = read_metric(printed)
    assert found is not None and found.label == label


def test_a_kind_after_a_threshold_is_no_kind_when_a_longer_word_goes_on() -> None:
    assert scripted_ap("AP50 box-free") is None and scripted_ap("AP50 box") is not None


def test_factors_alone_over_as_many_columns_are_each_their_columns() -> None:
    # super-resolution scales: "2x 3x 4x" merged by the reader over three columns
    table = Table(
        [
            TableCell(0, 1, "2x 3x 4x", col_span=3),
            *grid([[], ["Method", "PSNR", "PSNR", "PSNR"], ["NewNet", "38.1", "34.6", "32.4"]]),
        ],
        number="2",
        caption="Table 2. PSNR on Set5.",
    )
    found = read_grid(table)
    assert found is not None
    assert [found.column_headers[col] for col in (1, 2, 3)] == ["2x PSNR", "3x PSNR", "4x PSNR"]


def test_a_kind_word_beside_no_metric_is_part_of_a_name() -> None:
    # "Mask DINO" is a detector, no mask metric: its AP had been lost behind DINO's
    table = Table(
        [
            TableCell(0, 1, "DINO", col_span=2),
            TableCell(0, 3, "Mask DINO", col_span=2),
            *grid(
                [
                    [],
                    ["Backbone", "AP", "AP50", "AP", "AP50"],
                    ["NewNet-S", "51.2", "69.0", "52.3", "70.4"],
                ]
            ),
        ],
        number="4",
        caption="Table 4. Object detection with DINO and Mask DINO on COCO val2017.",
    )
    rows = [r for r in table_rows(table, ["NewNet-S"]) if r.metric == "AP"]
    assert {r.value for r in rows} == {51.2, 52.3}
    assert len({r.method for r in rows}) == 2


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


def test_a_kind_word_goes_by_its_place_not_its_spelling() -> None:
    # the detector's "Mask" stays though another "Mask" stands beside "AP" (mask AP)
    header = ["Mask", "R-CNN", "1×", "Mask", "AP"]
    assert _unkinded(["Mask", "R-CNN", "1×"], header) == ["Mask", "R-CNN", "1×"]
    assert _unkinded(["1×", "Mask"], header) == ["1×"]
    assert _unkinded(["m"], ["RetinaNet", "m", "AP50"]) == []
