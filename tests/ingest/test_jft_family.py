"""JFT is a family of Google's internal image sets, not JFT-300M (issue 14, res41): the
Distillation paper's JFT has 100M images, Xception's 350M, ViT-G trains on JFT-3B."""

from __future__ import annotations

import pytest

from papergraph.core.model import EntityType
from papergraph.ingest.extract.hybrid import hybrid_matcher
from tests.ingest.tables import table_rows
from tests.ingest.test_table_baseline_addition import SPECIALISTS_TABLE


@pytest.mark.parametrize(
    ("printed", "label"),
    [("JFT", "JFT"), ("JFT-300M", "JFT-300M"), ("JFT-300m", "JFT-300M"), ("JFT-3B", "JFT-3B")],
)
def test_each_jft_is_a_dataset_of_its_own(printed: str, label: str) -> None:
    entry = hybrid_matcher().lookup(printed)
    assert entry is not None and (entry.label, entry.type) == (label, EntityType.DATASET)


def test_the_distillation_papers_jft_rows_are_on_jft_not_jft_300m() -> None:
    """Table 3 of 1503.02531 (p7): "Classification accuracy (top 1) on the JFT development
    set", a JFT of 100 million images (Section 5), years before JFT-300M."""
    rows = table_rows(SPECIALISTS_TABLE, [], "distillation")
    assert {(r.dataset, r.task, r.value) for r in rows} >= {("JFT", "image classification", 26.1)}
