"""What a paper is shown to be about (issue 14): the wrong shown entities read on the pdfgold-dev
splits, each pinned by the general rule that now keeps it out, and the datasets a paper's own
result tables evaluate on shown with that role."""

from __future__ import annotations

from papergraph.core.canonical import canonical
from papergraph.core.model import Chunk, ChunkKind, Entity, EntityType, Evidence, Paper
from papergraph.ingest.extract.curate import admit, canonicalise


def _paper(body: str) -> Paper:
    chunk = Chunk(id="p1#0", paper_id="p1", seq=0, text=body, kind=ChunkKind.BODY)
    return Paper(id="p1", title="A Paper", authors=["Ada Lovelace"], chunks=[chunk])


def _entity(kind: EntityType, name: str, extractor: str, *, body: str = "") -> Entity:
    """An entity with one piece of evidence per place `body` writes `name` (one if none)."""
    starts = [i for i in range(len(body)) if body.startswith(name, i)] or [0]
    evidence = [
        Evidence(chunk_id="p1#0", start=s, end=s + len(name), text=name, extractor=extractor)
        for s in starts
    ]
    return Entity(kind, name, evidence=evidence)


def test_a_metric_glued_to_a_coco_or_panoptic_superscript_is_that_metric() -> None:
    # MoCo's "APmk" (AP^mk) and MaskFormer's "PQSt" (PQ^St) were shown as methods
    found = canonicalise(
        [_entity(EntityType.METHOD, name, "name") for name in ("APmk", "PQSt", "APbbox")]
    )
    assert [(e.type, e.label, e.qualifiers) for e in found] == [
        (EntityType.METRIC, "AP", ["mk", "bbox"]),
        (EntityType.METRIC, "PQ", ["St"]),
    ]


def test_a_generated_list_spelling_of_a_hand_listed_metric_takes_the_hand_label() -> None:
    # AlexNet's "top-5 error rates" was a second metric beside OverFeat's "top-5 error"
    for name in ("top-5 error rates", "top-5 error rate", "top-5 error"):
        assert canonical(name, EntityType.METRIC).label == "top-5 error"
    assert canonical("HumanEval+", EntityType.BENCHMARK).label == "HumanEval+"
