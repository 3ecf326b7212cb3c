"""Grids of numbers a paper captions as a figure ("Figure 4: ... comparison with previous state of
the art"), told from plots by their rows.

A table's row is a label, then values: "BN-Inception multicrop 224 144 1 21.99% 5.82%". The
reader may cut such a row at its column gaps into several lines (the labels' column, the values'
columns), so above a caption the lines of a region are put back together by their height on the
page first; under one each line is read alone (a legend level with another plot's ticks is no
row: pdf_blocks._figure_grid). A plot prints tick labels (numbers only: "0.7 10K 20K 30K"), a legend (words only) and axis titles,
never a line that opens with a name and goes on with two values or more. Above a caption the
region runs up to the prose, so a figure there must look a table throughout: no line of ticks
(a heatmap's colour bar), and most lines printing values (not a diagram's text around the two
lines of a bar chart's labels).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from papergraph.ingest.readers.pdf_layout import Line

#: A value as a table prints it: "88.0±1.1", "75.6", "21.99%", "4.9%*".
VALUE_WORD = re.compile(r"^[(+−-]?\d*\.\d+%?(?:±\d*\.?\d+)?[)*†‡∗]*$")
MIN_ROWS = 2  # value rows before a figure's region reads as a table
_TICK = re.compile(r"^[(+−-]?\d*\.?\d+[%KMk]?$")  # "0.4", "1.0", "20K": an axis's label


def value_rows(lines: Sequence[Line], joined: bool = True) -> int:
    """How many of the printed rows read as a table's row: a label, then two values or more
    ("GATv2 88.0±1.1 82.8±1.7"); lines at one height are one row, read left to right, where
    `joined`, else each line is a row."""
    texts = _printed_rows(lines) if joined else [line.main_text for line in lines]
    rows = [row.split() for row in texts]
    values = [sum(bool(VALUE_WORD.match(word)) for word in words) for words in rows]
    return sum(n >= 2 and words[0][:1].isalpha() for words, n in zip(rows, values, strict=True))


def grid_throughout(lines: Sequence[Line]) -> bool:
    """Whether the lines are a table's: MIN_ROWS value rows, no line of ticks alone, and at
    least half the printed rows holding a value."""
    rows = [row.split() for row in _printed_rows(lines)]
    ticks = any(words and all(_TICK.match(word) for word in words) for words in rows)
    valued = sum(any(VALUE_WORD.match(word) for word in words) for words in rows)
    return value_rows(lines) >= MIN_ROWS and not ticks and 2 * valued >= len(rows)


def _printed_rows(lines: Sequence[Line]) -> list[str]:
    """The lines' texts joined where they share a height (their middles within half a line)."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda line: (line.page, line.top)):
        middle = (line.top + line.bottom) / 2
        last = rows[-1][0] if rows else None
        half = (last.bottom - last.top) / 2 if last else 0.0
        if last and last.page == line.page and abs((last.top + last.bottom) / 2 - middle) < half:
            rows[-1].append(line)
        else:
            rows.append([line])
    return [" ".join(part.main_text for part in sorted(row, key=lambda p: p.x0)) for row in rows]
