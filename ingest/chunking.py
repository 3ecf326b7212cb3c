"""Cut repaired text into overlapping, token-bounded chunks that end at sentence boundaries.

Chunks are what the embedder sees, so their size is measured in the embedder's tokens: the
pipeline passes the model tokenizer's counter, and a cheap approximation of WordPiece counts
stands in when it does not (tests, demos). Consecutive chunks share `overlap` tokens so a fact
cut by a boundary is still whole in one of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from papergraph.core.model import Chunk, ChunkKind

TokenCounter = Callable[[str], int]

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n\s*\n")
_APPROX_TOKEN = re.compile(r"[A-Za-z]+|\d+|[^\w\s]|\w+")


def approximate_token_count(text: str) -> int:
    """About as many tokens as a BERT WordPiece tokenizer gives; additive over words.

    Long words split into several word pieces, numbers into groups of digits, and every
    punctuation mark is a token of its own.
    """
    total = 0
    for match in _APPROX_TOKEN.finditer(text):
        piece = match.group()
        if piece.isdigit():
            total += 1 + (len(piece) - 1) // 3
        elif piece.isalpha():
            total += 1 + max(0, len(piece) - 7) // 4
        else:
            total += 1
    return total


def chunk_text(
    paper_id: str,
    text: str,
    *,
    max_tokens: int,
    overlap: int,
    count_tokens: TokenCounter | None = None,
) -> list[Chunk]:
    """Chunks of at most `max_tokens` tokens, in order and linked, ids "<paper_id>#<seq>"."""
    if overlap >= max_tokens:
        raise ValueError(f"overlap ({overlap}) must be smaller than max_tokens ({max_tokens})")
    count = count_tokens or approximate_token_count
    pieces = [p for s in split_sentences(text) for p in _fit(s, max_tokens, count)]
    texts = _pack(pieces, max_tokens, overlap, count)
    return _link(paper_id, texts)


def split_sentences(text: str) -> list[str]:
    """Sentences (and paragraphs), stripped; a cheap splitter that is right often enough."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def _fit(sentence: str, max_tokens: int, count: TokenCounter) -> list[str]:
    """The sentence itself, or word runs of it when it alone is longer than a chunk."""
    if count(sentence) <= max_tokens:
        return [sentence]
    runs: list[list[str]] = [[]]
    for word in (w for token in sentence.split() for w in _split_word(token, max_tokens, count)):
        if runs[-1] and count(" ".join([*runs[-1], word])) > max_tokens:
            runs.append([])
        runs[-1].append(word)
    return [" ".join(run) for run in runs if run]


def _split_word(word: str, max_tokens: int, count: TokenCounter) -> list[str]:
    """A single 'word' longer than a chunk (a URL, a formula) cut into slices that fit."""
    if count(word) <= max_tokens:
        return [word]
    half = len(word) // 2
    return _split_word(word[:half], max_tokens, count) + _split_word(word[half:], max_tokens, count)


def _pack(pieces: list[str], max_tokens: int, overlap: int, count: TokenCounter) -> list[str]:
    """Greedily fill chunks with whole pieces; each new chunk opens with the last one's tail."""
    chunks: list[str] = []
    current: list[str] = []
    for piece in pieces:
        if current and count(" ".join([*current, piece])) > max_tokens:
            chunks.append(" ".join(current))
            room = min(overlap, max_tokens - count(piece))
            current = [_tail(chunks[-1], room, count)] if room > 0 else []
            current = [c for c in current if c]
        current.append(piece)
    if current:
        chunks.append(" ".join(current))
    return chunks


def _tail(text: str, budget: int, count: TokenCounter) -> str:
    """The longest run of whole words ending `text` that fits in `budget` tokens."""
    words = text.split()
    start = len(words)
    while start > 0 and count(" ".join(words[start - 1 :])) <= budget:
        start -= 1
    return " ".join(words[start:])


def _link(paper_id: str, texts: list[str]) -> list[Chunk]:
    ids = [f"{paper_id}#{seq}" for seq in range(len(texts))]
    return [
        Chunk(
            id=ids[seq],
            paper_id=paper_id,
            seq=seq,
            text=body,
            prev_id=ids[seq - 1] if seq else None,
            next_id=ids[seq + 1] if seq + 1 < len(texts) else None,
        )
        for seq, body in enumerate(texts)
    ]


@dataclass
class TextPart:
    """A run of a paper's text of one kind under one heading, with the pages it comes from.

    Consecutive parts with the same `key` are chunked together; `anchor` names a part whose
    first chunk's id the caller wants back (a table's chunk)."""

    text: str
    kind: ChunkKind
    section: str | None
    pages: list[int]
    key: str = ""
    anchor: str | None = None
    rows: bool = False  # a table: cut at lines, never inside one


def chunk_parts(
    paper_id: str,
    parts: list[TextPart],
    *,
    max_tokens: int,
    overlap: int,
    count_tokens: TokenCounter | None = None,
) -> tuple[list[Chunk], dict[str, str]]:
    """Chunks that never mix kinds or sections, each with its kind, section and pages; and
    the id of each anchored part's first chunk."""
    if overlap >= max_tokens:
        raise ValueError(f"overlap ({overlap}) must be smaller than max_tokens ({max_tokens})")
    count = count_tokens or approximate_token_count
    chunks: list[Chunk] = []
    anchors: dict[str, str] = {}
    for group in _groups(parts):
        pieces = [
            (piece, part.pages)
            for part in group
            for sentence in (part.text.split("\n") if part.rows else split_sentences(part.text))
            for piece in _fit(sentence, max_tokens, count)
        ]
        joiner = "\n" if group[0].rows else " "
        start = len(chunks)
        for text, pages in _pack_pages(pieces, max_tokens, overlap, count, joiner):
            seq = len(chunks)
            chunk = Chunk(
                id=f"{paper_id}#{seq}",
                paper_id=paper_id,
                seq=seq,
                text=text,
                section=group[0].section,
                kind=group[0].kind,
                pages=pages,
            )
            chunks.append(chunk)
        anchor = next((part.anchor for part in group if part.anchor), None)
        if anchor and len(chunks) > start:
            anchors[anchor] = chunks[start].id
    for seq, chunk in enumerate(chunks):
        chunk.prev_id = chunks[seq - 1].id if seq else None
        chunk.next_id = chunks[seq + 1].id if seq + 1 < len(chunks) else None
    return chunks, anchors


def _groups(parts: list[TextPart]) -> list[list[TextPart]]:
    groups: list[list[TextPart]] = []
    for part in parts:
        if not part.text.strip():
            continue
        key = (part.kind, part.section, part.key)
        if groups and (groups[-1][0].kind, groups[-1][0].section, groups[-1][0].key) == key:
            groups[-1].append(part)
        else:
            groups.append([part])
    return groups


def _pack_pages(
    pieces: list[tuple[str, list[int]]],
    max_tokens: int,
    overlap: int,
    count: TokenCounter,
    joiner: str,
) -> list[tuple[str, list[int]]]:
    """`_pack`, keeping the pages of the pieces each chunk holds."""
    chunks: list[tuple[str, list[int]]] = []
    current: list[str] = []
    pages: set[int] = set()
    total = 0  # tokens in `current`, counted piece by piece
    for piece, piece_pages in pieces:
        tokens = count(piece)
        if current and total + tokens > max_tokens:
            chunks.append((joiner.join(current), sorted(pages)))
            room = min(overlap, max_tokens - tokens)
            tail = _tail(chunks[-1][0], room, count) if room > 0 else ""
            current = [tail] if tail and joiner == " " else []
            total = count(tail) if current else 0
            pages = set(chunks[-1][1][-1:]) if current else set()
        current.append(piece)
        total += tokens
        pages.update(piece_pages)
    if current:
        chunks.append((joiner.join(current), sorted(pages)))
    return chunks


def chunk_sections(
    paper_id: str,
    parts: Sequence[tuple[ChunkKind, str | None, str]],
    *,
    max_tokens: int,
    overlap: int,
    count_tokens: TokenCounter | None = None,
) -> list[Chunk]:
    """Chunks of a paper read in (kind, section heading, text) parts, without pages: each part
    is chunked on its own, so no chunk spans two kinds or sections."""
    text_parts = [
        TextPart(text=text, kind=kind, section=section, pages=[], key=str(number))
        for number, (kind, section, text) in enumerate(parts)
    ]
    chunks, _ = chunk_parts(
        paper_id, text_parts, max_tokens=max_tokens, overlap=overlap, count_tokens=count_tokens
    )
    return chunks
