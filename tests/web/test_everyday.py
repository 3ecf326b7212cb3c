"""Everyday use in the browser (issue 15): API docs with no network, tables that wrap between
words, graph labels inside the drawing."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
from playwright.sync_api import expect  # noqa: E402

#: Every word of a cell, measured: a word whose text spans two line boxes was broken mid-word
#: (a break after a hyphen, "Grade-/School", is a break between words).
BROKEN_WORDS = """(cells) => cells.flatMap((cell) => {
  const broken = [];
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.textContent.matchAll(/[^\\s-]+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
      if (tops.size > 1) broken.push(match[0]);
    }
  }
  return broken;
})"""

#: Labels of the graph whose box leaves the drawing (viewBox), with the drawing's width.
LABELS_OUTSIDE = """(svg) => {
  const box = svg.viewBox.baseVal;
  return [...svg.querySelectorAll("text")].map((text) => [text.textContent, text.getBBox()])
    .filter(([, b]) => b.x < box.x - 0.5 || b.x + b.width > box.x + box.width + 0.5
                       || b.y < box.y - 0.5 || b.y + b.height > box.y + box.height + 0.5)
    .map(([label]) => label);
}"""


def offline(page: Any, server_url: str) -> list[str]:
    """Abort every request to another host, as with no network; the list collects them."""
    elsewhere: list[str] = []

    def route(request_route: Any) -> None:
        if request_route.request.url.startswith(server_url):
            request_route.continue_()
        else:
            elsewhere.append(request_route.request.url)
            request_route.abort()

    page.route("**/*", route)
    return elsewhere


def test_api_docs_list_the_operations_with_no_network(page: Any, server_url: str) -> None:
    elsewhere = offline(page, server_url)
    page.goto("/")
    page.get_by_role("link", name="API").click()
    operations = page.locator(".opblock-summary-path")
    expect(operations.first).to_be_visible(timeout=20_000)
    paths = set(operations.all_inner_texts())
    assert {"/search", "/sparql", "/entities", "/papers/{paper_id}"} <= {
        path.replace("\u200b", "") for path in paths
    }
    page.goto("/redoc")
    expect(page.get_by_text("/search", exact=False).first).to_be_attached(timeout=20_000)
    assert not elsewhere, f"the docs asked other hosts: {elsewhere}"


@pytest.mark.parametrize("width", [1280, 760, 390])
def test_entity_tables_wrap_between_words_only(page: Any, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/entity/benchmark/gsm8k")
    expect(page.locator("#entity-papers tbody tr").first).to_be_visible()
    for table in ("#entity-papers", "#leaderboard"):
        cells = page.locator(f"{table} th, {table} td")
        assert cells.count() > 4
        assert cells.evaluate_all(BROKEN_WORDS) == [], (table, width)


@pytest.mark.parametrize("width", [1280, 760, 390])
def test_graph_labels_stay_inside_the_drawing(page: Any, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    for target in ("paper=math-paper", "entity=benchmark/gsm8k", "paper=dpo-paper"):
        page.goto(f"/graph?{target}")
        expect(page.locator("#graph text").first).to_be_attached()
        assert page.locator("#graph").evaluate(LABELS_OUTSIDE) == [], (target, width)
