"""Entities named in a search query, and what the graph says about them paper by paper.

A query is linked by its word n-grams: an n-gram whose folded form (`papergraph.core.model.fold`) is an
entity's preferred label or alias names that entity; failing that, an n-gram whose canonical
name (`papergraph.core.canonical`: "WMT 2014 English-German" is WMT, "MS COCO dataset" is MS COCO) is
the canonical name of a dataset, task or method of the graph names it, less surely (both sides
are canonicalised: "Sogou News" names the graph's "Sogou news corpus"); failing that, a name
with a version glued on ("IWSLT2015", "VOT2017", "TREC-6") names the graph's unversioned
dataset, less surely still. Longer n-grams win over the shorter ones inside them, and "X-to-Y"
(a transfer between two datasets, "GTAV-to-Cityscapes") is read as two names. A link's confidence says how sure the name is: a preferred label is surer than an
alias, a one-word name surer when it is long, and a name shared by entities of several types is
split between them. The graph then says, per linked entity, which papers mention it, in which
role and with which salience, in which chunks it is named, and which papers report a result for
a linked (task, dataset).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rdflib import URIRef

from papergraph.core.canonical import canonical
from papergraph.core.model import EntityType, entity_key, fold
from papergraph.kg.store import KnowledgeGraph
from papergraph.kg.vocab import (
    ENTITY_CLASS,
    ROLE_PROPERTY,
    entity_key_from_iri,
    paper_id_from_iri,
)

MAX_NGRAM = 8
ALIAS_CONFIDENCE = 0.8  # an alias names its entity less surely than the preferred label
CANONICAL_CONFIDENCE = 0.6  # a name matched only through its canonical form, less surely still
VERSION_CONFIDENCE = 0.5  # "IWSLT2015" read as the graph's "IWSLT": the family, not the version
#: A name with a version glued on: "IWSLT2015", "VOT2017", "TREC-6", "MHP v1".
_VERSIONED = re.compile(r"^(?P<name>[A-Za-z][A-Za-z-]*[A-Za-z])[-_ ]?v?\d{1,4}$")
#: A dataset's kind word, which a query may leave out ("Sogou news corpus" is "Sogou News").
_KIND_WORDS = re.compile(r"\s+(?:data\s?sets?|corpus|corpora|benchmarks?)$", re.IGNORECASE)
#: "GTAV-to-Cityscapes": the "-to-" between two names, replaced by " to " (same length).
_HYPHEN_TO = re.compile(r"(?<=\w)-to-(?=\w)", re.IGNORECASE)
#: The types a query n-gram is read as when its name matches no label or alias.
CANONICAL_TYPES = (EntityType.DATASET, EntityType.BENCHMARK, EntityType.TASK, EntityType.METHOD)
_VERSION_TYPES = (EntityType.DATASET, EntityType.BENCHMARK)
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
    family: bool = False  # matched only once a glued version was taken off ("IWSLT2015")


@dataclass
class EntityLexicon:
    """Every entity name in the graph, folded, with the entities it names and their aliases."""

    names: dict[str, list[NameEntry]] = field(default_factory=dict)
    aliases: dict[str, set[str]] = field(default_factory=dict)  # entity IRI -> every name
    types: dict[str, EntityType] = field(default_factory=dict)  # entity IRI -> type
    labels: dict[str, str] = field(default_factory=dict)  # entity IRI -> preferred label
    _by_canonical: dict[str, list[str]] | None = None  # canonical key -> entity IRIs

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
        lexicon.canonical_index()  # built here (and so in the server's warm-up), not on a query
        return lexicon

    def entries(self, text: str) -> list[NameEntry]:
        """The entities `text` names: by label or alias, else by its canonical name."""
        folded = fold(text)
        found = self.names.get(folded)
        if found or not folded or _JOINS & set(text.lower().split()):
            return found or []
        by_canonical = self.canonical_index()
        iris = (iri for key in canonical_keys(text) for iri in by_canonical.get(key, ()))
        return [
            NameEntry(iri, self.types[iri], self.labels[iri], False, canonical=True)
            for iri in dict.fromkeys(iris)
        ]

    def versioned_entries(self, text: str) -> list[NameEntry]:
        """The entities a versioned name's family names ("IWSLT2015": the graph's IWSLT),
        when the graph holds no entity for the name itself."""
        versioned = _VERSIONED.match(text)
        if versioned is None:
            return []
        family = [e for e in self.entries(versioned.group("name")) if e.type in _VERSION_TYPES]
        return [replace(entry, preferred=False, family=True) for entry in family]

    def canonical_index(self) -> dict[str, list[str]]:
        """Canonical key -> the graph's entities whose label has that canonical name (a paper's
        "Sogou news corpus" and a query's "Sogou News" meet at dataset/sogounews). `load` builds
        it; a lexicon filled by hand builds it on its first use."""
        if self._by_canonical is None:
            index: dict[str, list[str]] = defaultdict(list)
            for iri, kind in self.types.items():
                index[entity_key_from_iri(URIRef(iri))].append(iri)
                if kind in CANONICAL_TYPES:
                    label = self.labels[iri]
                    bare = _KIND_WORDS.sub("", label) if kind in _VERSION_TYPES else label
                    for key in {canonical(label, kind).key, canonical(bare or label, kind).key}:
                        if iri not in index[key]:
                            index[key].append(iri)
            self._by_canonical = dict(index)
        return self._by_canonical

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
def canonical_keys(text: str) -> tuple[str, ...]:
    """The entity keys `text` is the canonical name of, read as each of `CANONICAL_TYPES`, in
    that order, each once; which graph entities carry them is the lexicon's to say. A function of
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
    return tuple(dict.fromkeys(keys[kind] for kind in CANONICAL_TYPES))


def link_query(lexicon: EntityLexicon, query: str) -> list[QueryEntity]:
    """The entities `query` names, longest names first, spans never overlapping."""
    words = list(_WORD.finditer(_HYPHEN_TO.sub(" to ", query)))
    taken: set[int] = set()
    linked: list[QueryEntity] = []
    for size in range(min(MAX_NGRAM, len(words)), 0, -1):
        for first in range(len(words) - size + 1):
            span = range(first, first + size)
            if taken & set(span):
                continue
            start, end = words[first].start(), words[first + size - 1].end()
            entries = lexicon.entries(query[start:end])
            if not entries and size == 1:
                entries = lexicon.versioned_entries(query[start:end])
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
    if entry.family:
        confidence = VERSION_CONFIDENCE
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
