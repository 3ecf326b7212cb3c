"""Highlights: the query's words, matched by stem, as character spans and a marked snippet."""

from __future__ import annotations

from papergraph.index.highlight import highlight_spans, query_terms, snippet


def test_spans_match_stems_and_skip_stop_words() -> None:
    text = "We optimized the preference model, and the optimizer of preferences won."
    spans = highlight_spans(text, query_terms("optimizing the preferences"))
    # Porter stems "optimizer" to "optim" as well: the keyword index would match it too
    assert [text[s.start : s.end] for s in spans] == [
        "optimized",
        "preference",
        "optimizer",
        "preferences",
    ]


def test_snippet_escapes_text_and_marks_matches() -> None:
    text = "Scores <b>improve</b> on GSM8K & MMLU."
    spans = highlight_spans(text, query_terms("gsm8k"))
    expected = "Scores &lt;b&gt;improve&lt;/b&gt; on <mark>GSM8K</mark> &amp; MMLU."
    assert snippet(text, spans) == expected


def test_snippet_of_a_long_text_centres_on_the_first_match() -> None:
    text = "filler " * 100 + "the needle is here " + "filler " * 100
    marked = snippet(text, highlight_spans(text, query_terms("needle")), width=80)
    assert marked.startswith("…") and marked.endswith("…")
    assert "<mark>needle</mark>" in marked and len(marked) < 140


def test_no_terms_no_spans() -> None:
    assert highlight_spans("anything at all", query_terms("the of and")) == []
