"""Cut repaired text into overlapping, token-bounded chunks that end at sentence boundaries.

Chunks are what the embedder sees, so their size is measured in the embedder's tokens: the
pipeline passes the model tokenizer's counter, and a cheap approximation of WordPiece counts
stands in when it does not (tests, demos). Consecutive chunks share `overlap` tokens so a fact
cut by a boundary is still whole in one of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from core.model import Chunk, ChunkKind

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


def chunk_parts(
    paper_id: str,
    parts: Sequence[tuple[ChunkKind, str | None, str]],
    *,
    max_tokens: int,
    overlap: int,
    count_tokens: TokenCounter | None = None,
) -> list[Chunk]:
    """Chunks of a paper read in parts (kind, section heading, text): each part is chunked on
    its own, so no chunk spans two kinds or sections, and the chunks are numbered and linked
    as one sequence."""
    placed: list[tuple[ChunkKind, str | None, str]] = []
    for kind, section, text in parts:
        for chunk in chunk_text(
            paper_id, text, max_tokens=max_tokens, overlap=overlap, count_tokens=count_tokens
        ):
            placed.append((kind, section, chunk.text))
    chunks = _link(paper_id, [text for _, _, text in placed])
    for chunk, (kind, section, _) in zip(chunks, placed, strict=True):
        chunk.kind, chunk.section = kind, section
    return chunks
