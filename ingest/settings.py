"""Settings of the ingest package: limits on inputs and the shape of chunks."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class IngestSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    chunk_tokens: int = Field(256, ge=16, description="Largest chunk, in tokenizer tokens.")
    chunk_overlap: int = Field(32, ge=0, description="Tokens shared by consecutive chunks.")
    max_file_mb: float = Field(100.0, gt=0, description="Files larger than this are refused.")
    max_pages: int = Field(2000, ge=1, description="PDFs with more pages than this are refused.")
    max_stream_mb: float = Field(
        75.0,
        gt=0,
        description="Largest decompressed PDF stream (pypdf's limit); a bigger one is a PDF "
        "bomb and the file is refused.",
    )
    pdf_engine: Literal["pypdf", "pdfium"] = Field(
        "pdfium",
        description="What lays out a PDF's pages (characters with boxes and fonts) for the "
        "layout analysis: PDFium (pypdfium2, ~100 pages/s, exact boxes) or pypdf (~15 pages/s, "
        "estimated word widths). pypdf checks every file and reads its metadata either way.",
    )
    max_pdf_seconds: float = Field(
        120.0,
        gt=0,
        description="Time budget for reading one PDF, checked between pages; past it the file is "
        "refused.",
    )
    checkpoint_every: int = Field(
        100,
        ge=1,
        description="Papers between saves of the vector index. A crash loses at most this many "
        "papers' vectors from the index file, and the repair restores them from the chunk store.",
    )
    extractor: str = Field(
        "tagged",
        description=(
            "Entity extractor: a registered name (tagged, hybrid, lexicon) or a dotted class path."
        ),
    )
    workers: int = Field(
        0,
        ge=0,
        description="Worker processes that read and extract inputs while the encoder runs "
        "(0: read and extract in the ingesting process, still overlapped with encoding).",
    )
    encode_batch_chunks: int = Field(
        256,
        ge=1,
        description="Chunks gathered across papers into one call of the encoder; the next batch "
        "is gathered and the previous one written while a batch is encoded.",
    )
