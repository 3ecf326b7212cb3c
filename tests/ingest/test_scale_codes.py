"""Headers a segmentation or detection table prints as test-scale codes, and cost columns left
with only a unit (ingest/extract/scale_codes.py, ingest/extract/table_headers.py)."""

from __future__ import annotations

from papergraph.core.model import Table
from tests.ingest.tables import grid, table_rows

_ADE20K = "Table 8. ADE20K results. The mIoU is tested with single-scale (ss) and multi-scale (ms)."


def _found(rows: list[list[str]], caption: str = _ADE20K) -> set[tuple]:
    table = Table(grid(rows), number="8", caption=caption)
    return {(r.method, r.dataset, r.metric, r.value) for r in table_rows(table, ["NewNet"])}


def test_ss_and_ms_columns_are_the_metric_under_two_test_scales() -> None:
    """The header line naming mIoU, Param and FLOPs lost, as a PDF reader may lose it: "(ss)",
    "(ms)", "(M)", "(G)"; a unit alone heads a cost column, so the two mIoU columns pair."""
    found = _found(
        [
            ["Backbone", "Method", "(ss)", "(ms)", "(M)", "(G)"],
            ["ResNet-101", "UperNet [102]", "43.8", "44.9", "86", "1029"],
            ["NewNet-B", "UperNet", "49.9", "50.6", "112", "1170"],
        ]
    )
    assert {(m, metric, v) for m, _, metric, v in found} == {
        ("NewNet-B UperNet (single-scale)", "Mean IoU", 49.9),
        ("NewNet-B UperNet (multi-scale)", "Mean IoU", 50.6),
    }


def test_ss_and_ms_after_the_metric_are_spelled_out_too() -> None:
    found = _found(
        [
            ["Method", "mIoU (ss)", "mIoU (ms)", "Params"],
            ["NewNet-L", "52.4", "52.7", "207M"],
        ],
        "Table 8. Semantic segmentation on ADE20K.",
    )
    assert {(m, v) for m, _, _, v in found} == {
        ("NewNet-L (single-scale)", 52.4),
        ("NewNet-L (multi-scale)", 52.7),
    }


def test_a_lone_ms_header_is_still_milliseconds() -> None:
    found = _found(
        [["Method", "mIoU", "(ms)"], ["NewNet-L", "52.4", "35.2"]],
        "Table 8. Semantic segmentation on ADE20K and latency.",
    )
    assert {(m, metric, v) for m, _, metric, v in found} == {("NewNet-L", "Mean IoU", 52.4)}
