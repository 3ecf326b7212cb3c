"""Fixtures of the ingest tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from papergraph.core.model import Paper
from tests.ingest.drawn_pdf import Page, draw_pdf, read_paper


@pytest.fixture
def drawn_paper(tmp_path: Path) -> Callable[..., Paper]:
    """`drawn_paper("name.pdf", page, ...)`: the paper read from a PDF drawn in tmp_path, the
    layout test's first page and then one page per drawing (tests/ingest/drawn_pdf.py)."""

    def draw_and_read(name: str, *pages: Page) -> Paper:
        return read_paper(draw_pdf(tmp_path / name, *pages))

    return draw_and_read
