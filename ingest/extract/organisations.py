"""An acronym the paper defines by an organisation's name is the organisation, not a concept.

Multi-LexSum (2206.10883) writes "the Civil Rights Litigation Clearinghouse (CRLC)" and then
"CRLC" 48 times: the tagger took the acronym for a Method and it was shown. The paper's own
definition says what the acronym is: a long form whose head noun is an organisation word
(ingest/extract/admissible.py's ORGANISATION_WORDS: "Clearinghouse", "University of ...",
"... Institute for ...") names an organisation, and its acronym is not admitted unless the hand
lexicon lists it (`admit`, ingest/extract/curate.py). A name that only holds such a word
elsewhere ("Center Loss (CL)") is no organisation.
"""

from __future__ import annotations

from collections.abc import Iterable

from papergraph.ingest.extract.admissible import ORGANISATION_WORDS
from papergraph.ingest.extract.patterns import find_definitions

#: Words after an organisation's head noun that start what it is of ("University of Washington").
_AFTER_HEAD = frozenset({"of", "for", "on", "in", "at"})


def defined_organisations(texts: Iterable[str]) -> frozenset[str]:
    """The acronyms `texts` (a paper's chunk texts) define by an organisation's name."""
    return frozenset(
        d.short for text in texts for d in find_definitions(text) if d.short and named(d.long)
    )


def named(long: str) -> bool:
    """Whether a long form is an organisation's name by its head noun: its last word before
    "of", "for", ... or its end ("Civil Rights Litigation Clearinghouse", "University of
    Washington"), not a word before another ("Center Loss")."""
    words = long.split()
    cut = next((i for i, w in enumerate(words) if i and w.lower() in _AFTER_HEAD), len(words))
    return cut > 0 and words[cut - 1].lower().rstrip(".,") in ORGANISATION_WORDS
