"""The sentence around a mention, found one way (ingest/extract/sentences.py) by the rules that
read it: set_aside.py, unmeasured.py and section_datasets.py had each their own sentence end."""

from __future__ import annotations

from papergraph.core.model import Entity, EntityType, Evidence
from papergraph.ingest.extract.sentences import sentence_around, split_sentences
from papergraph.ingest.extract.set_aside import set_aside

TEXT = (
    "Results follow Lewis et al. and reach 0.81 accuracy on NQ. (Table 2 gives the rest). "
    "We do not use the ELI5 tasks. CNN/DM is our summarization benchmark."
)


def _span(needle: str) -> tuple[int, int]:
    at = TEXT.index(needle)
    return at, at + len(needle)


def test_the_sentence_around_a_mention_keeps_decimals_and_abbreviations_inside() -> None:
    assert sentence_around(TEXT, *_span("accuracy")) == (
        "Results follow Lewis et al. and reach 0.81 accuracy on NQ."
    )
    assert sentence_around(TEXT, *_span("Table 2")) == "(Table 2 gives the rest)."
    assert split_sentences(TEXT)[2:] == [
        "We do not use the ELI5 tasks.",
        "CNN/DM is our summarization benchmark.",
    ]


def test_a_mention_opening_a_sentence_is_not_read_with_the_sentence_before() -> None:
    """ "We do not use the ELI5 tasks. CNN/DM is ...": the end before CNN/DM was looked for in
    the text cut at the mention, where no capital follows it, so the sentence setting ELI5
    aside set CNN/DM aside too."""
    start, end = _span("CNN/DM")
    assert sentence_around(TEXT, start, end) == "CNN/DM is our summarization benchmark."
    used = Entity(
        EntityType.DATASET, "CNN/DM", evidence=[Evidence("p#0", start, end, "CNN/DM", "lexicon")]
    )
    assert not set_aside(used, {"p#0": TEXT})
    start, end = _span("ELI5")
    left = Entity(
        EntityType.DATASET, "ELI5", evidence=[Evidence("p#0", start, end, "ELI5", "lexicon")]
    )
    assert set_aside(left, {"p#0": TEXT})


def test_et_al_before_its_citation_ends_no_sentence() -> None:
    """2304.02623 p. 3: the sentence holding "instruction-tuned" names its cited authors."""
    text = "One way exists [4]. More importantly, Ziegler et al. [35] shows that tuned models copy."
    at = text.index("tuned models")
    assert sentence_around(text, at, at + 5).startswith("More importantly, Ziegler et al. [35]")
    text = "It follows Lewis et al. They also report 0.81 accuracy."
    at = text.index("report")
    assert sentence_around(text, at, at + 6) == "They also report 0.81 accuracy."
