"""Settings of the ingest package: limits on inputs and the shape of chunks."""

from __future__ import annotations

from pathlib import Path
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
    citation_title_match: float = Field(
        93.0,
        ge=0,
        le=100,
        description="How alike (rapidfuzz ratio, 0-100, of the normalised titles) a reference's "
        "title and a stored paper's title must be for the reference to resolve to that paper "
        "when no arXiv id or DOI settles it (see benchmarks/references.py).",
    )
    checkpoint_every: int = Field(
        100,
        ge=1,
        description="Papers between saves of the vector index. A crash loses at most this many "
        "papers' vectors from the index file, and the crash recovery restores them from the chunk store.",
    )
    extractor: str = Field(
        "tagged",
        description=(
            "Entity extractor: a registered name (tagged, hybrid, lexicon) or a dotted class path."
        ),
    )
    gazetteer: Path | None = Field(
        None,
        description="A folder of gazetteer TSV files (the lexicon's `label<TAB>type<TAB>aliases"
        "<TAB>case` rows) that the hybrid and tagged extractors read in place of the shipped "
        "generated names (Papers with Code, SciREX); unset: the shipped ones. The hand-written "
        "lexicon is read either way.",
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
    engine: Literal["local", "ray"] = Field(
        "local",
        description="Where reading, extraction and encoding run: 'local' (this machine) or "
        "'ray' (a Ray cluster; the `scale` extra). Either way this process writes the stores.",
    )
    ray_address: str = Field(
        "",
        description="Ray cluster to join: 'auto' (the one started on this machine with `ray "
        "start`), 'ray://HOST:10001', or empty to start a Ray instance for this run only.",
    )
    ray_encoders: int = Field(
        1,
        ge=1,
        description="Encoder actors on a cluster without GPUs (each holds one CPU and one model); "
        "with GPUs, one actor per GPU.",
    )
    ray_papers_per_batch: int = Field(
        8,
        ge=1,
        description="Papers per encoder call on Ray; the model still encodes `index.batch_size` "
        "chunks at a time (raise that on GPUs).",
    )
