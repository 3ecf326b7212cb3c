"""POST /query (graph pattern + meaning) and pg:similar through /sparql, end to end."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from papergraph.kg.vocab import PAPER_NS


def query(client: TestClient, **body: Any) -> dict[str, Any]:
    response = client.post("/query", json=body)
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def sparql_rows(client: TestClient, text: str) -> list[dict[str, str]]:
    response = client.get("/sparql", params={"query": text})
    assert response.status_code == 200, response.text
    bindings = response.json()["results"]["bindings"]
    return [{name: cell["value"] for name, cell in row.items()} for row in bindings]


def test_where_pattern_ranks_admitted_papers_by_meaning(client: TestClient) -> None:
    body = query(
        client,
        text="solving grade school math word problems",
        where='?paper pg:mentions ?m . ?m skos:prefLabel "DPO" .',
    )
    assert [r["paper_id"] for r in body["results"]] == ["math-paper", "dpo-paper"]
    assert body["matched_papers"] == 2 and body["truncated"] is False
    best = body["results"][0]
    assert best["bindings"] == [{"m": "https://w3id.org/papergraph/entity/method/dpo"}]
    assert best["evidence"]["chunk_id"].startswith("math-paper#")
    assert "math" in best["evidence"]["snippet"] and best["evidence"]["highlights"]
    assert best["score"] == best["evidence"]["score"] > body["results"][1]["score"]


def test_sparql_form_answers_its_bindings(client: TestClient) -> None:
    body = query(
        client,
        text="image classification",
        sparql="SELECT ?paper ?year WHERE { ?paper dcterms:issued ?year FILTER(?year >= 2021) }",
        k=2,
    )
    assert len(body["results"]) == 2 and body["matched_papers"] == 4
    ids = [r["paper_id"] for r in body["results"]]
    assert "vision-paper" not in ids  # 2016: the pattern excludes it however relevant
    for result in body["results"]:
        assert len(result["bindings"]) == 1 and int(result["bindings"][0]["year"]) >= 2021


def test_a_pattern_matching_nothing_answers_an_empty_list(client: TestClient) -> None:
    body = query(client, text="anything", where='?paper dcterms:title "No such title" .')
    assert body["results"] == [] and body["matched_papers"] == 0


@pytest.mark.parametrize(
    "body",
    [
        {"text": "x", "where": "?paper pg:mentions ?m . {"},
        {"text": "x", "where": "?paper nope:mentions ?m"},
        {"text": "x", "sparql": "SELECT ?paper WHERE { ?paper ?p }"},
    ],
)
def test_malformed_sparql_is_400_with_the_parser_message(
    client: TestClient, body: dict[str, str]
) -> None:
    response = client.post("/query", json=body)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["type"] == "SparqlSyntaxError" and error["status"] == 400
    assert "SPARQL syntax error" in error["message"]
    assert "Expected" in error["message"] or "Unknown namespace prefix" in error["message"]


@pytest.mark.parametrize(
    ("body", "status", "error_type"),
    [
        ({"text": "x", "where": "?p pg:mentions ?m"}, 400, "BadRequest"),  # binds no ?paper
        ({"text": "x", "where": "?paper ?p ?o", "sparql": "SELECT ?paper {}"}, 400, "BadRequest"),
        ({"text": "x"}, 400, "BadRequest"),
        ({"text": "x", "sparql": "ASK { ?paper ?p ?o }"}, 400, "BadRequest"),
        ({"text": "x", "sparql": "DELETE WHERE { ?s ?p ?o }"}, 403, "QueryForbidden"),
    ],
)
def test_bad_queries_are_refused(
    client: TestClient, body: dict[str, str], status: int, error_type: str
) -> None:
    """Malformed or unanswerable queries are 400; an update is refused as read-only (403)."""
    response = client.post("/query", json=body)
    assert response.status_code == status, response.text
    assert response.json()["error"]["type"] == error_type


def test_missing_text_is_a_validation_error(client: TestClient) -> None:
    response = client.post("/query", json={"where": "?paper ?p ?o"})
    assert response.status_code == 422
    assert response.json()["error"]["type"] == "ValidationError"


def test_pg_similar_orders_papers_inside_sparql(client: TestClient) -> None:
    rows = sparql_rows(
        client,
        "SELECT ?paper ?score WHERE { ?paper a fabio:ResearchPaper . "
        'BIND(pg:similar(?paper, "classifying pictures with deep residual networks") AS ?score) '
        "} ORDER BY DESC(?score)",
    )
    assert rows[0]["paper"] == PAPER_NS + "vision-paper"
    scores = [float(row["score"]) for row in rows]
    assert len(scores) == 5 and scores == sorted(scores, reverse=True)
    assert all(-1.0 <= s <= 1.0 for s in scores)


def test_pg_similar_filters_and_joins_with_graph_facts(client: TestClient) -> None:
    rows = sparql_rows(
        client,
        "SELECT ?paper WHERE { ?paper pg:mentions ?d . "
        '?d a pg:Benchmark ; skos:prefLabel "GSM8K" . '
        'FILTER(pg:similar(?paper, "arithmetic word problems for small models") > 0.3) }',
    )
    assert {row["paper"] for row in rows} == {PAPER_NS + "math-paper"}


def test_pg_similar_scores_chunks_and_agrees_with_query(client: TestClient) -> None:
    text = "human feedback"
    rows = sparql_rows(
        client,
        "SELECT ?chunk ?score WHERE { ?chunk pg:chunkOf ?paper . "
        f'FILTER(?paper = <{PAPER_NS}2203.02155>) BIND(pg:similar(?chunk, "{text}") AS ?score) }}',
    )
    assert len(rows) == 2 and all("score" in row for row in rows)
    best = max(rows, key=lambda row: float(row["score"]))
    body = query(client, text=text, where=f"BIND(<{PAPER_NS}2203.02155> AS ?paper)")
    evidence = body["results"][0]["evidence"]
    assert best["chunk"].endswith("2203.02155%23" + evidence["chunk_id"].split("#")[1])
    assert float(best["score"]) == pytest.approx(evidence["score"], abs=1e-5)


def test_pg_similar_has_no_value_for_other_nodes(client: TestClient) -> None:
    rows = sparql_rows(
        client,
        'SELECT ?d ?s WHERE { ?d a pg:Benchmark . BIND(pg:similar(?d, "math") AS ?s) }',
    )
    assert rows and all("s" not in row for row in rows)


def test_pg_similar_works_in_a_query_pattern(client: TestClient) -> None:
    body = query(
        client,
        text="parameter-efficient fine-tuning",
        where="?paper a fabio:ResearchPaper . "
        'FILTER(pg:similar(?paper, "image classification") < 0.3)',
    )
    assert "vision-paper" not in {r["paper_id"] for r in body["results"]}
    assert body["results"][0]["paper_id"] == "lora-paper"
