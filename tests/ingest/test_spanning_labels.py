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
