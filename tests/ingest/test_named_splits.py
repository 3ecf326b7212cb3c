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
    text = "We report on the CIFAR-10 test set and on the “HardSplit Dev” set of SQuAD."
    assert named_splits(text) == frozenset({"hardsplit"})
    assert split_dataset("CIFAR-10", "ImageNet", text) is None
    assert split_dataset("HardSplit", "SQuAD", text) == "SQuAD (HardSplit)"


def test_a_header_the_text_never_calls_a_test_set_names_none() -> None:
    assert split_dataset("SeenProj", "VarMisuse", "GATv2 is evaluated on SeenProj.") is None
    assert split_dataset("SeenProj", None, VARMISUSE_TEXT) is None


def test_a_dataset_the_paper_introduces_or_a_generic_split_is_no_part_of_the_captions() -> None:
    """Review 15, finding 5: "the MedQA-X test set" of a dataset the paper introduces and "the
    OOD test set" were folded into the caption's dataset ("SQuAD (MedQA-X)", "CIFAR-10 (OOD)")."""
    text = "We introduce MedQA-X, a new benchmark. We report accuracy on the MedQA-X test set."
    assert split_dataset("MedQA-X", "SQuAD", text) is None  # no sentence says it is SQuAD's
    assert split_dataset("MedQA-X", "SQuAD", f"{text} SQuAD has a MedQA-X test set.") == (
        "SQuAD (MedQA-X)"
    )
    own = {"medqax"}  # a dataset of the paper's: never a part of another
    assert split_dataset("MedQA-X", "SQuAD", f"{text} SQuAD has a MedQA-X test set.", own) is None
    assert split_dataset("OOD", "CIFAR-10", "We also score the OOD test set.") is None
    table = Table(
        grid(
            [["Model", "SQuAD", "MedQA-X"], ["OldNet", "80.1", "41.0"], ["NewNet", "85.2", "47.5"]]
        ),
        "1",
        "Table 1: Accuracy on SQuAD and on our new dataset.",
    )
    paper = paper_with([table], "MedQA-X: A New Benchmark", f"{text}\n\n{table.caption}")
    rows = table_results(paper, hybrid_matcher(), ["newnet"])
    assert not any("(MedQA-X)" in (r.dataset or "") for r in rows)
