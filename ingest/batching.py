"""Batches across papers for the encoder, and encoding them off the writing thread.

The encoder is fastest on large batches and is the slowest stage of ingest, so the ingester
gathers the chunks of several papers into one `encode` call and runs it on a thread of its own
(torch releases the GIL while it computes). While one batch encodes, the ingester gathers the
next and writes the one before, so the encoder waits only for the inputs themselves.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np

from papergraph.ingest.errors import InputError
from papergraph.ingest.prepare import Item, Prepared

Encode = Callable[[Sequence[str]], np.ndarray]


@dataclass
class Batch:
    """Items in input order; `fresh` are the papers among them whose content is not stored yet."""

    items: list[Item] = field(default_factory=list)
    fresh: list[Prepared] = field(default_factory=list)
    chunks: int = 0


Vectors = dict[int, np.ndarray | BaseException]  # id(Prepared) → its vectors, or why none


def batches(
    items: Iterable[Item], max_chunks: int, is_fresh: Callable[[Prepared], bool]
) -> Iterator[Batch]:
    """Consecutive items, cut after the batch's fresh papers hold `max_chunks` chunks."""
    batch = Batch()
    for item in items:
        batch.items.append(item)
        if isinstance(item, Prepared) and is_fresh(item):
            batch.fresh.append(item)
            batch.chunks += len(item.paper.chunks)
        if batch.chunks >= max_chunks:
            yield batch
            batch = Batch()
    if batch.items:
        yield batch


def encode_batch(batch: Batch, encode: Encode) -> Vectors:
    """Every fresh paper's vectors from one encoder call; when that call fails, paper by paper,
    so one bad paper fails alone."""
    texts = [chunk.text for prepared in batch.fresh for chunk in prepared.paper.chunks]
    try:
        vectors = encode(texts) if texts else np.zeros((0, 0), dtype=np.float32)
    except Exception:  # noqa: BLE001 - retried per paper below, where the error is reported
        return {id(prepared): _encode_one(prepared, encode) for prepared in batch.fresh}
    found: Vectors = {}
    start = 0
    for prepared in batch.fresh:
        end = start + len(prepared.paper.chunks)
        found[id(prepared)] = vectors[start:end]
        start = end
    return found


def _encode_one(prepared: Prepared, encode: Encode) -> np.ndarray | BaseException:
    try:
        return encode([chunk.text for chunk in prepared.paper.chunks])
    except Exception as error:  # noqa: BLE001 - reported as this paper's failure
        return error


def encoded_in_background(
    batched: Iterable[Batch], encode: Encode
) -> Iterator[tuple[Batch, Vectors]]:
    """Each batch with its vectors, encoding the next batch while the caller handles this one."""
    with ThreadPoolExecutor(1, thread_name_prefix="encoder") as encoder:
        in_flight: deque[tuple[Batch, Future[Vectors]]] = deque()
        for batch in batched:
            in_flight.append((batch, encoder.submit(encode_batch, batch, encode)))
            while len(in_flight) > 1:
                done, future = in_flight.popleft()
                yield done, future.result()
        while in_flight:
            done, future = in_flight.popleft()
            yield done, future.result()


def failure(prepared: Prepared, error: BaseException) -> InputError:
    """The report entry for a paper whose encoding failed."""
    name = prepared.paper.source or prepared.paper.id
    return InputError(name, f"not ingested: {type(error).__name__}: {error}")
