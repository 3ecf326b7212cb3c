"""What a sentence says the paper does with a mention: proposes, uses, evaluates on it.

Cues are read in the same sentence, shortly before the mention; a paper's role for an entity
is the strongest role any of its mentions gets.
"""

from __future__ import annotations

import re

from papergraph.core.model import EntityType, Role

_WE = r"\bwe\s+(?:\w+\s+){0,2}?"
_CUES: list[tuple[Role, re.Pattern[str], frozenset[EntityType] | None]] = [
    (Role.PROPOSES, re.compile(_WE + r"(?:propose|introduce|present)\w*\b", re.IGNORECASE), None),
    (
        Role.EVALUATES_ON,
        re.compile(
            r"\b(?:evaluat(?:e|ed|es|ing)|results?|experiments?|tested|benchmarked|performance)"
            r"\b[^.;]{0,40}?\bon\b",
            re.IGNORECASE,
        ),
        frozenset({EntityType.DATASET, EntityType.BENCHMARK}),
    ),
    (
        Role.USES,
        re.compile(
            _WE + r"(?:use|used|adopt|adopted|employ|employed|fine-?tune|fine-?tuned|utili[sz]ed?"
            r"|leverage|leveraged|apply|applied|build\s+on|rely\s+on)\b",
            re.IGNORECASE,
        ),
        None,
    ),
    (
        Role.COMPARES_AGAINST,
        re.compile(r"\b(?:compared?\s+(?:with|to|against)|outperform\w*)\b", re.IGNORECASE),
        frozenset({EntityType.METHOD}),
    ),
]
RANK = {
    Role.PROPOSES: 4,
    Role.EVALUATES_ON: 3,
    Role.USES: 2,
    Role.COMPARES_AGAINST: 1,
    Role.MENTIONS: 0,
}
_REACH = 80  # characters between the end of a cue and the mention it governs
_PROPOSE_REACH = 50
_COMPARE_REACH = 30
_NOT_PROPOSED = re.compile(r"\b(?:of|for|on|in|to|with|from|by|about|both|and)\b", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?]\s+(?=[A-Z#])|\n\s*\n")


def role_of(text: str, start: int, entity_type: EntityType) -> Role:
    """The role the sentence around `text[start:]` gives the mention there."""
    prefix = _sentence_prefix(text, start)
    for role, cue, types in _CUES:
        if types is not None and entity_type not in types:
            continue
        ends = [m.end() for m in cue.finditer(prefix)]
        if ends and _governs(role, prefix[ends[-1] :]):
            return role
    return Role.MENTIONS


def _governs(role: Role, between: str) -> bool:
    """Whether a cue reaches the mention across `between` ("we present a survey of X" does not)."""
    if role is Role.PROPOSES:
        return len(between) <= _PROPOSE_REACH and not _NOT_PROPOSED.search(between)
    if role is Role.COMPARES_AGAINST:
        return len(between) <= _COMPARE_REACH
    return len(between) <= _REACH


def strongest(roles: list[Role]) -> Role:
    """The role to record for an entity, from the roles of its mentions."""
    return max(roles, key=RANK.__getitem__, default=Role.MENTIONS)


def _sentence_prefix(text: str, start: int) -> str:
    window = text[max(0, start - 300) : start]
    cut = max((m.end() for m in _SENTENCE_BREAK.finditer(window)), default=0)
    return window[cut:]
