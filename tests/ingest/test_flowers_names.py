"""Oxford 102 Flowers under the names transfer tables print it (issue 14, res62): ViT's Table 2
(2010.11929, p6) prints "Oxford Flowers-102", Papers with Code "Oxford 102 Flower"; one
dataset, so a row read from the table meets the leaderboard's."""

from __future__ import annotations

import pytest

from papergraph.core.model import EntityType
from papergraph.ingest.extract.hybrid import hybrid_matcher


@pytest.mark.parametrize(
    "printed", ["Oxford Flowers-102", "Oxford 102 Flower", "Oxford 102 Flowers", "Flowers-102"]
)
def test_each_printed_name_is_the_one_flowers_dataset(printed: str) -> None:
    entry = hybrid_matcher().lookup(printed)
    assert entry is not None
    assert (entry.label, entry.type) == ("Oxford 102 Flowers", EntityType.DATASET)
