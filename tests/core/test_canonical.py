"""One dataset, one key: spellings of one dataset meet, and different datasets stay apart.

Each rule of `core/canonical.py` is pinned by names that must meet (one key and qualifier) and
names that must not (another key, or another qualifier, which the leaderboards keep apart)."""

from __future__ import annotations

import pytest

from papergraph.core.canonical import canonical, version_fold
from papergraph.core.model import EntityType


def _identity(name: str) -> tuple[str, str]:
    found = canonical(name, EntityType.DATASET)
    return found.key, found.qualifier


def _meet(*names: str) -> None:
    identities = {name: _identity(name) for name in names}
    assert len(set(identities.values())) == 1, identities


def _apart(*names: str) -> None:
    identities = {name: _identity(name) for name in names}
    assert len(set(identities.values())) == len(names), identities


def test_a_version_is_kept_and_its_spellings_meet() -> None:
    _meet("SQuAD 1.1", "SQuAD1.1", "SQuAD v1.1")
    _meet("SQuAD 2.0", "SQuAD2.0", "SQuAD v2.0")
    _apart("SQuAD1.1", "SQuAD 2.0", "SQuAD")
    assert canonical("SQuAD v1.1", EntityType.DATASET).label == "SQuAD1.1"  # as the lists spell it
    _meet("VQA v2", "VQAv2", "VQA v2.0")
    _apart("VQA", "VQA v2")
    _meet("SQuAD 1.1 dev", "SQuAD1.1 Dev")
    assert _identity("SQuAD v1.1 dev")[1] == "dev"


def test_version_folding_reads_only_versions() -> None:
    assert version_fold("SQuAD v1.1") == version_fold("SQuAD 1.1") == version_fold("SQuAD1.1")
    assert version_fold("SQuAD 2.0") != version_fold("SQuAD 1.1")
    assert version_fold("CIFAR-10") != version_fold("CIFAR-100")


def test_a_number_that_is_the_dataset_stays_in_the_key() -> None:
    _apart("CIFAR-10", "CIFAR-100")
    _meet("CIFAR10", "CIFAR-10")
    _apart("ImageNet", "ImageNet-21k")
    _meet("ImageNet-21k", "ImageNet-22k")
    _meet("ImageNet-1k", "ImageNet")
    _apart("WikiText-2", "WikiText-103")


def test_a_year_that_is_the_dataset_stays_in_the_key_a_year_that_is_an_edition_does_not() -> None:
    _meet("PASCAL VOC 2007", "VOC 2007", "VOC2007")
    _meet("PASCAL VOC 2012", "VOC 2012", "VOC2012")
    _apart("PASCAL VOC 2007", "PASCAL VOC 2012", "PASCAL VOC")
    assert _identity("PASCAL VOC 2012 test") == ("dataset/pascalvoc2012", "test")
    _meet("CoNLL-2003", "CoNLL 2003")
    # WMT's years and pairs are variants of one WMT, kept as the qualifier
    _meet("WMT 2014 English-German", "WMT14 En-De", "EN-DE on WMT 2014")
    _apart("WMT 2014 En-De", "WMT 2014 En-Fr", "WMT 2016 En-De")
    assert _identity("WMT 2014 English-French") == ("dataset/wmt", "2014 en-fr")
    _meet("ILSVRC 2012", "ImageNet 2012")
    assert _identity("WMT 2015") == ("dataset/wmt", "2015")  # Papers with Code lists it: still WMT
    _meet("COCO 2017", "MS COCO 2017")


def test_a_split_glued_to_its_year_is_the_split_of_that_year() -> None:
    _meet("COCO val2017", "COCO 2017 val", "MS COCO val2017")
    assert _identity("COCO val2017") == ("dataset/coco", "2017 val")
    _apart("COCO val2017", "COCO test2017", "COCO minival", "COCO test-dev")
    assert _identity("COCO minival") == ("dataset/coco", "minival")


def test_a_test_set_suffix_is_a_qualifier_of_its_dataset() -> None:
    _meet("MultiNLI-m", "MNLI-m")
    _meet("MultiNLI-mm", "MNLI-mm")
    _apart("MNLI-m", "MNLI-mm", "MNLI")
    assert _identity("MNLI-m") == ("dataset/multinli", "m")
    _apart("RACE-m", "RACE-h")
    _apart("SST-2", "SST-5")  # a number, not a test set
    _meet("STS-B", "STSB")  # an upper-case letter is part of the name


def test_a_digit_after_a_listed_dataset_is_its_label_count_unless_a_list_names_the_whole() -> None:
    """RAG's "FEVER-3" and "FEVER-2" are FEVER labelled 3-way and 2-way: FEVER, the count kept
    apart; SST-2 and SST-5 are names of their own."""
    assert _identity("FEVER-3") == ("dataset/fever", "3")
    assert _identity("FEVER-3-way") == ("dataset/fever", "3-way")
    _apart("FEVER-3", "FEVER-2", "FEVER")
    assert _identity("SST-2") == ("dataset/sst2", "")


def test_a_digit_is_a_label_count_only_for_a_dataset_with_label_count_versions() -> None:
    """A digit after another dataset's name is its version or a name of its own, never a part:
    "SQuAD-2" is SQuAD 2.0, "VQA-2" VQA v2, "ImageNet-2" ImageNet V2 (review 15, finding 1)."""
    assert _identity("SQuAD-2") == ("dataset/squad20", "")
    assert _identity("VQA-2") == ("dataset/vqav2", "")
    assert _identity("ImageNet-2") == ("dataset/imagenetv2", "")
    assert _identity("WikiText-3")[1] == ""  # not WikiText-103 with a part "3"
    assert _identity("Yelp-5") == ("dataset/yelp", "5")  # label-counts.txt lists Yelp


def test_a_part_in_brackets_is_a_qualifier_of_its_dataset() -> None:
    """A table's part column ("RACE (Middle)") is RACE with its part kept, one node with
    "RACE-m"; a name a list holds whole or a name with its abbreviation stays as it is."""
    assert _identity("RACE (Middle)") == ("dataset/race", "middle")
    assert _identity("RACE (High)") == ("dataset/race", "high")
    assert _identity("RACE (Middle)")[0] == _identity("RACE-m")[0]
    _apart("RACE (Middle)", "RACE (High)", "RACE")
    assert _identity("TriviaQA (Wikipedia)") == ("dataset/triviaqa", "wikipedia")
    assert _identity("ARC (Challenge)")[0] == _identity("ARC-c")[0] != "dataset/arc"
    _meet("Penn Treebank (PTB)", "Penn Treebank")
    assert _identity("E2E (en)") == ("dataset/e2e", "en")  # a language, as before


def test_words_describing_a_listed_dataset_fall_away() -> None:
    _meet("COCO detection benchmark test-dev", "COCO test-dev", "MS COCO test-dev")
    _meet("MS COCO dataset", "COCO")
    _meet("ImageNet classification", "ImageNet")
    _apart("COCO Captions", "COCO")  # a dataset of its own, as Papers with Code lists it
    assert canonical("GLUE results", EntityType.DATASET).key != "dataset/glue"  # no task's word
    assert canonical("E2E NLG Challenge", EntityType.DATASET).label == "E2E NLG Challenge"


def test_a_language_in_brackets_is_the_qualifier() -> None:
    _meet("CoNLL 2003 (English)", "CoNLL-2003 (en)")
    assert _identity("CoNLL 2003 (English)") == ("dataset/conll2003", "en")
    assert _identity("E2E (en)") == ("dataset/e2e", "en")
    _apart("Quora Question Pairs (50K)", "Quora Question Pairs")  # a size is no language
    _apart("ARC (Easy)", "ARC (Challenge)")


def test_a_short_name_in_brackets_is_the_same_dataset_a_part_in_brackets_is_not() -> None:
    _meet("Stanford Question Answering Dataset (SQuAD)", "SQuAD")
    _meet("Recognizing Textual Entailment (RTE)", "RTE")
    _apart("TriviaQA (Wikipedia)", "TriviaQA")


@pytest.mark.parametrize("names", [("Copa", "CoPA", "COPA"), ("Demon Attack", "demon attack")])
def test_case_variants_still_meet(names: tuple[str, ...]) -> None:
    _meet(*names)


def test_a_hand_alias_of_a_dataset_wins_the_same_name_as_a_generated_label() -> None:
    """Papers with Code lists both "WiC" and "Words in Context"; the hand lexicon makes WiC an
    alias of Words in Context, so PaLM's "WiC" row and Primer's "Words in Context" row are one
    dataset (one board); a versioned name ("SQuAD2.0") keeps its own generated label."""
    assert canonical("WiC", EntityType.DATASET).label == "Words in Context"
    assert canonical("X-Sum", EntityType.DATASET).label == "XSum"
    assert canonical("SQuAD2.0", EntityType.DATASET).label == "SQuAD2.0"
