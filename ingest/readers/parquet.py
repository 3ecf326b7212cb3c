"""Parquet tables of paper rows or chunk rows, read in record batches with pyarrow."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pyarrow as pa
import pyarrow.parquet as pq

from papergraph.core.model import Paper
from papergraph.ingest.errors import InputError
from papergraph.ingest.readers.base import refusal
from papergraph.ingest.readers.rows import NumberedRow, papers_from_rows
from papergraph.ingest.settings import IngestSettings


class ParquetReader:
    """Each table row is a row of the same formats the JSON readers take; rows numbered from 1."""

    suffixes: ClassVar[tuple[str, ...]] = (".parquet",)

    def read(self, path: Path, settings: IngestSettings) -> Iterator[Paper | InputError]:
        refused = refusal(path, settings)
        if refused:
            yield refused
            return
        yield from papers_from_rows(path, parquet_rows(path), settings)


def parquet_rows(path: Path) -> Iterator[NumberedRow]:
    """Rows as dicts; a file pyarrow cannot read becomes one error for the whole file."""
    number = 0
    try:
        for batch in pq.ParquetFile(path).iter_batches(batch_size=1024):
            for row in batch.to_pylist():
                number += 1
                yield number, row
    except (pa.ArrowException, OSError, ValueError) as error:
        yield 0, InputError(str(path), f"unreadable Parquet file: {error}")
