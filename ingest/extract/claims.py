"""Document-level result claims: the paper's own method on its salient tasks, datasets, metrics.

Most leaderboard numbers live in tables a text reader never sees, yet which (method, task,
dataset, metric) a paper reports on is plain from what it is about. As in SciREX's document-level
n-ary relation setup (relations between a paper's salient entities), each combination of the
paper's most salient method, tasks, datasets and metrics becomes one Result *without a value*
(`value=None`): a claim that the paper reports on that combination, with the evidence of its
four entities. Sentence-level results (ingest/extract/results.py), which carry a value, come
first and are not repeated. A dataset whose task the data is firm about files its claim under
that task (`task_of`, ingest/extract/claim_tasks.py), not the paper's top one: the distillation
paper's MNIST and JFT claims are image classification, its most salient task speech recognition.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import product

from papergraph.core.model import Entity, EntityType, Evidence, Result, Role, fold

EXTRACTOR = "result-claim"
CONFIDENCE = 0.3


@dataclass(frozen=True)
class ClaimSizes:
    """How many of each type's most salient entities combine into claims."""

    method: int = 1
    task: int = 1
    dataset: int = 2
    metric: int = 2
    #: Put what the paper proposes first in the method slot. Off where a learned salience model
    #: already weighs the role: on SciREX tune docs its top method is then right more often.
    prefer_proposed: bool = True


SLOT_TYPES: dict[str, tuple[EntityType, ...]] = {
    "method": (EntityType.METHOD,),
    "task": (EntityType.TASK,),
    "dataset": (EntityType.DATASET, EntityType.BENCHMARK),
    "metric": (EntityType.METRIC,),
}


def claims(
    entities: list[Entity],
    sizes: ClaimSizes = ClaimSizes(),
    task_of: Callable[[str, str], str | None] | None = None,
) -> list[Result]:
    """One value-less Result per combination of the top entities of the four slots.

    The method slot prefers what the paper proposes (unless `sizes` says not to); a slot with no
    entity leaves no claim. `task_of(dataset, task)` gives the task a claim on the dataset
    takes instead of the task slot's, where the data is firm about it (None where not).
    """
    slots = [
        _top(entities, types, getattr(sizes, slot), sizes.prefer_proposed)
        for slot, types in SLOT_TYPES.items()
    ]
    if not all(slots):
        return []
    found: dict[tuple[str | None, ...], Result] = {}
    for method, task, dataset, metric in product(*slots):
        claim = _claim(method, task, dataset, metric, task_of)
        found.setdefault((claim.method, claim.task, claim.dataset, claim.metric), claim)
    return list(found.values())


def table_valued(result: Result) -> bool:
    """Whether the result is a value the paper's own tables print."""
    return result.value is not None and any(e.table for e in result.evidence)


def merged(found: list[Result], claimed: list[Result]) -> list[Result]:
    """Sentence and table results, then the claims whose four slots no result already covers.

    A paper whose own tables gave values gets no claims: its tables say what it reports on, and
    a claim there would only pair its top entities by guess (a task of one table with a dataset
    of another)."""
    if any(table_valued(r) for r in found):
        return found
    covered = {(r.method, r.task, r.dataset, r.metric) for r in found}
    return found + [r for r in claimed if (r.method, r.task, r.dataset, r.metric) not in covered]


def _top(
    entities: list[Entity], types: tuple[EntityType, ...], size: int, prefer_proposed: bool
) -> list[Entity]:
    typed = [e for e in entities if e.type in types]
    if prefer_proposed:
        return sorted(typed, key=lambda e: (e.role is not Role.PROPOSES, -e.salience))[:size]
    return sorted(typed, key=lambda e: -e.salience)[:size]


def _claim(
    method: Entity,
    task: Entity,
    dataset: Entity,
    metric: Entity,
    task_of: Callable[[str, str], str | None] | None,
) -> Result:
    """The claim on the four entities; a dataset's own task replaces the task entity, whose
    mention is then no evidence of it."""
    filed = task_of(dataset.label, task.label) if task_of else None
    own = filed is None or fold(filed) == fold(task.label)
    slots = (method, task, dataset, metric) if own else (method, dataset, metric)
    evidence = [_first(e) for e in slots if e.evidence]
    return Result(
        method=method.label,
        task=task.label if own else filed,
        dataset=dataset.label,
        metric=metric.label,
        value=None,
        evidence=[e for e in evidence if e is not None],
    )


def _first(entity: Entity) -> Evidence:
    first = entity.evidence[0]
    return Evidence(first.chunk_id, first.start, first.end, first.text, EXTRACTOR, CONFIDENCE)
