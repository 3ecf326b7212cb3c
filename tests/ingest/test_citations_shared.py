"""The issue's done-when on real PDFs: FlashAttention (2205.14135) cites "Attention is all you
need" (1706.03762) by title only; ingested in either order, the reference resolves."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from papergraph.api.app import create_app
from papergraph.api.backend import Backend
from papergraph.api.config import Settings

FLASH = "pdfs/labmlai_annotated_dl_papers/2205.14135.pdf"
ATTENTION = "pdfs/labmlai_annotated_dl_papers/1706.03762.pdf"


@pytest.mark.parametrize("flash_first", [True, False], ids=["citing-first", "cited-first"])
def test_flashattention_lists_attention_is_all_you_need_among_resolved_references(
    shared_data: Path, tmp_path: Path, embedder, flash_first: bool
) -> None:
    pdfs = [shared_data / FLASH, shared_data / ATTENTION]
    settings = Settings(data_dir=tmp_path / "data")
    backend = Backend.open(settings, embedder=embedder)
    try:
        for pdf in pdfs if flash_first else pdfs[::-1]:
            report = backend.ingester().ingest([pdf])
            assert report.ok, [failure.message for failure in report.failed]
        with TestClient(create_app(settings, backend)) as client:
            flash = client.get("/papers/2205.14135").json()
            attention = client.get("/papers/1706.03762").json()
    finally:
        backend.close()
    resolved = {ref["paper_id"]: ref for ref in flash["references"] if ref["paper_id"]}
    assert "1706.03762" in resolved
    assert "[82]" in resolved["1706.03762"]["context"]  # the sentence that cites it
    assert "2205.14135" in attention["cited_by"]
