"""A dataset printed in the other number than the lists spell it: "Cityscape val set" is
Cityscapes.

The matcher already reads a plural of a known singular ("LLMs"); this is the other way round,
for tables: a capitalised word no list knows whose plural is the name of a known dataset is
that dataset. Only a rare word counts (the lists' "Chairs" and "Kinetics" do not make every
"Chair" or "Kinetic" a dataset), and only a word standing on its own ("OC-Cityscape" is a
name of its own, and "Cityscape-171" another).
"""

from __future__ import annotations

import re

from papergraph.core.canonical import DATASET_TYPES
from papergraph.ingest.extract.gazetteer import word_frequency
from papergraph.ingest.extract.matcher import NameMatcher

#: A capitalised word of five letters or more, not part of a hyphened or longer name.
_WORD = re.compile(r"(?<![\w-])[A-Z][a-z]{4,}(?![\w-])")
#: wordfreq Zipf frequency below which a word is rare ("cityscape" 2.6; "kinetic" 3.4).
RARE = 3.0


def plural_spelt(text: str, matcher: NameMatcher) -> str:
    """The text with each rare capitalised word no list knows written as its plural where only
    that plural is a known dataset ("Cityscape val set": "Cityscapes val set"); other words as
    they are."""

    def spelt(found: re.Match[str]) -> str:
        word = found.group()
        if matcher.lookup(word) is not None:
            return word
        entry = matcher.lookup(f"{word}s")
        if entry is None or entry.type not in DATASET_TYPES or word_frequency(word) >= RARE:
            return word
        return f"{word}s"

    return _WORD.sub(spelt, text)
