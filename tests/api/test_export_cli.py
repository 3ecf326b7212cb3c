"""`papergraph export` as a user runs it: a real process writing a dump that parses back."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph

from papergraph.core.model import Entity, EntityType, Extraction, Paper, Role
from papergraph.kg.mapping import paper_graph
from papergraph.kg.settings import GraphSettings
from papergraph.kg.store import KnowledgeGraph
from papergraph.kg.vocab import paper_graph_iri

pytestmark = pytest.mark.filterwarnings(
    "ignore:(Dataset|ConjunctiveGraph).*deprecated:DeprecationWarning"
)
REPO = Path(__file__).resolve().parents[2]
IDS = ("p-one", "p-two")


def run_export(*args: str, data_dir: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "PAPERGRAPH_DATA_DIR": str(data_dir)}
    command = "from papergraph.api.cli import main; main()"
    return subprocess.run(
        [sys.executable, "-c", command, "export", *args], capture_output=True, env=env, timeout=300
    )


@pytest.fixture(scope="module")
def graph_dir(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Graph]]:
    """A data dir whose Oxigraph store holds two papers, and each paper's triples."""
    data_dir = tmp_path_factory.mktemp("export-data")
    written = {}
    with KnowledgeGraph(GraphSettings(), data_dir) as graph:
        for number, paper_id in enumerate(IDS):
            paper = Paper(id=paper_id, title=f"Paper {number}", authors=["A. Writer"], year=2020)
            extraction = Extraction(
                paper_id, [Entity(EntityType.DATASET, "GSM8K", role=Role.USES, salience=0.5)]
            )
            graph.replace_paper(paper_id, paper_graph(paper, extraction))
        written = {paper_id: graph.paper_rdf(paper_id) for paper_id in IDS}
    return data_dir, written


def test_export_nquads_to_stdout_round_trips(graph_dir) -> None:
    data_dir, written = graph_dir
    result = run_export("--format", "nq", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    dumped = Dataset()
    dumped.parse(data=result.stdout, format="nquads")
    for paper_id in IDS:
        assert set(dumped.graph(paper_graph_iri(paper_id))) == set(written[paper_id])


def test_export_one_paper_to_a_file(graph_dir, tmp_path: Path) -> None:
    data_dir, written = graph_dir
    target = tmp_path / "one.jsonld"
    args = ("--format", "jsonld", "--paper", "p-two", "-o", str(target))
    result = run_export(*args, data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    dumped = Dataset()
    dumped.parse(data=target.read_text(), format="json-ld")
    assert set(dumped.graph(paper_graph_iri("p-two"))) == set(written["p-two"])


def test_export_failures_exit_1_with_the_reason(graph_dir) -> None:
    data_dir, _ = graph_dir
    bad_format = run_export("--format", "rdfa", data_dir=data_dir)
    assert bad_format.returncode == 1 and b"rdfa" in bad_format.stderr
    no_paper = run_export("--paper", "nope", data_dir=data_dir)
    assert no_paper.returncode == 1 and b"nope" in no_paper.stderr
