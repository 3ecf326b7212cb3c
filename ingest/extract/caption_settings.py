"""Rows that two tables of one paper give alike but for their value, told apart by their captions.

MuZero's Tables S1 and S2 both give "MuZero" on each Atari game in Score, S1 "with 30 random
no-op starts", S2 "from human start positions"; RAPT's Tables 4 and 5 give RAPT on each dataset
"to adapt GPT2 Medium" and "to adapt GPT2 Large"; PaLM's Tables 6 and 8 its SuperGLUE results on
the "dev set" and the "test set". On a leaderboard such rows would stand side by side with
nothing to tell them apart. Where exactly two tables give one method, dataset and metric one
value each, and the values differ, the words in which the first sentences of the two captions
differ name the setting: a split ("dev", "test") qualifies the dataset ("BoolQ dev"), other
words the method ("MuZero (human start positions)"). Captions that differ in more than a few
words (or in more than two places) name no one setting, and their rows stay as they are; so do
rows one table gives twice (a table's own columns tell those apart, or nothing read does).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from difflib import SequenceMatcher

from papergraph.core.canonical import SPLITS
from papergraph.core.model import Result
from papergraph.ingest.extract.table_results import first_sentence

#: The most words a caption may differ by, on either side, and still name one setting.
MAX_WORDS = 5
#: A word pair this alike is one word spelled twice ("approachs"/"approaches"), no setting.
SPELLING = 0.8
#: Words that lead a setting and are no part of it ("with 30 random no-op starts").
_LEADS = frozenset("with from on in for using by at under of".split())


def told_apart(results: list[Result]) -> list[Result]:
    """`results` with the rows of each pair of tables that give one method, dataset and metric
    different values qualified by the words their captions differ in; every row of such a table
    that names one of those methods takes its table's setting, so a game only one table prints
    is named as its table's others are (changed in place; returned for chaining)."""
    settings: dict[tuple[str, str], list[str] | None] = {}
    for rows in _pairs(results):
        leads = [_words(first_sentence(row.evidence[0].caption or "")) for row in rows]
        found = differing(leads[0], leads[1]) or ([], [])
        for row, setting in zip(rows, found, strict=True):
            key = (_table(row), row.method or "")
            settings[key] = setting if settings.get(key, setting) == setting else None
    for result in results:
        told = settings.get((_table(result), result.method or "")) if result.evidence else None
        if told:
            _qualify(result, told)
    return results


def _pairs(results: list[Result]) -> list[list[Result]]:
    """The pairs of rows two tables give alike but for their value."""
    groups: dict[tuple[str | None, ...], list[Result]] = defaultdict(list)
    for result in results:
        if result.value is not None and result.evidence and result.evidence[0].table:
            groups[(result.method, result.dataset, result.metric)].append(result)
    return [
        rows
        for rows in groups.values()
        if len(rows) == 2 and _table(rows[0]) != _table(rows[1]) and rows[0].value != rows[1].value
    ]


def _table(result: Result) -> str:
    return result.evidence[0].table or ""


def _words(text: str) -> list[str]:
    return [word.strip(".,;:") for word in text.split() if word.strip(".,;:")]


def _qualify(row: Result, setting: list[str]) -> None:
    split = next((word for word in setting if word.lower() in SPLITS), None)
    if split is not None:
        row.dataset = f"{row.dataset} {split.lower()}"
    else:
        row.method = _with_setting(row.method or "", " ".join(setting))


def differing(first: Sequence[str], second: Sequence[str]) -> tuple[list[str], list[str]] | None:
    """The words each of two word sequences has where the other differs (spelling variants of
    one word aside), or None where they differ in more than two places or by more than
    MAX_WORDS words; a single differing word keeps the name-like word before it ("GPT2
    Medium")."""
    spans = [
        (i1, i2, j1, j2)
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, first, second).get_opcodes()
        if tag != "equal" and not _spelled_alike(first[i1:i2], second[j1:j2])
    ]
    sides = (
        [w for i1, i2, _, _ in spans for w in first[i1:i2]],
        [w for _, _, j1, j2 in spans for w in second[j1:j2]],
    )
    if not spans or len(spans) > 2 or max(len(s) for s in sides) > MAX_WORDS:
        return None
    if len(spans) == 1 and len(sides[0]) == len(sides[1]) == 1 and spans[0][0] > 0:
        before = first[spans[0][0] - 1]
        if any(c.isdigit() or c.isupper() for c in before):
            return [before, *sides[0]], [before, *sides[1]]
    return _setting(sides[0]), _setting(sides[1])


def _spelled_alike(one: Sequence[str], other: Sequence[str]) -> bool:
    return (
        len(one) == len(other) == 1
        and SequenceMatcher(None, one[0].lower(), other[0].lower()).ratio() >= SPELLING
    )


def _setting(words: list[str]) -> list[str]:
    """`words` without the linking words that lead them and the punctuation around them."""
    while words and words[0].lower() in _LEADS:
        words = words[1:]
    return [word.strip("()") for word in words if word.strip("()")]


def _with_setting(method: str, setting: str) -> str:
    """ "MuZero" + "human start positions" -> "MuZero (human start positions)"; a method that
    already prints its setting in brackets gets this one beside it ("NC-RAPT (High, GPT2
    Medium)")."""
    if method.endswith(")"):
        return f"{method[:-1]}, {setting})"
    return f"{method} ({setting})"
