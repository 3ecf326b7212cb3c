"""GET /leaderboards and the leaderboard pages, over papers whose results were read from tables."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient

from papergraph.api.app import create_app
from papergraph.api.backend import Backend
from papergraph.api.config import Settings
from papergraph.core.model import Extraction, Table
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.table_results import table_results
from papergraph.kg.mapping import paper_graph
from tests.ingest.tables import ATTENTION_TABLE_2, grid, paper_with

WMT_DE = "WMT 2014 English-German"
CONVS2S_TABLE = Table(
    grid([["Model", "WMT'14 En-De BLEU"], ["GNMT", "24.61"], ["ConvS2S (ours)", "25.16"]]),
    number="1",
    caption="Table 1: Accuracy on WMT tasks.",
    page=5,
)

#: A table whose bold row is a change of the row above: an ablation, off the boards by default.
LIGHTCONV_TABLE = Table(
    grid(
        [["Model", "WMT'14 En-De BLEU"], ["LightConv", "26.0"], ["+ dynamic kernels", "26.9"]],
        bold={(2, 1)},
    ),
    number="3",
    caption="Table 3: Accuracy on WMT tasks.",
    page=6,
)


@pytest.fixture(scope="module")
def board_client(tmp_path_factory: pytest.TempPathFactory, embedder) -> Iterator[TestClient]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("boards"))
    backend = Backend.open(settings, embedder=embedder)
    for paper, names in [
        (
            paper_with([ATTENTION_TABLE_2], "Attention Is All You Need", "The Transformer.\n\nx"),
            ["Transformer"],
        ),
        (
            paper_with(
                [CONVS2S_TABLE],
                "Convolutional Sequence to Sequence Learning",
                "ConvS2S",
                paper_id="convs2s",
            ),
            ["ConvS2S"],
        ),
        (
            paper_with([LIGHTCONV_TABLE], "Pay Less Attention", "x", paper_id="lightconv"),
            ["DynamicConv"],
        ),
    ]:
        results = table_results(paper, hybrid_matcher(), names, ["Machine Translation"])
        backend.stores.graph.replace_paper(
            paper.id, paper_graph(paper, Extraction(paper.id, [], results))
        )
    with TestClient(create_app(settings, backend)) as client:
        yield client
    backend.close()


def test_leaderboards_answer_boards_with_rows_from_every_paper(board_client: TestClient) -> None:
    answer = board_client.get("/leaderboards", params={"dataset": WMT_DE, "metric": "BLEU"})
    assert answer.status_code == 200
    [board] = answer.json()["leaderboards"]
    assert (board["task"], board["dataset"], board["metric"], board["higher_is_better"]) == (
        "machine translation",  # the lexicon's one spelling of the task
        WMT_DE,
        "BLEU",
        True,
    )
    assert [(r["method"], r["value"], r["paper_id"]) for r in board["rows"]] == [
        ("Transformer (big)", 28.4, "attention"),
        ("Transformer (base model)", 27.3, "attention"),
        ("ConvS2S", 25.16, "convs2s"),
    ]
    evidence = board["rows"][0]["evidence"]
    assert (evidence["table"], evidence["page"], evidence["cell"]) == ("2", 8, "28.4")
    assert (
        evidence["column_header"] == "BLEU EN-DE" and evidence["row_header"] == "Transformer (big)"
    )
    assert board["rows"][0]["supporting_papers"] == 1
    assert board["qualifier"] == "2014 en-de"  # the variant of WMT the board is on


def test_leaderboard_filters_and_the_openapi_document(board_client: TestClient) -> None:
    boards = board_client.get("/leaderboards").json()["leaderboards"]
    assert {(b["dataset"], b["metric"]) for b in boards} == {
        (WMT_DE, "BLEU"),
        ("WMT 2014 English-French", "BLEU"),
    }
    assert board_client.get("/leaderboards", params={"task": "Parsing"}).json() == {
        "leaderboards": []
    }
    assert "/leaderboards" in board_client.get("/openapi.json").json()["paths"]


def test_leaderboard_page_links_each_value_to_its_table_cell(board_client: TestClient) -> None:
    page = board_client.get("/leaderboard", params={"dataset": WMT_DE, "metric": "BLEU"})
    assert page.status_code == 200
    html = page.text
    assert 'class="sortable"' in html and 'href="#evidence-1"' in html
    assert "Table 2, page 8" in html and "<code>28.4</code>" in html and "convs2s" in html
    listing = board_client.get("/leaderboard").text
    assert "WMT 2014 English-French" in listing
    missing = board_client.get("/leaderboard", params={"dataset": "SQuAD", "metric": "F1"})
    assert missing.status_code == 404 and "no leaderboard" in missing.text


def test_ablation_rows_are_off_the_boards_unless_asked_for(board_client: TestClient) -> None:
    params = {"dataset": WMT_DE, "metric": "BLEU"}
    [board] = board_client.get("/leaderboards", params=params).json()["leaderboards"]
    assert "lightconv" not in {row["paper_id"] for row in board["rows"]}
    shown = board_client.get("/leaderboards", params={**params, "ablations": "true"}).json()
    [row] = [r for r in shown["leaderboards"][0]["rows"] if r["paper_id"] == "lightconv"]
    assert (row["method"], row["value"]) == ("LightConv + dynamic kernels", 26.9)
    assert "change of the row above" in row["evidence"]["ablation"]
    page = board_client.get("/leaderboard", params=params).text
    assert "LightConv + dynamic kernels" not in page and "ablations=true" in page
    page = board_client.get("/leaderboard", params={**params, "ablations": "true"}).text
    assert "LightConv + dynamic kernels" in page and "(ablation)" in page


def test_the_ablations_link_keeps_the_filters_the_page_was_asked_with(
    board_client: TestClient,
) -> None:
    """Showing ablations from a board filtered by task keeps the task (it was dropped)."""
    [board] = board_client.get(
        "/leaderboards", params={"dataset": WMT_DE, "metric": "BLEU"}
    ).json()["leaderboards"]
    assert board["task"], "the board has a task to filter by"
    params = {"task": board["task"], "dataset": WMT_DE, "metric": "BLEU"}
    page = board_client.get("/leaderboard", params=params).text
    link = re.search(r'href="([^"]*ablations=true)"', page)
    assert link, "no show-ablations link"
    asked = parse_qs(urlsplit(unescape(link.group(1))).query)
    assert asked == {key: [value] for key, value in {**params, "ablations": "true"}.items()}
