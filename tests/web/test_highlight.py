"""Query words and evidence spans marked in passages, escaped, around the match."""

from __future__ import annotations

from papergraph.api.web.highlight import evidence_passage, marked_passage


def test_a_late_span_is_shown_in_its_window_marked_and_escaped() -> None:
    text = "filler " * 200 + "the <GSM8K> benchmark" + " tail" * 50
    start = text.index("GSM8K")
    html = str(marked_passage(text, [(start, start + 5)], width=120))
    assert html.startswith("…") and html.endswith("…")
    assert "&lt;<mark>GSM8K</mark>&gt;" in html and len(html) < 200


def test_evidence_passage_marks_every_span_inside_the_window() -> None:
    text = "We propose DPO. DPO needs no reward model."
    html = str(evidence_passage(text, [(11, 14), (16, 19)]))
    assert html == "We propose <mark>DPO</mark>. <mark>DPO</mark> needs no reward model."
    assert str(evidence_passage(text, [(50, 60)])) == text  # a bad span: the text, unmarked
