"""Readers of every supported input format, registered by file suffix on import."""

from __future__ import annotations

from papergraph.ingest.readers.base import (
    Reader,
    Skipped,
    iter_inputs,
    read_file,
    read_inputs,
    read_path,
    reader_for,
    register,
    registered_suffixes,
)
from papergraph.ingest.readers.jsonl import JsonlReader
from papergraph.ingest.readers.parquet import ParquetReader
from papergraph.ingest.readers.pdf import PdfReader
from papergraph.ingest.readers.text import TextReader

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
    "read_file",
    "read_inputs",
    "read_path",
    "reader_for",
    "register",
    "registered_suffixes",
]
