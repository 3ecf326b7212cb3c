"""BM25 keyword search: ranking, user text that is not query syntax, removal, persistence."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from papergraph.index.keyword import KeywordIndex

ROWS = [
    (1, "paper-a", "We train transformers on large text corpora for translation."),
    (2, "paper-a", "Our ablation removes the attention heads one at a time."),
    (3, "paper-b", "Graph neural networks propagate messages between nodes."),
    (4, "paper-c", "Sourdough bread needs a long fermentation."),
]


@pytest.fixture
def keyword_index(tmp_path: Path) -> KeywordIndex:
    index = KeywordIndex(tmp_path / "keyword")
    index.add(ROWS)
    return index


def test_query_term_ranks_its_chunk_first(keyword_index: KeywordIndex) -> None:
    assert len(keyword_index) == 4
    assert keyword_index.search("fermentation", 10)[0][0] == 4
    hits = keyword_index.search("graph messages", 10)
    assert hits[0][0] == 3 and hits[0][1] > 0


def test_query_is_stemmed_like_the_text(keyword_index: KeywordIndex) -> None:
    assert keyword_index.search("network", 10)[0][0] == 3  # text says "networks"
    assert keyword_index.search("TRANSFORMER", 10)[0][0] == 1


def test_terms_are_or_ed_and_k_limits(keyword_index: KeywordIndex) -> None:
    hits = keyword_index.search("attention bread unrelatedword", 10)
    assert {rowid for rowid, _ in hits} == {2, 4}
    assert len(keyword_index.search("attention bread", 1)) == 1
    assert keyword_index.search("attention", 0) == []


@pytest.mark.parametrize(
    "query",
    [
        '"attention',
        "attention:",
        "title:attention",
        "(attention",
        "attention)",
        "*",
        "atten*",
        "attention AND",
        "OR",
        "-attention",
        "+attention^2",
        "[1 TO",
        "~",
        "\\",
        "'",
        "{}",
        "",
        "   ",
        "héads ünïcode 注意",
        "a" * 500,
    ],
)
def test_odd_query_text_never_raises(keyword_index: KeywordIndex, query: str) -> None:
    hits = keyword_index.search(query, 5)
    assert isinstance(hits, list)
    if "attention" in query:
        assert hits[0][0] == 2


def test_remove_paper_drops_only_its_chunks(keyword_index: KeywordIndex) -> None:
    keyword_index.remove_paper("paper-a")
    assert len(keyword_index) == 2
    assert keyword_index.search("attention transformers", 10) == []
    assert keyword_index.search("graph", 10)[0][0] == 3


def test_adding_a_rowid_again_replaces_it(keyword_index: KeywordIndex) -> None:
    keyword_index.add([(4, "paper-c", "Rye crackers.")])
    assert len(keyword_index) == 4
    assert keyword_index.search("sourdough", 10) == []
    assert keyword_index.search("crackers", 10)[0][0] == 4


def test_index_persists_across_reopen(tmp_path: Path) -> None:
    with KeywordIndex(tmp_path / "keyword") as index:
        index.add(ROWS)
        index.remove([2])
    reopened = KeywordIndex(tmp_path / "keyword")
    assert len(reopened) == 3
    assert reopened.search("graph", 3)[0][0] == 3
    assert reopened.search("attention", 3) == []
    reopened.add([(5, "paper-d", "Attention again.")])
    assert reopened.search("attention", 3)[0][0] == 5


def test_a_failed_add_commits_nothing(keyword_index: KeywordIndex) -> None:
    def rows_that_fail_halfway() -> Iterator[tuple[int, str, str]]:
        yield (10, "paper-x", "Half a batch.")
        raise RuntimeError("the reader failed")

    with pytest.raises(RuntimeError):
        keyword_index.add(rows_that_fail_halfway())
    keyword_index.add([])  # a later commit must not carry the rolled-back half
    assert len(keyword_index) == 4
    assert keyword_index.search("batch", 5) == []
