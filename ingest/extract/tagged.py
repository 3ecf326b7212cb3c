"""The hybrid extractor plus the statistical tagger's names (ingest/extract/tagger.py).

The tagger marks typed name spans sentence by sentence; each distinct name it marks (typed by
the type it was marked with most often, generic words dropped) joins the paper's matcher like a
definition does, so every later mention of it counts toward its salience. Without a trained
model it behaves as the hybrid extractor.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ingest.extract.gazetteer import LexiconEntry
from ingest.extract.hybrid import HybridExtractor
from ingest.extract.matcher import NameMatcher
from ingest.extract.patterns import Definition
from ingest.extract.resolve import local_names
from ingest.extract.tagger import Tagged, Tagger, load_tagger
from ingest.model import EntityType, Paper

#: Words that are never a name on their own, however the tagger marks them.
GENERIC = frozenset(
    """model models method methods approach approaches algorithm algorithms network networks
    system systems framework baseline baselines data dataset datasets task tasks result results
    performance accuracy error score scores training test testing evaluation experiments
    architecture architectures features feature learning overall average mean total time speed
    memory parameters the a an our this that we it proposed new all other state art
    art state-of-the-art""".split()
)
MAX_WORDS = 6
_WORD = re.compile(r"\w+")


class TaggedExtractor(HybridExtractor):
    """Hybrid extraction with the CRF tagger's names as extra candidates."""

    name = "tagged"
    salience_model = "salience-tagged.json"

    def __init__(
        self,
        learned_salience: bool = True,
        gazetteer: Sequence[LexiconEntry] | None = None,
        tagger: Tagger | None = None,
    ) -> None:
        """`tagger` replaces the shipped model (training uses held-out folds)."""
        super().__init__(learned_salience, gazetteer)
        self._tagger = tagger or load_tagger()

    def paper_matcher(self, paper: Paper) -> NameMatcher:
        matcher = super().paper_matcher(paper)
        if self._tagger is None:
            return matcher
        tagged = [t for chunk in paper.chunks for t in self._tagger.tag_text(chunk.text)]
        names = local_names(tagged_definitions(tagged), matcher)
        return matcher.extended(names, "tagger") if names else matcher


def tagged_definitions(tagged: list[Tagged]) -> list[Definition]:
    """One definition per distinct plausible name, typed by its most frequent tag."""
    types: dict[str, Counter[EntityType]] = {}
    spelling: dict[str, str] = {}
    for span in tagged:
        name = re.sub(r"\s*-\s*", "-", " ".join(span.text.split()))
        if not plausible(name):
            continue
        key = name.lower()
        spelling.setdefault(key, name)
        types.setdefault(key, Counter())[span.type] += 1
    return [
        Definition(spelling[key], None, counts.most_common(1)[0][0])
        for key, counts in types.items()
    ]


def plausible(name: str) -> bool:
    """A name worth a concept: short, with a letter, not only generic words."""
    words = _WORD.findall(name.lower())
    if not words or len(words) > MAX_WORDS or len(name) < 2 or len(name) > 60:
        return False
    return not all(w in GENERIC for w in words) and any(c.isalpha() for c in name)
