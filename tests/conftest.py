"""Fixtures shared by every test package: the shared corpora and one loaded embedder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("PAPERGRAPH_SHARED_DATA", REPO.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real corpora in ../shared/data (or $PAPERGRAPH_SHARED_DATA); skip when absent."""
    if not (SHARED_DATA / "ai-arxiv2-sample.jsonl").exists():
        pytest.skip(f"shared data not found at {SHARED_DATA} (set PAPERGRAPH_SHARED_DATA)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def embedder():
    """The real default encoder, loaded once per test session (loading takes seconds)."""
    from index.embed import Embedder
    from index.settings import IndexSettings

    return Embedder(IndexSettings())
