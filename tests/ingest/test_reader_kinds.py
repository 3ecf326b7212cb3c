"""Readers other than the PDF one set chunk kinds as far as their input shows them."""

from __future__ import annotations

import json
from pathlib import Path

from papergraph.core.model import ChunkKind, Paper
from papergraph.ingest.readers.base import reader_for
from papergraph.ingest.settings import IngestSettings

MARKDOWN = """# Blockwise Attention

Transformers [1] dominate sequence modelling; residual links (He et al., 2016) help.

## Method

We tile the sequence into blocks.

## References

[1] Ashish Vaswani and Noam Shazeer. Attention is all you need. In NIPS, 2017.
[2] Kaiming He and Xiangyu Zhang. Deep residual learning for image recognition. In CVPR, 2016.
[3] Ada Gardener. Growing tomatoes in small urban gardens. Journal of Horticulture, 2015.
"""


def read_one(path: Path) -> Paper:
    reader = reader_for(path)
    assert reader is not None
    (paper,) = list(reader.read(path, IngestSettings()))
    assert isinstance(paper, Paper), paper
    return paper


def test_markdown_references_heading_gives_references_chunks_and_entries(tmp_path: Path) -> None:
    path = tmp_path / "blockwise.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    paper = read_one(path)
    kinds = {chunk.kind for chunk in paper.chunks}
    assert kinds == {ChunkKind.BODY, ChunkKind.REFERENCES}
    bibliography = [c for c in paper.chunks if c.kind is ChunkKind.REFERENCES]
    assert all(c.section == "References" for c in bibliography)
    assert "Attention is all you need" in bibliography[0].text
    assert [r.title for r in paper.references][:2] == [
        "Attention is all you need",
        "Deep residual learning for image recognition",
    ]
    assert paper.chunks[0].section == "Blockwise Attention"


def test_plain_text_references_line_starts_the_bibliography(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(MARKDOWN.replace("## References", "REFERENCES").replace("#", ""), "utf-8")
    paper = read_one(path)
    assert paper.chunks[-1].kind is ChunkKind.REFERENCES
    assert len(paper.references) == 3


def test_papers_jsonl_abstract_and_text_are_abstract_and_body(tmp_path: Path) -> None:
    path = tmp_path / "papers.jsonl"
    row = {"id": "p1", "title": "T", "abstract": "We study attention.", "text": "Body text here."}
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    paper = read_one(path)
    assert [(c.kind, c.text) for c in paper.chunks] == [
        (ChunkKind.ABSTRACT, "We study attention."),
        (ChunkKind.BODY, "Body text here."),
    ]
