"""One dataset, one node: a family's name in a paper that names one member is that member.

JFT is a family of Google's internal image sets (`ingest/lexicon/dataset-families.txt`): its
members JFT-300M and JFT-3B are datasets of their own, and a bare "JFT" is its own dataset where
a paper names no member (the Distillation paper's 100M-image JFT). A paper that names exactly one
member and also the bare family name means that member by it: ViT (2010.11929) writes "JFT" for
the JFT-300M it pre-trains on, and showed both as two datasets. A paper naming two members keeps
the bare name apart: which one it means is not written.
"""

from __future__ import annotations

from functools import cache

from papergraph.core.canonical import DATASET_TYPES
from papergraph.core.model import Entity, fold
from papergraph.core.name_lists import LEXICON, data_lines
from papergraph.ingest.extract.variants import absorb

FAMILIES_FILE = "dataset-families.txt"


@cache
def families() -> dict[str, frozenset[str]]:
    """Folded family name -> folded member names, from FAMILIES_FILE."""
    rows = (line.split("\t") for line in data_lines(LEXICON / FAMILIES_FILE))
    return {
        fold(row[0]): frozenset(fold(m) for m in row[1].split("|"))
        for row in rows
        if len(row) > 1 and row[0] != "family"
    }


def one_node_per_dataset(entities: list[Entity]) -> list[Entity]:
    """`entities`, a family's name merged into the one member the paper names (its names,
    evidence, strongest role and salience); the rest as they were, in their order."""
    datasets = {fold(e.label): e for e in entities if e.type in DATASET_TYPES}
    into: dict[int, Entity] = {}
    for family, members in families().items():
        named = [datasets[m] for m in sorted(members) if m in datasets]
        if family in datasets and len(named) == 1:
            into[id(datasets[family])] = named[0]
    for entity in entities:
        if id(entity) in into:
            absorb(into[id(entity)], entity)
    return [e for e in entities if id(e) not in into]


def one_type_per_dataset(entities: list[Entity]) -> list[Entity]:
    """`entities`, a dataset and a benchmark of one label merged into one node, typed and keyed
    as the hand lexicon types it (else as the first): MuZero (1911.08265) names the lexicon's
    benchmark "Atari" and Papers with Code's dataset "Atari 2600 games", whose canonical label
    is "Atari" too, and showed "Atari" twice, under two types. The rest as they were, in order."""
    first: dict[str, Entity] = {}
    kept: list[Entity] = []
    for entity in entities:
        if entity.type not in DATASET_TYPES:
            kept.append(entity)
            continue
        head = first.setdefault(fold(entity.label), entity)
        if head is entity:
            kept.append(entity)
            continue
        if _listed(entity) and not _listed(head):
            head.type = entity.type
        absorb(head, entity)
        head.qualifiers.extend(q for q in entity.qualifiers if q not in head.qualifiers)
    return kept


def _listed(entity: Entity) -> bool:
    """Whether the hand lexicon named the entity (curate.curated, which imports this module)."""
    return any(e.extractor == "lexicon" for e in entity.evidence)
