"""Find known names in text: a dictionary over token sequences, longest match first.

Text is cut into word and punctuation tokens; hyphens are dropped from the key, so
"fine-tuning" and "fine tuning" match alike and whitespace never matters. One dictionary
lookup per candidate length keeps a 100-chunk paper well under a second.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from papergraph.core.model import EntityType
from papergraph.ingest.extract.gazetteer import LexiconEntry

_TOKEN = re.compile(r"\w+|[^\w\s]")
_HYPHEN = "-"

Key = tuple[str, ...]


@dataclass(frozen=True)
class Match:
    """One occurrence of a known name: a character span, the entry, and where the name came from."""

    start: int
    end: int
    entry: LexiconEntry
    origin: str  # "lexicon" (the shipped TSVs) or "pattern" (learned from this paper's text)


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str


def tokenize(text: str) -> list[_Token]:
    """Word and punctuation tokens of `text`, hyphens left out."""
    return [
        _Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text) if m.group() != _HYPHEN
    ]


def name_key(name: str) -> Key:
    """The token key of a name, as written."""
    return tuple(t.text for t in tokenize(name))


class NameMatcher:
    """Case-sensitive keys for acronyms and exact-case rows, case-folded keys for the rest."""

    def __init__(self) -> None:
        self._exact: dict[Key, tuple[LexiconEntry, str]] = {}
        self._folded: dict[Key, tuple[LexiconEntry, str]] = {}
        self._longest: dict[str, int] = {}  # folded first token -> longest key starting with it

    @classmethod
    def from_entries(cls, entries: Iterable[LexiconEntry], origin: str = "lexicon") -> NameMatcher:
        matcher = cls()
        for entry in entries:
            for name in entry.names:
                matcher.add(name, entry, origin)
        return matcher

    def add(self, name: str, entry: LexiconEntry, origin: str) -> None:
        """Register `name` for `entry`; a later name replaces an earlier one with the same key."""
        key = name_key(name)
        if not key:
            return
        if entry.case_sensitive(name):
            self._exact[key] = (entry, origin)
        else:
            self._folded[tuple(t.lower() for t in key)] = (entry, origin)
        first = key[0].lower()
        self._longest[first] = max(self._longest.get(first, 0), len(key))

    def lookup(self, name: str) -> LexiconEntry | None:
        """The entry a whole name denotes, under the same rules as matching in text."""
        hit = self._hit(name_key(name))
        return hit[0] if hit else None

    def extended(self, names: Iterable[tuple[str, LexiconEntry]], origin: str) -> NameMatcher:
        """A copy that also knows `names` (which win over shipped names with the same key)."""
        copy = NameMatcher()
        copy._exact, copy._folded = dict(self._exact), dict(self._folded)
        copy._longest = dict(self._longest)
        for name, entry in names:
            copy.add(name, entry, origin)
        return copy

    def find(self, text: str) -> list[Match]:
        """Every non-overlapping known name in `text`, scanning left to right, longest first."""
        tokens = tokenize(text)
        found: list[Match] = []
        i = 0
        while i < len(tokens):
            match = self._match_at(text, tokens, i)
            if match is None:
                i += 1
                continue
            found.append(match[0])
            i += match[1]
        return found

    def _match_at(self, text: str, tokens: list[_Token], i: int) -> tuple[Match, int] | None:
        first = tokens[i].text.lower()
        longest = max(self._longest.get(first, 0), self._longest.get(first[:-1], 0))
        for length in range(min(longest, len(tokens) - i), 0, -1):
            span = tokens[i : i + length]
            hit = self._hit(tuple(t.text for t in span))
            if hit and _bounded(text, span[0].start, span[-1].end, hit[0].type):
                return Match(span[0].start, span[-1].end, hit[0], hit[1]), length
        return None

    def _hit(self, key: Key) -> tuple[LexiconEntry, str] | None:
        if not key:
            return None
        hit = self._exact.get(key) or self._folded.get(tuple(t.lower() for t in key))
        last = key[-1]
        if hit or len(last) < 3 or last[-1] != "s":  # a plural: "LLMs", "adapters"
            return hit
        singular = (*key[:-1], last[:-1])
        folded = self._folded.get(tuple(t.lower() for t in singular))
        return folded or (self._exact.get(singular) if singular[-1].isupper() else None)


def _bounded(text: str, start: int, end: int, entity_type: EntityType) -> bool:
    """False inside a hyphenated compound ("C-MMLU", and "Turing- NLG" that a line break split
    after its hyphen: the model Turing-NLG, no NLG task) or before a variant suffix
    ("HumanEval+")."""
    if _after_compound_hyphen(text, start):
        return False
    after = text[end : end + 8]
    if after.startswith("+"):
        return False
    numbered = re.match(r"-\d+(?![\w.])", after)  # "Vicuna-80" is not Vicuna, "ResNet-34" is ResNet
    return not (numbered and entity_type is not EntityType.METHOD)


def _after_compound_hyphen(text: str, start: int) -> bool:
    """Whether `start` follows a hyphen glued to a word, right after it or after one space or
    line break ("Turing- NLG"); a spaced dash ("results - NLG") joins nothing."""
    hyphen = start - 1
    if hyphen >= 1 and text[hyphen] in " \n" and text[hyphen - 1] == _HYPHEN:
        hyphen -= 1
    return hyphen >= 1 and text[hyphen] == _HYPHEN and text[hyphen - 1].isalnum()
