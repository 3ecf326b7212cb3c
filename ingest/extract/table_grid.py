"""A table's cells read as a results grid: header rows, row labels, group rows and numbers.

Results tables share one shape: a few header rows naming metrics and datasets over the value
columns, then one row per method with its name in the leading column(s), sometimes split by a
row that holds only a group name ("COCO test-dev", "Ensembles"). Header cells printed once over
several columns without a span ("BLEU" over "EN-DE" and "EN-FR") cover the empty cells to their
right; a label printed once beside its block's middle names all its rows (spanning_labels.py).
A cell's number is its leading value ("81.5 ± 0.5": 81.5; "3.14 (3.08)": 3.14); a change
("+1.2"), a count ("25M", "(64)" shots) or an order of magnitude ("2.3·10^19") is no value."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from papergraph.core.model import Table, TableCell
from papergraph.ingest.extract.grid_repair import (
    headers_centred,
    headers_off_labels,
    k_filled,
    label_header_split,
    labels_centred,
    ticks_only,
    unmerged,
    values_split_off,
)
from papergraph.ingest.extract.header_blocks import (
    Blocks,
    block_header,
    broken_word,
    count_columns,
    header_blocks,
    named_parts,
    suffixed,
    unrepeated,
)
from papergraph.ingest.extract.label_columns import RowLabel, row_labels
from papergraph.ingest.extract.spanning_labels import spanned
from papergraph.ingest.extract.sweep_header import is_header, setting_named

_FIGURE = r"(?:\d+(?:\.\d+)?|\.\d+)"  # "0.6", ".6": a spread printed without its zero
_VALUE = re.compile(
    r"^\(?(?P<num>\d+(?:\.\d+)?|\.\d+)\s*(?P<pct>%)?\)?\s*[*†‡§¶♯♮⋆∗'a-c]*\s*(?:%\s*)?"
    rf"(?:(?:±|\+/-|\+-)\s*{_FIGURE}\s*%?"
    rf"|\(\d+(?:\.\d+)?(?:\s*(?:±|\+/-)\s*{_FIGURE})?\)"  # "6.43 (6.61±0.16)": best, mean±spread
    r"|\(\s*[+−-]\s*\d+(?:\.\d+)?\s*%?\s*\)"  # "84.6 (+0.8)": the change beside it is not read
    r"|\(\s*\d+(?:\.\d+)?\s*(?:s|ms|min|h)\s*\))?"  # "70.3 (7s)": the run time beside it
    r"\s*[*†‡§¶∗]*\s*$"
)
#: A cell printing a number that is no value of its own but stands where values do: an
#: approximation or a bound ("≈ 84.62", "≤ 80.97"), a signed score ("-3.8", "−17,098.09").
_VALUE_LIKE = re.compile(r"^[≈~<>≤≥+−-]\s*(?=[\d.])")
_SLASH = re.compile(r"\s*/\s*")
_NOT_VALUE = re.compile(r"[·×]\s*10|e[+-]?\d|\d\s*[kmbgt]\b", re.IGNORECASE)
_CHANGE = re.compile(r"^[+−-]|^\([+−-]|[↑↓]")
_SPACES = re.compile(r"\s+")
_FRACTION = re.compile(r"^\d/\d{1,2}$")  # "1/3": a share of a budget, not a value
_BRACKETED_COUNT = re.compile(r"^\(\d+\)$")
#: The footnote marks a table prints beside a label, header or value ("BERT*", "88.1†").
FOOTNOTE_MARKS = "*†‡§¶‖⁎∗⋆"
_SPACED_CAPITALS = re.compile(r"(?<![\w-])(?:[A-Z] ){2,}[A-Z]+(?![a-z])")
_CUT_HYPHEN = re.compile(r"(?<=[A-Z0-9])- (?=[A-Z0-9])")
#: A name printed as one token: with a digit, a hyphen or two capitals ("SST-2", "QNLI", "C10").
_NAME_TOKEN = re.compile(r"\d|\w-\w|[A-Z].*[A-Z]")
LEADING_DIGIT = re.compile(r"^\s*[(±+−-]?\d")  # "25 M", "3.8 G": a quantity, not a name
NO_VALUE = re.compile(r"^\s*(?:[-–—]|n/?a|N/?A)\s*[*†‡]*\s*$")  # a value not reported


@dataclass(frozen=True)
class Number:
    """A value printed in a cell: the number and how many decimals it was printed with."""

    value: float
    decimals: int
    percent: bool


@dataclass
class Row:
    """One body row: its index, its label (the leading cells' text) and its cells by column."""

    index: int
    label: str
    cells: dict[int, TableCell]
    group: str = ""  # the text of the group row above it, if any
    #: What qualifies the row's method, printed in its label columns but no part of its name:
    #: a block label ("Closed Book"), a setting ("Unsup."): ingest/extract/label_columns.py.
    qualifiers: tuple[str, ...] = ()
    printed: str = ""  # the label columns' text as printed, a block label carried down
    #: Headers a row without values set over the value columns above this row gives them
    #: ("# layers", "# params" printed in the body above the rows that fill them).
    headers: dict[int, str] = field(default_factory=dict)

    def header(self, grid: Grid, col: int) -> str:
        """The column's header as this row reads it: a header row in the body above it first."""
        return self.headers.get(col) or grid.column_headers.get(col, "")


@dataclass
class Grid:
    """A results table's structure: header text per column, body rows, where the values start."""

    column_headers: dict[int, str] = field(default_factory=dict)
    label_header: str = ""  # the header over the row labels ("Model", or a dataset: "SQuAD2.0")
    rows: list[Row] = field(default_factory=list)
    first_value_column: int = 1


def parse_number(text: str) -> Number | None:
    """The value a cell prints, or None for text, changes, counts and orders of magnitude."""
    cleaned = clean(text).replace(",", "")
    if not cleaned or _CHANGE.search(cleaned) or _NOT_VALUE.search(cleaned):
        return None
    if _BRACKETED_COUNT.match(cleaned):  # "(64)": the shots or examples beside a value
        return None
    match = _VALUE.match(cleaned)
    if match is None:
        return None
    number = match.group("num")
    decimals = len(number.split(".")[1]) if "." in number else 0
    return Number(float(number), decimals, bool(match.group("pct")) or "%" in cleaned)


def holds_value(text: str) -> bool:
    """Whether a cell prints a value, or several of them ("76.2 / 84.6", "80.1/79.2/79.6")."""
    return parse_number(text) is not None or split_values(text) is not None


def value_like(text: str) -> bool:
    """Whether a cell stands where a value does: a value, or a number printed as an
    approximation, a bound or with a sign ("≈ 84.62", "≤ 80.97", "-3.8"), which makes its row
    a body row, never a header or a group's name."""
    if holds_value(text):
        return True
    cleaned = clean(text).replace(",", "")
    return bool(_VALUE_LIKE.match(cleaned)) and holds_value(_VALUE_LIKE.sub("", cleaned))


def split_values(text: str) -> list[str] | None:
    """The values of a cell printing two or more joined by "/" ("90.2/89.7"), or None; a dash
    is a value not reported ("89.8/-": the mismatched set's is not given), one value stays."""
    parts = [part.strip() for part in clean(text).split("/")]
    read = [bool(parse_number(part)) for part in parts]
    shown = all(r or NO_VALUE.match(part) for r, part in zip(read, parts, strict=True))
    return parts if len(parts) > 1 and shown and any(read) else None


def header_parts(header: str, count: int) -> list[str] | None:
    """One header per value of a cell printing `count` values: the header's one word joining as
    many parts by "/" ("P/R/F1"; "MNLI-m/mm", whose later parts end the first: MNLI-m, MNLI-mm),
    the header's other words kept with each ("Published EM / F1": Published EM, Published F1)."""
    words = _SLASH.sub("/", clean(header)).split(" ")
    words = [re.sub(r"[()]", "", w) if "/" in w else w for w in words]  # "MNLI-(m/mm)"
    joined = [i for i, word in enumerate(words) if word.count("/") == count - 1]
    if len(joined) != 1 or not all(parts := words[joined[0]].split("/")):
        return None
    stem = parts[0].rsplit("-", 1)[0] + "-" if "-" in parts[0] else ""
    full = [parts[0]] + [p if "-" in p or len(p) > 3 else stem + p for p in parts[1:]]
    return [" ".join([*words[: joined[0]], part, *words[joined[0] + 1 :]]) for part in full]


def clean(text: str) -> str:
    """One line of cell text, spaces collapsed."""
    return _SPACES.sub(" ", text).strip()


def strip_marks(text: str) -> str:
    """A label or header less the footnote marks and spaces at its ends ("BERT*", "ResNet†"):
    table_names.without_marks also drops symbols inside ("En→De"), which names need."""
    return text.strip(FOOTNOTE_MARKS + " ")


def name_text(text: str) -> str:
    """A label or header as one name: letters of small capitals the reader spaced apart are
    joined again ("B E RT- Base" is BERT-Base), a hyphen cut from its second half too."""
    text = _SPACED_CAPITALS.sub(lambda m: m.group().replace(" ", ""), clean(text))
    return _CUT_HYPHEN.sub("-", text)


def read_grid(table: Table) -> Grid | None:
    """The table's header/body structure; None when no body row holds a number. Cells read a
    column off are put back first (ingest/extract/grid_repair.py)."""
    table = replace(table, cells=unmerged(values_split_off(k_filled(table.cells))))
    at = {(cell.row, cell.col): cell for cell in table.cells if clean(cell.text)}
    if not at:
        return None
    rows = sorted({row for row, _ in at})
    body_like = [r for r in rows if _body_like(at, r)]  # "1 2 ... 13", "512 1024": headers
    first_body = next((r for r in body_like if not is_header(at, r) or r == body_like[-1]), None)
    if first_body is None:
        return None
    header_rows = [r for r in rows if r < first_body]
    cells = label_header_split(headers_off_labels(table.cells, header_rows), header_rows)
    table = replace(table, cells=labels_centred(setting_named(cells, header_rows)))
    at = {(cell.row, cell.col): cell for cell in table.cells if clean(cell.text)}
    body_rows = [r for r in sorted({row for row, _ in at}) if r >= first_body]
    label_cols = _label_columns(at, body_rows)
    grouped = any(_group_row(at, row, width_of(at)) for row in body_rows)
    while len(header_rows) > 1 and _group_row(
        at, header_rows[-1], width_of(at) if grouped else label_cols
    ):
        body_rows.insert(0, header_rows.pop())
    table = replace(table, cells=headers_centred(table.cells, header_rows))
    at = {(cell.row, cell.col): cell for cell in table.cells if clean(cell.text)}
    columns = sorted({col for _, col in at if col >= label_cols})
    grid = Grid(first_value_column=label_cols)
    blocks = header_blocks(table, header_rows, label_cols)
    counts = count_columns(at, body_rows)
    grid.column_headers = {
        c: _column_header(table, header_rows, c, (label_cols, counts), blocks) for c in columns
    }
    grid.label_header = " ".join(
        clean(at[(r, c)].text) for r in header_rows for c in range(label_cols) if (r, c) in at
    )
    grid.rows = _body(at, body_rows, label_cols, header_rows)
    return grid


def _group_row(at: dict[tuple[int, int], TableCell], row: int, label_cols: int) -> bool:
    """Whether a row is a group's name: one cell without a value, starting in the label columns
    ("Top Leaderboard Systems", "Dev set results without data augmentation"); where the body
    holds such rows set anywhere (centred: "Eating activity"), the first group's name under the
    headers may be too (`label_cols` is then the table's width)."""
    cells = [(col, cell) for (r, col), cell in at.items() if r == row]
    return len(cells) == 1 and cells[0][0] < label_cols and not value_like(cells[0][1].text)


def width_of(at: dict[tuple[int, int], TableCell]) -> int:
    return max(col for _, col in at) + 1


def _body_like(at: dict[tuple[int, int], TableCell], row: int) -> bool:
    """Whether a row holds values: a number past the first column that is no share of a
    budget ("1/3 Full 1/3 Full" under "Transf. Primer" is a header line of compute budgets),
    or ticks only ("Linformer | ✗ | ✗": no result reached, a row as much as one of numbers)."""
    texts = [cell.text for (r, c), cell in at.items() if r == row and c >= 1]
    return ticks_only(texts) or any(value_like(t) and not _FRACTION.match(clean(t)) for t in texts)


def _label_columns(at: dict[tuple[int, int], TableCell], body_rows: list[int]) -> int:
    """How many leading columns hold names rather than numbers in most body rows (at least 1);
    a dash (a value not reported) counts as a number, and so does a tick in a row of ticks."""
    count, width = 1, max(col for _, col in at) + 1
    ticked = {r for r in body_rows if ticks_only([at[k].text for k in at if k[0] == r and k[1]])}
    while count < width - 1:
        texts = [(r, at[(r, count)].text) for r in body_rows if (r, count) in at]
        no_value = (holds_value, LEADING_DIGIT.match, NO_VALUE.match)
        numeric = sum(1 for r, text in texts if r in ticked or any(f(text) for f in no_value))
        if not texts or numeric * 2 >= len(texts):
            break
        count += 1
    return count


def _column_header(
    table: Table,
    header_rows: list[int],
    col: int,
    bounds: tuple[int, set[int]],
    blocks: dict[int, Blocks],
) -> str:
    """The header rows' texts over a column, top to bottom; an empty cell in a header row but
    the last is covered from beside it (`_covering`), except between two lines of the column's
    own header ("Time-to-" above an empty row above "maneuver (s)"); a word broken across lines
    is one word ("Self-BLEU", no BLEU); a group header heads its block (header_blocks.py)."""
    parts: list[str] = []
    label_cols, counts = bounds
    own = [row for row in header_rows if _over(table, row, col)]
    for position, row in enumerate(header_rows):
        last = position == len(header_rows) - 1
        between = bool(own) and own[0] < row < own[-1]
        inherit = not (last or between)
        block = block_header(blocks.get(row, []), col)  # even "between": LoRA's "WebNLG"
        cell = block or _covering(table, row, col, label_cols, inherit=inherit)
        if cell and cell.col + cell.col_span <= col and cell.col in counts - {col}:
            cell = None  # "# Trainable" over a column of counts heads no "MNLI"
        text = _part_over(cell, col) if cell is not None else ""
        if text and parts and parts[-1].endswith("-") and text[:1].isalnum():
            parts[-1] += text  # a word broken across lines: "Self-" over "BLEU" is Self-BLEU
        elif text and text not in parts:
            parts.append(unrepeated(parts[-1] if parts else "", text))
    return " ".join(named_parts(parts))


def _part_over(cell: TableCell, col: int) -> str:
    """The header text over `col`: a spanning cell that prints one name per column it covers
    ("MNLI-m QNLI MRPC SST-2" over four columns, merged by the reader) gives each its own, and
    none to the columns past it; a size or schedule after a name is the name's (`suffixed`)."""
    text = name_text(cell.text)
    names = text.split(" ")
    offset = col - cell.col
    own = len(names) == cell.col_span and not suffixed(names)
    if cell.col_span > 1 and own and all(map(_NAME_TOKEN.search, names)):
        return names[offset] if 0 <= offset < len(names) else ""
    return text


def _over(table: Table, row: int, col: int) -> list[TableCell]:
    """The cells of header row `row` printed over column `col`."""
    return [
        c
        for c in table.cells
        if c.row <= row < c.row + c.row_span and c.col <= col < c.col + c.col_span and clean(c.text)
    ]


def _covering(
    table: Table, row: int, col: int, label_cols: int, *, inherit: bool
) -> TableCell | None:
    """The header cell over `col` in `row`: the one printed there; else, with `inherit`, the
    header to the right centred over its columns, which the reader placed a column short on
    each side (`_centred`: "E2E NLG Challenge" over BLEU .. CIDEr, not the "# Trainable" of
    the column before; "Turns" over three columns); else the header to the left, printed once
    over the columns right of it ("BLEU" over "EN-DE", "EN-FR"), unless it is part of a word
    broken across lines ("Time-to-"; the "BLEU" under "Self-")."""
    spanning = _over(table, row, col)
    if spanning or not inherit:
        return spanning[0] if spanning else None
    in_row = [c for c in table.cells if c.row <= row < c.row + c.row_span and clean(c.text)]
    left = max((c for c in in_row if label_cols <= c.col < col), key=lambda c: c.col, default=None)
    right = next((c for c in in_row if c.col == col + 1), None)
    if right is not None and _centred(table, row, right, label_cols):
        kept = right.col_span == 1 and _printed_once(table, row, left, label_cols)
        if not kept and not _shared(table, row, left, col, label_cols):
            return right
    return None if left is None or broken_word(table, row, left) else left


def _printed_once(table: Table, row: int, left: TableCell | None, label_cols: int) -> bool:
    """Whether the header left of an empty cell is one printed once over the columns right of
    it ("BLEU" over "EN-DE", "EN-FR"): a one-column header not centred over three."""
    return left is not None and left.col_span == 1 and not _centred(table, row, left, label_cols)


def _shared(table: Table, row: int, left: TableCell | None, col: int, label_cols: int) -> bool:
    """Whether `col` lies right past a centred header to the left as well: one column two
    headers claim, left to the left one."""
    if left is None or left.col + left.col_span != col:
        return False
    return _centred(table, row, left, label_cols)


def _centred(table: Table, row: int, group: TableCell, label_cols: int) -> bool:
    """Whether a header leaves the value column on each side of it empty in its row, and the
    row below heads the column before it as it heads the group's first ("BLEU" beside "NIST"
    under "E2E NLG Challenge", not "MNLI" beside the empty cell under "SQuAD"): centred over
    its columns, read a column short on each side. A one-column header is so only where no
    spanning header claims the column after it ("image" over "pyramid" beside "test-dev")."""
    before, past = group.col - 1, group.col + group.col_span
    width = max(c.col + c.col_span for c in table.cells)
    if not (label_cols <= before and past < width):
        return False
    alike = bool(_over(table, row + 1, before)) == bool(_over(table, row + 1, group.col))
    if not alike or _over(table, row, past) or _over(table, row, before):
        return False
    if group.col_span > 1:
        return True
    claims = [c for c in _over(table, row, past + 1) if c.col == past + 1 and c.col_span > 1]
    return not any(_centred(table, row, claim, label_cols) for claim in claims)


def _body(
    at: dict[tuple[int, int], TableCell], body_rows: list[int], label_cols: int, heads: list[int]
) -> list[Row]:
    rows: list[Row] = []
    group = ""
    previous = RowLabel("")
    headers: dict[int, str] = {}
    valued = [
        r for r in body_rows if any(value_like(at[(r, c)].text) for c in _values(at, r, label_cols))
    ]
    at, body_rows = spanned(at, body_rows, valued, label_cols)
    labels = row_labels(at, heads, valued, label_cols)
    for index in body_rows:
        cells = {c: cell for (r, c), cell in at.items() if r == index}
        values = {c: cell for c, cell in cells.items() if c >= label_cols}
        if index not in labels:
            if len(values) > 1 and len(values) == len(cells):  # headers over value columns
                headers = {c: clean(cell.text) for c, cell in values.items()}
            elif not ticks_only([cell.text for cell in values.values()]):  # a row of ticks: none
                group = " ".join(clean(cell.text) for _, cell in sorted(cells.items()))
            continue
        label = labels[index] if labels[index].printed else previous  # continuing the row above
        rows.append(
            Row(
                index,
                name_text(label.name),
                values,
                group,
                label.qualifiers,
                name_text(label.printed),
                dict(headers),
            )
        )
        previous = label
    return rows


def _values(at: dict[tuple[int, int], TableCell], row: int, label_cols: int) -> list[int]:
    return [c for (r, c) in at if r == row and c >= label_cols]
