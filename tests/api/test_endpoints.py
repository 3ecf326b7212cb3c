"""Every endpoint over the written corpus, as a client sees it."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_health_counts_what_was_ingested(client: TestClient) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert body["papers"] == 5
    assert body["chunks"] >= 6
    assert body["triples"] > 50


def test_semantic_search_ranks_the_matching_paper_first(client: TestClient) -> None:
    body = client.get(
        "/search", params={"q": "classifying images with deep residual nets", "k": 3}
    ).json()
    assert body["query"] == "classifying images with deep residual nets"
    assert body["results"][0]["paper_id"] == "vision-paper"
    first = body["results"][0]
    assert set(first) >= {"paper_id", "title", "chunk_id", "text", "score"}
    assert first["title"] == "Residual Networks for Picture Classification"


def test_keyword_and_hybrid_modes_answer(client: TestClient) -> None:
    for mode in ("keyword", "hybrid"):
        body = client.get("/search", params={"q": "InstructGPT labelers", "mode": mode}).json()
        assert body["results"][0]["paper_id"] == "2203.02155", mode


def test_paper_page_lists_what_the_paper_is_about_unless_asked_for_all(client: TestClient) -> None:
    about = client.get("/papers/dpo-paper").json()["entities"]
    every = client.get("/papers/dpo-paper", params={"entities": "all"}).json()["entities"]
    assert about and all(entity["salient"] for entity in about)
    assert "DPO" in {entity["label"] for entity in about}
    assert len(every) > len(about) and not all(entity["salient"] for entity in every)
    assert {e["id"] for e in about} == {e["id"] for e in every if e["salient"]}


def test_paper_list_pages(client: TestClient) -> None:
    first = client.get("/papers", params={"limit": 2}).json()
    second = client.get("/papers", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == 5 and len(first["papers"]) == 2
    ids = {paper["paper_id"] for paper in first["papers"] + second["papers"]}
    assert len(ids) == 4


def test_paper_page_lists_entities_with_evidence_and_citations(client: TestClient) -> None:
    body = client.get("/papers/dpo-paper", params={"entities": "all"}).json()
    assert body["authors"] == ["Ada Lovelace", "Alan Turing"]
    assert body["year"] == 2023
    labels = {entity["label"]: entity for entity in body["entities"]}
    assert {"DPO", "RLHF"} <= {label.split(" (")[0] for label in labels} | {
        alias for entity in body["entities"] for alias in entity["aliases"]
    }
    types = {entity["type"] for entity in body["entities"]}
    assert types <= {"Method", "Dataset", "Benchmark", "Task", "Metric"}
    evidence = body["entities"][0]["evidence"][0]
    assert evidence["chunk_id"].startswith("dpo-paper#") and evidence["text"]
    assert body["cited_by"] == ["math-paper"]
    assert any(ref["arxiv_id"] == "2203.02155" for ref in body["references"])


def test_related_never_recommends_itself_and_explains(client: TestClient) -> None:
    body = client.get("/papers/math-paper/related", params={"k": 4}).json()
    ids = [item["paper_id"] for item in body["related"]]
    assert "math-paper" not in ids
    assert ids[0] == "dpo-paper"  # cited, and shares DPO and GSM8K
    kinds = {reason["kind"] for reason in body["related"][0]["reasons"]}
    assert "cites" in kinds and "similar_text" in kinds


def test_entities_search_and_entity_page(client: TestClient) -> None:
    found = client.get("/entities", params={"q": "gsm"}).json()["entities"]
    gsm = next(entity for entity in found if entity["label"] == "GSM8K")
    page = client.get(f"/entities/{gsm['id']}").json()
    assert {paper["paper_id"] for paper in page["papers"]} == {"dpo-paper", "math-paper"}
    assert all(paper["title"] for paper in page["papers"])


def test_unknown_ids_answer_404_in_the_error_shape(client: TestClient) -> None:
    for path in ("/papers/nope", "/papers/nope/related", "/entities/method/nope", "/no-route"):
        response = client.get(path)
        assert response.status_code == 404, path
        error = response.json()["error"]
        assert set(error) == {"type", "message", "status"} and error["status"] == 404


def test_bad_parameters_answer_422_in_the_error_shape(client: TestClient) -> None:
    response = client.get("/search", params={"q": "x", "k": 0})
    assert response.status_code == 422
    assert response.json()["error"]["type"] == "ValidationError"


def test_sparql_counts_papers(client: TestClient) -> None:
    query = (
        "PREFIX fabio: <http://purl.org/spar/fabio/> "
        "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a fabio:ResearchPaper }"
    )
    for response in (
        client.get("/sparql", params={"query": query}),
        client.post("/sparql", data={"query": query}),
        client.post("/sparql", content=query, headers={"Content-Type": "application/sparql-query"}),
    ):
        assert response.status_code == 200
        bindings = response.json()["results"]["bindings"]
        assert int(bindings[0]["n"]["value"]) == 5


def test_sparql_syntax_error_is_400_with_the_parser_message(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x"})
    assert response.status_code == 400
    assert response.json()["error"]["message"]


def test_openapi_describes_every_route(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/health",
        "/search",
        "/sparql",
        "/papers",
        "/papers/{paper_id}",
        "/papers/{paper_id}/related",
        "/entities",
        "/entities/{entity_id}",
    ):
        assert path in paths, path


def test_cors_lets_browser_sparql_clients_read_but_not_write(client: TestClient) -> None:
    origin = {"Origin": "https://yasgui.example"}
    read = client.get("/sparql", params={"query": "ASK {}"}, headers=origin)
    assert read.headers["access-control-allow-origin"] in ("*", origin["Origin"])
    preflight = client.options(
        "/papers/dpo-paper",
        headers={
            **origin,
            "Access-Control-Request-Method": "DELETE",
            "Access-Control-Request-Headers": "x-api-key",
        },
    )
    assert "DELETE" not in preflight.headers.get("access-control-allow-methods", "")


def test_the_sparql_editor_examples_run_and_answer(client: TestClient) -> None:
    """The examples the web editor offers, through /sparql on the written corpus."""
    from papergraph.api.web.sparql_examples import EXAMPLES

    answers = {}
    for example in EXAMPLES:
        response = client.post(
            "/sparql",
            data={"query": example.query},
            headers={"Accept": "application/sparql-results+json"},
        )
        assert response.status_code == 200, (example.name, response.text)
        answers[example.name] = response.json()["results"]["bindings"]
    titles = {row["title"]["value"] for row in answers["Papers that mention GSM8K"]}
    assert titles == {
        "Preference Optimization Without Reward Models",
        "Teaching Small Models Grade-School Arithmetic",
    }
    used = {
        row["label"]["value"]: int(row["papers"]["value"])
        for row in answers["Most used datasets and benchmarks"]
    }
    assert used["GSM8K"] == 2 and used["ImageNet"] == 1


def test_paper_page_puts_what_the_paper_is_not_about_under_also_mentioned(
    client: TestClient,
) -> None:
    every = client.get("/papers/dpo-paper", params={"entities": "all"}).json()["entities"]
    minor = [e["label"] for e in every if not e["salient"]]
    html = client.get("/paper/dpo-paper").text
    also = html.split("Also mentioned", 1)
    assert minor and len(also) == 2
    assert all(label in also[1] for label in minor)
