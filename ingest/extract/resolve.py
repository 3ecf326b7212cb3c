"""Turn a paper's own definitions into names the matcher learns for that paper only."""

from __future__ import annotations

from collections.abc import Iterable

from papergraph.ingest.extract.gazetteer import LexiconEntry
from papergraph.ingest.extract.matcher import NameMatcher
from papergraph.ingest.extract.patterns import Definition

LocalName = tuple[str, LexiconEntry]


def local_names(definitions: Iterable[Definition], known: NameMatcher) -> list[LocalName]:
    """Names to add for this paper: acronyms of known concepts, and new typed concepts."""
    names: list[LocalName] = []
    created: dict[str, LexiconEntry] = {}
    for definition in definitions:
        names.extend(_resolve(definition, known, created))
    return names


def _resolve(
    definition: Definition, known: NameMatcher, created: dict[str, LexiconEntry]
) -> list[LocalName]:
    long_entry = known.lookup(definition.long)
    short_entry = known.lookup(definition.short) if definition.short else None
    if long_entry and definition.short and not short_entry:
        return [(definition.short, long_entry)]  # "Direct Preference Optimization (DPO2)"
    if short_entry and not long_entry and _agrees(short_entry, definition):
        return [(definition.long, short_entry)]
    if long_entry or short_entry or definition.type is None:
        return []
    return _new_concept(definition, created)


def _agrees(entry: LexiconEntry, definition: Definition) -> bool:
    """A known acronym takes the paper's long form unless its head noun says another type."""
    return definition.type is None or definition.type is entry.type


def _new_concept(definition: Definition, created: dict[str, LexiconEntry]) -> list[LocalName]:
    """A concept the lexicon lacks, one entry per paper and name.

    Labelled by its acronym when it has one, the long form an alias: papers that spell the long
    form differently ("Direct Preference Optimisation") or only use the acronym still give the
    concept one label, so one key and one IRI across papers.
    """
    assert definition.type is not None
    label = definition.short or definition.long
    aliases = (definition.long,) if definition.short else ()
    lookup = f"{definition.type.value}/{label.lower()}"
    entry = created.setdefault(lookup, LexiconEntry(label, definition.type, aliases))
    return [(name, entry) for name in (label, *aliases)]
