"""The real encoder: shapes, unit rows, determinism, meaning, tokens, laziness."""

from __future__ import annotations

import numpy as np

from papergraph.index.embed import Embedder, packaged_model_path
from papergraph.index.settings import IndexSettings

TEXTS = [
    "Convolutional neural networks classify images of cats and dogs.",
    "The recipe bakes sourdough bread with a long cold fermentation.",
    "Interest rates rose as the central bank fought inflation.",
]


def test_encode_gives_unit_float32_rows(embedder: Embedder) -> None:
    vectors = embedder.encode(TEXTS)
    assert vectors.shape == (3, embedder.dimension) == (3, 384)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_encode_is_deterministic_and_batch_independent(embedder: Embedder) -> None:
    together = embedder.encode(TEXTS)
    alone = np.vstack([embedder.encode([text]) for text in TEXTS])
    np.testing.assert_allclose(together, alone, atol=1e-5)


def test_encode_of_nothing_is_empty(embedder: Embedder) -> None:
    assert embedder.encode([]).shape == (0, embedder.dimension)


def test_related_query_ranks_the_right_text_first(embedder: Embedder) -> None:
    texts = embedder.encode(TEXTS)
    for query, expected in [
        ("deep learning for picture recognition", 0),
        ("how to make bread at home", 1),
        ("monetary policy and the economy", 2),
    ]:
        scores = texts @ embedder.encode_query(query)
        assert int(np.argmax(scores)) == expected, (query, scores)


def test_encode_query_matches_encode_and_caches_safely(embedder: Embedder) -> None:
    first = embedder.encode_query("graph neural networks")
    np.testing.assert_allclose(first, embedder.encode(["graph neural networks"])[0], atol=1e-5)
    first[:] = 0  # a caller scribbling on its copy must not corrupt the cache
    again = embedder.encode_query("graph neural networks")
    assert again.shape == (384,)
    assert abs(float(np.linalg.norm(again)) - 1.0) < 1e-5


def test_count_tokens_counts_wordpieces_without_special_tokens(embedder: Embedder) -> None:
    assert embedder.count_tokens("") == 0
    assert embedder.count_tokens("hello world") == 2
    per_word = embedder.count_tokens("transformer")
    assert per_word >= 1
    # Far past max_seq_length and not truncated: the chunker needs the true count.
    assert embedder.count_tokens("transformer " * 1000) == 1000 * per_word
    assert embedder.max_seq_length == 256


def test_embedder_loads_nothing_until_used() -> None:
    assert not Embedder(IndexSettings()).loaded


def test_default_model_resolves_to_the_packaged_copy() -> None:
    assert packaged_model_path("all-MiniLM-L6-v2") is not None
    assert packaged_model_path("sentence-transformers/all-MiniLM-L6-v2") is not None
    assert packaged_model_path("some/other-model") is None
