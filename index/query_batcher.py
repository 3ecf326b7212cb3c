"""Queries that arrive together are encoded together.

On a CPU one encoder call of eight short queries costs little more than a call of one, but one
call at a time fits the model (see index/embed.py). So the first thread to find the encoder idle
encodes every query waiting at that moment, its own included, and hands each waiting thread its
vector; threads that arrive meanwhile wait for the next round, which one of them leads. Under
one client nothing waits and a query is encoded alone, as before.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(eq=False)  # requests are told apart by identity: two may ask the same text
class _Request:
    text: str
    vector: np.ndarray | None = None
    error: BaseException | None = None

    @property
    def done(self) -> bool:
        return self.vector is not None or self.error is not None


class QueryBatcher:
    """Encode single texts through `encode`, batching those that overlap in time."""

    def __init__(self, encode: Callable[[Sequence[str]], np.ndarray], max_batch: int = 32) -> None:
        self._encode = encode
        self._max_batch = max_batch
        self._changed = threading.Condition()
        self._waiting: list[_Request] = []
        self._busy = False
        self.rounds = 0  # encoder calls made, for tests and benchmarks

    @property
    def waiting(self) -> int:
        """Queries waiting for the encoder now."""
        with self._changed:
            return len(self._waiting)

    def encode(self, text: str) -> np.ndarray:
        """`text`'s vector: the row `encode([text])` would give, up to float rounding."""
        request = _Request(text)
        with self._changed:
            self._waiting.append(request)
            while self._busy and not request.done:
                self._changed.wait()
            if request.done:
                return self._answer(request)
            self._busy = True  # this thread leads the round: its own query, then the oldest
            self._waiting.remove(request)
            batch = [request, *self._waiting[: self._max_batch - 1]]
            del self._waiting[: self._max_batch - 1]
        try:
            self._run(batch)
        finally:
            with self._changed:
                self._busy = False
                self._changed.notify_all()
        return self._answer(request)

    def _run(self, batch: list[_Request]) -> None:
        texts = list(dict.fromkeys(r.text for r in batch))  # the same query once per round
        try:
            vectors = self._encode(texts)
        except BaseException as error:  # every waiter sees the failure, not only the leader
            for r in batch:
                r.error = error
            return
        row = {text: vectors[i] for i, text in enumerate(texts)}
        self.rounds += 1
        for r in batch:
            r.vector = row[r.text]

    @staticmethod
    def _answer(request: _Request) -> np.ndarray:
        if request.error is not None:
            raise request.error
        assert request.vector is not None
        return request.vector
