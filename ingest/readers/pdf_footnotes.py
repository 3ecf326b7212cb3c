"""Footnotes: the run of smaller lines at the foot of a column that opens with a footnote mark
(a raised number or symbol, or a mark before the text), told apart from a table's last rows,
which can look alike when set small low on a page and opening in lower case (PaLM's Table 37
'vitaminc fact verification', RWKV's Table 4 'acc_norm acc acc em acc')."""

from __future__ import annotations

import re

from papergraph.ingest.readers.pdf_cues import CAPTION, cell_parts, has_value_cell
from papergraph.ingest.readers.pdf_layout import Line, PageLayout

_MARKER = re.compile(r"^(?:[\d*∗†‡§¶⋆♠♣♦♥]{1,2}|[a-z])\s*[A-Za-z(<]")


def footnotes(lines: list[Line], page: PageLayout, size: float) -> set[int]:
    """Per column, the run of smaller lines at the foot that opens with a footnote mark. A
    footnote is set under every float of its page: a run line with a caption under it (a
    table's last rows beside or above a caption printed below them) is no footnote, nor is a
    line whose words part like a table row's cells."""
    runs = [_foot_run(lines, column, page, size) for column in {line.column for line in lines}]
    captions = [line for line in lines if CAPTION.match(line.text)]
    for run in runs:
        above = [line for line in run if _caption_under(line, captions)]
        if above:
            run[: run.index(above[-1]) + 1] = []
        while run and (not _opens_footnote(run[0]) or _ends_caption(run[0], lines, captions)):
            run.pop(0)
    return {id(line) for run in runs for line in run}


def _foot_run(lines: list[Line], column: int, page: PageLayout, size: float) -> list[Line]:
    """The smaller lines at the foot of one column, from the first that opens a footnote."""
    own = sorted((line for line in lines if line.column == column), key=lambda line: line.top)
    run: list[Line] = []
    for line in reversed(own):
        if line.size > size - 0.4 or line.top < 0.45 * page.height:
            break
        run.insert(0, line)
    while run and not _opens_footnote(run[0]):
        run.pop(0)
    return run


def _caption_under(line: Line, captions: list[Line]) -> bool:
    """Whether a figure's or table's caption stands under the line, across its width."""
    return any(
        caption.top > line.bottom and caption.x1 > line.x0 and caption.x0 < line.x1
        for caption in captions
    )


def _ends_caption(line: Line, lines: list[Line], captions: list[Line]) -> bool:
    """Whether the line is the last of a caption's: under a caption's lines, a line's spacing
    apart, in their size, starting where they start (RWKV's Table 4 caption ends in 'models',
    set in the left column's width)."""
    above = [other for other in lines if other.bottom <= line.top and other.x0 < line.x1]
    if not above:
        return False
    previous = max(above, key=lambda other: other.bottom)
    chain = [previous]
    while chain[-1] not in captions:
        higher = [o for o in lines if o.bottom <= chain[-1].top and _spaced(o, chain[-1])]
        if not higher or len(chain) > 6:
            return False
        chain.append(max(higher, key=lambda other: other.bottom))
    return _spaced(previous, line)


def _spaced(upper: Line, lower: Line) -> bool:
    """Lines of one paragraph: the same size and left edge, a line's spacing apart."""
    gap = lower.top - upper.bottom
    return (
        abs(upper.size - lower.size) < 0.3
        and abs(upper.x0 - lower.x0) < 2
        and -2 < gap < 0.7 * upper.size
    )


def _opens_footnote(line: Line) -> bool:
    """A raised mark, or a mark (a digit, a symbol, a lower-case letter) before the text; never
    a caption, nor a row of values. The lower-case opening also keeps reference and figure
    lines set small at the foot out of the body text, so it stays."""
    first = line.words[0]
    raised = first.size < 0.85 * line.size
    text = line.text.strip()
    if CAPTION.match(text) or (not raised and _reads_as_cells(line)):
        return False
    return raised or bool(_MARKER.match(text))


def _reads_as_cells(line: Line) -> bool:
    """Whether the line reads as a table's row of values: parts set apart, one a number (a
    justified footnote's stretched spaces part words, not a number standing alone)."""
    parts = cell_parts(line)
    return len(parts) > 1 and has_value_cell(parts)
