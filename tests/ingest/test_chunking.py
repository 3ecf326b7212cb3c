"""Sentence-aware, token-bounded, overlapping and linked chunks."""

from __future__ import annotations

import itertools

import pytest

from papergraph.ingest.chunking import approximate_token_count, chunk_text

SENTENCES = " ".join(
    f"Sentence {n} says that attention layers mix information across tokens." for n in range(60)
)


def test_chunks_stay_within_the_token_bound() -> None:
    chunks = chunk_text("p", SENTENCES, max_tokens=50, overlap=10)
    assert len(chunks) > 5
    assert all(approximate_token_count(chunk.text) <= 50 for chunk in chunks)


def test_chunks_are_numbered_and_linked() -> None:
    chunks = chunk_text("paper-1", SENTENCES, max_tokens=50, overlap=10)
    assert [c.id for c in chunks] == [f"paper-1#{n}" for n in range(len(chunks))]
    assert [c.seq for c in chunks] == list(range(len(chunks)))
    assert chunks[0].prev_id is None and chunks[-1].next_id is None
    for before, after in itertools.pairwise(chunks):
        assert before.next_id == after.id and after.prev_id == before.id
    assert all(c.paper_id == "paper-1" for c in chunks)


def test_consecutive_chunks_share_the_overlap() -> None:
    chunks = chunk_text("p", SENTENCES, max_tokens=50, overlap=10)
    for before, after in itertools.pairwise(chunks):
        shared = after.text.split(" Sentence ")[0]
        assert before.text.endswith(shared)
        assert 0 < approximate_token_count(shared) <= 10


def test_chunks_end_at_sentence_boundaries_when_sentences_fit() -> None:
    chunks = chunk_text("p", SENTENCES, max_tokens=50, overlap=0)
    assert all(chunk.text.endswith("tokens.") for chunk in chunks)
    assert " ".join(c.text for c in chunks) == SENTENCES


def test_a_sentence_longer_than_a_chunk_is_split_by_words() -> None:
    long_sentence = " ".join(["transformer"] * 300) + "."
    chunks = chunk_text("p", long_sentence, max_tokens=40, overlap=5)
    assert len(chunks) > 5
    assert all(approximate_token_count(c.text) <= 40 for c in chunks)


def test_custom_token_counter_is_used() -> None:
    def words(text: str) -> int:
        return len(text.split())

    chunks = chunk_text("p", SENTENCES, max_tokens=25, overlap=0, count_tokens=words)
    assert all(len(c.text.split()) <= 25 for c in chunks)


def test_empty_text_gives_no_chunks() -> None:
    assert chunk_text("p", "", max_tokens=50, overlap=10) == []
    assert chunk_text("p", "  \n\n ", max_tokens=50, overlap=10) == []


def test_overlap_must_be_smaller_than_a_chunk() -> None:
    with pytest.raises(ValueError):
        chunk_text("p", SENTENCES, max_tokens=20, overlap=20)


def test_approximate_count_is_close_to_wordpiece() -> None:
    assert approximate_token_count("Attention is all you need.") == 6
    assert approximate_token_count("") == 0


def test_chunk_parts_never_mix_kinds_and_keep_pages_and_anchors() -> None:
    from papergraph.core.model import ChunkKind
    from papergraph.ingest.chunking import TextPart, chunk_parts

    parts = [
        TextPart("An abstract sentence here.", ChunkKind.ABSTRACT, "Abstract", [1]),
        TextPart("Body on page one. " * 3, ChunkKind.BODY, "1 Intro", [1]),
        TextPart("Body on page two. " * 3, ChunkKind.BODY, "1 Intro", [2]),
        TextPart("A | 1\nB | 2", ChunkKind.TABLE, "1 Intro", [2], key="t", anchor="t", rows=True),
    ]
    chunks, anchors = chunk_parts("p", parts, max_tokens=20, overlap=2)
    assert chunks[0].kind == ChunkKind.ABSTRACT and chunks[0].pages == [1]
    body = [c for c in chunks if c.kind == ChunkKind.BODY]
    for chunk in body:  # a chunk's pages are those its sentences come from
        assert (1 in chunk.pages) == ("page one" in chunk.text), chunk
        assert (2 in chunk.pages) == ("page two" in chunk.text), chunk
    assert all("Abstract" not in c.text for c in body)
    table = next(c for c in chunks if c.id == anchors["t"])
    assert table.kind == ChunkKind.TABLE and table.text == "A | 1\nB | 2"
    assert [c.seq for c in chunks] == list(range(len(chunks)))
    assert chunks[1].prev_id == chunks[0].id and chunks[-1].next_id is None
