"""A dataset a table prints in the other number than the lists spell it ("Cityscape val set")
is the known dataset; a common word or a hyphened name is not."""

from __future__ import annotations

from papergraph.core.model import Table
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.name_spellings import plural_spelt
from papergraph.ingest.extract.table_names import dataset_named
from tests.ingest.tables import grid, table_rows

#: DANet's Table 2 (1809.02983, p6), as printed: "Cityscape" in its caption, ticks beside it.
STRATEGIES_TABLE = Table(
    grid(
        [
            ["Method", "DA", "Multi-Grid", "MS", "Mean IoU%"],
            ["DANet-101", "", "", "", "77.57"],
            ["DANet-101", "X", "", "", "78.83"],
            ["DANet-101", "X", "X", "", "79.94"],
            ["DANet-101", "X", "X", "X", "81.50"],
        ]
    ),
    "2",
    "Table 2: Performance comparison between different strategies on Cityscape val set. "
    "DANet-101 represents DANet with BaseNet ResNet-101, DA represents data augmentation with "
    "random scaling. Multi-Grid represents employing multi-grid method, MS represents "
    "multi-scale inputs during inference.",
)


def test_a_singular_spelling_of_a_known_dataset_is_that_dataset() -> None:
    matcher = hybrid_matcher()
    assert dataset_named("Results on Cityscape val set", matcher) == "Cityscapes val"
    assert dataset_named("Cityscape", matcher) == "Cityscapes"


def test_a_common_word_or_a_hyphened_name_keeps_its_spelling() -> None:
    """The lists' "Chairs" and "Kinetics" do not make every "Chair" or "Kinetic" a dataset;
    "OC-Cityscape" is a name of its own."""
    matcher = hybrid_matcher()
    assert plural_spelt("Chair and Kinetic", matcher) == "Chair and Kinetic"
    assert plural_spelt("OC-Cityscape val", matcher) == "OC-Cityscape val"
    assert plural_spelt("Cityscapes test", matcher) == "Cityscapes test"


def test_a_table_on_a_singular_spelt_dataset_gives_its_rows() -> None:
    rows = table_rows(STRATEGIES_TABLE, ["DANet"], title="DANet: Dual Attention Network")
    found = {(r.method, r.dataset, r.metric, r.value) for r in rows if r.value is not None}
    assert ("DANet-101", "Cityscapes val", "Mean IoU", 77.57) in found
    assert ("DANet-101 (DA, Multi-Grid, MS)", "Cityscapes val", "Mean IoU", 81.5) in found
    assert len(found) == 4


def test_an_abbreviation_of_human36m_is_human36m() -> None:
    """S-RNN (1511.05298, p5) writes "results on H3.6m mocap dataset [21]", [21] being the
    Human3.6M paper: the lexicon's alias names the dataset, in either case of its "m"."""
    matcher = hybrid_matcher()
    assert dataset_named("H3.6m mocap data", matcher) == "Human3.6M"
    assert dataset_named("H3.6M", matcher) == "Human3.6M"
