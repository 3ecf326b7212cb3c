import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from papergraph.index.embed import Embedder
from papergraph.index.query_batcher import QueryBatcher


class SlowEncoder:
    """Encodes text as [len(text), call number]; the first call blocks until released."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []
        self.release = threading.Event()
        self.entered = threading.Event()

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        self.entered.set()
        self.release.wait(10)
        return np.array([[len(t), len(self.calls)] for t in texts], dtype=np.float32)


def wait_for(condition, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


def test_queries_arriving_while_the_encoder_is_busy_go_in_one_call() -> None:
    encoder = SlowEncoder()
    batcher = QueryBatcher(encoder)
    texts = ["a", "bb", "ccc", "dddd", "bb", "eeeee"]
    with ThreadPoolExecutor(len(texts) + 1) as pool:
        first = pool.submit(batcher.encode, "zz")
        assert encoder.entered.wait(10)
        later = [pool.submit(batcher.encode, t) for t in texts]
        wait_for(lambda: batcher.waiting == len(texts))
        encoder.release.set()
        assert first.result(10).tolist() == [2, 1]
        answers = [f.result(10).tolist() for f in later]
    # One call for the first query, one for the five distinct texts that waited behind it.
    assert encoder.calls[0] == ["zz"]
    assert sorted(encoder.calls[1]) == ["a", "bb", "ccc", "dddd", "eeeee"]
    assert len(encoder.calls) == 2
    assert answers == [[len(t), 2] for t in texts]
    assert batcher.rounds == 2


def test_a_round_takes_at_most_max_batch_and_the_rest_follow() -> None:
    encoder = SlowEncoder()
    batcher = QueryBatcher(encoder, max_batch=2)
    with ThreadPoolExecutor(6) as pool:
        first = pool.submit(batcher.encode, "x")
        assert encoder.entered.wait(10)
        later = [pool.submit(batcher.encode, str(i) * (i + 1)) for i in range(5)]
        wait_for(lambda: batcher.waiting == 5)
        encoder.release.set()
        lengths = [f.result(10)[0] for f in [first, *later]]
    assert lengths == [1, 1, 2, 3, 4, 5]
    assert max(len(call) for call in encoder.calls) == 2
    assert sorted(t for call in encoder.calls for t in call) == sorted(
        ["x", *(str(i) * (i + 1) for i in range(5))]
    )


def test_a_failing_round_raises_in_every_waiting_thread_and_the_next_round_works() -> None:
    fail = threading.Event()
    fail.set()

    def encode(texts: Sequence[str]) -> np.ndarray:
        if fail.is_set():
            raise RuntimeError("encoder broke")
        return np.ones((len(texts), 2), dtype=np.float32)

    batcher = QueryBatcher(encode)
    with pytest.raises(RuntimeError, match="encoder broke"):
        batcher.encode("q")
    fail.clear()
    assert batcher.encode("q").tolist() == [1.0, 1.0]


def test_concurrent_queries_get_the_vectors_they_get_alone(embedder: Embedder) -> None:
    queries = [f"graph neural networks for task {i}" for i in range(16)]
    alone = embedder.encode(queries)
    fresh = Embedder(embedder.settings.model_copy(update={"query_cache_size": 0}))
    fresh._model = embedder.model  # share the loaded model; a new cache and batcher
    with ThreadPoolExecutor(8) as pool:
        together = list(pool.map(fresh.encode_query, queries))
    np.testing.assert_allclose(np.stack(together), alone, atol=1e-5)
