"""The pages as a person uses them, in headless Chromium against a real server process."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
from playwright.sync_api import expect  # noqa: E402


def test_search_click_through_to_paper_open_evidence_follow_related(
    page: Any, screenshot: Any
) -> None:
    page.goto("/")
    page.get_by_label("Search papers").fill("preference optimization without a reward model")
    page.get_by_label("Search papers").press("Enter")
    hits = page.locator("ol.hits > li")
    expect(hits.first.locator("h2")).to_have_text("Preference Optimization Without Reward Models")
    expect(hits.first.locator("blockquote mark").first).to_be_visible()
    marked = {text.lower() for text in hits.first.locator("mark").all_inner_texts()}
    assert {"preference", "optimization", "reward"} & marked
    screenshot(page, "search")

    hits.first.locator("h2 a").click()
    expect(page).to_have_url(re.compile(r"/paper/dpo-paper$"))
    expect(page.locator("h1")).to_have_text("Preference Optimization Without Reward Models")
    expect(page.locator(".authors")).to_have_text("Ada Lovelace, Alan Turing")
    expect(page.locator("a.arxiv")).to_have_attribute("href", "https://arxiv.org/abs/2305.18290")

    dpo = page.locator("li.fact", has=page.get_by_role("link", name="DPO", exact=True))
    evidence = dpo.locator("blockquote.evidence").first
    expect(evidence).to_be_hidden()
    dpo.locator("summary").focus()
    page.keyboard.press("Enter")  # the evidence opens from the keyboard
    expect(evidence).to_be_visible()
    expect(evidence.locator("mark").first).to_have_text(re.compile(r"DPO|Direct Preference"))
    expect(evidence).to_contain_text("without reinforcement learning")
    results = page.locator("table#paper-results tbody tr")
    expect(results).to_have_count(2)
    expect(page.locator("table#paper-results")).to_contain_text("61.2")
    screenshot(page, "paper")

    related = page.locator(".related-list > li").filter(has_text="Teaching Small Models")
    expect(related.locator(".reason-cited_by")).to_have_text("it cites this paper")
    related.get_by_role("link", name="Teaching Small Models Grade-School Arithmetic").click()
    expect(page).to_have_url(re.compile(r"/paper/math-paper$"))
    expect(page.locator("h1")).to_have_text("Teaching Small Models Grade-School Arithmetic")
    expect(page.locator("#refs-h + ul.refs")).to_contain_text("Preference Optimization")


def test_facets_narrow_the_results_and_count_papers(page: Any, screenshot: Any) -> None:
    page.goto("/?q=fine-tuning+language+models&mode=hybrid")
    before = page.locator("ol.hits > li").count()
    lora = page.locator("label.facet-value", has_text="LoRA")
    count = int(lora.locator(".count").inner_text())
    assert 0 < count < before
    lora.locator("input").check()  # filters apply on change
    expect(page).to_have_url(re.compile(r"entity=method%2Flora"))
    expect(page.locator("ol.hits > li")).to_have_count(count)
    titles = set(page.locator("ol.hits h2").all_inner_texts())
    assert titles == {
        "Cheap Adaptation of Large Models with Low-Rank Updates",
        "Teaching Small Models Grade-School Arithmetic",
    }
    expect(page.locator("label.facet-value", has_text="LoRA").locator("input")).to_be_checked()
    page.locator("label.facet-value", has_text="2024").locator("input").check()
    expect(page.locator("ol.hits h2")).to_have_text(
        ["Teaching Small Models Grade-School Arithmetic"]
    )
    screenshot(page, "search-filtered")


def test_browsing_pages_through_all_papers(page: Any) -> None:
    page.goto("/?per=2")
    expect(page.locator(".results-heading")).to_have_text("5 papers")
    expect(page.locator(".pager")).to_contain_text("Page 1 of 3")
    first = page.locator("ol.hits h2").all_inner_texts()
    page.get_by_role("link", name="Next →").click()
    expect(page.locator(".pager")).to_contain_text("Page 2 of 3")
    second = page.locator("ol.hits h2").all_inner_texts()
    assert len(first) == len(second) == 2 and not set(first) & set(second)
    assert first[0] == "Teaching Small Models Grade-School Arithmetic"  # newest first


def test_entity_page_lists_papers_by_role_and_sorts_its_leaderboard(
    page: Any, screenshot: Any
) -> None:
    page.goto("/entity/benchmark/gsm8k")
    expect(page.locator("h1")).to_have_text("GSM8K")
    expect(page.locator(".role-group")).not_to_have_count(0)
    expect(page.locator("#entity-papers tbody tr")).to_have_count(2)
    values = page.locator("#leaderboard tbody td.num")
    expect(values).to_have_count(3)
    page.locator("#leaderboard th", has_text="Value").get_by_role("button").click()
    expect(values).to_have_text(["44", "48.5", "52.3"])
    page.locator("#leaderboard th", has_text="Value").get_by_role("button").click()
    expect(values).to_have_text(["52.3", "48.5", "44"])
    expect(page.locator("#leaderboard th", has_text="Value")).to_have_attribute(
        "aria-sort", "descending"
    )
    screenshot(page, "entity")
    page.locator("#leaderboard tbody tr").first.get_by_role("link", name="DPO").click()
    expect(page).to_have_url(re.compile(r"/entity/method/dpo$"))


def test_graph_view_draws_the_neighbourhood_with_clickable_nodes(
    page: Any, screenshot: Any
) -> None:
    page.goto("/paper/math-paper")
    page.get_by_role("link", name="Graph view").click()
    expect(page).to_have_url(re.compile(r"/graph\?paper=math-paper"))
    nodes = page.locator("#graph .node")
    listed = page.locator(".node-list > li").count()
    expect(nodes).to_have_count(listed)
    expect(page.locator("#graph line.cites")).to_have_count(2)  # cites the DPO and LoRA papers
    boxes = [nodes.nth(i).bounding_box() for i in range(listed)]
    assert len({(round(b["x"]), round(b["y"])) for b in boxes}) == listed  # laid out, not stacked
    screenshot(page, "graph")
    page.locator("#graph a.node-paper", has_text="Preference Optimization").click()
    expect(page).to_have_url(re.compile(r"/paper/dpo-paper$"))


def test_sparql_editor_runs_a_query_shows_rows_and_offers_downloads(
    page: Any, screenshot: Any
) -> None:
    page.goto("/sparql-editor")
    expect(page.get_by_label("Query", exact=False).first).to_contain_text("GSM8K")
    page.get_by_role("button", name="Run query").click()
    rows = page.locator("#sparql-table tbody tr")
    expect(rows).to_have_count(2)
    expect(page.locator("#sparql-table")).to_contain_text("Teaching Small Models")
    expect(page.locator("#sparql-status")).to_contain_text("2 rows")
    screenshot(page, "sparql")
    rows.first.locator("a").first.click()  # paper IRIs link to their pages
    expect(page).to_have_url(re.compile(r"/paper/(dpo|math)-paper$"))

    page.goto("/sparql-editor")
    page.get_by_label("Example queries").select_option(label="How many papers")
    page.get_by_label("Query", exact=False).first.press("Control+Enter")
    expect(page.locator("#sparql-table tbody td")).to_have_text(["5"])
    href = page.locator("#download-csv").get_attribute("href")
    download = page.request.get(href)
    assert download.headers["content-type"].startswith("text/csv")
    assert list(csv.reader(io.StringIO(download.text()))) == [["papers"], ["5"]]
    as_json = page.request.get(page.locator("#download-json").get_attribute("href")).json()
    assert as_json["results"]["bindings"][0]["papers"]["value"] == "5"


def test_sparql_editor_shows_a_bad_query_inline(
    page: Any, page_errors: list[str], screenshot: Any
) -> None:
    page.goto("/sparql-editor")
    page.get_by_label("Query", exact=False).first.fill("SELECT ?x WHERE { ?x")
    page.get_by_role("button", name="Run query").click()
    error = page.get_by_role("alert")
    expect(error).to_be_visible()
    expect(error).to_contain_text("SparqlSyntaxError")
    expect(error).to_contain_text("syntax error")
    expect(page.locator("#sparql-table")).to_have_count(0)
    expect(page.locator("#download-csv")).to_be_hidden()
    screenshot(page, "sparql-error")
    page_errors[:] = [e for e in page_errors if "status of 400" not in e]  # the expected 400


def test_unknown_paper_is_a_readable_404_page(page: Any, page_errors: list[str]) -> None:
    response = page.goto("/paper/no-such-paper")
    assert response is not None and response.status == 404
    expect(page.get_by_role("alert")).to_contain_text("no paper with id 'no-such-paper'")
    page_errors[:] = [e for e in page_errors if "status of 404" not in e]


def test_ingest_page_has_a_labelled_key_and_file_form(page: Any, screenshot: Any) -> None:
    page.goto("/ingest")
    expect(page.get_by_label("API key")).to_have_attribute("type", "password")
    expect(page.get_by_label("Files")).to_have_attribute("multiple", "")
    screenshot(page, "ingest")


def test_ingest_page_uploads_jsonl_with_progress(
    page: Any, api_key: str, tmp_path: Any, screenshot: Any
) -> None:
    routes = page.request.get("/openapi.json").json()["paths"]
    if "post" not in routes.get("/papers", {}):
        pytest.skip("this server has no POST /papers upload endpoint yet (issue #7 adds it)")
    papers_before = page.request.get("/health").json()["papers"]
    upload = tmp_path / "uploaded.jsonl"
    upload.write_text(
        json.dumps(
            {
                "id": "uploaded-paper",
                "title": "Uploaded Through The Ingest Page",
                "year": 2025,
                "abstract": "We fine-tune models with LoRA and evaluate on GSM8K.",
            }
        )
        + "\n"
    )
    page.goto("/ingest")
    page.get_by_label("API key").fill(api_key)
    page.get_by_label("Files").set_input_files(str(upload))
    page.get_by_role("button", name="Upload").click()
    item = page.locator("#uploads > li")
    expect(item).to_have_class("done", timeout=60_000)
    expect(item.locator("progress")).to_have_attribute("value", "100")
    screenshot(page, "ingest-done")
    assert page.request.get("/health").json()["papers"] == papers_before + 1
    page.goto("/paper/uploaded-paper")
    expect(page.locator("h1")).to_have_text("Uploaded Through The Ingest Page")


def test_no_page_asks_anything_of_another_host(page: Any, server_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for path in (
        "/",
        "/?q=GSM8K",
        "/paper/dpo-paper",
        "/entity/benchmark/gsm8k",
        "/graph?entity=benchmark/gsm8k",
        "/sparql-editor",
        "/ingest",
    ):
        page.goto(path)
        page.wait_for_load_state("networkidle")
    assert requested and all(url.startswith(server_url + "/") for url in requested), [
        url for url in requested if not url.startswith(server_url + "/")
    ]


@pytest.mark.parametrize(
    "path",
    [
        "/?q=GSM8K",
        "/paper/math-paper",
        "/entity/benchmark/gsm8k",
        "/graph?paper=math-paper",
        "/sparql-editor",
        "/ingest",
    ],
)
def test_pages_fit_a_phone_screen(browser: Any, server_url: str, path: str) -> None:
    context = browser.new_context(
        base_url=server_url,
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
        device_scale_factor=2,
    )
    phone = context.new_page()
    try:
        phone.goto(path)
        phone.wait_for_load_state("networkidle")
        overflow = phone.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} is {overflow}px wider than a phone screen"
        name = "phone-" + re.sub(r"[^a-z]+", "-", path.split("?")[0].strip("/") or "search")
        phone.screenshot(path=str(_phone_shot(name)), full_page=False)
    finally:
        context.close()


def test_keyboard_users_reach_the_skip_link_then_search(page: Any) -> None:
    page.goto("/paper/dpo-paper")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Skip to content")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('main') !== null")
    assert focused, "after the skip link, focus moves into the main content"


def _phone_shot(name: str) -> Path:
    folder = Path(__file__).resolve().parents[2] / "test-output" / "web"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{name}.png"
