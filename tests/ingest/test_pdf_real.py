"""The PDF reader on real papers of the shared data: what was checked by hand on the 39 PDFs,
pinned (titles, authors, where abstracts end, what stays out of the body)."""

from __future__ import annotations

from pathlib import Path

import pytest

from papergraph.core.model import ChunkKind, Paper
from papergraph.ingest.readers import read_path
from papergraph.ingest.settings import IngestSettings


def _read(shared_data: Path, name: str) -> Paper:
    path = shared_data / "pdfs" / name
    if not path.exists():
        pytest.skip(f"{path} is not in the shared data")
    [paper] = list(read_path(path, IngestSettings()))
    assert isinstance(paper, Paper), paper
    return paper


def test_attention_is_all_you_need(shared_data: Path) -> None:
    paper = _read(shared_data, "labmlai_annotated_dl_papers/1706.03762.pdf")
    assert paper.title == "Attention Is All You Need"
    assert paper.authors == [
        "Ashish Vaswani",
        "Noam Shazeer",
        "Niki Parmar",
        "Jakob Uszkoreit",
        "Llion Jones",
        "Aidan N. Gomez",
        "Łukasz Kaiser",
        "Illia Polosukhin",
    ]
    assert paper.abstract and paper.abstract.endswith("with large and limited training data.")
    assert (
        "Conference on Neural" not in paper.abstract and "Equal contribution" not in paper.abstract
    )
    assert "Google Brain" in paper.affiliations and "avaswani@google.com" in paper.emails
    assert paper.venue and "NIPS 2017" in paper.venue
    body = " ".join(c.text for c in paper.chunks if c.kind == ChunkKind.BODY)
    assert "Equal contribution" not in body and "Listing order is random" not in body
    footnotes = " ".join(c.text for c in paper.chunks if c.kind == ChunkKind.FOOTNOTE)
    assert "Listing order is random" in footnotes
    assert {"3.2.1 Scaled Dot-Product Attention", "References"} <= {c.section for c in paper.chunks}


def test_flashattention_authors_without_marks(shared_data: Path) -> None:
    paper = _read(shared_data, "labmlai_annotated_dl_papers/2205.14135.pdf")
    assert (
        paper.title == "FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness"
    )
    assert paper.authors == [
        "Tri Dao",
        "Daniel Y. Fu",
        "Stefano Ermon",
        "Atri Rudra",
        "Christopher Ré",
    ]
    assert paper.abstract and paper.abstract.endswith("(seq. length 64K, 63.1% accuracy).")
    assert any(
        ref.arxiv_id == "1706.03762" or "Attention is all you need" in ref.raw
        for ref in paper.references
    )


def test_star_title_keeps_its_subtitle(shared_data: Path) -> None:
    paper = _read(shared_data, "labmlai_annotated_dl_papers/2203.14465.pdf")
    assert paper.title == "STaR: Self-Taught Reasoner Bootstrapping Reasoning With Reasoning"
    assert paper.authors == ["Eric Zelikman", "Yuhuai Wu", "Noah D. Goodman"]
    assert paper.abstract and paper.abstract.endswith("learning from its own generated reasoning.")


def test_places_are_no_authors_and_capitals_are_title_cased(shared_data: Path) -> None:
    hinton = _read(shared_data, "labmlai_annotated_dl_papers/distillation.pdf")
    assert hinton.authors == ["Geoffrey Hinton", "Oriol Vinyals", "Jeff Dean"]
    assert hinton.arxiv_id == "1503.02531"  # from the rotated side stamp
    retro = _read(shared_data, "labmlai_annotated_dl_papers/2112.04426.pdf")
    assert retro.authors[:3] == ["Sebastian Borgeaud", "Arthur Mensch", "Jordan Hoffmann"]
    vit = _read(shared_data, "labmlai_annotated_dl_papers/vit.pdf")
    assert vit.title == "An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale"
    assert vit.venue == "Published as a conference paper at ICLR 2021"


def test_a_table_excerpt_is_not_titled_with_its_header(shared_data: Path) -> None:
    paper = _read(shared_data, "allenai_papermage_fixtures/test-uu.pdf")
    assert not paper.title.startswith("Field Task")
    assert paper.authors == []
