"""Preparing papers for the encoder: read each input and extract its entities, in worker processes.

Reading (pypdf parses ~15 pages/s) and extraction (0.1–0.3 s a paper) are pure Python and
would otherwise hold the encoder up between batches. With `workers > 0` a process pool does
both, one input file (or one already-read paper) per task, a bounded number of tasks ahead of
the consumer, and the results come back in input order. With `workers == 0` they run in the
calling thread, as before; the ingester still overlaps them with encoding (see
`papergraph.ingest.pipeline`).

Workers build their extractor from its registered name (`IngestSettings.extractor`), once per
process; an extractor instance passed to the ingester is used only in-process.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from papergraph.core.errors import PapergraphError
from papergraph.core.model import Extraction, Paper
from papergraph.ingest.citing import attach_contexts
from papergraph.ingest.errors import InputError
from papergraph.ingest.extract.base import Extractor
from papergraph.ingest.readers.base import Skipped, iter_inputs, read_file
from papergraph.ingest.settings import IngestSettings
from papergraph.kg.mapping import paper_graph


@dataclass
class Prepared:
    """A paper read and extracted, ready to be encoded and written; `ntriples` is its named
    graph, serialised where it was prepared (a worker), so the writing process only loads it."""

    paper: Paper
    extraction: Extraction
    ntriples: str | None = None


Item = Prepared | InputError
Task = Path | Paper


def extract(paper: Paper, extractor: Extractor) -> Item:
    """The paper with its extraction, or the error that keeps it out of the stores."""
    if not paper.chunks:
        return InputError(paper.source or paper.id, "no text to index")
    try:
        attach_contexts(paper)
        extraction = extractor.extract(paper)
        graph = paper_graph(paper, extraction).serialize(format="nt")
        return Prepared(paper, extraction, graph)
    except PapergraphError as error:
        return InputError(paper.source or paper.id, error.message)
    except Exception as error:  # an extractor bug must not end the batch
        return InputError(
            paper.source or paper.id, f"not ingested: {type(error).__name__}: {error}"
        )


def prepare_task(task: Task, settings: IngestSettings, extractor: Extractor) -> list[Item]:
    """One file read and extracted (or one paper extracted)."""
    papers = [task] if isinstance(task, Paper) else read_file(task, settings)
    return [item if isinstance(item, InputError) else extract(item, extractor) for item in papers]


_worker_extractor: Extractor | None = None


def _init_worker(extractor_name: str, gazetteer: Path | None) -> None:
    from papergraph.ingest.extract.factory import create_extractor

    global _worker_extractor
    _worker_extractor = create_extractor(extractor_name, gazetteer)


def _prepare_in_worker(task: Task, settings: IngestSettings) -> list[Item]:
    assert _worker_extractor is not None, "worker started without its extractor"
    return prepare_task(task, settings, _worker_extractor)


class Preparer:
    """Turns input paths (or read papers) into `Prepared` papers and errors, in input order."""

    def __init__(self, settings: IngestSettings, extractor: Extractor) -> None:
        self.settings = settings
        self.extractor = extractor

    def from_paths(
        self, paths: Iterable[Path], skipped: list[Skipped] | None = None
    ) -> Iterator[Item]:
        """Every paper the files and folders hold, prepared, with an error per failed input;
        files a folder holds that are not read are added to `skipped`."""
        tasks: Iterator[Task | InputError] = iter_inputs(paths, skipped)
        return self._run(tasks)

    def from_items(self, items: Iterable[Paper | InputError]) -> Iterator[Item]:
        """Papers already read, extracted (errors among them pass through)."""
        return self._run(iter(items))

    def _run(self, tasks: Iterator[Task | InputError]) -> Iterator[Item]:
        if self.settings.workers == 0:
            for task in tasks:
                if isinstance(task, InputError):
                    yield task
                else:
                    yield from prepare_task(task, self.settings, self.extractor)
            return
        yield from self._run_pool(tasks)

    def _run_pool(self, tasks: Iterator[Task | InputError]) -> Iterator[Item]:
        workers = self.settings.workers
        pools = _Pools(workers, self.settings)
        try:
            ahead: deque[tuple[Task | InputError, Future[list[Item]] | None]] = deque()
            for task in tasks:
                future = None if isinstance(task, InputError) else pools.submit(task, self.settings)
                ahead.append((task, future))
                while len(ahead) > 2 * workers + 2:
                    yield from self._result(ahead.popleft(), pools)
            while ahead:
                yield from self._result(ahead.popleft(), pools)
        finally:
            pools.shutdown()

    def _result(
        self, entry: tuple[Task | InputError, Future[list[Item]] | None], pools: _Pools
    ) -> list[Item]:
        """A task's items. When a worker died (a crash in a parser, the kernel's OOM killer),
        every task in flight fails with it, through no fault of most: each is run again alone
        in a fresh process, so only the input that kills its worker again is reported."""
        task, future = entry
        if isinstance(task, InputError) or future is None:
            return [task] if isinstance(task, InputError) else []
        try:
            return future.result()
        except BrokenProcessPool:
            return pools.run_alone(task, self.settings)
        except Exception as error:  # a result that did not pickle, say
            return [
                InputError(
                    _name(task), f"not ingested, worker failed: {type(error).__name__}: {error}"
                )
            ]


class _Pools:
    """The worker pool, replaced when a worker dies, and one-off processes for retries."""

    def __init__(self, workers: int, settings: IngestSettings) -> None:
        self._workers = workers
        self._extractor = (settings.extractor, settings.gazetteer)
        self._pool = self._new(workers)

    def _new(self, workers: int) -> ProcessPoolExecutor:
        # spawn: the parent may hold torch's OpenMP threads, which a forked child must not use.
        return ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=self._extractor,
        )

    def submit(self, task: Task, settings: IngestSettings) -> Future[list[Item]]:
        try:
            return self._pool.submit(_prepare_in_worker, task, settings)
        except BrokenProcessPool:  # a worker died: later tasks go to a fresh pool
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._new(self._workers)
            return self._pool.submit(_prepare_in_worker, task, settings)

    def run_alone(self, task: Task, settings: IngestSettings) -> list[Item]:
        with self._new(1) as alone:
            try:
                return alone.submit(_prepare_in_worker, task, settings).result()
            except BrokenProcessPool:
                return [
                    InputError(
                        _name(task),
                        "not ingested: the process reading it died "
                        "(a crash in a parser, or out of memory)",
                    )
                ]
            except Exception as error:
                return [
                    InputError(
                        _name(task), f"not ingested, worker failed: {type(error).__name__}: {error}"
                    )
                ]

    def shutdown(self) -> None:
        self._pool.shutdown(cancel_futures=True)


def _name(task: Task) -> str:
    return (task.source or task.id) if isinstance(task, Paper) else str(task)
