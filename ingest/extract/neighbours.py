"""Type a new name by the known names listed beside it: "Cityscapes, CamVid and COCO-Stuff".

A name-shaped word no list knows ("CamVid", "UTKFace") is a Method to the name patterns unless
the words right after it say "dataset". Papers list like with like, so where the paper writes it
next to known names in a list (joined by a comma, "and", "or", "/"), their type is its type.
"""

from __future__ import annotations

import re
from collections import Counter

from papergraph.core.model import EntityType, Paper
from papergraph.ingest.extract.matcher import NameMatcher
from papergraph.ingest.extract.patterns import Definition

_SEPARATOR = re.compile(r"\s*(?:,|/|;)?\s*(?:and|or|vs\.?|as well as)?\s*")
MIN_VOTES = 2
MAX_SENTENCES = 8  # sentences read per name


def typed_by_neighbours(
    names: list[Definition], paper: Paper, matcher: NameMatcher
) -> list[Definition]:
    """`names`, each retyped to the type of the known names listed beside it, where at least
    MIN_VOTES neighbours agree and they outnumber the others."""
    texts = [chunk.text for chunk in paper.chunks]
    return [_retyped(name, texts, matcher) for name in names]


def _retyped(name: Definition, texts: list[str], matcher: NameMatcher) -> Definition:
    parts = map(re.escape, name.long.split("-"))
    pattern = re.compile(r"(?<![\w-])" + r"\s*-\s*".join(parts) + r"(?![\w-])")
    votes: Counter[EntityType] = Counter()
    seen = 0
    for text in texts:
        for match in pattern.finditer(text):
            if seen >= MAX_SENTENCES:
                break
            seen += 1
            votes.update(_neighbour_types(text, match.start(), match.end(), matcher))
    if not votes:
        return name
    kind, count = votes.most_common(1)[0]
    if count >= MIN_VOTES and 2 * count > sum(votes.values()) and kind is not name.type:
        return Definition(name.long, name.short, kind)
    return name


def _neighbour_types(text: str, start: int, end: int, matcher: NameMatcher) -> list[EntityType]:
    """Types of the known names joined to text[start:end] by a list separator, either side."""
    before = text[max(0, start - 60) : start]
    after = text[end : end + 60]
    types = []
    left = matcher.find(before)
    if left and _SEPARATOR.fullmatch(before[left[-1].end :]) and before[left[-1].end :].strip():
        types.append(left[-1].entry.type)
    right = matcher.find(after)
    if right and _SEPARATOR.fullmatch(after[: right[0].start]) and after[: right[0].start].strip():
        types.append(right[0].entry.type)
    return [EntityType.DATASET if t is EntityType.BENCHMARK else t for t in types]
