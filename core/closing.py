"""What a store, an index or a writer shares: it is closed at the end of a `with` block."""

from __future__ import annotations

from typing import Self


class Closing:
    """A resource whose `with` block closes it (its `close()` says how), so that
    `with ChunkStore(path) as chunks: ...` releases the file, the lock or the connection."""

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
