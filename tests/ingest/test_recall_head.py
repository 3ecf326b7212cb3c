"""A bare "AR" header is the average recall where the table prints its variants (ARs, ARm, ARl,
AR100, AR1k; ingest/extract/recall_head.py); alone it stays unread, being as often a model kind
("AR" for autoregressive) or a language code."""

from __future__ import annotations

from papergraph.core.model import Table
from papergraph.ingest.extract.recall_head import bare_recall, recall_variants
from tests.ingest.tables import grid, measured


def _table(heads: list[str]) -> Table:
    return Table(
        cells=grid(
            [
                ["Method", *heads],
                ["OldNet [4]", *(f"3{i}.1" for i, _ in enumerate(heads))],
                ["NewNet", *(f"4{i}.5" for i, _ in enumerate(heads))],
            ]
        ),
        number="6",
        caption="Table 6: Segment proposals evaluated on COCO.",
        page=7,
    )


def test_a_bare_ar_beside_its_variants_is_the_average_recall() -> None:
    found = measured(_table(["AR", "ARs", "ARm", "ARl"]), ["NewNet"])
    assert ("NewNet", "COCO", "AR", 40.5) in found
    assert ("NewNet", "COCO", "ARs", 41.5) in found


def test_a_bare_ar_beside_cut_offs_is_the_average_recall() -> None:
    found = measured(_table(["AR", "AR100", "AR1k"]), ["NewNet"])
    assert ("NewNet", "COCO", "AR", 40.5) in found


def test_a_bare_ar_alone_gives_no_average_recall() -> None:
    found = measured(_table(["AR", "AP"]), ["NewNet"])
    assert all(metric != "AR" for _, _, metric, _ in found)


def test_the_head_reads_only_the_bare_word() -> None:
    assert bare_recall("AR (%)") is not None and bare_recall("AR-Net") is None
    assert bare_recall("ARs") is None and bare_recall("Ar") is None
    assert recall_variants(["AR@100", "AP"]) and not recall_variants(["AP", "AUC"])


def test_an_ar_inside_a_longer_header_is_no_average_recall() -> None:
    # "Model (AR)" names a model's kind (autoregressive) beside an AR@100 column
    assert bare_recall("Model (AR)") is None and bare_recall("AR decoding") is None
    assert bare_recall("AR↑") is not None and bare_recall(" AR [%] ") is not None


def test_an_ar_with_a_kind_or_a_subset_beside_it_is_still_average_recall() -> None:
    # a review of the whole-header rule: COCO tables print "box AR", "AR^box", "Avg. AR"
    for header in ("box AR", "AR^box", "Avg. AR", "AR (all)", "AR COCO"):
        assert bare_recall(header) is not None, header
    for header in ("Model (AR)", "mAR", "NAR", "AR-Net", "(AR)"):
        assert bare_recall(header) is None, header
