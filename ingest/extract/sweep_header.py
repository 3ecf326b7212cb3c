"""A header row of the settings a table sweeps: "512 1024 2048 4096 8192 16384" over the values.

A table comparing one method at several sequence lengths, model sizes or shot counts may print
the settings as a bare first line, with no label over the row names ("MIMIC-III [47] | 52.8 |
50.7 ..." below it). Its cells are whole numbers, each larger than the last, which a row of
scores is not; such a first line heads the columns, as a row numbering them does
(header_blocks.numbering). A first line may name the setting in its label cell instead ("Mask
ratio | 10% 20% 30% 40% 50%" over "GLMDoc | 87.5 76.0 ..."): growing whole numbers or percentages
beside a label of words, over rows that print other values, head the columns too.
"""

from __future__ import annotations

import re
from dataclasses import replace

from papergraph.core.model import TableCell
from papergraph.ingest.extract.header_blocks import numbering

WHOLE = re.compile(r"^\d{1,6}[kK]?$")  # "512", "16384", "16K": no decimal point, no unit
_PERCENT = re.compile(r"^\d{1,3}%$")  # "10%": a share of the input (masked, labelled, kept)
_WORDS = re.compile(r"^[^\W\d_]+(?:[ -][^\W\d_]+)*$")  # "Mask ratio": a setting's name, no number
#: A word that names a quantity set per run ("Mask ratio", "Training epochs", "# labels"): a
#: label without one is a row's name ("Baseline | 12 35 48" is a row of whole-number scores).
_QUANTITY = re.compile(
    r"#|\b(?:ratio|rate|fraction|proportion|percent(?:age)?|share|number|size|length|budget|"
    r"shots?|epochs?|steps?|iterations?|layers?|labels?|samples?|examples?|tokens?|[kn])\b",
    re.IGNORECASE,
)
MIN_SETTINGS = 3  # columns a sweep covers before its numbers read as headers


def is_header(at: dict[tuple[int, int], TableCell], row: int) -> bool:
    """Whether grid row `row` names the columns: it numbers them, or it is a sweep of settings."""
    return numbering(at, row) or sweep(at, row) or labelled_sweep(at, row)


def sweep(at: dict[tuple[int, int], TableCell], row: int) -> bool:
    """Whether `row` is the table's first line, unlabelled over labelled rows, printing at least
    MIN_SETTINGS whole numbers that grow left to right."""
    rows = {r for r, _ in at}
    if row != min(rows) or (row, 0) in at or not any((r, 0) in at for r in rows - {row}):
        return False
    return _grows(_texts(at, row), WHOLE)  # no label cell: every cell of the row


def _size(text: str) -> int:
    return int(text[:-1]) * 1000 if text[-1] in "kK" else int(text)


def labelled_sweep(at: dict[tuple[int, int], TableCell], row: int) -> bool:
    """Whether `row` is the table's first line, a setting's name in words naming a quantity
    ("Mask ratio": `_QUANTITY`) beside at least MIN_SETTINGS whole numbers or percentages growing
    left to right, over rows whose values are not all of that shape (a row of whole scores is
    no sweep)."""
    rows = {r for r, _ in at}
    label = at.get((row, 0))
    name = " ".join(label.text.split()) if label else ""
    if row != min(rows) or not _WORDS.match(name) or not _QUANTITY.search(name):
        return False
    texts = _texts(at, row)
    shape = _PERCENT if texts and _PERCENT.match(texts[0]) else WHOLE
    if not _grows(texts, shape):
        return False
    return any(
        not shape.match(" ".join(cell.text.split()))
        for (r, c), cell in at.items()
        if r != row and c
    )


def _grows(texts: list[str], shape: re.Pattern[str]) -> bool:
    """Whether at least MIN_SETTINGS texts of `shape` print numbers growing left to right."""
    if len(texts) < MIN_SETTINGS or not all(shape.match(text) for text in texts):
        return False
    numbers = [_size(text.rstrip("%")) for text in texts]
    return all(a < b for a, b in zip(numbers, numbers[1:], strict=False))


def _texts(at: dict[tuple[int, int], TableCell], row: int) -> list[str]:
    """The row's value cells (its label cell left out), left to right, spaces folded."""
    return [" ".join(cell.text.split()) for (r, c), cell in sorted(at.items()) if r == row and c]


def setting_named(cells: list[TableCell], header_rows: list[int]) -> list[TableCell]:
    """The cells with a labelled sweep's setting name moved onto each of its values ("Mask
    ratio" beside "10%" heads the column "Mask ratio 10%"): the name heads the columns, not the
    row labels below it, and a bare "10%" alone tells no reader what was 10%."""
    at = {(cell.row, cell.col): cell for cell in cells if cell.text.strip()}
    if len(header_rows) != 1 or not labelled_sweep(at, header_rows[0]):
        return cells
    row = header_rows[0]
    name = " ".join(at[(row, 0)].text.split())
    return [
        cell
        if cell.row != row
        else replace(cell, text="" if cell.col == 0 else f"{name} {cell.text.strip()}")
        for cell in cells
    ]
