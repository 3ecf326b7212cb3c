"""Row labels set on two lines beside one line of values, put back into their row.

A label too long for its column is often broken over two lines with the row's values centred
between them (PaLM's Table 16: "PaLM 540B" above and "(finetuned)" below "75.0 83.2 ... 80.0").
Read line by line, that is three rows: a label with no values, values with no label, and a
label with no values, so the values' row names no method and the two halves name rows of
none. The two halves go back to the values' row as one label: "PaLM 540B (finetuned)".
"""

from __future__ import annotations

import re
from statistics import median

from papergraph.ingest.readers.pdf_layout import Word

#: A cell printing a number (a value), as opposed to a label's words.
_NUMERIC = re.compile(r"\d")
#: A cell marking a value not reported ("-", "–", "n/a").
_MISSING = re.compile(r"^(?:[-–—]+|n/?a)$", re.IGNORECASE)

#: How far the values' middle may sit from the middle of the label's two lines, in line heights.
CENTRED = 0.3
#: How far apart the label's two lines may be, in line heights (adjacent lines of one label).
ADJACENT = 2.6

Cell = list[Word]
Row = list[Cell]


def join_wrapped_labels(rows: list[Row]) -> list[Row]:
    """`rows` (top to bottom, each a list of cells) with each label broken over the lines above
    and below its values' row joined into that row as its first cell."""
    joined: list[Row] = []
    index = 0
    while index < len(rows):
        if index + 2 < len(rows) and _wrapped(rows[index], rows[index + 1], rows[index + 2]):
            above, values, below = rows[index : index + 3]
            joined.append([[*above[0], *below[0]], *values])
            index += 3
        else:
            joined.append(rows[index])
            index += 1
    return joined


def _wrapped(above: Row, values: Row, below: Row) -> bool:
    """Whether `above` and `below` are the two lines of one label left of `values`, a row of
    values with no label of its own, set centred between them."""
    if len(above) != 1 or len(below) != 1 or not _label_less(values):
        return False
    if not (_label(above[0]) and _label(below[0])):
        return False
    first = min(word.x0 for word in values[0])
    if max(word.x1 for word in [*above[0], *below[0]]) > first:
        return False
    height = median(word.bottom - word.top for cell in values for word in cell)
    top, middle, bottom = _middle(above[0]), _middle(values[0]), _middle(below[0])
    centred = abs(middle - (top + bottom) / 2) <= CENTRED * height
    return top < middle < bottom and centred and bottom - top <= ADJACENT * height


def _label_less(row: Row) -> bool:
    """Whether `row` is values only: its first cell prints a number and every other one a
    number or a dash for one not reported."""
    texts = [word_text(cell) for cell in row]
    numbers = [bool(_NUMERIC.search(text)) or bool(_MISSING.match(text)) for text in texts]
    return len(row) >= 2 and bool(_NUMERIC.search(texts[0])) and all(numbers)


def _label(cell: Cell) -> bool:
    """Whether a cell holds words and no number: a label's line ("PaLM 540B" prints a size,
    so a number inside a word counts as the label's)."""
    text = word_text(cell)
    return any(c.isalpha() for c in text) and not all(_NUMERIC.search(w.text) for w in cell)


def word_text(cell: Cell) -> str:
    return " ".join(word.text for word in cell)


def _middle(cell: Cell) -> float:
    return median((word.top + word.bottom) / 2 for word in cell)
