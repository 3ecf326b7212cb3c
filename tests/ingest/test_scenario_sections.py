"""A task named only in an imagined user's story is no topic of the paper (issue 14): CiteSee's
"4.2 Example User Scenario" showed "image captioning" as a task of a paper that evaluates none."""

from __future__ import annotations

from papergraph.core.model import Chunk, ChunkKind, Entity, EntityType, Evidence, Paper, Result
from papergraph.ingest.extract.curate import mark_salient, reshown_tasks


def _sectioned(sections: list[str]) -> Paper:
    """A paper with one body chunk under each heading, `p1#<i>`."""
    chunks = [
        Chunk(id=f"p1#{i}", paper_id="p1", seq=i, text="", kind=ChunkKind.BODY, section=s)
        for i, s in enumerate(sections)
    ]
    return Paper(id="p1", title="A Paper", authors=[], chunks=chunks)


def _named(kind: EntityType, name: str, salience: float, *chunks: int) -> Entity:
    evidence = [Evidence(f"p1#{i}", 0, len(name), name, "lexicon") for i in chunks]
    return Entity(kind, name, salience=salience, evidence=evidence)


def test_a_task_named_only_in_an_example_scenario_is_not_shown() -> None:
    """Five mentions in the scenario's chunks; a task the paper's own sections name is shown,
    and so is one named both in the scenario and in the paper's own evaluation."""
    paper = _sectioned(["Abstract", "4.2 Example User Scenario", "Usage scenarios", "6 Study"])
    entities = [
        _named(EntityType.TASK, "literature review", 0.6, 0, 3),
        _named(EntityType.TASK, "image captioning", 0.5, 1, 1, 1, 2, 2),
        _named(EntityType.TASK, "citation recommendation", 0.4, 1, 3),
        _named(EntityType.DATASET, "MS COCO", 0.4, 2),
    ]
    shown = {e.label for e in mark_salient(entities, paper) if e.salient}
    assert shown == {"literature review", "citation recommendation"}


def test_a_scenario_task_the_papers_rows_are_filed_under_is_shown() -> None:
    """A task a paper's valued rows carry is its own, wherever its prose names it."""
    paper = _sectioned(["Abstract", "3 A Motivating Scenario"])
    task = _named(EntityType.TASK, "image captioning", 0.5, 1, 1)
    mark_salient([task], paper)
    assert not task.salient
    reshown_tasks([task], [Result("Ours", "image captioning", "MS COCO", "CIDEr", 120.0)], paper)
    assert task.salient


def test_an_evaluation_scenario_is_the_papers_own() -> None:
    """A heading that names the paper's experimental setting ("5.1 Scenario 1: Highway") is no
    imagined user's story."""
    paper = _sectioned(["Abstract", "5.1 Scenario 1: Highway Driving"])
    task = _named(EntityType.TASK, "autonomous driving", 0.5, 1, 1)
    mark_salient([task], paper)
    assert task.salient
