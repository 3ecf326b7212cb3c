"""Cells a PDF reader placed a column off, put back before a grid is read.

Two misreadings move a table's columns against its headers. A row's first value run into its
label ("ViT-L/16 (I21k) 90.8", one cell short of the rows around it) is split off into a cell
of its own, and so is an input size run onto a label ("RepLKNet-31B ‡ 224×224") where the next
column prints sizes. A header row printing one name per value column and none over the labels
("Caltech101 CIFAR-100 ... Mean" above "ViT-H/14 (JFT) 95.3 85.5 ...") was read from the
label column on, each header one column left of its values: it moves right by one. Cells the
reader ran together ("78.7 81.9 80.0 83.1") are split one per column (`unmerged`). A label set
centred beside its two rows (a LaTeX multirow: "GAT" between its 1-head and 8-head rows) reads
as a line of its own between them: it names both (`labels_centred`); a header set centred
beside two header lines ("Avg" beside "MultiRC" over "F1a/EM") spans them all
(`headers_centred`), under no name printed to its left. The labels' header run
into the first value column's name ("Models R-1f1") is cut in two (`label_header_split`), and a
line of k's under a header leaving its k open ("hits@k" over "1 10") is read into it (`k_filled`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from papergraph.core.model import TableCell

#: A label with a value run onto its end: "ViT-L/16 (I21k) 90.8" (a decimal, never "ResNet 50").
_GLUED_VALUE = re.compile(r"^(?P<label>.*[A-Za-z)\]].*?)\s+(?P<value>\d+\.\d+[*†‡]*)$")
#: A label cell spanning a value column with the value run onto its end: "Supervised 486G"
#: over "Method" and "FLOPS" (a decimal or a number with its unit, never "ResNet 50").
_SPANNED_VALUE = re.compile(
    r"^(?P<label>.*[A-Za-z)\]].*?)\s+(?P<value>\d+(?:\.\d+[KMGBT]?|[KMGBT]))[*†‡]*$"
)
#: An input size: "224×224", "384x384" (a cell of its own, or run onto a label's end).
_SIZE = re.compile(r"^\s*\d{2,4}\s*[×x]\s*\d{2,4}\s*$")
_GLUED_SIZE = re.compile(r"^(?P<label>.*[A-Za-z].*?)\s+(?P<size>\d{2,4}\s*[×x]\s*\d{2,4})$")
_NUMBER = re.compile(r"^[(±+−-]?\d[\d.,]*\S*$")
_VALUE_CELL = re.compile(r"^[(±+−-]?\d[\d.,]*\S*$|^[-–—]$")  # a number, or a dash for none
_WHOLE = re.compile(r"^\d{1,4}$")  # a k: "1", "10", "100"
_TICK = re.compile(r"^[✓✗✔✘]$")
_AT_K = re.compile(r"@\s*[kK]\b")  # a header leaving its k open: "hits@k", "R@k"
#: A number a cell of several run together prints: "78.7", "12%", a count with its unit
#: ("2.2M 163.2M": parameters and MAdds under two headers)
_BARE_NUMBER = re.compile(r"^\d+(?:\.\d+)?(?:%|[KMGBT])?[*†‡]*$")


def values_split_off(cells: list[TableCell]) -> list[TableCell]:
    """The cells with a value run into a row's label split off, in rows one cell short of the
    widest row: both stay in the label's column, ahead of the values the layout moves right.
    Where a full row's label ends in a decimal too ("Dropout 0.1" beside "Dropout 0.3" with a
    blank cell), such numbers are part of the labels: nothing is split."""
    cells = _sizes_split(_spans_split(cells))
    rows = _by_row(cells)
    widest = max((len(row) for row in rows.values()), default=0)
    if any(len(row) == widest and _glued(row) for row in rows.values()):
        return cells
    repaired: list[TableCell] = []
    for row in sorted(rows):
        cells_in_row = sorted(rows[row], key=lambda cell: cell.col)
        first = cells_in_row[0]
        glued = _GLUED_VALUE.match(" ".join(first.text.split()))
        if len(cells_in_row) == widest - 1 and first.col == 0 and glued:
            label = replace(first, text=glued.group("label"))
            value = replace(first, text=glued.group("value"), col_span=1)
            cells_in_row = [label, value, *cells_in_row[1:]]
        repaired.extend(cells_in_row)
    return repaired


def _spans_split(cells: list[TableCell]) -> list[TableCell]:
    """The cells with a label cell that spans into a column of values, its text ending in a
    value ("Supervised 486G" across "Method" and "FLOPS") in a row of values, split: the label
    in its first column(s), the value in the last, where most rows print a value of their own
    there (a header "Dataset: QQP 50K" over two columns stays whole)."""
    rows = _by_row(cells)
    repaired: list[TableCell] = []
    for cell in cells:
        glued = _SPANNED_VALUE.match(" ".join(cell.text.split())) if cell.col_span > 1 else None
        last = cell.col + cell.col_span - 1
        if glued is None or not _beside_number(rows, cell) or not _values_at(rows, last):
            repaired.append(cell)
            continue
        label = replace(cell, text=glued.group("label"), col_span=cell.col_span - 1)
        repaired.extend([label, replace(cell, text=glued.group("value"), col=last, col_span=1)])
    return repaired


def _sizes_split(cells: list[TableCell]) -> list[TableCell]:
    """The cells with an input size run onto a row's label ("RepLKNet-31B ‡ 224×224") split
    into the next column, where that column is empty in the row (or the label spans it) and
    prints sizes alone in two other rows at least ("384×384" under "Input resolution")."""
    rows = _by_row(cells)
    sizes = sum(1 for row in rows.values() for c in row if c.col == 1 and _SIZE.match(c.text))
    if sizes < 2:
        return cells
    repaired: list[TableCell] = []
    for cell in cells:
        glued = _GLUED_SIZE.match(" ".join(cell.text.split())) if cell.col == 0 else None
        if glued is None or cell.col_span > 2 or any(c.col == 1 for c in rows[cell.row]):
            repaired.append(cell)  # (a label spanning the bare size column is split too)
            continue
        size = replace(cell, text=glued.group("size"), col=1, col_span=1)
        repaired.extend([replace(cell, text=glued.group("label"), col_span=1), size])
    return repaired


def _beside_number(rows: dict[int, list[TableCell]], cell: TableCell) -> bool:
    """Whether another cell of the cell's row is a number: the row is one of values."""
    return any(_NUMBER.match(c.text.strip()) for c in rows.get(cell.row, []) if c is not cell)


def _values_at(rows: dict[int, list[TableCell]], col: int) -> bool:
    """Whether most cells starting in column `col`, two at least, are numbers."""
    there = [c.text.strip() for row in rows.values() for c in row if c.col == col]
    numbers = sum(1 for text in there if _NUMBER.match(text))
    return numbers >= 2 and 2 * numbers > len(there)


def _glued(row: list[TableCell]) -> bool:
    """Whether the row's first cell, in the label column, ends in a decimal."""
    first = min(row, key=lambda cell: cell.col)
    return first.col == 0 and bool(_GLUED_VALUE.match(" ".join(first.text.split())))


def headers_off_labels(cells: list[TableCell], header_rows: list[int]) -> list[TableCell]:
    """The cells with each header row printed one column left of the values moved right: a
    row of single-column names from the label column on, one fewer than the body's columns,
    over a body whose every row has a name in the label column, where no header row reaches
    the last value column and that column holds values."""
    rows = _by_row(cells)
    body = [rows[row] for row in rows if row not in header_rows]
    width = max((cell.col for row in body for cell in row), default=0)
    heads = [cell for row in header_rows for cell in rows.get(row, [])]
    if any(cell.col + cell.col_span > width for cell in heads):
        return cells  # a header over the last value column: the headers stand where they are
    if not body or any(not _labelled(row) for row in body) or not _valued(body, width):
        return cells
    shifted = {row for row in header_rows if _one_left(rows.get(row, []), width)}
    return [replace(c, col=c.col + 1) if c.row in shifted else c for c in cells]


def label_header_split(cells: list[TableCell], header_rows: list[int]) -> list[TableCell]:
    """The cells with a header row's first cell, set over the labels and the first value
    column ("Models R-1f1": the labels' header run into the first column's name, set tight),
    cut before its last word where that word is a name the row prints over another column too
    ("R-1f1" again over each later block): the last word names the first value column."""
    rows = _by_row(cells)
    cut: dict[int, list[TableCell]] = {}
    for row in header_rows:
        first = min(rows.get(row, []), key=lambda cell: cell.col, default=None)
        if first is None or first.col != 0 or first.col_span != 2:
            continue
        label, _, name = " ".join(first.text.split()).rpartition(" ")
        if label and any(c is not first and " ".join(c.text.split()) == name for c in rows[row]):
            cut[row] = [
                replace(first, text=label, col_span=1),
                replace(first, col=1, text=name, col_span=1),
            ]
    kept = [cell for cell in cells if not (cell.row in cut and cell.col == 0)]
    return kept + [cell for parts in cut.values() for cell in parts]


def k_filled(cells: list[TableCell]) -> list[TableCell]:
    """The cells with a line of whole numbers under a header that leaves its k open ("hits@k"
    over "1" and "10") read as the header's columns: "hits@1" and "hits@10", each over its own
    column. Where the line heads other columns too, with words ("accuracy@k" over "5 20 100",
    then "ans. ✓ ✗"), it stays a header line; else it goes, its label ("System") the labels'
    header; it is no row of values either way."""
    rows = _by_row(cells)
    for above, row in pairwise(sorted(rows)):
        heads = [cell for cell in rows[above] if _AT_K.search(cell.text)]
        under = {id(c): h for c in rows[row] for h in heads if c.col > 0 and _covers(h, c.col)}
        ks = [cell for cell in rows[row] if id(cell) in under]
        others = [c for c in rows[row] if c.col > 0 and id(c) not in under]
        if not ks or not all(_WHOLE.match(c.text.strip()) for c in ks):
            continue
        if any(char.isdigit() for cell in others for char in cell.text):
            continue
        named = [
            replace(h, col=k.col, col_span=1, text=_AT_K.sub(f"@{k.text.strip()}", h.text))
            for k in ks
            if (h := under[id(k)]) is not None
        ]
        moved = [] if others else [c for c in rows[row] if c.col == 0]
        gone = {id(c) for c in heads} | {id(c) for c in ks} | {id(c) for c in moved}
        kept = [c for c in cells if id(c) not in gone]
        return kept + named + [replace(c, row=above) for c in moved]
    return cells


def ticks_only(texts: list[str]) -> bool:
    """Whether a row's cells past its label are all ticks or crosses ("✗ ✗": no run of the
    method reached a result), a body row with no number."""
    return bool(texts) and all(_TICK.match(text.strip()) for text in texts)


def _covers(head: TableCell, col: int) -> bool:
    return head.col <= col < head.col + head.col_span


def _one_left(row: list[TableCell], width: int) -> bool:
    """Whether a header row names columns 0 .. width-1, one each, none a number."""
    columns = sorted(cell.col for cell in row)
    spans = all(cell.col_span == 1 and cell.row_span == 1 for cell in row)
    names = not any(_NUMBER.match(cell.text.strip()) for cell in row)
    return width > 1 and columns == list(range(width)) and spans and names


def _valued(body: list[list[TableCell]], col: int) -> bool:
    """Whether most body rows print a number in column `col`: the headers are one left of the
    values only where the column they leave bare holds values, not ticks or citations ("✓",
    "[12]"), which a table may print without a header."""
    numbers = sum(1 for row in body for c in row if c.col == col and _NUMBER.match(c.text.strip()))
    return 2 * numbers > len(body)


def _labelled(row: list[TableCell]) -> bool:
    first = min(row, key=lambda cell: cell.col)
    return first.col == 0 and not _NUMBER.match(first.text.strip())


def _by_row(cells: list[TableCell]) -> dict[int, list[TableCell]]:
    rows: dict[int, list[TableCell]] = {}
    for cell in cells:
        if cell.text.strip():
            rows.setdefault(cell.row, []).append(cell)
    return rows


def unmerged(cells: list[TableCell]) -> list[TableCell]:
    """The cells with those the reader ran together split apart: a cell printing several bare
    numbers ("78.7 81.9 80.0 83.1") is one per column, and a cell placed in a column another
    cell of its row already holds moves to the next free one (header "EM", "F1", "EM", "F1")."""
    rows: dict[int, list[TableCell]] = {}
    for cell in cells:
        rows.setdefault(cell.row, []).append(cell)
    return [placed for row in sorted(rows) for placed in _laid_out(rows[row])]


def _laid_out(cells: list[TableCell]) -> list[TableCell]:
    placed: list[TableCell] = []
    free = 0
    for cell in sorted(cells, key=lambda c: c.col):  # stable: reading order within a column
        parts = " ".join(cell.text.split()).split(" ")
        merged = len(parts) > 1 and all(_BARE_NUMBER.match(part) for part in parts)
        pieces = [replace(cell, text=p, col_span=1) for p in parts] if merged else [cell]
        for piece in pieces:
            piece = replace(piece, col=max(piece.col, free))
            placed.append(piece)
            free = piece.col + piece.col_span
    return placed


def labels_centred(cells: list[TableCell]) -> list[TableCell]:
    """The cells with each label printed on a line of its own between two rows of values that
    print no label (set centred beside its two rows: "GAT" between the rows of its 1 and 8
    attention heads) put beside both rows: it names them, it is no group above the second."""
    rows = _by_row(cells)
    order = sorted(rows)
    dropped: set[int] = set()
    moved: list[TableCell] = []
    for above, row, below in zip(order, order[1:], order[2:], strict=False):
        label = rows[row][0]
        lone = len(rows[row]) == 1 and label.col == 0 and not _NUMBER.match(label.text.strip())
        if lone and _unlabelled(rows[above]) and _unlabelled(rows[below]):
            dropped.add(row)
            moved += [replace(label, row=above), replace(label, row=below)]
    return [cell for cell in cells if cell.row not in dropped] + moved


def headers_centred(cells: list[TableCell], header_rows: list[int]) -> list[TableCell]:
    """The cells with a header line between two others whose every cell stands over columns no
    other header line prints in (a LaTeX multirow: "Model" and "Avg" centred beside "MultiRC"
    over "F1a/EM") spanning all the header lines: each heads its column alone, not under the
    name printed once to its left in the line above."""
    rows = _by_row([cell for cell in cells if cell.row in header_rows])
    order = sorted(rows)
    centred = {row for row in order[1:-1] if _alone(rows, row)}
    if not centred:
        return cells
    top, span = order[0], order[-1] - order[0] + 1
    return [replace(c, row=top, row_span=span) if c.row in centred else c for c in cells]


def _alone(rows: dict[int, list[TableCell]], row: int) -> bool:
    """Whether no other row prints a cell over a column a cell of `row` stands in."""
    others = [other for line, cells in rows.items() if line != row for other in cells]
    columns = {col for cell in rows[row] for col in range(cell.col, cell.col + cell.col_span)}
    return not any(_covers(other, col) for other in others for col in columns)


def _unlabelled(row: list[TableCell]) -> bool:
    """Whether a row prints values only, no name ("1", "71.59±0.38" beside no "GAT"): a row
    with a name of its own beside a block label ("Conv" beside "ConvNeXt V1-XL") is named."""
    return all(c.col > 0 and _VALUE_CELL.match(c.text.strip()) for c in row)
