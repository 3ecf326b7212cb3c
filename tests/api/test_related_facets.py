"""Related papers by facet: classified sentences matched many to many, quoted as reasons."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from papergraph.api.cli import app as cli
from papergraph.api.related.facets import facet_model, split_sentences


@pytest.mark.parametrize(
    ("sentence", "facet"),
    [
        (
            (
                "Large language models are hard to steer, and earlier work relied on costly human "
                "labels."
            ),
            "background",
        ),
        (
            (
                "We propose a two-stream architecture that couples pooled features with full "
                "resolution residuals."
            ),
            "method",
        ),
        (
            "Our approach achieves an intersection-over-union score of 71.8% on Cityscapes.",
            "result",
        ),
    ],
)
def test_sentences_are_classified_by_facet(sentence: str, facet: str) -> None:
    assert facet_model().classify(sentence) == facet


def test_an_abstract_splits_into_its_sentences() -> None:
    text = "We study GSM8K. We fine-tune models with DPO (Rafailov et al.). Accuracy rises by 3%."
    assert split_sentences(text) == [
        "We fine-tune models with DPO (Rafailov et al.).",
        "Accuracy rises by 3%.",
    ]  # "We study GSM8K." is shorter than a sentence worth matching


def related(client: TestClient, paper_id: str, **params: object) -> dict:
    response = client.get(f"/papers/{paper_id}/related", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_a_facet_ranks_by_matched_sentences_and_quotes_them(client: TestClient) -> None:
    body = related(client, "math-paper", facet="result")
    assert body["related"]
    for item in body["related"]:
        matched = [r for r in item["reasons"] if r["kind"] == "matched_sentences"]
        assert matched and matched[0]["facet"] == "result"
        pair = matched[0]["pairs"][0]
        assert (
            pair["seed_sentence"] in matched[0]["text"] and pair["sentence"] in matched[0]["text"]
        )
        assert "sentences" in item["signals"]
    scores = [item["score"] for item in body["related"]]
    assert scores == sorted(scores, reverse=True)


def test_the_method_facet_keeps_only_method_entity_reasons(client: TestClient) -> None:
    body = related(client, "math-paper", facet="method")
    kinds = {r["kind"] for item in body["related"] for r in item["reasons"]}
    assert not kinds & {"shared_dataset", "shared_benchmark", "shared_metric", "shared_task"}
    assert "shared_method" in kinds  # DPO and LoRA are shared with the DPO and LoRA papers


def test_an_unknown_facet_is_a_client_error(client: TestClient) -> None:
    response = client.get("/papers/math-paper/related", params={"facet": "vibes"})
    assert response.status_code == 422


def test_recommend_takes_a_facet(client: TestClient) -> None:
    response = client.post(
        "/recommend", json={"positive_paper_ids": ["math-paper"], "facet": "background", "k": 3}
    )
    assert response.status_code == 200, response.text
    items = response.json()["recommended_papers"]
    assert items and all(any(r["kind"] == "matched_sentences" for r in i["reasons"]) for i in items)


def test_cli_related_takes_a_facet(tmp_path: Path, corpus_dir: Path) -> None:
    runner = CliRunner()
    data_dir = str(tmp_path / "data")
    ingested = runner.invoke(cli, ["ingest", str(corpus_dir), "--data-dir", data_dir])
    assert ingested.exit_code == 0, ingested.output
    args = ["related", "math-paper", "--facet", "result", "--json", "--data-dir", data_dir]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    items = json.loads(result.output)
    assert items and any(r["kind"] == "matched_sentences" for r in items[0]["reasons"])
    bad = runner.invoke(cli, ["related", "math-paper", "--facet", "vibes", "--data-dir", data_dir])
    assert bad.exit_code == 2
