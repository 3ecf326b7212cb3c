"""Label cells that span several rows (a LaTeX multirow), printed once at their block's middle.

SciBERT's Table 1 prints "Field | Task | Dataset" before its values, the field (Bio, CS, Multi)
and the task (NER, PICO, DEP, REL, CLS) once per block, vertically centred beside it:

    Field  Task  Dataset        values
                 BC5CDR         ...
           NER   JNLPBA         ...
    Bio          NCBI-disease   ...
           PICO  EBM-NLP        ...
                 GENIA - LAS    ...
           DEP
                 GENIA - UAS    ...

Read line by line, a label lands on its block's middle row only, or on a line of its own between
two rows ("DEP"), so the other rows lose it: no task short form, so no metric the caption gives
that task ("macro F1 for NER"), and the lone line read as a group over the rows below. In a
label column left of the innermost one (the column naming each row), where some row leaves the
column empty, each label covers the block of rows whose middle it stands at: the rows, in order,
are cut into one block per label, each block holding its label's line, each label within a
line and a half of its block's middle, the cut that centres the labels best taken. Rows are cut
one at a time for the column next to the names; a column further left cuts whole blocks of the
column right of it (a field holds whole tasks). A row two equally good cuts give to different
labels keeps none (GENIA's "Bio" or "CS", were both as centred). Each row of a block then prints
its label as its own, and a line that only printed labels is gone.

Conservative by design: only where every label stands beside the block's rows or on a line of
labels alone between them (a line above the first row heads a group, not a block); only where
the first label stands below the first row or on a line of its own (a label beside the first
row of its block is carried down by `label_columns.block_labels`); never a column that
`label_columns` already reads (a block label beside its first row or centred among blocks of
one size: it qualifies a method there), nor one where every row prints its own label.
"""

from __future__ import annotations

from papergraph.core.model import TableCell
from papergraph.ingest.extract.label_columns import block_labels, centred_columns, unplaced_labels

Cells = dict[tuple[int, int], TableCell]
#: How far from its block's middle a centred label may stand, in lines.
_OFF_MIDDLE = 1.5


def spanned(
    at: Cells, body_rows: list[int], valued: list[int], label_cols: int
) -> tuple[Cells, list[int]]:
    """The cells with each spanning label set beside every row of its block, and the body rows
    less the lines that printed nothing but labels now placed; `valued` are the body rows with
    values, `label_cols` the number of label columns (the last names each row)."""
    name_col = label_cols - 1
    units = [[row] for row in valued if _text(at, row, name_col)]
    if name_col < 1 or len(units) < 2:
        return at, body_rows
    lone = [r for r in body_rows if r not in valued and _lone_labels(at, r, name_col)]
    filled, placed = dict(at), set[tuple[int, int]]()
    for col in range(name_col - 1, -1, -1):
        if _read_already(at, valued, label_cols, col):
            continue
        cut = _cut(at, units, lone, col)
        if cut is None:
            continue
        groups: list[list[int]] = []
        for rows, label in cut:
            for row in rows:
                if label is not None and not _text(at, row, col):
                    filled[(row, col)] = TableCell(row, col, label)
            groups.append(rows)
        placed.update((r, col) for r in lone if _text(at, r, col))
        units = groups
    gone = {r for r in lone if all((r, c) in placed for (row, c) in at if row == r)}
    return {k: cell for k, cell in filled.items() if k[0] not in gone}, [
        r for r in body_rows if r not in gone
    ]


def _cut(
    at: Cells, units: list[list[int]], lone: list[int], col: int
) -> list[tuple[list[int], str | None]] | None:
    """The units of rows, in order, merged into one block per label of column `col`, each with
    its label (None for a unit two best cuts give to different labels); None where the column
    spans nothing or does not read as centred labels."""
    first, last = units[0][0], units[-1][-1]
    unit_rows = {row for unit in units for row in unit}
    labels = [(r, _text(at, r, col)) for r in range(first, last + 1) if _text(at, r, col)]
    if not labels or all(_text(at, row, col) for row in unit_rows):
        return None  # every row prints its own label
    if any(r not in unit_rows and r not in lone for r, _ in labels):
        return None  # a label beside a row of its own inside the blocks
    if any(r in lone and not first <= r <= last for r in lone if _text(at, r, col)):
        return None  # a line of labels above or below the rows: a group's name
    if labels[0][0] == first and not any(r in lone for r, _ in labels):
        return None  # beside the first row of its block: carried down, not centred
    owners = _owners(units, [r for r, _ in labels])
    if owners is None:
        return None
    blocks: list[tuple[list[int], str | None]] = []
    for index, (unit, owner) in enumerate(zip(units, owners, strict=True)):
        label = labels[owner][1] if owner is not None else None
        if index and owner is not None and owners[index - 1] == owner:
            blocks[-1][0].extend(unit)  # the same label's block, not one of the same text
        else:
            blocks.append((list(unit), label))
    return blocks


def _owners(units: list[list[int]], lines: list[int]) -> list[int | None] | None:
    """Which label (index into `lines`) takes each unit in every best cut of the units into one
    contiguous block per label (None where best cuts differ); None where no cut fits."""
    n, k = len(units), len(lines)
    inf = float("inf")

    def cost(j: int, a: int, b: int) -> float:  # label j over units a .. b-1
        start, end = units[a][0], units[b - 1][-1]
        off = abs((start + end) / 2 - lines[j])
        return off if start <= lines[j] <= end and off <= _OFF_MIDDLE else inf

    ahead = [[inf] * (n + 1) for _ in range(k + 1)]  # labels < j over units < i
    ahead[0][0] = 0.0
    for j in range(k):
        for a in range(n):
            if ahead[j][a] < inf:
                for b in range(a + 1, n + 1):
                    ahead[j + 1][b] = min(ahead[j + 1][b], ahead[j][a] + cost(j, a, b))
    behind = [[inf] * (n + 1) for _ in range(k + 1)]  # labels >= j over units >= i
    behind[k][n] = 0.0
    for j in range(k - 1, -1, -1):
        for a in range(n):
            for b in range(a + 1, n + 1):
                behind[j][a] = min(behind[j][a], cost(j, a, b) + behind[j + 1][b])
    best = ahead[k][n]
    if best == inf:
        return None
    taken: list[set[int]] = [set() for _ in range(n)]
    for j in range(k):
        for a in range(n):
            for b in range(a + 1, n + 1):
                if abs(ahead[j][a] + cost(j, a, b) + behind[j + 1][b] - best) < 1e-9:
                    for unit in range(a, b):
                        taken[unit].add(j)
    return [next(iter(owners)) if len(owners) == 1 else None for owners in taken]


def _read_already(at: Cells, valued: list[int], label_cols: int, col: int) -> bool:
    """Whether `label_columns` reads the column already: the first as block labels (beside
    each block's first row, or centred among blocks of one size), a later one as centred."""
    if col == 0:
        return bool(block_labels(at, valued, label_cols)) or unplaced_labels(at, valued, label_cols)
    return centred_columns(at, valued, range(col, col + 1)) != at


def _lone_labels(at: Cells, row: int, name_col: int) -> bool:
    """Whether a line prints labels only, left of the names ("DEP" on a line of its own)."""
    columns = [c for (r, c) in at if r == row]
    return bool(columns) and all(c < name_col for c in columns)


def _text(at: Cells, row: int, col: int) -> str:
    cell = at.get((row, col))
    return " ".join(cell.text.split()) if cell is not None else ""
