"""The small form of benchmarks/scale.py: every backend is loaded and asked, and the bulk path
loads every triple of a data folder into a real server."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

pytest.importorskip("milvus_lite", reason="the scale benchmark needs the `scale` extra")
benchmark = importlib.import_module("benchmarks.scale")


def test_vectors_rows_for_both_backends(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    benchmark.main(["vectors", "--size", "2000", "--queries", "40", "--workdir", str(tmp_path)])
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith("| ")]
    measured = {row.split("|")[1].strip(): row.split("|")[1:-1] for row in rows[1:]}
    assert set(measured) == {"milvus", "faiss"}
    for cells in measured.values():
        assert cells[1].strip() == "2,000" and float(cells[-1]) >= 0.9  # recall@10


def test_triples_are_counted_and_bulk_loaded(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, paper_graphs_folder: Path
) -> None:
    benchmark.main(["triples", str(paper_graphs_folder)])
    out = capsys.readouterr().out
    rows = [line for line in out.splitlines() if line.startswith("| ") and "%" in line]
    assert "2 papers, 56 triples" in out and rows[0].startswith("| type | 10 |")
    assert out.count("triples/s") == 1 and "oxigraph load" in out and "no_transaction" in out


@pytest.fixture
def paper_graphs_folder(tmp_path: Path) -> Path:
    """A data folder whose embedded graph holds two papers' named graphs."""
    from papergraph.core.model import Chunk, Entity, EntityType, Evidence, Extraction, Paper, Role
    from papergraph.kg.mapping import paper_graph
    from papergraph.kg.settings import GraphSettings
    from papergraph.kg.store import KnowledgeGraph

    kg = KnowledgeGraph(GraphSettings(), tmp_path)
    for number in (1, 2):
        paper = Paper(
            id=f"p{number}",
            title=f"Paper {number}",
            chunks=[
                Chunk(
                    id=f"p{number}#0",
                    paper_id=f"p{number}",
                    seq=0,
                    text="We fine-tune BERT on SQuAD.",
                )
            ],
        )
        evidence = Evidence(f"p{number}#0", 13, 17, "We fine-tune BERT on SQuAD.", "lexicon", 0.9)
        entity = Entity(EntityType.METHOD, "BERT", role=Role.USES, evidence=[evidence])
        kg.replace_paper(paper.id, paper_graph(paper, Extraction(paper.id, entities=[entity])))
    kg.close()
    return tmp_path
