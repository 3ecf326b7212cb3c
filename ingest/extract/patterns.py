"""Names a paper defines itself: "Long Name (ACR)" and "the X dataset/benchmark/corpus".

A definition either ties an acronym to a long name the lexicon knows (so both spellings become
one entity) or, typed by its head noun, adds a concept the lexicon lacks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from papergraph.core.model import EntityType

_ACRONYM = re.compile(r"\(\s*(?P<short>[A-Za-z][\w+.-]{1,11}?)\s*\)(?P<after>\s+\w+)?")
_NAMED = re.compile(
    r"\b[Tt]he\s+(?P<name>[A-Z0-9][\w.+/-]*(?:\s+[A-Z0-9][\w.+/-]*){0,3})\s+"
    r"(?P<head>datasets?|benchmarks?|corpus|corpora)\b"
)
#: Quotation marks a paper sets around the long form it coins.
_QUOTES = "\"'\u201c\u201d\u2018\u2019"
_SENTENCE_END = re.compile(r"[.!?;:]\s|[()\[\]]")
_SKIP_NAMES = {
    "same",
    "new",
    "following",
    "above",
    "original",
    "full",
    "entire",
    "proposed",
    "this",
}

HEAD_TYPES: dict[str, EntityType] = {
    **dict.fromkeys(("dataset", "corpus", "corpora"), EntityType.DATASET),
    **dict.fromkeys(("benchmark",), EntityType.BENCHMARK),
    **dict.fromkeys(
        (
            "optimization", "optimisation", "learning", "training", "tuning", "network", "model",
            "algorithm", "method", "architecture", "prompting", "feedback", "transformer",
            "encoder", "decoder", "alignment", "distillation", "regression", "machine",
        ),
        EntityType.METHOD,
    ),
    **dict.fromkeys(("score", "rate", "error", "accuracy", "distance"), EntityType.METRIC),
}  # fmt: skip


@dataclass(frozen=True)
class Definition:
    """A name the paper defines: a long form with an optional acronym, and the type its words imply."""

    long: str
    short: str | None
    type: EntityType | None


def find_definitions(text: str) -> list[Definition]:
    """Acronym definitions and "the X dataset" phrases in one chunk of text."""
    return [*_acronym_definitions(text), *_named_collections(text)]


def head_type(words: str) -> EntityType | None:
    """The type a phrase's head noun implies ("... Optimization" -> Method), if any."""
    tokens = re.findall(r"[A-Za-z]+", words.lower())
    if not tokens:
        return None
    head = tokens[-1]
    return HEAD_TYPES.get(head) or (HEAD_TYPES.get(head[:-1]) if head.endswith("s") else None)


def _acronym_definitions(text: str) -> list[Definition]:
    found = []
    for m in _ACRONYM.finditer(text):
        short = _acronym(m.group("short"))
        long = _long_form(short, _words_before(text, m.start(), short)) if short else None
        if short and long:
            after = m.group("after") or ""
            found.append(Definition(long, short, head_type(long) or _after_type(after)))
    return found


def _named_collections(text: str) -> list[Definition]:
    found = []
    for m in _NAMED.finditer(text):
        name = m.group("name").rstrip(".")
        if name.split()[0].lower() in _SKIP_NAMES or name.endswith("'s") or name.isdigit():
            continue
        found.append(Definition(name, None, head_type(m.group("head"))))
    return found


def _acronym(raw: str) -> str | None:
    """The acronym inside parentheses, singular; None unless it looks like one ("LoRA", "LLMs")."""
    short = raw[:-1] if raw.endswith("s") and raw[-2:-1].isupper() else raw
    capitals = sum(c.isupper() for c in short)
    if capitals < 2 or not short[0].isalpha() or capitals < len(short) / 3:
        return None
    return short


def _after_type(after: str) -> EntityType | None:
    """A type from the word after the parentheses: "... (SQuAD) dataset"."""
    implied = HEAD_TYPES.get(after.strip().lower())
    return implied if implied in (EntityType.DATASET, EntityType.BENCHMARK) else None


def _words_before(text: str, paren: int, short: str) -> list[str]:
    """At most min(|A|+5, 2|A|) words before the parenthesis, within its sentence."""
    window = text[max(0, paren - 200) : paren]
    cut = max((m.end() for m in _SENTENCE_END.finditer(window)), default=0)
    words = window[cut:].split()
    return words[-min(len(short) + 5, 2 * len(short)) :]


def _long_form(short: str, words: list[str]) -> str | None:
    """Schwartz & Hearst (2003): the shortest words ending the window whose letters spell `short`."""
    candidate = " ".join(words)
    letters = [c.lower() for c in short if c.isalnum()]
    lower = candidate.lower()
    pos = len(lower) - 1
    for index in range(len(letters) - 1, -1, -1):
        pos = _find_back(lower, letters[index], pos, word_start=index == 0)
        if pos < 0:
            return None
        pos -= 1
    start = lower.rfind(" ", 0, pos + 2) + 1
    long = candidate[start:].strip(" ,").strip(_QUOTES)  # the "Self-Taught Reasoner" (STaR)
    return long if len(long) > len(short) and long[0].isalnum() else None


def _find_back(text: str, char: str, pos: int, *, word_start: bool) -> int:
    """The last index ≤ pos holding `char` (at a word start when asked); -1 if none."""
    while pos >= 0:
        if text[pos] == char and (not word_start or pos == 0 or not text[pos - 1].isalnum()):
            return pos
        pos -= 1
    return -1
