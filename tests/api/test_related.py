"""The fusion's behaviour on a corpus the tests write (tests/api/related_corpus.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from papergraph.api.app import create_app
from papergraph.api.backend import Backend
from papergraph.api.config import Settings
from papergraph.api.related.rank import RelatedPaper, recommend, related_papers
from papergraph.api.related.settings import RelatedSettings
from papergraph.kg.vocab import PAPER_NS
from tests.api.related_corpus import PAPERS, write_related_corpus

ENTITIES_ONLY = RelatedSettings(text_weight=0.0, entity_weight=1.0, citation_weight=0.0)


def build(data_dir: Path, corpus: Path, embedder) -> None:
    backend = Backend.open(Settings(data_dir=data_dir), embedder=embedder)
    try:
        report = backend.ingester().ingest([corpus])
        assert report.ok and len(report.ingested) == len(PAPERS), report.failed
    finally:
        backend.close()


@pytest.fixture(scope="module")
def related_dir(tmp_path_factory: pytest.TempPathFactory, embedder) -> Path:
    corpus = write_related_corpus(tmp_path_factory.mktemp("related-corpus"))
    data_dir = tmp_path_factory.mktemp("related-data")
    build(data_dir, corpus, embedder)
    return data_dir


@pytest.fixture(scope="module")
def related_backend(related_dir: Path, embedder) -> Iterator[Backend]:
    backend = Backend.open(Settings(data_dir=related_dir), embedder=embedder)
    yield backend
    backend.close()


@pytest.fixture(scope="module")
def related_client(related_backend: Backend) -> Iterator[TestClient]:
    with TestClient(create_app(related_backend.settings, related_backend)) as client:
        yield client


def item_for(items: list[RelatedPaper], paper_id: str) -> RelatedPaper:
    return next(item for item in items if item.paper_id == paper_id)


@pytest.mark.parametrize("settings", [None, ENTITIES_ONLY], ids=["defaults", "entities-only"])
def test_a_shared_rare_dataset_outranks_a_shared_common_method(
    related_backend: Backend, settings: RelatedSettings | None
) -> None:
    from_a = related_papers(related_backend.recommender, "sql-a", 10, settings)
    from_c = related_papers(related_backend.recommender, "speech-c", 10, settings)
    assert from_a[0].paper_id == "sql-b"
    rare_pair = item_for(from_a, "sql-b")
    common_pair = item_for(from_c, "protein-d")
    assert rare_pair.score > common_pair.score
    assert rare_pair.signals["entities"] > 2 * common_pair.signals["entities"]
    rare_reason = next(r for r in rare_pair.reasons if r["kind"].startswith("shared_"))
    common_reason = next(r for r in common_pair.reasons if r["kind"].startswith("shared_"))
    assert (rare_reason["kind"], rare_reason["label"]) == ("shared_dataset", "WikiSQL")
    assert (common_reason["kind"], common_reason["label"]) == ("shared_method", "Adam")
    assert rare_reason["idf"] > common_reason["idf"] and rare_reason["papers"] == 2
    assert "WikiSQL" in rare_reason["text"] and "2 of 10 papers" in rare_reason["text"]


def test_every_paper_gets_explained_recommendations_never_itself(
    related_backend: Backend,
) -> None:
    for paper in PAPERS:
        items = related_papers(related_backend.recommender, paper["id"], 5)
        assert len(items) == 5, paper["id"]
        assert paper["id"] not in {item.paper_id for item in items}
        assert [i.score for i in items] == sorted((i.score for i in items), reverse=True)
        for item in items:
            assert item.reasons and all(r["kind"] and r["text"] for r in item.reasons)


def test_a_paper_with_no_abstract_entities_or_citations_falls_back_to_text(
    related_backend: Backend,
) -> None:
    items = related_papers(related_backend.recommender, "notes-g", 3)
    assert items
    assert all(item.signals["entities"] == item.signals["citations"] == 0 for item in items)
    assert {r["kind"] for item in items for r in item.reasons} == {"similar_text"}
    matrix = related_backend.paper_vectors.matrix()
    assert matrix.vector("notes-g") is not None  # pooled from its chunk vectors


def test_citation_structure_gives_typed_reasons(related_backend: Backend) -> None:
    from_h = related_papers(related_backend.recommender, "cite-h", 10)
    coupled = item_for(from_h, "cite-i")
    kinds = {r["kind"]: r for r in coupled.reasons}
    assert kinds["coupled"]["count"] == 2  # both cite 1706.03762 and 1810.04805
    assert kinds["co_cited"]["count"] == 1  # cite-j cites both
    assert {r["kind"] for r in item_for(from_h, "cite-j").reasons} >= {"cited_by"}
    assert {
        r["kind"]
        for r in item_for(
            related_papers(related_backend.recommender, "cite-j", 10), "cite-h"
        ).reasons
    } >= {"cites"}
    assert from_h[0].paper_id in {"cite-i", "cite-j"}


def test_a_negative_seed_lowers_what_resembles_it(related_backend: Backend) -> None:
    plain = {i.paper_id: i.score for i in recommend(related_backend.recommender, ["sql-a"], [], 10)}
    steered = recommend(related_backend.recommender, ["sql-a"], ["vision-e"], 10)
    assert "vision-e" not in {item.paper_id for item in steered}
    assert all(item.score <= plain[item.paper_id] for item in steered)
    assert sum(item.score < plain[item.paper_id] for item in steered) >= len(steered) // 2


def test_several_positive_seeds_name_the_seed_of_each_reason(related_backend: Backend) -> None:
    items = recommend(related_backend.recommender, ["sql-a", "cite-h"], [], 10)
    ids = [item.paper_id for item in items]
    assert "sql-a" not in ids and "cite-h" not in ids
    assert {"sql-b", "cite-i"} <= set(ids[:4])
    assert all("seed" in reason for item in items for reason in item.reasons)


def test_recommend_endpoint(related_client: TestClient) -> None:
    response = related_client.post(
        "/recommend", json={"positivePaperIds": ["sql-a"], "negativePaperIds": ["sql-b"], "k": 3}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["positive_paper_ids"] == ["sql-a"] and len(body["recommended_papers"]) == 3
    assert {"sql-a", "sql-b"}.isdisjoint(p["paper_id"] for p in body["recommended_papers"])
    assert all(
        p["reasons"] and set(p["signals"]) == {"text", "entities", "citations"}
        for p in body["recommended_papers"]
    )


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"positive_paper_ids": ["sql-a", "nope"]}, 404),
        ({"positive_paper_ids": ["sql-a"], "negative_paper_ids": ["nope"]}, 404),
        ({"positive_paper_ids": []}, 422),
        ({"negative_paper_ids": ["sql-a"]}, 422),
        ({"positive_paper_ids": ["sql-a"], "negative_paper_ids": ["sql-a"]}, 400),
    ],
)
def test_recommend_rejects_bad_seeds_in_the_error_shape(
    related_client: TestClient, body: dict[str, object], status: int
) -> None:
    response = related_client.post("/recommend", json=body)
    assert response.status_code == status
    error = response.json()["error"]
    assert set(error) == {"type", "message", "status"} and error["status"] == status
    if status == 404:
        assert "nope" in error["message"]


def test_related_endpoint_takes_negative_seeds(related_client: TestClient) -> None:
    plain = related_client.get("/papers/sql-a/related", params={"k": 9}).json()["related"]
    body = related_client.get(
        "/papers/sql-a/related", params={"k": 9, "seed_negative": "vision-e,weather-f"}
    ).json()
    assert body["seed_negative"] == ["vision-e", "weather-f"]
    ids = [item["paper_id"] for item in body["related"]]
    assert {"sql-a", "vision-e", "weather-f"}.isdisjoint(ids) and len(ids) < len(plain)
    missing = related_client.get("/papers/sql-a/related", params={"seed_negative": "nope"})
    assert missing.status_code == 404


def test_cli_related_with_negatives_in_json_and_table(tmp_path: Path, embedder) -> None:
    script = Path(sys.executable).with_name("papergraph")
    if not script.exists():
        pytest.skip(f"console script not installed at {script}")
    data_dir = tmp_path / "data"
    build(data_dir, write_related_corpus(tmp_path / "corpus"), embedder)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PAPERGRAPH_DATA_DIR": str(data_dir)}
    as_json = subprocess.run(
        [str(script), "related", "sql-a", "--negative", "sql-b", "-k", "3", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert as_json.returncode == 0, as_json.stderr
    items = json.loads(as_json.stdout)
    assert len(items) == 3 and {"sql-a", "sql-b"}.isdisjoint(i["paper_id"] for i in items)
    assert all(item["reasons"] for item in items)
    table = subprocess.run(
        [str(script), "related", "cite-h", "-k", "2"],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert table.returncode == 0, table.stderr
    assert "cite-i" in table.stdout and "both cite 2" in table.stdout


def test_a_newly_ingested_paper_is_recommended_at_once(tmp_path: Path, embedder) -> None:
    corpus = write_related_corpus(tmp_path / "corpus")
    build(tmp_path / "data", corpus, embedder)
    backend = Backend.open(Settings(data_dir=tmp_path / "data"), embedder=embedder)
    try:
        before = related_papers(backend.recommender, "sql-a", 20)
        newcomer = {
            "id": "sql-new",
            "title": "Text-to-SQL with Execution Guidance",
            "abstract": "We decode SQL queries guided by execution on WikiSQL tables.",
        }
        (tmp_path / "new.jsonl").write_text(json.dumps(newcomer) + "\n")
        assert backend.ingester().ingest([tmp_path / "new.jsonl"]).ok
        after = related_papers(backend.recommender, "sql-a", 20)
    finally:
        backend.close()
    assert "sql-new" not in {item.paper_id for item in before}
    added = item_for(after, "sql-new")
    assert any(r.get("label") == "WikiSQL" and r["papers"] == 3 for r in added.reasons)


def test_pg_related_in_sparql_gives_the_scores_of_the_ranking(related_client: TestClient) -> None:
    """Ranking every paper by pg:related inside SPARQL gives GET /related's order and scores,
    and no value for the seed itself or for a node that is not a paper."""
    seed = f"<{PAPER_NS}sql-a>"
    query = (
        "SELECT ?paper ?score WHERE { ?paper a fabio:ResearchPaper . "
        f"BIND(pg:related({seed}, ?paper) AS ?score) FILTER(BOUND(?score)) }} "
        "ORDER BY DESC(?score) ?paper"
    )
    rows = related_client.get("/sparql", params={"query": query}).json()["results"]["bindings"]
    from_sparql = [
        (r["paper"]["value"].removeprefix(PAPER_NS), float(r["score"]["value"])) for r in rows
    ]
    ranked = related_client.get("/papers/sql-a/related", params={"k": 100}).json()["related"]
    assert [pid for pid, _ in from_sparql] == [item["paper_id"] for item in ranked]
    assert [round(score, 4) for _, score in from_sparql] == [item["score"] for item in ranked]
    assert from_sparql[0][0] == "sql-b"
    unbound = (
        f"SELECT ?s ?t WHERE {{ BIND(pg:related({seed}, {seed}) AS ?s) "
        f'BIND(pg:related({seed}, "sql-b") AS ?t) }}'
    )
    [row] = related_client.get("/sparql", params={"query": unbound}).json()["results"]["bindings"]
    assert row == {}


def test_the_api_document_describes_every_kind_of_reason() -> None:
    """A client reading /openapi.json learns each reason's fields, not an untyped object."""
    schemas = create_app(Settings()).openapi()["components"]["schemas"]
    kinds = schemas["RelatedItem"]["properties"]["reasons"]["items"]["anyOf"]
    named = {ref["$ref"].rsplit("/", 1)[-1] for ref in kinds}
    assert named == {
        "SimilarTextReason",
        "SharedEntityReason",
        "CitationReason",
        "MatchedSentencesReason",
    }
    assert {"entity", "label", "idf", "papers", "text"} <= set(
        schemas["SharedEntityReason"]["properties"]
    )
    assert schemas["MatchedSentencesReason"]["properties"]["pairs"]["items"] == {
        "$ref": "#/components/schemas/SentencePair"
    }
