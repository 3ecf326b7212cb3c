"""Test sets with names of their own: a column headed by one is the caption's dataset on it."""

from __future__ import annotations

from papergraph.core.canonical import canonical
from papergraph.core.model import EntityType, Table
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.named_splits import named_splits, split_dataset
from papergraph.ingest.extract.table_results import table_results
from tests.ingest.tables import grid, paper_with

#: GATv2's Figure 5 (2105.14491, p. 8): a table captioned as a figure, one column per test set.
VARMISUSE_TABLE = Table(
    grid(
        [
            ["Model", "SeenProj", "UnseenProj"],
            ["GCN†", "87.2±1.5", "81.4±2.3"],
            ["GAT†", "86.9±0.7", "81.2±0.9"],
            ["GATv2", "88.0±1.1", "82.8±1.7"],
        ]
    ),
    "Figure 5",
    "Figure 5: Accuracy (5 runs±stdev) on VARMISUSE. GATv2 is more accurate than all GNNs in "
    "both test sets, using GAT's hyperparameters. † previously reported by Brockschmidt (2020).",
)
#: GATv2's text (pp. 3 and 7) calls both headers test sets.
VARMISUSE_TEXT = (
    "We propose GATv2. GATv2 outperforms extensively tuned GNNs by over 1.4% in the difficult "
    "“UnseenProj Test” set of the VarMisuse task (Allamanis et al., 2018). As shown in Figure 5, "
    "GATv2 is more accurate than GAT and other GNNs in the SeenProj test sets."
)


def test_a_test_set_column_is_the_captions_dataset_with_the_split_kept() -> None:
    """ "SeenProj" and "UnseenProj" are VarMisuse's test sets, not datasets: each row reads
    VarMisuse with the test set as its qualifier, so the two values stay apart."""
    text = f"{VARMISUSE_TEXT}\n\n{VARMISUSE_TABLE.caption}"
    paper = paper_with([VARMISUSE_TABLE], "How Attentive are Graph Attention Networks?", text)
    rows = table_results(paper, hybrid_matcher(), ["gatv2"])
    assert {(r.method, r.dataset, r.value) for r in rows if r.value is not None} == {
        ("GATv2", "VarMisuse (SeenProj)", 88.0),
        ("GATv2", "VarMisuse (UnseenProj)", 82.8),
    }
    assert canonical("VarMisuse (SeenProj)", EntityType.DATASET)[1:] == ("VarMisuse", "seenproj")


def test_only_names_no_list_holds_as_a_dataset_are_test_sets() -> None:
    text = "We report on the CIFAR-10 test set and on the “HardSplit Dev” set."
    assert named_splits(text) == frozenset({"hardsplit"})
    assert split_dataset("CIFAR-10", "ImageNet", text) is None
    assert split_dataset("HardSplit", "SQuAD", text) == "SQuAD (HardSplit)"


def test_a_header_the_text_never_calls_a_test_set_names_none() -> None:
    assert split_dataset("SeenProj", "VarMisuse", "GATv2 is evaluated on SeenProj.") is None
    assert split_dataset("SeenProj", None, VARMISUSE_TEXT) is None
