"""Entity-aware search: the entities a query names become ranking evidence, never a filter.

A paper gains (its "lift") for each linked entity it holds, in proportion to the link's
confidence, the entity's salience in the paper, the strength of its role there (evaluating on a
dataset, proposing or using a method counts more than a passing mention) and how rare the entity
is in the corpus; more when a linked task and a linked dataset are named in the same chunk
("we evaluate our parser on the Penn Treebank"), the more such chunks the more; and more for
reporting a result for a linked (task, dataset) pair. The lift
is scaled by the share of the query's words that name entities (`query_coverage`). Papers the
graph missed still rank by their text, so nothing relevant is dropped. Each lift carries reasons
that say what lifted the paper.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from papergraph.core.model import EntityType
from papergraph.kg.query_entities import (
    EntityEvidence,
    EntityLexicon,
    QueryEntity,
    entity_evidence,
    link_query,
)
from papergraph.kg.store import KnowledgeGraph

#: How much a role says about a paper and an entity (pg:mentions alone is the weakest).
ROLE_STRENGTH = {
    "proposes": 1.0,
    "evaluatesOn": 1.0,
    "uses": 0.75,
    "comparesAgainst": 0.75,
    "mentions": 0.5,
}
_ROLE_VERB = {
    "proposes": "proposes",
    "evaluatesOn": "evaluates on",
    "uses": "uses",
    "comparesAgainst": "compares against",
    "mentions": "mentions",
}
#: Words that join entity names in a query ("<task> on <dataset>") and name nothing themselves.
CONNECTIVES = frozenset(
    [
        "on",
        "of",
        "in",
        "for",
        "the",
        "a",
        "an",
        "and",
        "with",
        "by",
        "to",
        "using",
        "via",
        "from",
        "at",
    ]
)
WORDS = re.compile(r"[^\W_]+(?:[-.'][^\W_]+)*")
MAX_LIFTED_PAPERS = 200  # lifted papers beyond both lists get a chunk scored; the best this many


@dataclass(frozen=True)
class LiftScale:
    """What a paper's lift is scaled by, besides the links and the graph's evidence."""

    papers: int  # in the corpus (for rarity)
    result_weight: float  # a reported result for a linked (task, dataset)
    salience_power: float  # exponent on salience
    pair_weight: float  # a linked task and dataset named in one chunk


@dataclass
class EntityLifts:
    """The linked entities, each paper's lift and the reasons for it."""

    entities: list[QueryEntity] = field(default_factory=list)
    lifts: dict[str, float] = field(default_factory=dict)
    reasons: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def expansions(self) -> list[str]:
        """Other names of the linked entities, for the keyword query."""
        names = {alias for e in self.entities for alias in (e.label, *e.aliases)}
        said = {e.text.lower() for e in self.entities}
        return sorted(name for name in names if name.lower() not in said)


def entity_lifts(
    lexicon: EntityLexicon,
    graph: KnowledgeGraph,
    query: str,
    papers: int | Callable[[], int],
    result_weight: float,
    salience_power: float = 0.5,
    pair_weight: float = 0.0,
) -> EntityLifts:
    """The entities `query` names (in `lexicon`) and each paper's lift from them, read from
    `graph` (`papers` in the corpus, or how to count them, asked only when the query names an
    entity; `result_weight` for a reported result; salience counts raised to
    `salience_power`; `pair_weight` for a linked task and dataset named in one chunk)."""
    linked = link_query(lexicon, query)
    found = EntityLifts(linked)
    if not linked:
        return found
    papers = papers() if callable(papers) else papers
    evidence = entity_evidence(graph, linked)
    coverage = query_coverage(query, linked)
    scale = LiftScale(papers, result_weight, salience_power, pair_weight)
    for paper_id in evidence.mentions.keys() | evidence.results.keys():
        lift, reasons = paper_lift(paper_id, linked, evidence, scale)
        if lift > 0:
            found.lifts[paper_id] = lift * coverage
            found.reasons[paper_id] = reasons
    return found


def query_coverage(query: str, linked: list[QueryEntity]) -> float:
    """The share of the query's words that name a linked entity: near 1 for "parsing on Penn
    Treebank", small for a sentence that mentions one method in passing. The lift is scaled by
    it, so a query made of entity names leans on the graph and prose leans on the text."""
    words = [
        (m.start(), m.end()) for m in WORDS.finditer(query) if m.group().lower() not in CONNECTIVES
    ]
    if not words:
        return 0.0
    spans = {(e.start, e.end) for e in linked}
    covered = sum(1 for a, b in words if any(s <= a and b <= e for s, e in spans))
    return covered / len(words)


def rarity(papers_with: int, papers: int) -> float:
    """1 for an entity one paper holds, towards 0 for one that every paper holds."""
    if papers <= 1:
        return 1.0
    return max(0.0, math.log((papers + 1) / (papers_with + 0.5)) / math.log((papers + 1) / 1.5))


def paper_lift(
    paper_id: str,
    linked: list[QueryEntity],
    evidence: EntityEvidence,
    scale: LiftScale,
) -> tuple[float, list[dict[str, Any]]]:
    """`paper_id`'s lift from the `linked` entities, and the reasons for it."""
    papers, result_weight, power = scale.papers, scale.result_weight, scale.salience_power
    lift, reasons = 0.0, []
    held = evidence.mentions.get(paper_id, {})
    distinct = _distinct(linked)
    for entity in distinct:
        if entity.entity not in held:
            continue
        role, salience = held[entity.entity]
        rare = rarity(evidence.papers_with_entity.get(entity.entity, 1), papers)
        gain = (
            entity.confidence * max(salience, 0.05) ** power * ROLE_STRENGTH.get(role, 0.5) * rare
        )
        lift += gain
        reasons.append(
            {
                "kind": f"{role or 'mentions'}",
                "entity": entity.key,
                "label": entity.label,
                "confidence": entity.confidence,
                "salience": round(salience, 3),
                "lift": round(gain, 4),
                "text": f"{_ROLE_VERB.get(role, 'mentions')} {entity.type.value.lower()} "
                f"{entity.label} (salience {salience:.2f}), named in the query as "
                f"'{entity.text}'",
            }
        )
    if distinct:  # holding all the named entities beats holding one
        lift *= (len(reasons) / len(distinct)) ** 2
    pair_lift, pair_reasons = _pair_lift(paper_id, linked, evidence, scale.pair_weight)
    lift += pair_lift
    reasons.extend(pair_reasons)
    by_iri = {e.entity: e for e in linked}
    for task, dataset in sorted(evidence.results.get(paper_id, set())):
        gain = result_weight * by_iri[task].confidence * by_iri[dataset].confidence
        lift += gain
        reasons.append(
            {
                "kind": "reports_result",
                "task": by_iri[task].key,
                "dataset": by_iri[dataset].key,
                "lift": round(gain, 4),
                "text": f"reports a result for {by_iri[task].label} on {by_iri[dataset].label}",
            }
        )
    return lift, reasons


def _pair_lift(
    paper_id: str, linked: list[QueryEntity], evidence: EntityEvidence, weight: float
) -> tuple[float, list[dict[str, Any]]]:
    """The lift for each linked (task, dataset) the paper names in the same chunks:
    `weight x confidences x n / (n + 1)` for n such chunks."""
    if not weight:
        return 0.0, []
    distinct = _distinct(linked)
    tasks = [e for e in distinct if e.type is EntityType.TASK]
    datasets = [e for e in distinct if e.type in (EntityType.DATASET, EntityType.BENCHMARK)]
    lift, reasons = 0.0, []
    for task in tasks:
        for dataset in datasets:
            shared = evidence.shared_chunks(paper_id, task.entity, dataset.entity)
            if not shared or task.start == dataset.start:  # one name read as both types
                continue
            gain = weight * task.confidence * dataset.confidence * shared / (shared + 1)
            lift += gain
            reasons.append(
                {
                    "kind": "named_together",
                    "task": task.key,
                    "dataset": dataset.key,
                    "chunks": shared,
                    "lift": round(gain, 4),
                    "text": f"names {task.label} and {dataset.label} together in {shared} "
                    f"passage{'s' if shared > 1 else ''}",
                }
            )
    return lift, reasons


def _distinct(linked: Iterable[QueryEntity]) -> list[QueryEntity]:
    """One reading per entity: its most confident link."""
    best: dict[str, QueryEntity] = {}
    for entity in linked:
        if entity.entity not in best or entity.confidence > best[entity.entity].confidence:
            best[entity.entity] = entity
    return list(best.values())
