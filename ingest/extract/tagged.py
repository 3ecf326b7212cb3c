"""The default extractor: hybrid plus the statistical tagger's names (ingest/extract/tagger.py).

The tagger reads the paper's opening (title, abstract, introduction: its first OPENING_WORDS
words), where a paper names what it proposes; each distinct name it marks as a Method (generic
words dropped) joins the paper's matcher like a definition does, so every mention anywhere in the
paper counts toward its salience. Measured on SciREX tune folds (tagger and gazetteer trained
without the fold): Method names helped, the tagger's Dataset, Task and Metric names cost more
precision than they gave recall, and tagging only the opening kept the gain at a fifth of the
time. Without a trained model it behaves as the hybrid extractor.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from papergraph.core.model import Chunk, EntityType, Paper
from papergraph.ingest.extract.admissible import ENTITY_KINDS
from papergraph.ingest.extract.gazetteer import LexiconEntry
from papergraph.ingest.extract.hybrid import HybridExtractor
from papergraph.ingest.extract.matcher import NameMatcher
from papergraph.ingest.extract.patterns import Definition
from papergraph.ingest.extract.resolve import local_names
from papergraph.ingest.extract.tagger import Tagged, Tagger, load_tagger

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
TAGGED_TYPES = frozenset({EntityType.METHOD})
OPENING_WORDS = 1500
_WORD = re.compile(r"\w+")
_CITATION_YEAR = re.compile(r"(?:19|20)\d\d[a-z]?")


class TaggedExtractor(HybridExtractor):
    """Hybrid extraction with the CRF tagger's method names as extra candidates."""

    name = "tagged"
    salience_model = "salience-tagged.json"

    def __init__(
        self,
        learned_salience: bool = True,
        gazetteer: Sequence[LexiconEntry] | None = None,
        tagger: Tagger | None = None,
        curated: bool = True,
    ) -> None:
        """`tagger` replaces the shipped model (training uses held-out folds)."""
        super().__init__(learned_salience, gazetteer, curated)
        self._tagger = tagger or load_tagger()

    def paper_matcher(self, paper: Paper) -> NameMatcher:
        matcher = super().paper_matcher(paper)
        if self._tagger is None:
            return matcher
        tagged = [
            t
            for chunk in opening(paper)
            for t in self._tagger.tag_text(chunk.text)
            if t.type in TAGGED_TYPES and not known_already(t.text, matcher)
        ]
        tagged_names = spelled_out(tagged_definitions(tagged), self.definitions(paper))
        names = local_names(tagged_names, matcher)
        return matcher.extended(names, "tagger") if names else matcher


def spelled_out(tagged: list[Definition], defined: list[Definition]) -> list[Definition]:
    """`tagged` with an acronym the paper defines and the long form it spells it out as, both
    tagged, as one definition of both, typed as tagged: "the \u201cSelf-Taught Reasoner\u201d
    (STaR)", each tagged a method, is one method STaR, not two beside each other. A long form
    tagged without its acronym stays as tagged (canonical names map it later)."""
    names = {name.long.lower(): name for name in tagged}
    joined = {
        d: Definition(d.long, d.short, names[d.short.lower()].type)
        for d in defined
        if d.short and d.short.lower() in names and d.long.lower() in names
    }
    spelled = {n.lower() for d in joined for n in (d.long, d.short) if n}
    return [*dict.fromkeys(joined.values()), *(t for t in tagged if t.long.lower() not in spelled)]


def known_already(name: str, matcher: NameMatcher) -> bool:
    """True when known names and generic words cover all of `name` ("LoRA adapters" = LoRA +
    adapter): such a span would otherwise hide the known concept under a new one."""
    rest = name
    for match in reversed(matcher.find(name)):
        rest = rest[: match.start] + " " + rest[match.end :]
    if rest == name:
        return False
    leftover = _WORD.findall(rest.lower())
    return all(word in GENERIC or word.rstrip("s") in GENERIC for word in leftover)


def opening(paper: Paper) -> list[Chunk]:
    """The first chunks of the paper, up to OPENING_WORDS words (at least one chunk)."""
    chunks: list[Chunk] = []
    words = 0
    for chunk in sorted(paper.chunks, key=lambda c: c.seq):
        if chunk.kind not in ENTITY_KINDS:
            continue
        if chunks and words >= OPENING_WORDS:
            break
        chunks.append(chunk)
        words += len(chunk.text.split())
    return chunks


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
    if _CITATION_YEAR.fullmatch(name):  # "2023b" from "(Smith et al., 2023b)"
        return False
    return not all(w in GENERIC for w in words) and any(c.isalpha() for c in name)
