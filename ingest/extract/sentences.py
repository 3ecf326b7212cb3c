"""The sentence around a mention in a chunk's text, found one way wherever a rule reads it
(ingest/extract/set_aside.py: a verb setting the name aside before it; unmeasured.py: a measured
value beside a metric; section_datasets.py: a dataset called data).

A sentence ends at a full stop, question or exclamation mark followed by space and a capital or
an opening bracket ("... on ImageNet. (Table 2 ...)"); a decimal point ("0.81"), and an
abbreviation before a lower-case word ("et al. show"), and "et al." before its citation
("Ziegler et al. [35] shows"), end none. A table caption's sentences are
read apart (ingest/extract/table_rows.py), and so are the role cues' (roles.py: a heading or a
blank line also ends theirs, within a window) and a result sentence's (results.py, which keeps a
number's decimal point inside one sentence whatever follows it)."""

from __future__ import annotations

import re

#: Not between "et al." and its citation ("Ziegler et al. [35] shows", "Luan et al. (2018)").
SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\bet al\.)\s+(?=[A-Z(\[])|(?<=\bet al\.)\s+(?=[A-Z])")


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The offsets of the sentence of `text` holding the span `start`..`end`: from its first
    character (the spaces before it left out) to its closing mark, or the text's end. A mention
    opening a sentence is that sentence's ("... entity linking. CNN/DM is ..."): the end before
    it is seen in the whole text, not in the text cut at the mention."""
    begin, finish = 0, len(text)
    for found in SENTENCE_END.finditer(text):
        if found.end() <= start:
            begin = found.end()
        elif found.start() >= end:
            finish = found.start()
            break
    return begin, finish


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of `text` that holds the span `start`..`end`."""
    begin, finish = sentence_span(text, start, end)
    return text[begin:finish]


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`, in order."""
    return SENTENCE_END.split(text)


#: A table caption's label ("Table 3:", "Table A.2 |"), left out of what the caption says.
CAPTION_LABEL = re.compile(r"^\s*Table\s*[A-Z]?[\dIVX]+[a-z]?\s*[:.|]?\s*", re.IGNORECASE)
#: Where a caption's sentence ends ("... on QQP 140K. Numbers are ...").
CAPTION_SENTENCE_END = re.compile(r"(?<=[\w)])\.\s+(?=[A-Z(])")


def first_sentence(caption: str) -> str:
    """What the caption says first, its label left out: its dataset there is the table's
    ("... on QQP 140K."), not one a later sentence cites ("... proposed by Kumar et al.")."""
    return CAPTION_SENTENCE_END.split(CAPTION_LABEL.sub("", caption), maxsplit=1)[0]
