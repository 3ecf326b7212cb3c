"""Query words and evidence spans marked in passages, escaped, around the match."""

from __future__ import annotations

from api.web.highlight import evidence_passage, highlight, query_terms


def test_query_terms_drop_stopwords_and_put_longer_words_first() -> None:
    assert query_terms("the GSM8K of GSM") == ["gsm8k", "gsm"]


def test_highlight_marks_whole_words_case_insensitively_and_escapes() -> None:
    html = str(highlight("DPO <b>beats</b> RLHF; DPOs and dpo-style tuning", "dpo"))
    assert html.count("<mark>") == 2  # "DPOs" is another word; "dpo-style" holds the word
    assert "<mark>DPO</mark> &lt;b&gt;beats&lt;/b&gt;" in html and "<mark>dpo</mark>-style" in html


def test_highlight_shows_the_window_around_a_late_match() -> None:
    text = "filler " * 200 + "the GSM8K benchmark" + " tail" * 50
    html = str(highlight(text, "GSM8K", width=120))
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>GSM8K</mark>" in html and len(html) < 200


def test_evidence_passage_marks_every_span_inside_the_window() -> None:
    text = "We propose DPO. DPO needs no reward model."
    html = str(evidence_passage(text, [(11, 14), (16, 19)]))
    assert html == "We propose <mark>DPO</mark>. <mark>DPO</mark> needs no reward model."
    assert str(evidence_passage(text, [(50, 60)])) == text  # a bad span: the text, unmarked
