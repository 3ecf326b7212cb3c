"""Cues for where a caption and its table end, that the block rules read beside their own.

A caption's lines may be set so tight that each line's box reaches into the one above it (a
journal's template printing 11-point type on 12.6-point lines in 15-point boxes): the next line
still runs on when its top lies below the middle of the line before it. And a section heading
set in small capitals ("F.2 ADDITIONAL EXPERIMENTS ON GPT-3", the ICLR template) is printed in a
smaller size than the body, so it is no heading by size; with a number and the numbered
section's digit it looks like a table row, though no grid prints a numbered line of capitals
alone.
"""

from __future__ import annotations

import re

from papergraph.ingest.readers.pdf_cues import VALUE, cell_parts
from papergraph.ingest.readers.pdf_layout import Line

#: A section's number ("3", "4.2", "F.2", "B") and a word after it.
_NUMBERED = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*|[A-Z](?:\.\d{1,2})*)\.?\s+(?P<rest>\S.*)$")


def next_line_below(previous: Line, line: Line) -> bool:
    """Whether `line` is the line under `previous` though their boxes overlap: its top lies
    below the middle of the line before it (two baselines, not one line's parts)."""
    return line.top - previous.top > 0.6 * (previous.bottom - previous.top)


def capitals_heading(lines: list[Line]) -> bool:
    """Whether the lines are one numbered line of capitals, as a small-caps section heading
    prints it: two or more words of letters, every letter upper case, no number after the
    section's own and no gap a table row's cells leave but the one after that number."""
    if len(lines) != 1:
        return False
    line = lines[0]
    numbered = _NUMBERED.match(line.main_text.strip())
    parts = cell_parts(line)
    if numbered is None or len(parts) > 2 or (len(parts) == 2 and len(parts[0]) > 1):
        return False  # the number may stand a quad apart from the heading's words
    rest = numbered.group("rest").split()
    lettered = [word for word in rest if any(c.isalpha() for c in word)]
    capitals = all(c.isupper() for word in rest for c in word if c.isalpha())
    return len(lettered) >= 2 and capitals and not any(VALUE.match(word) for word in rest)
