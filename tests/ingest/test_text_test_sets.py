"""A bare language pair in a translation table is the WMT test set the paper's text names for it."""

from __future__ import annotations

from papergraph.core.model import Table
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.table_results import table_results
from papergraph.ingest.extract.text_test_sets import pair_test_set, text_test_sets
from tests.ingest.tables import grid, paper_with

TEXT = (
    "We propose NewLM.\n\n"
    "We will use the WMT'19 French-German language pair to test direct translation. "
    "For evaluation, we will use WMT'19 English-Kazakh."
)
PAIRS_TABLE = Table(
    grid(
        [
            ["Src Tgt", "0-shot NewLM 540B", "Few-shot NewLM 540B", "Supervised SOTA"],
            ["en-kk", "1.8", "5.1", "15.5"],
            ["fr-de", "25.2", "17.4", "24.9"],
            ["en-ro", "9.9", "9.8", "30.1"],
        ]
    ),
    "14",
    "Table 14: Translation BLEU scores on non-English centric and extremely-low resource "
    "language pairs.",
)


def test_the_text_names_the_wmt_year_of_each_pair_either_way_round() -> None:
    sets = text_test_sets(TEXT)
    assert pair_test_set("kk-en", sets) == "WMT 2019 Kazakh-English"
    assert pair_test_set("de → fr", sets) == "WMT 2019 German-French"
    assert pair_test_set("en-ro", sets) is None  # the text names no test set for it
    assert pair_test_set("kk-en results", sets) is None  # a label that is more than the pair


def test_pair_rows_of_a_caption_naming_no_wmt_take_the_texts_test_set() -> None:
    paper = paper_with([PAIRS_TABLE], "A paper", f"{TEXT}\n\n{PAIRS_TABLE.caption}")
    found = {
        (r.method, r.dataset, r.metric, r.value)
        for r in table_results(paper, hybrid_matcher(), ["NewLM"])
    }
    assert found == {
        ("NewLM 540B (0-shot)", "WMT 2019 English-Kazakh", "BLEU", 1.8),
        ("NewLM 540B (few-shot)", "WMT 2019 English-Kazakh", "BLEU", 5.1),
        ("NewLM 540B (0-shot)", "WMT 2019 French-German", "BLEU", 25.2),
        ("NewLM 540B (few-shot)", "WMT 2019 French-German", "BLEU", 17.4),
    }  # en-ro, which the text does not place, gives nothing


def test_a_bare_wmt_caption_takes_the_texts_year_and_a_dated_one_keeps_its_own() -> None:
    sets = text_test_sets("We use WMT'14 English-French and WMT'16 English-German.")
    bare = "Table 13: Translation BLEU scores on traditional WMT language pairs."
    assert pair_test_set("fr-en", sets, bare) == "WMT 2014 French-English"
    assert pair_test_set("en-de", sets, bare) == "WMT 2016 English-German"
    assert pair_test_set("en-de", sets, "Table 2: BLEU on WMT 2014 test sets.") is None


def test_a_year_after_a_pair_is_wmts_only_if_wmt_ran_then_and_no_other_campaign_is_named() -> None:
    """A year WMT never ran is no WMT test set, and a caption naming IWSLT beside WMT leaves
    its "De-En 14" (IWSLT'14) as printed; InstructGPT's "FR → EN 15" is still WMT 2015."""
    sets = text_test_sets("We use WMT'14 English-German, WMT'14 English-French and WMT'16 De-En.")
    assert pair_test_set("en-de 32", sets) is None
    assert pair_test_set("EN-DE 99", sets) is None
    assert pair_test_set("en-fr 2048", sets) is None
    assert pair_test_set("De-En 14", sets, "Table 2: IWSLT 2014 and WMT results.") is None
    assert pair_test_set("De-En 14", sets) == "WMT 2014 German-English"
    assert text_test_sets("We evaluate on WMT 32 en-de.") == {}
    sets = text_test_sets("We evaluate on WMT 15 Fr → En (Bojar et al., 2015).")
    assert pair_test_set("FR → EN 15", sets) == "WMT 2015 French-English"
