"""The metric a sentence prints beside one of its values.

A sentence can state two values of two metrics: "reaching 4.9% top-5 validation error (and 4.8%
test error)", "a top-5 validation error of 4.9%, and test error of 4.82%". The gazetteer knows
the first metric's name and not the second's, so the nearest metric mention gave both values the
validation error. The words printed right after a value ("4.8% test error") or right before it
with "of", "is", "=" ("test error of 4.82%"), cut at the first function word or punctuation, are
that value's own metric where they name one (`read_metric`) and no metric mention lies in them.
"""

from __future__ import annotations

import re

from papergraph.ingest.extract.metric_names import read_metric

_WORD = r"[A-Za-z][\w-]*"
_AFTER = re.compile(rf"\s*(?P<words>{_WORD}(?:\s+{_WORD}){{0,3}})")
_BEFORE = re.compile(rf"(?P<words>{_WORD}(?:\s+{_WORD}){{0,3}})\s+(?:of|is|was|were|=|:)\s*$")
#: Words that end a metric's name: what follows them ("on ImageNet") or comes before them
#: ("and test error") is not the metric.
_FUNCTION_WORD = re.compile(
    r"^(?:on|in|of|for|with|by|at|and|or|to|from|than|the|a|an|we|our|its|is|was|were|"
    r"reaching|achieving|achieves|achieve|report|reports|obtain|obtains|while|whereas)$",
    re.IGNORECASE,
)


def printed_metric(
    sentence: str, at: int, after: int, mentions: list[tuple[int, int]]
) -> str | None:
    """The metric name printed beside the value at `sentence[at:after]`, where no metric mention
    (spans in `mentions`, offsets into `sentence`) lies in those words; else None."""
    for words, begin, end in (_after(sentence, after), _before(sentence, at)):
        if not words or read_metric(words) is None:
            continue
        if any(start < end and begin < stop for start, stop in mentions):
            return None  # a known metric's name: the mention says it
        return words
    return None


def _after(sentence: str, after: int) -> tuple[str, int, int]:
    match = _AFTER.match(sentence, after)
    if match is None:
        return "", 0, 0
    kept: list[str] = []
    for word in match.group("words").split():
        if _FUNCTION_WORD.match(word):
            break
        kept.append(word)
    words = " ".join(kept)
    begin = match.start("words")
    return words, begin, begin + len(words)


def _before(sentence: str, at: int) -> tuple[str, int, int]:
    match = _BEFORE.search(sentence, 0, at)
    if match is None:
        return "", 0, 0
    kept: list[str] = []
    for word in reversed(match.group("words").split()):
        if _FUNCTION_WORD.match(word):
            break
        kept.insert(0, word)
    words = " ".join(kept)
    end = match.end("words")
    return words, end - len(words), end
