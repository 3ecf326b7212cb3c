"""A paper's entity lift (api.query_entities.paper_lift) from constructed graph evidence."""

from __future__ import annotations

from papergraph.api.query_entities import LiftScale, paper_lift
from papergraph.core.model import EntityType
from papergraph.kg.query_entities import EntityEvidence, QueryEntity

TASK = QueryEntity(
    "e/task/parsing", "task/parsing", EntityType.TASK, "parsing", "parsing", 0, 7, 1.0
)
TREEBANK = QueryEntity(
    "e/dataset/ptb", "dataset/ptb", EntityType.DATASET, "Penn Treebank", "PTB", 11, 14, 1.0
)
LINKED = [TASK, TREEBANK]  # "parsing on PTB"


def evidence() -> EntityEvidence:
    """'together' names parsing and PTB in two shared chunks; 'apart' names both, never together."""
    found = EntityEvidence(papers_with_entity={TASK.entity: 2, TREEBANK.entity: 2})
    for paper in ("together", "apart"):
        found.mentions[paper] = {TASK.entity: ("mentions", 0.5), TREEBANK.entity: ("mentions", 0.5)}
    found.chunks["together"] = {TASK.entity: {"c1", "c2", "c3"}, TREEBANK.entity: {"c2", "c3"}}
    found.chunks["apart"] = {TASK.entity: {"c1"}, TREEBANK.entity: {"c4", "c5"}}
    return found


def test_a_paper_naming_task_and_dataset_together_gains_and_says_so() -> None:
    scale = LiftScale(papers=10, result_weight=0.0, salience_power=0.5, pair_weight=1.0)
    together, reasons = paper_lift("together", LINKED, evidence(), scale)
    apart, _ = paper_lift("apart", LINKED, evidence(), scale)
    assert together > apart > 0  # both hold the two entities; only one names them together
    named = [reason for reason in reasons if reason["kind"] == "named_together"]
    assert [reason["chunks"] for reason in named] == [2]
    assert named[0]["text"] == "names parsing and Penn Treebank together in 2 passages"


def test_without_pair_weight_naming_together_counts_for_nothing() -> None:
    scale = LiftScale(papers=10, result_weight=0.0, salience_power=0.5, pair_weight=0.0)
    together, reasons = paper_lift("together", LINKED, evidence(), scale)
    apart, _ = paper_lift("apart", LINKED, evidence(), scale)
    assert together == apart
    assert all(reason["kind"] != "named_together" for reason in reasons)


def test_one_query_name_read_as_both_task_and_dataset_is_no_pair() -> None:
    atari_task = QueryEntity(
        "e/task/atari", "task/atari", EntityType.TASK, "Atari", "Atari", 0, 5, 0.5
    )
    atari_data = QueryEntity(
        "e/dataset/atari", "dataset/atari", EntityType.DATASET, "Atari", "Atari", 0, 5, 0.5
    )
    found = EntityEvidence(papers_with_entity={atari_task.entity: 1, atari_data.entity: 1})
    found.mentions["p"] = {atari_task.entity: ("uses", 0.5), atari_data.entity: ("uses", 0.5)}
    found.chunks["p"] = {atari_task.entity: {"c1"}, atari_data.entity: {"c1"}}
    scale = LiftScale(papers=10, result_weight=0.0, salience_power=0.5, pair_weight=1.0)
    _, reasons = paper_lift("p", [atari_task, atari_data], found, scale)
    assert reasons and all(reason["kind"] != "named_together" for reason in reasons)
