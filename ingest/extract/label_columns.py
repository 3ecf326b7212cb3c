"""Row labels printed over several label columns: the name, a block label, a setting.

A table with two or more label columns does not always print a row's name across them. Its
first column may label a *block* of rows, printed once beside the block's first row
("ImageNet", "ImageNet-21k", "JFT-300M" beside each block of ViT's datasets, the pre-training
set of the values to their right), centred beside the block ("Prof." beside the middle of its
three rows), or set one line per row beside its rows ("Closed" / "Book" beside RAG's T5 rows:
one label, "Closed Book"); and a column after the name may print a
setting the row was run with ("Eval": "Unsup.", "Sup." beside OPT's dialogue models). Both
qualify the row's method ("OPT-175B (Unsup.)", "T5-11B (Closed Book)"), never name it: glued
into the name they made "OPT-175B Unsup.", and carried down naively "Book RAG-Seq.".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from papergraph.core.canonical import known_type
from papergraph.core.model import EntityType, TableCell
from papergraph.ingest.extract.cycled_settings import cycled_settings

_METHOD_WORDS = (
    r"methods?|models?|approach(?:es)?|systems?|architectures?|networks?|name|baselines?"
)
#: The header of the column that names the methods ("Method", "Models", "System").
METHOD_COLUMN = re.compile(rf"^(?:{_METHOD_WORDS})$", re.IGNORECASE)
#: A header with a word of the method column's ("Outcome Model", "Method"): its rows name models.
_MODELS_HEADER = re.compile(rf"\b(?:{_METHOD_WORDS})\b", re.IGNORECASE)
#: A cell of marks only: a tick column ("X", "✓") names a setting by its header, not its cell.
_MARKS = re.compile(r"^[Xx✓✗✔✘×√-]?$")
_WORDS = re.compile(r"^[a-z.,+/ -]+$", re.IGNORECASE)  # "Unsup.", "semi-supervised"
_NAME_LIKE = re.compile(r"\d|[A-Z]\S*[A-Z]")  # "Res50", "Micro-Blocks", "WSJ": a name
_CODE = re.compile(r"^[A-Za-z][a-z]{1,2}$")  # a language's code: "en", "De", "kk"
#: The header of a column that names the row and nothing else ("Name", "Method", "Model").
NAME_COLUMN = re.compile(r"^(?:names?|methods?|models?|approach(?:es)?|systems?)$", re.I)
#: The header of a column that describes how a model is built ("Architectures": "Dense
#: Retr.+Transformer"; "Pre-training": "BERT"), an attribute of the row, not its name. (A
#: backbone or detector column stays part of the name: "DetectoRS ResNet-50" is how detection
#: papers name a model.)
ATTRIBUTE_COLUMN = re.compile(
    r"^(?:arch(?:itectures?|\.)?|pre-?train(?:ing|ed)?(?: (?:data|corpus|objective|on))?)$", re.I
)


@dataclass(frozen=True)
class RowLabel:
    """A body row's label: its name, what qualifies it, and the label as printed."""

    name: str
    qualifiers: tuple[str, ...] = ()
    printed: str = ""


Cells = dict[tuple[int, int], TableCell]


def row_labels(
    at: Cells, header_rows: list[int], rows: list[int], label_cols: int
) -> dict[int, RowLabel]:
    """The label of each row of `rows` (body rows with values), read from the label columns:
    a block label (`block_labels`) and setting columns (`setting_columns`) as qualifiers, the
    other columns' texts as the name."""
    blocks = block_labels(at, rows, label_cols)
    start = 1 if blocks or unplaced_labels(at, rows, label_cols) else 0
    at = centred_columns(at, rows, range(start + 1, label_cols))
    if pair_columns(at, rows, label_cols):  # "en" beside "fr": the pair en-fr
        pairs = {r: f"{_text(at, r, 0)}-{_text(at, r, 1)}" for r in rows}
        return {r: RowLabel(pair, (), pair) for r, pair in pairs.items()}
    settings = setting_columns(at, header_rows, rows, range(start, label_cols))
    ticks = tick_columns(at, header_rows, rows, range(start, label_cols))
    named = (any(_text(at, r, c) for c in range(start, label_cols) if c not in ticks) for r in rows)
    ticks = ticks if all(named) else {}  # a row of ticks only keeps them as its label
    attributes = attribute_columns(at, header_rows, rows, range(start, label_cols))
    if _MODELS_HEADER.search(_header(at, header_rows, label_cols - 1)):  # rows name models
        attributes |= category_columns(at, header_rows, rows, range(start, label_cols - 1))
    told = _telling_apart(at, rows, range(start, label_cols), attributes)
    headers = {c: _header(at, header_rows, c) for c in range(start + 1, label_cols)}
    cycled = cycled_settings(lambda r, c: _text(at, r, c), headers, rows, start)
    cycled = {c: by_row for c, by_row in cycled.items() if c not in {*settings, *ticks}}
    cycled = {c: r for c, r in cycled.items() if not METHOD_COLUMN.match(headers[c])}
    labels: dict[int, RowLabel] = {}
    for row in rows:
        texts = [(c, _text(at, row, c)) for c in range(start, label_cols)]
        left_out = {*settings, *ticks, *attributes, *cycled}
        name = " ".join(t for c, t in texts if t and c not in left_out)
        block = blocks.get(row, "")
        ticked = [header for c, header in ticks.items() if _text(at, row, c)]
        kept = [t for c, t in texts if c in settings or ((row, c) in told and c not in cycled)]
        kept += [by_row[row] for by_row in cycled.values()]  # "32" beside its block
        qualifiers = tuple(filter(None, [block, *kept, *ticked]))
        printed = " ".join(filter(None, [block, *(t for _, t in texts)]))
        labels[row] = RowLabel(name, qualifiers, printed)
    return labels


def attribute_columns(
    at: Cells, header_rows: list[int], rows: list[int], columns: range
) -> set[int]:
    """The label columns that describe the row's model rather than name it, where another label
    column is headed by a name word ("Name | Architectures | Pre-training": REALM's Table 1 row
    "Ours (X = Wikipedia, ...) | Dense Retr.+Transformer | REALM" names "Ours (X = ...)")."""
    headers = {c: _header(at, header_rows, c) for c in columns}
    if not any(NAME_COLUMN.match(header) for header in headers.values()):
        return set()
    return {c for c, header in headers.items() if ATTRIBUTE_COLUMN.match(header)}


def category_columns(
    at: Cells, header_rows: list[int], rows: list[int], columns: range
) -> set[int]:
    """The label columns left of a models' name column that sort the rows into kinds: under a header
    that names no method column ("Token Mixer", "Type"), words repeated down the column, none
    a name with a number or a known entity ("Attention", "Spatial MLP", "Pooling" beside
    PoolFormer's rows; "—" where a kind has none), beside names that are distinct without them.
    A kind printed once beside the middle of its block (a LaTeX multirow) stands beside each of
    its rows here only because `centred_columns` filled the block in first. A kind describes
    the row's model, never names it: glued in, it made "Pooling PoolFormer-S24"; it qualifies a
    name only where it tells two rows of that name apart. Where the names repeat ("S", "M", "L"
    under each "NewNet", "OldNet" family) the left column is part of them."""
    names = [_text(at, r, columns.stop) for r in rows if _text(at, r, columns.stop)]
    if len(set(names)) < len(names):
        return set()
    return set(_repeated_columns(at, header_rows, rows, columns, _kind_like))


def _kind_like(text: str) -> bool:
    """Whether a label cell reads as a kind of model: words without digits, no known method."""
    if any(c.isdigit() for c in text) or not re.match(r"^[\w .,&/—–-]+$", text):
        return False
    return known_type(text) is None


def _telling_apart(
    at: Cells, rows: list[int], columns: range, attributes: set[int]
) -> set[tuple[int, int]]:
    """The attribute cells that tell a row from another of the same name (two "T5" rows, one
    pre-trained "T5", one "T5 (Multitask)"): they qualify the name; the others are dropped."""
    names = {r: tuple(_text(at, r, c) for c in columns if c not in attributes) for r in rows}
    return {
        (row, col)
        for row in rows
        for col in attributes
        for other in rows
        if other != row
        and names[other] == names[row]
        and _text(at, other, col) != _text(at, row, col)
    }


def pair_columns(at: Cells, rows: list[int], label_cols: int) -> bool:
    """Whether the two label columns print a source and a target code ("Src" "Tgt": "en"
    beside "fr", "fr" beside "en"): short codes in every row, some on both sides, a pair
    per row, never one name and its setting."""
    if label_cols != 2 or not rows:
        return False
    sides = [[_text(at, r, c) for r in rows] for c in (0, 1)]
    codes = all(_CODE.match(text) for side in sides for text in side)
    return codes and bool(set(sides[0]) & set(sides[1]))


def block_labels(at: Cells, rows: list[int], label_cols: int) -> dict[int, str]:
    """The block label of each row, where the first of two or more label columns labels
    blocks: its text stands beside the first row and beside rows the next columns name, and
    is missing beside others. A label set on several lines, one per row ("Closed", "Book"), is
    one label over those rows (lines next to each other, a line repeating the last ending one:
    "Closed", "Book", "Open", "Book" are two); a one-line label covers the rows down to the
    next label."""
    if label_cols < 2:
        return {}
    named, filled, beside = _first_column(at, rows, label_cols)
    if filled and filled[0] != named[0] and beside:
        return _centred(at, named, filled, 0)
    if not filled or len(filled) == len(named) or not beside:
        return {}
    runs = [label for run in _runs(filled) for label in _labels(run, at)]
    if len({len(run) for run in runs}) > 1:  # labels of one line each, some blocks one row
        runs = [[r] for r in filled]
    return _covered(at, runs, named)


def unplaced_labels(at: Cells, rows: list[int], label_cols: int) -> bool:
    """Whether the first of two or more label columns prints block labels that cannot be
    placed: set beside a few rows only (one in two or fewer), never the first, centred beside
    blocks of different sizes ("Conv", "Hybrid", "Trans" under "Type" beside blocks of 2, 3, 2
    and 2 backbones, ConvNeXt V2's Table 5), so `block_labels` gives none. Such a label names
    no row: glued to the one row it stands beside it made "Conv ConvNeXt V2-H"."""
    if label_cols < 2 or block_labels(at, rows, label_cols):
        return False
    named, filled, beside = _first_column(at, rows, label_cols)
    return bool(filled) and filled[0] != named[0] and beside and 2 * len(filled) <= len(named)


def _first_column(at: Cells, rows: list[int], label_cols: int) -> tuple[list[int], list[int], bool]:
    """The rows the later label columns name, those of them the first column labels too, and
    whether it labels no row but those (never a label of its own)."""
    named = [r for r in rows if any(_text(at, r, c) for c in range(1, label_cols))]
    filled = [r for r in named if _text(at, r, 0)]
    beside = set(filled) == {r for r in rows if _text(at, r, 0)}
    return named, filled, beside


def _centred(at: Cells, named: list[int], filled: list[int], col: int) -> dict[int, str]:
    """Block labels each set centred beside its block in column `col` (a LaTeX multirow:
    "Prof." beside the middle of its "LMS", "SS", "ICAT" rows): blocks of one odd size, three
    rows or more, from the first named row to the last (the last block may lose rows below its
    label, a line the reader took for a caption's); a label then names every row of its
    block. One label alone is centred where as many rows stand above as below it."""
    middles = [named.index(row) for row in filled]
    sizes = {later - earlier for earlier, later in pairwise(middles)} or {2 * middles[0] + 1}
    size = sizes.pop() if len(sizes) == 1 else 0
    half = size // 2
    below = len(named) - 1 - middles[-1]  # rows under the last label
    if size < 3 or size % 2 == 0 or middles[0] != half or not 0 <= below <= half:
        return {}
    if len(middles) == 1 and below != half:
        return {}
    return {
        named[index]: _text(at, named[middle], col)
        for middle in middles
        for index in range(middle - half, min(middle + half + 1, len(named)))
    }


def centred_columns(at: Cells, rows: list[int], columns: range) -> Cells:
    """The cells with each label a later label column centres beside a block of rows
    ("RetinaNet" and "R-CNN" beside their three backbone rows, MicroNet's Table 8) set beside
    every row of its block: printed once, it names each of them; beside its middle row only,
    two detectors' rows of one backbone read as one model."""
    filled_at = dict(at)
    for col in columns:
        named = [r for r in rows if any(_text(at, r, c) for c in range(col))]
        filled = [r for r in named if _text(at, r, col)]
        if not filled or filled[0] == named[0]:
            continue
        if set(filled) != {r for r in rows if _text(at, r, col)}:
            continue
        for row, text in _centred(at, named, filled, col).items():
            if not _text(at, row, col):
                filled_at[(row, col)] = TableCell(row, col, text)
    return filled_at


def _covered(at: Cells, labels: list[list[int]], named: list[int]) -> dict[int, str]:
    """Each label's text by the rows it covers: a label of several lines its own rows, one of
    one line the named rows down to the next label."""
    blocks: dict[int, str] = {}
    for index, lines in enumerate(labels):
        end = labels[index + 1][0] if index + 1 < len(labels) else None
        below = [r for r in named if r >= lines[0] and (end is None or r < end)]
        text = _joined([_text(at, r, 0) for r in lines])
        blocks.update(dict.fromkeys(lines if len(lines) > 1 else below, text))
    return blocks


def setting_columns(
    at: Cells, header_rows: list[int], rows: list[int], columns: range
) -> list[int]:
    """The label columns after the first that print a setting the row was run with: under a
    header that is not the method column's ("Eval"), plain words repeated down the column
    ("Unsup.", "Sup."), none a name ("Res50", "FCMAE"), a known method or a mark ("X")."""
    return _repeated_columns(at, header_rows, rows, columns[1:], _setting_word)


def _repeated_columns(
    at: Cells, header_rows: list[int], rows: list[int], columns: range, kind: Callable[[str], bool]
) -> list[int]:
    """The columns of `columns` under a header naming no method column whose cells repeat
    some text down the column, every cell of the `kind` the caller asks for."""
    found: list[int] = []
    for col in columns:
        header = _header(at, header_rows, col)
        cells = [_text(at, r, col) for r in rows if _text(at, r, col)]
        if not header or METHOD_COLUMN.match(header) or NAME_COLUMN.match(header):
            continue
        if len(set(cells)) < len(cells) and all(map(kind, cells)):
            found.append(col)
    return found


def tick_columns(
    at: Cells, header_rows: list[int], rows: list[int], columns: range
) -> dict[int, str]:
    """The label columns after the first that print only ticks under a header ("DA",
    "Multi-Grid", "MS" beside "DANet-101"): column -> its header, the setting a tick there
    says the row was run with ("DANet-101 (DA, Multi-Grid)"), not a word of its name."""
    found: dict[int, str] = {}
    for col in list(columns)[1:]:
        header = _header(at, header_rows, col)
        cells = [_text(at, r, col) for r in rows if _text(at, r, col)]
        if header and cells and all(_MARKS.match(cell) and cell != "-" for cell in cells):
            found[col] = header
    return found


def _setting_word(text: str) -> bool:
    if _MARKS.match(text) or not _WORDS.match(text) or _NAME_LIKE.search(text):
        return False
    return known_type(text) is not EntityType.METHOD


def _runs(filled: list[int]) -> list[list[int]]:
    """The filled rows in runs of table lines next to each other, no other line between."""
    runs: list[list[int]] = []
    for row in filled:
        if runs and row == runs[-1][-1] + 1:
            runs[-1].append(row)
        else:
            runs.append([row])
    return runs


def _labels(run: list[int], at: Cells) -> list[list[int]]:
    """A run of lines as labels: where its last line ends earlier lines of it too ("Closed",
    "Book", "Open", "Book"), one label ends at each ("Closed Book", "Open Book")."""
    last = _text(at, run[-1], 0)
    labels: list[list[int]] = [[]]
    for row in run:
        labels[-1].append(row)
        if _text(at, row, 0) == last and row != run[-1]:
            labels.append([])
    return labels


def _joined(lines: list[str]) -> str:
    """A label's lines as one: a word broken at its hyphen is one word ("No-" "Attention")."""
    text = ""
    for line in lines:
        text += line if text.endswith("-") or not text else f" {line}"
    return text


def _header(at: Cells, header_rows: list[int], col: int) -> str:
    return " ".join(_text(at, r, col) for r in header_rows if _text(at, r, col))


def _text(at: Cells, row: int, col: int) -> str:
    cell = at.get((row, col))
    return " ".join(cell.text.split()) if cell is not None else ""
