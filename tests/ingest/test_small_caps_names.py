"""A model name the paper sets in small capitals reads back in title case: RETRO's paper
(arXiv:2112.04426) prints "Retro" throughout, and its tables now read as tables, the few
"RETRO" mentions in figure text no longer carry the name. "Retro" is the lexicon's RETRO (a
name of five letters matches as written, so "retro" stays an ordinary word)."""

from __future__ import annotations

from papergraph.ingest.extract.hybrid import hybrid_matcher


def test_retro_in_title_case_is_the_retro_method_and_lower_case_is_not() -> None:
    text = "Retro performs similarly to kNN-LM, unlike a retro design."
    found = [(text[m.start : m.end], m.entry.label) for m in hybrid_matcher().find(text)]
    assert ("Retro", "RETRO") in found
    assert not [label for name, label in found if name == "retro"]
