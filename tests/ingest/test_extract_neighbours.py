"""A new name takes the type of the known names a paper lists it with."""

from __future__ import annotations

from papergraph.core.model import Chunk, EntityType, Paper
from papergraph.ingest.extract.gazetteer import LexiconEntry
from papergraph.ingest.extract.matcher import NameMatcher
from papergraph.ingest.extract.neighbours import typed_by_neighbours
from papergraph.ingest.extract.patterns import Definition

KNOWN = NameMatcher.from_entries(
    [
        LexiconEntry("Cityscapes", EntityType.DATASET),
        LexiconEntry("COCO-Stuff", EntityType.DATASET),
        LexiconEntry("PSPNet", EntityType.METHOD),
    ]
)


def paper(*texts: str) -> Paper:
    chunks = [Chunk(f"p#{i}", "p", i, text) for i, text in enumerate(texts)]
    return Paper(id="p", title="t", chunks=chunks)


def test_a_name_listed_with_datasets_is_a_dataset() -> None:
    found = typed_by_neighbours(
        [Definition("CamVid", None, EntityType.METHOD)],
        paper(
            "We evaluate on datasets like Cityscapes , CamVid and COCO - Stuff .",
            "Results on Cityscapes and CamVid follow.",
        ),
        KNOWN,
    )
    assert found == [Definition("CamVid", None, EntityType.DATASET)]


def test_one_neighbour_or_a_split_vote_keeps_the_type() -> None:
    names = [Definition("ICNet", None, EntityType.METHOD)]
    once = paper("ICNet and Cityscapes appear once together.")
    assert typed_by_neighbours(names, once, KNOWN) == names
    split = paper("PSPNet , ICNet and Cityscapes.", "Cityscapes or ICNet , PSPNet .")
    assert typed_by_neighbours(names, split, KNOWN) == names
