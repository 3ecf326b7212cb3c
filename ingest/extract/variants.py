"""One entity per concept within a paper: "Cityscapes dataset" is Cityscapes, "the Reactor" is
Reactor, "link prediction task" is link prediction.

Generated gazetteers and tagged spans carry a name with its kind word ("X dataset", "X task",
"X score") as a name of its own, so one concept could come out as two entities that split its
mentions and its salience. Two entities of one type family whose labels agree once a leading
"the" and trailing kind words are dropped become one: the entity with the shorter (head) label
keeps its identity and takes the other's evidence, and its label becomes an alias. A scene a
benchmark is made of is such a kind word too: MuZero (1911.08265) names "the Atari domain" and
"an Atari game" beside its benchmark Atari, and SciREX lists both as datasets of their own.

A rating ("Elo ratings", Papers with Code's dataset "ELO Ratings") is a measure a player or model
is scored in, never data: a dataset so named is a metric, and one with the paper's metric Elo
(whose name then lists "Elo ratings").
"""

from __future__ import annotations

import re

from papergraph.core.model import Entity, EntityType, fold
from papergraph.ingest.extract.roles import strongest

#: Trailing words that say what kind of thing a name is, not which one.
KIND_WORDS = frozenset(
    "dataset datasets data set sets corpus corpora benchmark benchmarks database databases "
    "collection challenge split splits task tasks problem problems score scores metric metrics "
    "test train training dev development validation domain domains game games environment "
    "environments suite rating ratings".split()
)
#: Head nouns of a measure, never of data: a dataset named so is a metric.
MEASURE_HEADS = frozenset({"rating", "ratings"})
_WORD = re.compile(r"[\w'-]+|[^\w\s]")
#: Dataset and Benchmark are one family: "the X benchmark" and "X" name one thing.
FAMILY = {EntityType.BENCHMARK: EntityType.DATASET}


def head_form(label: str) -> str:
    """The folded label without a leading "the" and trailing kind words ("the X test set" -> x)."""
    words = _WORD.findall(label)
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    while len(words) > 1 and words[-1].lower() in KIND_WORDS:
        words = words[:-1]
    return fold(" ".join(words))


def merge_variants(entities: list[Entity]) -> list[Entity]:
    """`entities` with kind-word variants of one concept merged, in their original order; a
    dataset whose head noun is a measure's (MEASURE_HEADS) is first typed a metric."""
    heads: dict[tuple[EntityType, str], Entity] = {}
    absorbed: set[int] = set()
    for entity in entities:
        if entity.type in _DATASET_FAMILY and _last_word(entity.label) in MEASURE_HEADS:
            entity.type = EntityType.METRIC
    for entity in sorted(entities, key=lambda e: (len(e.label), e.label)):
        key = (FAMILY.get(entity.type, entity.type), head_form(entity.label))
        head = heads.setdefault(key, entity)
        if head is not entity and key[1]:
            absorb(head, entity)
            absorbed.add(id(entity))
    return [e for e in entities if id(e) not in absorbed]


_DATASET_FAMILY = frozenset({EntityType.DATASET, EntityType.BENCHMARK})


def _last_word(label: str) -> str:
    words = _WORD.findall(label)
    return words[-1].lower() if words else ""


def absorb(entity: Entity, variant: Entity) -> None:
    """Fold `variant` into `entity`: its evidence, its names, its strongest role and salience."""
    names = {fold(entity.label), *(fold(a) for a in entity.aliases)}
    for name in (variant.label, *variant.aliases):
        if fold(name) not in names:
            names.add(fold(name))
            entity.aliases.append(name)
    entity.evidence.extend(variant.evidence)
    entity.role = strongest([entity.role, variant.role])
    entity.salience = max(entity.salience, variant.salience)
