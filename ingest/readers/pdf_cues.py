"""What a laid-out line reads as, for the reader's block and footnote rules: a caption's
opening ("Figure 3:", "Table 2."), and the parts a table row's cells leave (words further
apart than a stretched space), one of them a number."""

from __future__ import annotations

import re

from papergraph.ingest.readers.pdf_layout import Line

CAPTION = re.compile(
    r"^\s*(Figure|Fig\.|Table|Tab\.)\s*(\d+|[A-Z]\d*|[IVX]+)\s*([:.|]|$)", re.IGNORECASE
)
VALUE = re.compile(r"^[(+\-−±]?\d[\d.,/%± ]*[)*†‡∗]*$")


def cell_parts(line: Line) -> list[list[str]]:
    """The line's words in runs split where they stand further apart than a stretched space."""
    parts: list[list[str]] = [[]]
    words = line.main_words
    for index, word in enumerate(words):
        if index and word.x0 - words[index - 1].x1 >= 1.2 * line.size:
            parts.append([])
        parts[-1].append(word.text)
    return parts


def has_value_cell(parts: list[list[str]]) -> bool:
    """Whether one of the parts is a number, as a value cell prints it."""
    return any(VALUE.match(" ".join(part)) for part in parts)


def spaced(line: Line) -> bool:
    """Whether most of the line's words stand a column's gap apart (three quarters of its size
    or more, at least three times) and most are names, not lower-case words: a table's header
    line of names set over their columns ("Epochs ImageNet ImageNet ReaL CIFAR-10 ..."), not a
    short line of prose stretched across a narrow column ("Separator refers to the model")."""
    words = line.main_words
    gaps = [b.x0 - a.x1 for a, b in zip(words, words[1:], strict=False)]
    wide = sum(gap >= 0.75 * line.size for gap in gaps)
    lower = sum(word.text[:1].islower() for word in words)
    return wide >= 3 and 2 * wide >= len(gaps) and 2 * lower < len(words)


def same_type(line: Line, previous: Line, caption: bool) -> bool:
    """Whether the line is set in the previous line's type. A caption's line that opens in it
    runs on though most of its characters are set smaller: a link in a code font (FiD's "the
    hidden test set (right), competitions.codalab.org/...", whose first line says "(left), and
    on")."""
    if abs(line.size - previous.size) < 0.6:
        return True
    return caption and abs(line.words[0].size - previous.size) < 0.6
