"""The citing sentence of each reference: where the paper's text points at the entry.

Two marker styles cover the papers Papergraph reads: numbers in brackets ("[12]", "[3, 12]",
"[3–5]"), which name the entry by its number in the list (printed, else its position), and
author-year ("Vaswani et al., 2017", "Vaswani et al. (2017)", "Ba and Kiros 2016"), which
name it by the first author's family name and the year. The first sentence that cites an entry
becomes its `context`; chunks of the bibliography itself, front matter and figure text are
not read.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from papergraph.core.model import ChunkKind, Paper, Reference
from papergraph.ingest.chunking import split_sentences

_BRACKETS = re.compile(r"\[(\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*)\]")
_PRINTED_NUMBER = re.compile(r"^\s*(?:\[(\d{1,3})\]|(\d{1,3})\.\s)")
_NOT_READ = {ChunkKind.REFERENCES, ChunkKind.FRONT, ChunkKind.FIGURE}
_MAX_CONTEXT = 600


def attach_contexts(paper: Paper) -> None:
    """Set `context` and `context_chunk_id` on the references the paper's text cites."""
    if not paper.references:
        return
    numbers = _numbers(paper.references)
    for chunk in paper.chunks:
        if ChunkKind(chunk.kind) in _NOT_READ:
            continue
        for sentence in split_sentences(chunk.text):
            for reference in _cited_in(sentence, paper.references, numbers):
                if reference.context is None:
                    reference.context = sentence[:_MAX_CONTEXT]
                    reference.context_chunk_id = chunk.id


def _numbers(references: list[Reference]) -> dict[int, Reference]:
    """Entry number -> reference: the printed "[n]" where entries keep it, else the position."""
    printed = {
        int(match.group(1) or match.group(2)): ref
        for ref in references
        if (match := _PRINTED_NUMBER.match(ref.raw))
    }
    if not printed:  # author-year lists are not numbered: "[2]" in the text is something else
        return {} if _author_year_list(references) else dict(enumerate(references, start=1))
    if len(printed) >= len(references) // 2:
        return printed
    return dict(enumerate(references, start=1))


def _author_year_list(references: list[Reference]) -> bool:
    """ACL-style entries put the year right after the authors ("... Polosukhin. 2017. Title")."""
    after_authors = sum(
        1 for ref in references if re.search(r"\.\s(?:19|20)\d\d[a-z]?\.\s", ref.raw)
    )
    return after_authors * 2 > len(references)


def _cited_in(
    sentence: str, references: list[Reference], numbers: dict[int, Reference]
) -> Iterator[Reference]:
    if _looks_like_entry(sentence):
        return
    for match in _BRACKETS.finditer(sentence):
        for number in _expand(match.group(1)):
            if number in numbers:
                yield numbers[number]
    for reference in references:
        pattern = _author_year(reference)
        if pattern is not None and pattern.search(sentence):
            yield reference


def _expand(marker: str) -> Iterator[int]:
    """'3, 5–7' -> 3, 5, 6, 7 (ranges of at most 20)."""
    for part in re.split(r"\s*[,;]\s*", marker):
        bounds = [int(n) for n in re.split(r"\s*[–-]\s*", part) if n]
        if len(bounds) == 2 and 0 < bounds[1] - bounds[0] <= 20:
            yield from range(bounds[0], bounds[1] + 1)
        elif bounds:
            yield bounds[0]


def _author_year(reference: Reference) -> re.Pattern[str] | None:
    """'Vaswani et al., 2017' / 'Vaswani et al. (2017)' / 'Ba and Kiros 2016' for this entry."""
    if not reference.authors or reference.year is None:
        return None
    family = reference.authors[0].split()[-1].strip(".,")
    return _marker(family, reference.year) if len(family) >= 2 else None


@functools.lru_cache(maxsize=4096)
def _marker(family: str, year: int) -> re.Pattern[str]:
    return re.compile(
        rf"\b{re.escape(family)}(?:\s+et\s+al\.?|\s+(?:and|&)\s+[\w'’\-]+)?,?\s*\(?\s*"
        rf"{year}[a-z]?\b"
    )


def _looks_like_entry(sentence: str) -> bool:
    """A bibliography entry read as body text (today's PDF reader keeps some)."""
    return bool(_PRINTED_NUMBER.match(sentence)) or bool(
        re.match(r"^[A-Z][\w'’\-]+,\s+[A-Z]\.", sentence)
    )
