"""A task named only in an imagined user's story is no topic of the paper (issue 14): CiteSee's
"4.2 Example User Scenario" showed "image captioning" as a task of a paper that evaluates none."""

from __future__ import annotations

from papergraph.core.model import EntityType, Result
from papergraph.ingest.extract.curate import mark_salient, reshown_tasks
from tests.ingest.sectioned import named, sectioned


def test_a_task_named_only_in_an_example_scenario_is_not_shown() -> None:
    """Five mentions in the scenario's chunks; a task the paper's own sections name is shown,
    and so is one named both in the scenario and in the paper's own evaluation."""
    paper = sectioned(
        ["Abstract", "4.2 Example User Scenario", "An Illustrative Scenario", "6 Study"]
    )
    entities = [
        named(EntityType.TASK, "literature review", 0.6, 0, 3),
        named(EntityType.TASK, "image captioning", 0.5, 1, 1, 1, 2, 2),
        named(EntityType.TASK, "citation recommendation", 0.4, 1, 3),
        named(EntityType.DATASET, "MS COCO", 0.4, 2),
    ]
    shown = {e.label for e in mark_salient(entities, paper) if e.salient}
    assert shown == {"literature review", "citation recommendation"}


def test_a_scenario_task_the_papers_rows_are_filed_under_is_shown() -> None:
    """A task a paper's valued rows carry is its own, wherever its prose names it."""
    paper = sectioned(["Abstract", "3 A Motivating Scenario"])
    task = named(EntityType.TASK, "image captioning", 0.5, 1, 1)
    mark_salient([task], paper)
    assert not task.salient
    reshown_tasks([task], [Result("Ours", "image captioning", "MS COCO", "CIDEr", 120.0)], paper)
    assert task.salient


def test_an_evaluation_scenario_is_the_papers_own() -> None:
    """A heading that names the paper's experimental setting ("5.1 Scenario 1: Highway") is no
    imagined user's story."""
    paper = sectioned(["Abstract", "5.1 Scenario 1: Highway Driving"])
    task = named(EntityType.TASK, "autonomous driving", 0.5, 1, 1)
    mark_salient([task], paper)
    assert task.salient


def test_usage_scenarios_and_a_cognitive_walkthrough_are_a_tools_evaluation() -> None:
    """Papers on visual or interactive tools evaluate them in usage scenarios and cognitive
    walkthroughs, on their own tasks and data: what these name is shown; a system
    walkthrough still tells an imagined user's story."""
    evaluations = [
        "6 Usage Scenarios",
        "6.1 Usage Scenario: Diagnosing a CNN on CIFAR-10",
        "5 Cognitive Walkthrough",
        "User scenarios and evaluation",
    ]
    for heading in [*evaluations, "3 System Walkthrough"]:
        task = named(EntityType.TASK, "image classification", 0.5, 1, 1)
        dataset = named(EntityType.DATASET, "CIFAR-10", 0.5, 1)
        mark_salient([task, dataset], sectioned(["Abstract", heading]))
        assert task.salient is dataset.salient is (heading in evaluations), heading


def test_a_task_named_in_related_work_and_an_example_scenario_is_not_shown() -> None:
    """Neither heading is the paper's own work: a task named under both only is hidden."""
    paper = sectioned(["Abstract", "2 Related Work", "4.2 Example User Scenario"])
    task = named(EntityType.TASK, "image captioning", 0.5, 1, 2, 2)
    mark_salient([task], paper)
    assert not task.salient
