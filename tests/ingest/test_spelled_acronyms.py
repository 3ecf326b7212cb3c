"""A method the paper names both by an acronym and by the long form it spells it out as is one
method (issue 14: STaR's "Self-Taught Reasoner" was shown as a second method beside STaR)."""

from __future__ import annotations

import re
from typing import cast

from papergraph.core.model import Chunk, EntityType, Paper
from papergraph.ingest.extract.patterns import Definition, find_definitions
from papergraph.ingest.extract.tagged import TaggedExtractor, spelled_out
from papergraph.ingest.extract.tagger import Tagged, Tagger


def test_a_quoted_long_form_defines_its_acronym() -> None:
    for text in (
        'This technique, the "Iterated Rationale Learner" (IRaL), relies on a loop.',
        "This technique, the \u201cIterated Rationale Learner\u201d (IRaL), relies on a loop.",
    ):
        assert [(d.long, d.short) for d in find_definitions(text)] == [
            ("Iterated Rationale Learner", "IRaL")
        ]


def test_tagged_long_form_and_acronym_become_one_definition() -> None:
    defined = find_definitions('We call it the "Iterated Rationale Learner" (IRaL).')
    tagged = [
        Definition("Iterated Rationale Learner", None, EntityType.METHOD),
        Definition("IRaL", None, EntityType.METHOD),
        Definition("OtherNet", None, EntityType.METHOD),
    ]
    assert spelled_out(tagged, defined) == [
        Definition("Iterated Rationale Learner", "IRaL", EntityType.METHOD),
        Definition("OtherNet", None, EntityType.METHOD),
    ]


def test_a_tagged_name_the_paper_defines_no_acronym_for_stays_its_own() -> None:
    tagged = [Definition("OtherNet", None, EntityType.METHOD)]
    assert spelled_out(tagged, find_definitions("We train a model (no acronym here).")) == tagged


class _MethodTagger:
    """Marks every spelling of the one method the test paper coins, as a tagger does."""

    def tag_text(self, text: str) -> list[Tagged]:
        spans = re.finditer(r"Iterated Rationale Learner|IRaL", text)
        return [Tagged(m.start(), m.end(), m.group(), EntityType.METHOD) for m in spans]


def test_the_paper_shows_one_method_under_its_acronym() -> None:
    text = (
        'We propose a technique, the "Iterated Rationale Learner" (IRaL), that reasons. '
        "IRaL improves on prior work. The Iterated Rationale Learner bootstraps. IRaL is simple."
    )
    paper = Paper(
        id="p", title="IRaL: Iterated Rationale Learner", chunks=[Chunk("p#0", "p", 0, text)]
    )
    extractor = TaggedExtractor(learned_salience=False, tagger=cast(Tagger, _MethodTagger()))
    methods = [e for e in extractor.extract(paper).entities if e.type is EntityType.METHOD]
    assert [(e.label, "Iterated Rationale Learner" in e.aliases) for e in methods] == [
        ("IRaL", True)
    ]


def test_a_long_form_tagged_without_its_acronym_stays_as_tagged() -> None:
    defined = find_definitions("Event detection (ED) is a task.")
    tagged = [Definition("Event detection", None, EntityType.METHOD)]
    assert spelled_out(tagged, defined) == tagged
