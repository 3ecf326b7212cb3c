"""Where a query's words occur in a chunk: character spans and a marked-up snippet.

Words are matched the way the keyword index matches them (tantivy's `en_stem` steps: split on
non-alphanumerics, lowercase, English stemmer), so "optimizing" in a query marks "optimized" in
the text, and English stop words are never marked.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

import tantivy

MAX_WORD_BYTES = 40
SNIPPET_CHARS = 240


@dataclass(frozen=True)
class HighlightSpan:
    """Characters [start, end) of a chunk's text that match a query word."""

    start: int
    end: int


@lru_cache(maxsize=1)
def _analyzer() -> tantivy.TextAnalyzer:
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(MAX_WORD_BYTES))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.stopword("english"))
        .filter(tantivy.Filter.stemmer("english"))
        .build()
    )


def query_terms(query: str) -> set[str]:
    """The stemmed, non-stop-word terms of `query`."""
    return set(_analyzer().analyze(query))


def highlight_spans(text: str, terms: set[str]) -> list[HighlightSpan]:
    """Spans of `text` whose word stems are among `terms` (from `query_terms`), in order."""
    if not terms:
        return []
    return [
        HighlightSpan(match.start(), match.end())
        for match in _words_starting_like(frozenset(terms)).finditer(text)
        if not terms.isdisjoint(_stems(match.group().lower()))
    ]


@lru_cache(maxsize=256)
def _words_starting_like(terms: frozenset[str]) -> re.Pattern[str]:
    """Words of the text that could stem to one of `terms`: the English stemmer only cuts
    suffixes (and turns a final y into i), so a word and its stem share their first letter."""
    firsts = "".join(sorted({term[0] for term in terms if term}))
    return re.compile(rf"(?<![^\W_])[{re.escape(firsts)}][^\W_]*", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)
def _stems(word: str) -> tuple[str, ...]:
    """A lowercased word's stems (none for a stop word); a corpus repeats a small vocabulary,
    so each word goes through the analyzer about once per process."""
    return tuple(_analyzer().analyze(word))


def snippet(text: str, spans: list[HighlightSpan], width: int = SNIPPET_CHARS) -> str:
    """About `width` characters of `text` around its first match, HTML-escaped, with each
    match inside <mark>...</mark>; the text's start when nothing matched."""
    start = 0
    if spans and spans[0].end > width:
        start = max(0, spans[0].start - width // 4)
        while start > 0 and not text[start - 1].isspace():
            start -= 1
    end = min(len(text), start + width)
    while end < len(text) and not text[end].isspace() and end - start < width + 40:
        end += 1
    parts = ["…" if start > 0 else ""]
    cursor = start
    for span in spans:
        if span.start < start or span.end > end:
            continue
        parts.append(html.escape(text[cursor : span.start]))
        parts.append(f"<mark>{html.escape(text[span.start : span.end])}</mark>")
        cursor = span.end
    parts.append(html.escape(text[cursor:end]))
    parts.append("…" if end < len(text) else "")
    return "".join(parts)
