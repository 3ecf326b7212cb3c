"""Readers of every supported input format, registered by file suffix on import."""

from __future__ import annotations

from ingest.readers.base import (
    Reader,
    Skipped,
    iter_inputs,
    read_inputs,
    read_path,
    reader_for,
    register,
    registered_suffixes,
)
from ingest.readers.jsonl import JsonlReader
from ingest.readers.parquet import ParquetReader
from ingest.readers.pdf import PdfReader
from ingest.readers.text import TextReader

for _reader in (JsonlReader(), ParquetReader(), PdfReader(), TextReader()):
    register(_reader)  # type: ignore[arg-type]

__all__ = [
    "JsonlReader",
    "ParquetReader",
    "PdfReader",
    "Reader",
    "Skipped",
    "TextReader",
    "iter_inputs",
    "read_inputs",
    "read_path",
    "reader_for",
    "register",
    "registered_suffixes",
]
