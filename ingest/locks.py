"""Locks around writing: one writing process per data folder, and readers that never see half
a paper.

`WriterLock` is an advisory `flock` on a file in the data folder. The kernel drops it when its
process dies, SIGKILL included, so a crashed writer never leaves a stale lock behind; the next
writer takes it and recovers what the crash left (`papergraph.ingest.recovery`).

`SnapshotLock` is a readers-writer lock for the threads of one process (the server): a writer
holds it while it puts one paper into the stores, which takes milliseconds (the slow parts, text
extraction and encoding, happen before), and readers hold it for one request, so a request sees
each paper in all stores or in none. Waiting writers go first, so a stream of readers cannot
starve an ingest.
"""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from papergraph.core.errors import PapergraphError

LOCK_FILENAME = "write.lock"


class WriterBusy(PapergraphError):
    """Another process is writing to the same data folder."""

    status = 409


class WriterLock:
    """Exclusive right to write to one data folder, held until `release()` or process exit."""

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / LOCK_FILENAME
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock now or raise WriterBusy naming the holder's pid."""
        if self._fd is not None:
            return
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "?"
            os.close(fd)
            raise WriterBusy(
                f"another papergraph process (pid {holder}) is writing to {self.path.parent}; "
                "wait for it, or send the files to its server (POST /papers)"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self._fd = fd

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


class SnapshotLock:
    """Many readers or one writer; a waiting writer blocks new readers."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0

    @contextmanager
    def read(self) -> Iterator[None]:
        self.acquire_read()
        try:
            yield
        finally:
            self.release_read()

    @contextmanager
    def write(self) -> Iterator[None]:
        with self._condition:
            self._writers_waiting += 1
            self._condition.wait_for(lambda: not self._writing and self._readers == 0)
            self._writers_waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._condition:
                self._writing = False
                self._condition.notify_all()

    def acquire_read(self) -> None:
        """Split from `read()` so that a request can take it and another thread release it."""
        with self._condition:
            self._condition.wait_for(lambda: not self._writing and self._writers_waiting == 0)
            self._readers += 1

    def try_acquire_read(self) -> bool:
        """`acquire_read` without waiting: False, and nothing taken, while a writer holds the
        lock or waits for it."""
        with self._condition:
            if self._writing or self._writers_waiting:
                return False
            self._readers += 1
            return True

    def release_read(self) -> None:
        with self._condition:
            self._readers -= 1
            if self._readers == 0:
                self._condition.notify_all()
