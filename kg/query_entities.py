"""Entities named in a search query, and what the graph says about them paper by paper.

A query is linked by its word n-grams: an n-gram whose folded form (`papergraph.core.model.fold`) is an
entity's preferred label or alias names that entity; failing that, an n-gram whose canonical
name (`papergraph.core.canonical`: "WMT 2014 English-German" is WMT, "MS COCO dataset" is MS COCO) is a
dataset, task or method of the graph names it, less surely; longer n-grams win over the shorter
ones inside them. A link's confidence says how sure the name is: a preferred label is surer than an
alias, a one-word name surer when it is long, and a name shared by entities of several types is
split between them. The graph then says, per linked entity, which papers mention it, in which
role and with which salience, in which chunks it is named, and which papers report a result for
a linked (task, dataset).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import URIRef

from papergraph.core.canonical import canonical
from papergraph.core.model import EntityType, entity_key, fold
from papergraph.kg.store import KnowledgeGraph
from papergraph.kg.vocab import (
    ENTITY_CLASS,
    ROLE_PROPERTY,
    entity_iri,
    entity_key_from_iri,
    paper_id_from_iri,
)

MAX_NGRAM = 8
ALIAS_CONFIDENCE = 0.8  # an alias names its entity less surely than the preferred label
CANONICAL_CONFIDENCE = 0.6  # a name matched only through its canonical form, less surely still
#: The types a query n-gram is read as when its name matches no label or alias.
CANONICAL_TYPES = (EntityType.DATASET, EntityType.BENCHMARK, EntityType.TASK, EntityType.METHOD)
#: Words that join two names ("<task> on <dataset>"): an n-gram holding one is never resolved
#: through its canonical form, which would read "<variant> on <dataset>" as one dataset.
_JOINS = frozenset(["on", "of", "from", "for", "in", "and", "with", "using"])
SHORT_NAME = 3  # one-word names of this many characters or fewer are often common words
_WORD = re.compile(r"[^\W_]+(?:[-.'][^\W_]+)*")
_TYPE_OF_CLASS = {str(iri): kind for kind, iri in ENTITY_CLASS.items()}
_ROLE_OF_PROPERTY = {str(iri): role.value for role, iri in ROLE_PROPERTY.items()}


@dataclass(frozen=True)
class NameEntry:
    entity: str  # the entity's IRI
    type: EntityType
    label: str  # its preferred label
    preferred: bool  # matched through the preferred label (not an alias)
    canonical: bool = False  # matched only through the canonical form of the query's words


@dataclass
class EntityLexicon:
    """Every entity name in the graph, folded, with the entities it names and their aliases."""

    names: dict[str, list[NameEntry]] = field(default_factory=dict)
    aliases: dict[str, set[str]] = field(default_factory=dict)  # entity IRI -> every name
    types: dict[str, EntityType] = field(default_factory=dict)  # entity IRI -> type
    labels: dict[str, str] = field(default_factory=dict)  # entity IRI -> preferred label

    @classmethod
    def load(cls, kg: KnowledgeGraph) -> EntityLexicon:
        # Each paper's graph restates its entities' type and labels, and the default graph is
        # the bag of them: joining the patterns directly pairs every restatement with every
        # other (a name in 3,000 papers: 9 M rows; minutes at 100 k chunks). So each part is
        # made DISTINCT first, and only then joined.
        classes = " ".join(f"<{iri}>" for iri in ENTITY_CLASS.values())
        rows = kg.query(
            "SELECT ?e ?type ?pref ?alt WHERE { "
            f"{{ SELECT DISTINCT ?e ?type WHERE {{ VALUES ?type {{ {classes} }} ?e a ?type }} }} "
            "{ SELECT DISTINCT ?e ?pref WHERE { ?e skos:prefLabel ?pref } } "
            "OPTIONAL { SELECT DISTINCT ?e ?alt WHERE { ?e skos:altLabel ?alt } } "
            "} ORDER BY ?e ?type ?pref ?alt"
        )
        lexicon = cls()
        for entity, kind, pref, alt in rows:  # type: ignore[misc]
            iri, label = str(entity), str(pref)
            lexicon.types[iri], lexicon.labels[iri] = _TYPE_OF_CLASS[str(kind)], label
            lexicon._add(fold(label), NameEntry(iri, _TYPE_OF_CLASS[str(kind)], label, True))
            names = lexicon.aliases.setdefault(iri, {label})
            if alt is not None:
                names.add(str(alt))
                lexicon._add(
                    fold(str(alt)), NameEntry(iri, _TYPE_OF_CLASS[str(kind)], label, False)
                )
        return lexicon

    def entries(self, text: str) -> list[NameEntry]:
        """The entities `text` names: by label or alias, else by its canonical name."""
        folded = fold(text)
        found = self.names.get(folded)
        if found or not folded or _JOINS & set(text.lower().split()):
            return found or []
        return [
            NameEntry(iri, self.types[iri], self.labels[iri], False, canonical=True)
            for iri in canonical_iris(text)
            if iri in self.types
        ]

    def _add(self, folded: str, entry: NameEntry) -> None:
        if not folded:
            return
        entries = self.names.setdefault(folded, [])
        known = next((e for e in entries if e.entity == entry.entity), None)
        if known is None:
            entries.append(entry)
        elif entry.preferred and not known.preferred:
            entries[entries.index(known)] = entry


@dataclass(frozen=True)
class QueryEntity:
    """One entity the query names: where (`text`, `start`, `end`) and how surely."""

    entity: str  # IRI
    key: str  # e.g. "dataset/squad"
    type: EntityType
    label: str
    text: str
    start: int
    end: int
    confidence: float
    aliases: tuple[str, ...] = ()


@lru_cache(maxsize=1 << 14)
def canonical_iris(text: str) -> tuple[str, ...]:
    """The entity IRIs `text` is the canonical name of, read as each of `CANONICAL_TYPES`, in
    that order, each once; whether the graph holds them is the lexicon's to say. A function of
    the text alone (the name lists are read once), and the costliest step of linking a query
    (a query of 20 words has ~65 n-grams to resolve, 4 ways each): kept, as queries share
    their short n-grams ("language model", "attention")."""
    # Datasets and benchmarks are one family: a name gets one label as either, so it is
    # resolved once for both (tests/kg/test_query_entities.py holds this to `canonical`).
    dataset = canonical(text, EntityType.DATASET)
    keys = {
        EntityType.DATASET: dataset.key,
        EntityType.BENCHMARK: entity_key(EntityType.BENCHMARK, dataset.label),
        EntityType.TASK: canonical(text, EntityType.TASK).key,
        EntityType.METHOD: canonical(text, EntityType.METHOD).key,
    }
    return tuple(dict.fromkeys(str(entity_iri(keys[kind])) for kind in CANONICAL_TYPES))


def link_query(lexicon: EntityLexicon, query: str) -> list[QueryEntity]:
    """The entities `query` names, longest names first, spans never overlapping."""
    words = list(_WORD.finditer(query))
    taken: set[int] = set()
    linked: list[QueryEntity] = []
    for size in range(min(MAX_NGRAM, len(words)), 0, -1):
        for first in range(len(words) - size + 1):
            span = range(first, first + size)
            if taken & set(span):
                continue
            start, end = words[first].start(), words[first + size - 1].end()
            entries = lexicon.entries(query[start:end])
            if not entries:
                continue
            taken |= set(span)
            text = query[start:end]
            for entry in entries:
                confidence = _confidence(entry, text, size, len(entries))
                aliases = tuple(sorted(lexicon.aliases.get(entry.entity, set()) - {text}))
                linked.append(
                    QueryEntity(
                        entry.entity,
                        entity_key_from_iri(URIRef(entry.entity)),
                        entry.type,
                        entry.label,
                        text,
                        start,
                        end,
                        round(confidence, 3),
                        aliases,
                    )
                )
    return sorted(linked, key=lambda e: (e.start, -e.confidence, e.key))


def _confidence(entry: NameEntry, text: str, words: int, readings: int) -> float:
    """How surely `text` names `entry`'s entity (1 for an unambiguous multi-word label)."""
    confidence = 1.0 if entry.preferred else ALIAS_CONFIDENCE
    if entry.canonical:
        confidence = CANONICAL_CONFIDENCE
    if words == 1 and len(text) <= SHORT_NAME and not text.isupper():
        confidence *= 0.5  # "art", "pos": a short lower-case word is often not the name
    return confidence / readings


@dataclass
class EntityEvidence:
    """What the graph says about the linked entities: per paper, per entity, role and salience;
    and the papers reporting a result for each linked (task, dataset) pair."""

    mentions: dict[str, dict[str, tuple[str, float]]] = field(default_factory=dict)
    results: dict[str, set[tuple[str, str]]] = field(default_factory=dict)
    papers_with_entity: dict[str, int] = field(default_factory=dict)
    #: paper id -> entity IRI -> the ids (IRIs) of the chunks it is named in
    chunks: dict[str, dict[str, set[str]]] = field(default_factory=dict)

    def shared_chunks(self, paper_id: str, first: str, second: str) -> int:
        """How many of `paper_id`'s chunks name both entities (a task and a dataset named
        together: "we evaluate our parser on the Penn Treebank")."""
        held = self.chunks.get(paper_id, {})
        return len(held.get(first, set()) & held.get(second, set()))


def entity_evidence(kg: KnowledgeGraph, linked: list[QueryEntity]) -> EntityEvidence:
    """Mentions (role, salience) of the linked entities, and results naming a linked pair."""
    evidence = EntityEvidence()
    if not linked:
        return evidence
    values = " ".join(f"<{iri}>" for iri in sorted({e.entity for e in linked}))
    rows = kg.query(
        f"SELECT ?paper ?e ?role ?salience WHERE {{ VALUES ?e {{ {values} }} "
        "?mention pg:entity ?e ; pg:role ?role . ?paper pg:hasMention ?mention . "
        "OPTIONAL { ?mention pg:salience ?salience } }"
    )
    counts: dict[str, set[str]] = defaultdict(set)
    for paper, entity, role, salience in rows:  # type: ignore[misc]
        paper_id = paper_id_from_iri(paper)
        score = float(salience) if salience is not None else 0.0
        known = evidence.mentions.setdefault(paper_id, {}).get(str(entity))
        if known is None or score > known[1]:
            evidence.mentions[paper_id][str(entity)] = (_ROLE_OF_PROPERTY.get(str(role), ""), score)
        counts[str(entity)].add(paper_id)
    evidence.papers_with_entity = {entity: len(papers) for entity, papers in counts.items()}
    evidence.results = _results(kg, linked)
    evidence.chunks = _chunks(kg, values)
    return evidence


def _chunks(kg: KnowledgeGraph, values: str) -> dict[str, dict[str, set[str]]]:
    """paper id -> entity IRI -> the chunks its mentions were read from."""
    rows = kg.query(
        f"SELECT DISTINCT ?paper ?e ?chunk WHERE {{ VALUES ?e {{ {values} }} "
        "?mention pg:entity ?e ; pg:evidence ?evidence . ?paper pg:hasMention ?mention . "
        "?evidence prov:wasDerivedFrom ?chunk }"
    )
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for paper, entity, chunk in rows:  # type: ignore[misc]
        found[paper_id_from_iri(str(paper))][str(entity)].add(str(chunk))
    return {paper: dict(entities) for paper, entities in found.items()}


def _results(kg: KnowledgeGraph, linked: list[QueryEntity]) -> dict[str, set[tuple[str, str]]]:
    """paper id -> the linked (task, dataset) pairs it reports a result for."""
    tasks = {e.entity for e in linked if e.type is EntityType.TASK}
    datasets = {e.entity for e in linked if e.type in (EntityType.DATASET, EntityType.BENCHMARK)}
    if not tasks or not datasets:
        return {}
    rows = kg.query(
        f"SELECT DISTINCT ?paper ?t ?d WHERE {{ VALUES ?t {{ {' '.join(f'<{t}>' for t in tasks)} }} "
        f"VALUES ?d {{ {' '.join(f'<{d}>' for d in datasets)} }} "
        "?result pg:resultTask ?t ; pg:resultDataset ?d . ?paper pg:reportsResult ?result }"
    )
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for paper, task, dataset in rows:  # type: ignore[misc]
        found[paper_id_from_iri(paper)].add((str(task), str(dataset)))  # type: ignore[arg-type]
    return dict(found)
