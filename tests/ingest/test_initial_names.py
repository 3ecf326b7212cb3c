"""Names a paper builds from its method's initials ("BN-Inception" beside Batch Normalization)."""

from __future__ import annotations

from papergraph.core.model import Table
from papergraph.ingest.extract.initial_names import initialled_names
from tests.ingest.tables import grid, table_rows

_TEXT = (
    "We apply Batch Normalization to Inception and call the result BN-Inception.\n\n"
    "BN-Inception trains faster than Inception; BN-x5 raises the learning rate.\n\n"
    "The BN-LSTM of other work is mentioned once."
)


def test_a_name_printed_as_the_methods_initials_and_a_model_is_its_own() -> None:
    names = initialled_names(["Batch Normalization"], _TEXT)
    assert names == ["Batch Normalization", "BN-Inception"]  # BN-x5 and BN-LSTM printed once
    assert initialled_names(["ResNet"], _TEXT) == ["ResNet"]  # one word: no initials
    searched = "We search on NAS-Bench-201.\n\nNAS-Bench-201 results."
    assert initialled_names(["Neural Architecture Search"], searched) == [
        "Neural Architecture Search"
    ]  # a known dataset is no name of the method's


def test_rows_of_the_initialled_model_are_the_papers() -> None:
    table = Table(
        grid(
            [
                ["Model", "Top-1 error", "Top-5 error"],
                ["GoogLeNet ensemble", "-", "6.67%"],
                ["BN-Inception multicrop", "21.99%", "5.82%"],
            ]
        ),
        "4",
        "Table 4: Comparison on the ImageNet validation set.",
    )
    names = initialled_names(["Batch Normalization"], _TEXT + "\n\nBN-Inception")
    found = {(r.method, r.metric, r.value) for r in table_rows(table, names) if r.value is not None}
    assert ("BN-Inception multicrop", "Top-5 Error", 5.82) in found
    assert not any(method and "GoogLeNet" in method for method, _, _ in found)


def test_an_adjective_the_initials_make_is_no_name() -> None:
    """Adjectives "GAN-based", "KD-based" printed twice beside Graph Attention Networks and
    Knowledge Distillation were read as the paper's own names; "BN-x5" (a letter and a digit)
    still is."""
    text = (
        "Unlike GAN-based methods, GAN-based generators fail. We compare with KD-based and "
        "KD-style methods; KD-based ones.\n\nBN-x5 and BN-x5 again."
    )
    names = ["Graph Attention Networks", "Knowledge Distillation", "Batch Normalization"]
    assert initialled_names(names, text) == [*names, "BN-x5"]
