"""Mathematical letters and digits ("𝐹", "𝑁", "𝟏"): plain where they spell a metric's name in a
caption or a table cell, left out everywhere else.

A caption or a table sets a metric in a formula's style ("micro 𝐹1" in FlashAttention's Table 5):
read plain, it is "micro F1"; left out, the caption read "micro 1". Formulas set variables
("𝑇𝑐 = ⌈𝑁/𝐵𝑐⌉"; RETRO's chunks "𝐶1" ... "𝐶5" and neighbours "[𝑁1, 𝐹1]" in its captions and
tables): read plain, their letters run into words no paper coined ("BNc", "LRetro", which the
tagger takes for methods) and numbered series ("C3", "C5" beside the C4 corpus, which then
reads as one of them), so they are left out, as the reader always did. A caption or a cell
whose formula words all name metrics sets a metric; one with any other formula word is a
formula.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from papergraph.core.canonical import known_type
from papergraph.core.model import ChunkKind, EntityType, Table
from papergraph.ingest.chunking import TextPart

#: Unicode's Mathematical Alphanumeric Symbols: bold, italic, script ... letters and digits.
_MATH = "\U0001d400-\U0001d7ff"
_MATH_CHAR = re.compile(f"[{_MATH}]")
#: A word printed in mathematical letters only ("𝐵𝑐"), with the space after it.
_MATH_WORD = re.compile(f"(?<!\\S)[{_MATH}]+(?: |(?!\\S))")
#: A word set (partly) in mathematical letters: "𝐹1", "𝐿Retro".
_FORMULA_WORD = re.compile(f"\\w*[{_MATH}]\\w*")
#: Where a table's text (its chunk) parts one cell from the next.
_CELL_BREAK = re.compile(r"( \| |\n)")


def unmathed(text: str) -> str:
    """`text` without its mathematical letters and digits (a word of them only, with its space)."""
    return _MATH_CHAR.sub("", _MATH_WORD.sub("", text))


def metric_read(text: str) -> str:
    """A caption's or a cell's text, its formula words read plain where all of them name metrics
    ("micro 𝐹1": micro F1), else left out (`unmathed`)."""
    words = [_plain(found.group()) for found in _FORMULA_WORD.finditer(text)]
    if words and all(known_type(word) is EntityType.METRIC for word in words):
        return _MATH_CHAR.sub(lambda found: _plain(found.group()), text)
    return unmathed(text)


def settled_part(part: TextPart) -> TextPart:
    """The part with its mathematical letters read as `metric_read` reads them in a caption or
    in each cell of a table, else left out."""
    if part.kind is ChunkKind.CAPTION:
        return replace(part, text=metric_read(part.text))
    if part.kind is ChunkKind.TABLE:
        pieces = _CELL_BREAK.split(part.text)
        return replace(part, text="".join(metric_read(piece) for piece in pieces))
    return replace(part, text=unmathed(part.text))


def settled_table(table: Table) -> Table:
    """The table with its caption and each cell read by `metric_read`."""
    cells = [replace(cell, text=metric_read(cell.text)) for cell in table.cells]
    return replace(table, caption=metric_read(table.caption), cells=cells)


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKC", text)
