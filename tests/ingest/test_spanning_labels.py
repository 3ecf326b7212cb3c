"""Label cells that span several rows (a LaTeX multirow), printed once at their block's middle:
each row of the block takes the label as its own, so its task short form and the metric the
caption gives that task apply to every row of the block."""

from __future__ import annotations

from papergraph.core.model import Table, TableCell
from papergraph.ingest.extract.spanning_labels import spanned
from papergraph.ingest.extract.table_grid import read_grid
from tests.ingest.tables import SCIBERT_TABLE_1, grid, table_rows


def _labels(table: Table) -> dict[str, str]:
    """Each body row's dataset cell -> its label as the grid reads it."""
    found = read_grid(table)
    assert found is not None
    return {row.label.split()[-1]: row.label for row in found.rows}


def test_each_row_of_a_centred_block_takes_its_labels() -> None:
    """SciBERT's Table 1: "NER" beside JNLPBA names BC5CDR and NCBI-disease too, "DEP" on a line
    of its own both GENIA rows, "Bio" the biomedical block; the lone label lines are no group
    rows over the rows below them."""
    found = read_grid(SCIBERT_TABLE_1)
    assert found is not None
    labels = {row.label: row.group for row in found.rows}
    assert "Bio NER BC5CDR (Li et al., 2016)" in labels
    assert "Bio NER NCBI-disease (Dogan et al., 2014)" in labels
    assert "Bio DEP GENIA (Kim et al., 2003) - UAS" in labels
    assert "CS NER SciERC (Luan et al., 2018)" in labels
    assert "CS CLS ACL-ARC (Jurgens et al., 2018)" in labels  # its own "CLS", "CS" above it
    assert "Multi CLS Paper Field" in labels
    assert "Multi CLS SciCite (Cohan et al., 2019)" in labels
    assert "Average" in labels  # a row labelled in the field column alone keeps its label
    assert set(labels.values()) == {""}


def test_a_row_two_equally_centred_cuts_give_to_different_labels_takes_neither() -> None:
    """ChemProt stands between "Bio" (read a line above its block's middle) and "CS": "Bio"
    over seven rows and "CS" over three are as centred as "Bio" over six and "CS" over four."""
    found = read_grid(SCIBERT_TABLE_1)
    assert found is not None
    chemprot = next(row for row in found.rows if "ChemProt" in row.label)
    assert chemprot.label == "REL ChemProt (Kringelum et al., 2016)"


def test_every_row_of_the_block_gets_its_metric_and_task() -> None:
    """The caption's "macro F1 scores for NER" reaches BC5CDR and NCBI-disease, "micro F1 for
    ChemProt" outranks the "macro F1 ... for REL" of its block; SciERC's NER and REL rows are
    two rows, one per task."""
    found = table_rows(SCIBERT_TABLE_1, ["NewBERT"], title="NewBERT: a model")
    rows = {(r.dataset, r.value): (r.metric, r.task) for r in found if r.method == "NewBERT"}
    assert rows[("BC5CDR", 90.01)][0] == "Macro-F1"
    assert rows[("NCBI-disease", 88.57)][0] == "Macro-F1"
    assert rows[("ChemProt", 83.64)][0] == "Micro-F1"
    assert ("SciERC", 67.57) in rows and ("SciERC", 79.97) in rows
    assert rows[("SciERC", 67.57)][1] != rows[("SciERC", 79.97)][1]
    assert rows[("Paper Field", 65.71)][0] == "Macro-F1"


def test_labels_every_row_prints_are_left_as_they_are() -> None:
    """A task column printing every row's own label spans nothing: the grid is unchanged."""
    rows = [
        ["Task", "Dataset", "Base", "NewBERT"],
        ["NER", "BC5CDR", "86.72", "90.01"],
        ["NER", "JNLPBA", "76.09", "77.28"],
        ["REL", "ChemProt", "79.14", "83.64"],
        ["CLS", "SciCite", "84.85", "85.49"],
    ]
    cells = grid(rows)
    at = {(cell.row, cell.col): cell for cell in cells}
    assert spanned(at, [1, 2, 3, 4], [1, 2, 3, 4], 2) == (at, [1, 2, 3, 4])
    assert set(_labels(Table(cells, "1", "Table 1: F1 scores.")).values()) == {
        "NER BC5CDR",
        "NER JNLPBA",
        "REL ChemProt",
        "CLS SciCite",
    }


def test_a_label_line_above_its_rows_heads_a_group_not_a_block() -> None:
    """A label on a line of its own above the rows it covers ("Zero-shot" over its rows) is a
    group's name, not a centred block label: nothing is spread over the rows."""
    cells = grid(
        [
            ["Setting", "Dataset", "Base", "NewBERT"],
            ["Zero-shot", "", "", ""],
            ["", "BoolQ", "60.1", "62.0"],
            ["", "RTE", "55.0", "58.2"],
        ]
    )
    at = {(cell.row, cell.col): cell for cell in cells}
    assert spanned(at, [1, 2, 3], [2, 3], 2) == (at, [1, 2, 3])


def test_a_label_beside_its_blocks_first_row_is_not_read_as_centred() -> None:
    """A label beside the first row of its block (carried down by `label_columns`, ViT's
    pre-training sets) is left to that reading."""
    at = {
        (cell.row, cell.col): cell
        for cell in [
            TableCell(1, 0, "ImageNet-21k"),
            TableCell(1, 1, "CIFAR-10"),
            TableCell(1, 2, "98.95"),
            TableCell(2, 1, "CIFAR-100"),
            TableCell(2, 2, "91.67"),
            TableCell(3, 0, "JFT-300M"),
            TableCell(3, 1, "CIFAR-10"),
            TableCell(3, 2, "99.00"),
            TableCell(4, 1, "CIFAR-100"),
            TableCell(4, 2, "91.87"),
        ]
    }
    assert spanned(at, [1, 2, 3, 4], [1, 2, 3, 4], 2) == (at, [1, 2, 3, 4])


#: PoolFormer (2111.11418) Table 2, p5, as the reader lays it out ("NewNet" for PoolFormer): the
#: "General Arch." kinds on lines of their own, each "Token Mixer" kind once beside its block.
KINDS_TABLE = Table(
    grid(
        [
            [
                "General Arch.",
                "Token Mixer",
                "Outcome Model",
                "Image Size",
                "Params (M)",
                "MACs (G)",
                "Top-1 (%)",
            ],
            ["", "", "RSB-ResNet-18 [24, 59]", "224", "12", "1.8", "70.6"],
            ["", "", "RSB-ResNet-34 [24, 59]", "224", "22", "3.7", "75.5"],
            ["Convolutional", "", "", "", "", "", ""],
            ["", "—", "RSB-ResNet-50 [24, 59]", "224", "26", "4.1", "79.8"],
            ["Neural Netowrks", "", "", "", "", "", ""],
            ["", "", "RSB-ResNet-101 [24, 59]", "224", "45", "7.9", "81.3"],
            ["", "", "RSB-ResNet-152 [24, 59]", "224", "60", "11.6", "81.8"],
            ["", "", "ViT-B/16∗ [17]", "224", "86", "17.6", "79.7"],
            ["", "", "ViT-L/16∗ [17]", "224", "307", "63.6", "76.1"],
            ["", "", "DeiT-S [53]", "224", "22", "4.6", "79.8"],
            ["", "", "DeiT-B [53]", "224", "86", "17.5", "81.8"],
            ["", "Attention", "", "", "", "", ""],
            ["", "", "PVT-Tiny [57]", "224", "13", "1.9", "75.1"],
            ["", "", "PVT-Small [57]", "224", "25", "3.8", "79.8"],
            ["", "", "PVT-Medium [57]", "224", "44", "6.7", "81.2"],
            ["", "", "PVT-Large [57]", "224", "61", "9.8", "81.7"],
            ["", "", "MLP-Mixer-B/16 [51]", "224", "59", "12.7", "76.4"],
            ["", "", "ResMLP-S12 [52]", "224", "15", "3.0", "76.6"],
            ["", "", "ResMLP-S24 [52]", "224", "30", "6.0", "79.4"],
            ["MetaFormer", "", "", "", "", "", ""],
            ["", "", "ResMLP-B24 [52]", "224", "116", "23.0", "81.0"],
            ["", "Spatial MLP", "Swin-Mixer-T/D24 [36]", "256", "20", "4.0", "79.4"],
            ["", "", "Swin-Mixer-T/D6 [36]", "256", "23", "4.0", "79.7"],
            ["", "", "Swin-Mixer-B/D24 [36]", "224", "61", "10.4", "81.3"],
            ["", "", "gMLP-S [35]", "224", "20", "4.5", "79.6"],
            ["", "", "gMLP-B [35]", "224", "73", "15.8", "81.6"],
            ["", "", "NewNet-S12", "224", "12", "1.8", "77.2"],
            ["", "", "NewNet-S24", "224", "21", "3.4", "80.3"],
            ["", "Pooling", "NewNet-S36", "224", "31", "5.0", "81.4"],
            ["", "", "NewNet-M36", "224", "56", "8.8", "82.1"],
            ["", "", "NewNet-M48", "224", "73", "11.6", "82.5"],
        ]
    ),
    "2",
    "Table 2. Performance of different types of models on ImageNet-1K classification.",
)


def test_a_kind_column_beside_the_models_sorts_them_and_names_none() -> None:
    """A "Token Mixer" column prints each kind once, centred beside its block of models
    ("Attention", "Spatial MLP", "Pooling"): the kind describes the models, no word of their
    names ("Pooling NewNet-S24" before), and the proposed models are named without it."""
    found = read_grid(KINDS_TABLE)
    assert found is not None
    labels = [row.label for row in found.rows]
    assert "DeiT-S [53]" in labels
    assert "gMLP-B [35]" in labels
    assert [label for label in labels if "NewNet" in label] == [
        f"NewNet-{size}" for size in ("S12", "S24", "S36", "M36", "M48")
    ]
    named = {r.method for r in table_rows(KINDS_TABLE, ["NewNet"]) if r.value is not None}
    assert all(not name.startswith("Pooling") for name in named)
    assert "NewNet-S24 (Image Size: 224)" in named
