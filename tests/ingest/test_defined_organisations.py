"""An acronym the paper defines by an organisation's name is not admitted as a concept (issue
14): Multi-LexSum (2206.10883, p. 1) writes "the Civil Rights Litigation Clearinghouse (CRLC)",
then "CRLC" throughout, which the tagger took for a Method."""

from __future__ import annotations

from papergraph.core.model import Entity, EntityType, Evidence
from papergraph.ingest.extract.curate import admit
from papergraph.ingest.extract.organisations import defined_organisations, named
from tests.ingest.tables import paper_with

LEXSUM = (
    "In this paper, we present a new dataset, Multi-LexSum, for studying automatic summarization "
    "in an important real-world application setting found in the Civil Rights Litigation "
    "Clearinghouse (CRLC). The CRLC currently collects and presents documents and information "
    "from modern large-scale civil rights lawsuits in a manner easily understood by legal "
    "practitioners and scholars and the general public alike [10]."
)


def _tagged(label: str, text: str, extractor: str = "tagger") -> Entity:
    """A method with one evidence span for each place `text` (chunk "p#0") names it."""
    spans, at = [], text.find(label)
    while at >= 0:
        spans.append(Evidence("p#0", at, at + len(label), label, extractor))
        at = text.find(label, at + 1)
    return Entity(EntityType.METHOD, label, evidence=spans)


def test_an_acronym_defined_by_an_organisations_name_is_one() -> None:
    assert defined_organisations([LEXSUM]) == {"CRLC"}
    assert named("University of Washington")
    assert not named("Center Loss")  # "Center" heads no organisation here
    assert not named("Retrieval Augmented Generation")


def test_the_organisations_acronym_is_not_admitted_but_the_papers_dataset_is() -> None:
    paper = paper_with([], "Multi-LexSum", LEXSUM, paper_id="p")
    kept = admit([_tagged("CRLC", LEXSUM), _tagged("Multi-LexSum", LEXSUM)], paper)
    assert [e.label for e in kept] == ["Multi-LexSum"]


def test_a_hand_listed_name_is_kept_whatever_the_paper_defines_it_as() -> None:
    paper = paper_with([], "Multi-LexSum", LEXSUM, paper_id="p")
    assert [e.label for e in admit([_tagged("CRLC", LEXSUM, "lexicon")], paper)] == ["CRLC"]
