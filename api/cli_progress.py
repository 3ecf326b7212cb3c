"""Progress of a long ingest: a live bar on a terminal, periodic plain lines anywhere else.

A bar drawn on a log file or a CI console is dropped by rich, so a piped ingest used to be silent
until its summary; there it prints one line every `every_s` seconds instead (inputs done of the
inputs found, papers and chunks written, chunks per second), from a timer thread, so that a line
comes even while the first batch is still being read and encoded; `every_s=0` prints one per
paper.
"""

from __future__ import annotations

import threading
import time
from types import TracebackType
from typing import Self

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from papergraph.core.model import Paper
from papergraph.ingest.errors import InputError


class IngestProgress:
    """Counts inputs, papers and chunks as they are written, and shows them on `console`."""

    def __init__(self, console: Console, inputs: int, every_s: float = 10.0) -> None:
        self.console = console
        self.inputs = inputs
        self.every_s = every_s
        self.papers = self.chunks = self.failed = 0
        self._sources: set[str] = set()
        self._started = time.monotonic()
        self._bar: Progress | None = None
        self._task: TaskID | None = None
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None

    def __enter__(self) -> Self:
        if self.console.is_terminal:
            self._bar = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                TextColumn("{task.completed}/{task.total} inputs"),
                TimeElapsedColumn(),
                console=self.console,
                transient=True,
            )
            self._bar.__enter__()
            self._task = self._bar.add_task("ingesting", total=self.inputs or None)
        elif self.every_s > 0:
            self._ticker = threading.Thread(target=self._tick, name="progress", daemon=True)
            self._ticker.start()
        return self

    def _tick(self) -> None:
        while not self._stop.wait(self.every_s):
            self._line()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._stop.set()
        if self._ticker is not None:
            self._ticker.join()
        if self._bar is not None:
            self._bar.__exit__(kind, error, trace)
        elif kind is None and self.papers + self.failed:
            self._line()

    def advance(self, item: Paper | InputError) -> None:
        """One paper written (or one input failed)."""
        if isinstance(item, Paper):
            self.papers += 1
            self.chunks += len(item.chunks)
            self._sources.add(item.source or item.id)
        else:
            self.failed += 1
            self._sources.add(item.path)
        self._show(item.id if isinstance(item, Paper) else "error")

    def input_done(self, name: str, papers: int, chunks: int, failed: int) -> None:
        """One input sent elsewhere (a server) and answered, with the totals so far."""
        self._sources.add(name)
        self.papers, self.chunks, self.failed = papers, chunks, failed
        self._show(name)

    def describe(self, what: str) -> None:
        """Say what the ingest is doing now (a step after the papers, say)."""
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, description=what)

    def _show(self, name: str) -> None:
        done = min(len(self._sources), self.inputs) if self.inputs else len(self._sources)
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, completed=done, description=f"ingesting {name}")
        elif self.every_s == 0:
            self._line()

    def _line(self) -> None:
        elapsed = max(time.monotonic() - self._started, 1e-9)
        done = min(len(self._sources), self.inputs) if self.inputs else len(self._sources)
        self.console.print(
            f"progress: {done}/{self.inputs} inputs, {self.papers} papers, {self.chunks} chunks, "
            f"{self.chunks / elapsed:.1f} chunks/s, {self.failed} failed, {elapsed:.0f} s",
            highlight=False,
            markup=False,
            soft_wrap=True,
        )
