"""What a paper writes a name it never lists as: its data, a phenomenon, or its own title.

The name patterns and the tagger type a capitalised or method-like phrase Method; the paper's
own writing says otherwise (read on the 39 shared PDFs and the pdfgold-dev tune split, issue 14):
- `written_as_data`: a corpus the paper names as one ("Table 8 | MassiveText dataset", "10 % of
  MassiveText", "trained on X") and never as a model ("the X model") is a Dataset;
- `phenomenon`: a thing the paper names as a phenomenon or sets out to lessen ("We refer to this
  phenomenon as internal covariate shift", "reduce the internal covariate shift", "suffer from
  X") is what a method acts on, no method;
- `title_only`: a phrase written only where the paper's title is printed (a running head:
  "Beyond Summarization: Designing AI Support for ...") names the paper, not a method;
- `figure_labels`: a phrase written only among a drawing's labels ("M1 M1 M2 M2 1: K91 Vbias
  R Ia M9", a circuit's parts read off a figure) is no name the paper writes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from papergraph.core.model import Entity, EntityType, Evidence, fold

#: "the X dataset", "Table 8 | X dataset": lower-case, as a sentence writes it (a table's header
#: "X Dataset" or a garbled list "Transf.+ X datasets" says nothing).
_DATA_AFTER = re.compile(
    r"^\s?(?:\([^()]{1,12}\)\s?)?(?:data\s?sets?|corpus|corpora|databases?|training\s+(?:data|sets?))\b"
)
_DATA_LED = re.compile(r"(?:^|\b(?:the|our|their|its|a|an|of|on|from|in|to)\s|[|:]\s)$")
_DATA_BEFORE = re.compile(
    r"(?:\d\s?%\s+of|(?:subset|portion|split)\s+of|(?:pre-?)?trained\s+on"
    r"|(?:data\s?sets?|corpora|databases)\s+(?:such\s+as|like))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_MODEL_AFTER = re.compile(
    r"^\s?(?:models?|networks?|architectures?|algorithms?|methods?|agents?|encoders?|decoders?)\b",
    re.IGNORECASE,
)
_LESSENED_BEFORE = re.compile(
    r"(?:\b(?:reduc\w*|reduction\s+(?:in|of)|mitigat\w*|alleviat\w*|eliminat\w*|combat\w*"
    r"|counteract\w*|suffer\w*\s+from|prone\s+to|phenomenon\s+(?:as|of|called|known\s+as))"
    r"|\bphenomenon,)\s+(?:the\s+|this\s+|such\s+|an?\s+)?$",
    re.IGNORECASE,
)
#: What may follow a lessened name: it ends the phrase ("reduce FINE annotation cost" lessens a cost).
_PHRASE_END = re.compile(
    r"^\s*(?:[^\w\s]|$|(?:and|or|in|on|of|by|is|are|was|were|may|can|allows?|at|during|with"
    r"|through|which|that|as)\b)"
)
_WINDOW = 60


def mention_window(text: str, start: int, end: int, width: int = _WINDOW) -> tuple[str, str] | None:
    """The `width` characters before a mention of `text[start:end]` (whitespace folded, a space
    after) and after it; None where the mention is not in `text`."""
    if not text[start:end]:
        return None
    before = " ".join(text[max(0, start - width) : start].split()) + " "
    return before, text[end : end + width]


def _around(texts: Mapping[str, str], entity: Entity) -> list[tuple[str, str]]:
    """The text before and after each mention of `entity` (whitespace folded before)."""
    windows = (mention_window(texts.get(e.chunk_id, ""), e.start, e.end) for e in entity.evidence)
    return [window for window in windows if window is not None]


def written_as_data(entity: Entity, texts: Mapping[str, str]) -> bool:
    """Whether the paper writes a Method with capitals as a corpus ("the X dataset", "10 % of
    X", "trained on X") and nowhere as a model ("the X model"): its data, not a method."""
    if entity.type is not EntityType.METHOD or entity.label == entity.label.lower():
        return False  # a corpus's proper name has capitals: "the random crop dataset augmentation"
    places = _around(texts, entity)
    data = any(
        (_DATA_AFTER.match(after) and _DATA_LED.search(before))
        or (_DATA_BEFORE.search(before) and _PHRASE_END.match(after))  # not "of the X gates"
        for before, after in places
    )
    return data and not any(_MODEL_AFTER.match(after) for _, after in places)


def phenomenon(entity: Entity, texts: Mapping[str, str]) -> bool:
    """Whether the paper names a Method as a phenomenon ("we refer to this phenomenon as X")
    or twice as what is to be lessened ("reduce the X", "suffer from X", "the reduction in X"):
    what a method acts on, no method."""
    if entity.type is not EntityType.METHOD:
        return False
    named = [
        before
        for before, after in _around(texts, entity)
        if _LESSENED_BEFORE.search(before) and _PHRASE_END.match(after)
    ]
    return any("phenomenon" in before.lower() for before in named) or len(named) >= 2


def title_only(entity: Entity, texts: Mapping[str, str], title: str) -> bool:
    """Whether every mention of a Method of several words is part of the paper's own title as
    printed in its text (a running head): the paper's name, no method. (A task or dataset the
    title names is what the paper is about: ingest/extract/solved.py reads the title so.)"""
    if entity.type is not EntityType.METHOD or " " not in entity.label.strip() or not title:
        return False
    printed = fold(title)  # letters and digits: a title printed across lines still matches
    return bool(entity.evidence) and all(
        _in_printed(texts, e, printed, len(title)) for e in entity.evidence
    )


def _in_printed(texts: Mapping[str, str], mention: Evidence, printed: str, width: int) -> bool:
    """Whether the mention lies inside a printing of the title (`printed`, folded)."""
    text = texts.get(mention.chunk_id, "")
    window = text[max(0, mention.start - width) : mention.end + width]
    return bool(text[mention.start : mention.end]) and printed in fold(window)


_LABEL = re.compile(r"(?:[A-Z][a-z]?\d{1,2}|\d+:\w*)")


def figure_labels(entity: Entity, texts: Mapping[str, str]) -> bool:
    """Whether every mention stands among a drawing's labels: four or more of the eight words
    before it are codes ("M1 M1 M2 M2 1:")."""
    places = _around(texts, entity)
    return bool(places) and all(
        sum(bool(_LABEL.fullmatch(word)) for word in before.split()[-8:]) >= 4
        for before, _ in places
    )
