"""The lexicon extractor: known names and the paper's own definitions, merged per paper.

Two passes over a paper: first read its definitions ("Long Name (ACR)", "the X dataset") so
the matcher learns this paper's acronyms and new concepts; then match every chunk, and merge
the mentions into one entity per entity key with evidence, role and salience.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from papergraph.core.model import Chunk, Entity, Evidence, Extraction, Paper, Role, entity_key, fold
from papergraph.ingest.extract.admissible import ENTITY_KINDS
from papergraph.ingest.extract.gazetteer import LexiconEntry, default_lexicon
from papergraph.ingest.extract.matcher import Match, NameMatcher
from papergraph.ingest.extract.patterns import Definition, find_definitions
from papergraph.ingest.extract.resolve import local_names
from papergraph.ingest.extract.roles import role_of, strongest
from papergraph.ingest.extract.salience import Signals, salience
from papergraph.ingest.extract.software import concept_mentions

CONFIDENCE = {"lexicon": 0.9, "gazetteer": 0.75, "pattern": 0.6, "tagger": 0.55, "name": 0.5}
FRONT_CHUNKS = 3  # chunks that count as the paper's opening when it has no separate abstract


@dataclass(frozen=True)
class Mention:
    """One match in one chunk, with the role its sentence gives it."""

    entry: LexiconEntry
    evidence: Evidence
    role: Role
    seq: int  # the chunk's position in the paper


class LexiconExtractor:
    """Finds lexicon names (and names the paper defines) in every chunk of a paper."""

    name = "lexicon"

    def __init__(self, entries: Sequence[LexiconEntry] | None = None) -> None:
        self._matcher = NameMatcher.from_entries(default_lexicon() if entries is None else entries)

    def extract(self, paper: Paper) -> Extraction:
        """One entity per concept the paper names, most salient first."""
        matcher = self.paper_matcher(paper)
        mentions = [m for chunk in entity_chunks(paper) for m in _mentions(matcher, chunk)]
        mentions = concept_mentions(mentions, {chunk.id: chunk.text for chunk in paper.chunks})
        front = _keys(matcher, paper.abstract or "") | {
            _key(m.entry) for m in mentions if m.seq < FRONT_CHUNKS
        }
        entities = _merge(mentions, _keys(matcher, paper.title), front)
        return Extraction(paper_id=paper.id, entities=entities)

    def paper_matcher(self, paper: Paper) -> NameMatcher:
        """The shipped matcher, extended with the names this paper defines."""
        names = local_names(self.definitions(paper), self._matcher)
        return self._matcher.extended(names, "pattern") if names else self._matcher

    def definitions(self, paper: Paper) -> list[Definition]:
        """Acronym definitions and "the X dataset" phrases of every chunk and the abstract."""
        texts = [chunk.text for chunk in entity_chunks(paper)] + [paper.abstract or ""]
        return [d for text in texts for d in find_definitions(text)]


def entity_chunks(paper: Paper) -> list[Chunk]:
    """The chunks entities are read from: body, abstract, captions, tables, appendix."""
    return [chunk for chunk in paper.chunks if chunk.kind in ENTITY_KINDS]


def _mentions(matcher: NameMatcher, chunk: Chunk) -> list[Mention]:
    return [_mention(match, chunk) for match in matcher.find(chunk.text)]


def _mention(match: Match, chunk: Chunk) -> Mention:
    evidence = Evidence(
        chunk_id=chunk.id,
        start=match.start,
        end=match.end,
        text=chunk.text[match.start : match.end],
        extractor=match.origin,
        confidence=CONFIDENCE[match.origin],
    )
    role = role_of(chunk.text, match.start, match.entry.type)
    return Mention(match.entry, evidence, role, chunk.seq)


def _merge(mentions: list[Mention], title: set[str], front: set[str]) -> list[Entity]:
    """One entity per key, scored and sorted by salience (then label, for a stable order)."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        groups[_key(mention.entry)].append(mention)
    signals = {key: _signals(group, key in title, key in front) for key, group in groups.items()}
    most_mentions = max((s.mentions for s in signals.values()), default=1)
    most_chunks = max((s.chunks for s in signals.values()), default=1)
    entities = [
        _entity(group, salience(signals[key], most_mentions, most_chunks))
        for key, group in groups.items()
    ]
    return sorted(entities, key=lambda e: (-e.salience, e.label.lower()))


def _signals(group: list[Mention], in_title: bool, in_front: bool) -> Signals:
    chunks = {m.evidence.chunk_id for m in group}
    return Signals(len(group), len(chunks), in_title, in_front)


def _entity(group: list[Mention], score: float) -> Entity:
    entry = group[0].entry
    return Entity(
        type=entry.type,
        label=entry.label,
        aliases=_aliases(entry, group),
        role=strongest([m.role for m in group]),
        salience=score,
        evidence=[m.evidence for m in group],
    )


def _aliases(entry: LexiconEntry, group: list[Mention]) -> list[str]:
    """The entry's own names, then other spellings the paper used, one per folded form."""
    seen = {fold(entry.label)}
    aliases = []
    for name in [*entry.aliases, *(m.evidence.text for m in group)]:
        if fold(name) not in seen and (name in entry.aliases or _used(name, group)):
            seen.add(fold(name))
            aliases.append(" ".join(name.split()))
    return aliases


def _used(name: str, group: list[Mention]) -> bool:
    return any(m.evidence.text == name for m in group)


def _keys(matcher: NameMatcher, text: str) -> set[str]:
    return {_key(match.entry) for match in matcher.find(text)}


def _key(entry: LexiconEntry) -> str:
    return entity_key(entry.type, entry.label)
