"""Column headers that print a word of a dataset's name the paper spells out in full: "Pets"
beside "ImageNet" and "CIFAR-10" where the text names "Oxford-IIIT Pets" (short_headers.py)."""

from __future__ import annotations

from papergraph.core.model import Table
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.short_headers import paper_dataset
from papergraph.ingest.extract.table_results import table_results
from tests.ingest.tables import grid, paper_with

_TEXT = (
    "We propose NewNet.\n\nWe transfer the models to ImageNet, CIFAR-10, Oxford-IIIT Pets "
    "and Oxford Flowers-102."
)

#: The dataset names the text prints (the extractor passes them from the paper's entities).
_NAMED = {
    "ImageNet": "ImageNet",
    "CIFAR-10": "CIFAR-10",
    "Oxford-IIIT Pets": "Oxford-IIIT Pets",
    "Oxford Flowers-102": "Oxford 102 Flowers",
}

#: A transfer table: a row per model, a column per downstream dataset, the long names shortened.
TRANSFER = Table(
    grid(
        [
            ["Model", "ImageNet", "CIFAR-10", "Pets", "Flowers", "Epochs"],
            ["Baseline", "80.7", "98.6", "93.4", "99.2", "7"],
            ["NewNet", "84.1", "99.0", "95.8", "99.5", "7"],
        ]
    ),
    number="6",
    caption="Table 6: Transfer accuracy on several datasets.",
)

#: A per-class breakdown: the headers are classes, no column names a dataset.
PER_CLASS = Table(
    grid(
        [
            ["Model", "Car", "Person", "Pets", "Mean"],
            ["Baseline", "70.1", "60.2", "55.3", "61.9"],
            ["NewNet", "72.4", "63.0", "58.1", "64.5"],
        ]
    ),
    number="3",
    caption="Table 3: Accuracy per class.",
)


def _rows(table: Table) -> set[tuple[str | None, str | None, str | None, float | str]]:
    paper = paper_with([table], "A paper", _TEXT)
    found = table_results(paper, hybrid_matcher(), ["NewNet"], datasets=_NAMED)
    return {(r.method, r.dataset, r.metric, r.value) for r in found if r.value is not None}


def test_a_header_printing_a_word_of_a_name_the_paper_spells_out_is_that_dataset() -> None:
    found = _rows(TRANSFER)
    assert ("NewNet", "Oxford-IIIT Pets", "Accuracy", 95.8) in found
    assert ("NewNet", "Oxford 102 Flowers", "Accuracy", 99.5) in found
    assert not any(value == 7 for *_, value in found)  # "Epochs" is a setting, no dataset


def test_a_header_beside_no_known_dataset_stays_no_dataset() -> None:
    # a column per class: "Pets" is a class here, not Oxford-IIIT Pets
    assert not any(value == 58.1 for *_, value in _rows(PER_CLASS))


def test_two_fitting_names_or_a_word_of_no_name_resolve_nothing() -> None:
    matcher = hybrid_matcher()
    headers = ["ImageNet", "Pets"]
    both = {"Oxford-IIIT Pets": "Oxford-IIIT Pets", "Cats and Pets": "Cats and Pets"}
    assert paper_dataset("Pets", headers, both, matcher) is None
    one = {"Oxford-IIIT Pets": "Oxford-IIIT Pets"}
    assert paper_dataset("Pets", headers, one, matcher) == "Oxford-IIIT Pets"
    assert paper_dataset("Pet", headers, one, matcher) is None  # a whole word only
    assert paper_dataset("Pets", ["Pets", "Car"], one, matcher) is None  # siblings no datasets


def test_a_language_split_or_generic_word_names_no_dataset_the_paper_prints() -> None:
    matcher = hybrid_matcher()
    named = {
        "WMT 2014 English-German": "WMT 2014 English-German",
        "Cityscapes val": "Cityscapes",
        "LibriSpeech test-other": "LibriSpeech",
        "Stanford Human Preferences": "Stanford Human Preferences",
        "Natural Questions": "Natural Questions",
    }
    for header in ("English", "German", "Val", "Other", "Human", "Questions"):
        assert paper_dataset(header, ["ImageNet", header], named, matcher) is None, header
    # the guard is the header's words, not the name's: "Preferences" still shortens it
    assert paper_dataset("Preferences", ["ImageNet", "Preferences"], named, matcher) == (
        "Stanford Human Preferences"
    )


def test_a_name_two_headers_point_to_is_neither_column_s() -> None:
    matcher = hybrid_matcher()
    named = {"Describable Textures Dataset": "DTD"}
    assert paper_dataset("Textures", ["ImageNet", "Textures"], named, matcher) == "DTD"
    both = ["ImageNet", "Textures", "Describable"]
    assert paper_dataset("Textures", both, named, matcher) is None
    assert paper_dataset("Describable", both, named, matcher) is None
