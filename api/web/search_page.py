"""The search page's data: hits grouped by paper, narrowed by facets from the graph, paged.

Without a query the page browses every paper (newest first), so the facets work as a catalogue.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from papergraph.api.backend import Backend
from papergraph.api.search import SearchMode, search_chunks
from papergraph.api.web.highlight import marked_passage
from papergraph.kg.browse import FACET_TYPES, PaperFacts, paper_facts

PAGE_SIZE = 10
CANDIDATE_CHUNKS = 100  # chunks a query fetches before grouping and filtering
PASSAGES_PER_PAPER = 3
VALUES_PER_FACET = 8


@dataclass
class Selection:
    """The facet values a user ticked: entity keys (all must match) and years (any may)."""

    entities: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)

    def admits(self, paper_id: str, facts: PaperFacts) -> bool:
        mentioned = facts.mentions.get(paper_id, set())
        if not set(self.entities) <= mentioned:
            return False
        return not self.years or facts.years.get(paper_id) in self.years


@dataclass
class Passage:
    chunk_id: str
    html: Markup
    score: float


@dataclass
class PaperGroup:
    """One paper in the results, with its best matching passages."""

    paper_id: str
    title: str
    authors: list[str] = field(default_factory=list)
    year: int | None = None
    score: float | None = None
    passages: list[Passage] = field(default_factory=list)


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class FilterFacet:
    name: str
    param: str
    values: list[FacetValue]


@dataclass
class SearchView:
    query: str
    mode: str
    groups: list[PaperGroup]
    facets: list[FilterFacet]
    page: int
    pages: int
    total: int
    first: int  # the rank of the first paper shown


def search_page(
    backend: Backend,
    query: str,
    mode: SearchMode,
    selection: Selection,
    page: int = 1,
    page_size: int = PAGE_SIZE,
) -> SearchView:
    """Page `page` of the papers that answer `query` (or of all papers) within `selection`."""
    facts = backend.while_unchanged("facets", lambda: paper_facts(backend.stores.graph))
    groups = _groups(backend, query, mode) if query.strip() else _all_papers(backend)
    groups = [group for group in groups if selection.admits(group.paper_id, facts)]
    pages = max(1, math.ceil(len(groups) / page_size))
    page = min(max(page, 1), pages)
    shown = groups[(page - 1) * page_size : page * page_size]
    for group in shown:
        _fill_metadata(backend, group)
    return SearchView(
        query=query,
        mode=mode.value,
        groups=shown,
        facets=_facets([group.paper_id for group in groups], facts, selection),
        page=page,
        pages=pages,
        total=len(groups),
        first=(page - 1) * page_size + 1,
    )


def _groups(backend: Backend, query: str, mode: SearchMode) -> list[PaperGroup]:
    """Hits grouped by paper, in the order of each paper's best hit."""
    groups: dict[str, PaperGroup] = {}
    for hit in search_chunks(backend.searcher, query, CANDIDATE_CHUNKS, mode):
        group = groups.setdefault(
            hit.paper_id, PaperGroup(hit.paper_id, hit.title, score=hit.score)
        )
        if len(group.passages) < PASSAGES_PER_PAPER:
            marked = marked_passage(hit.text, [(span.start, span.end) for span in hit.highlights])
            group.passages.append(Passage(hit.chunk_id, marked, hit.score))
    return list(groups.values())


def _all_papers(backend: Backend) -> list[PaperGroup]:
    papers = backend.stores.chunks.all_papers_minimal()
    papers.sort(key=lambda paper: (-(paper.get("year") or 0), str(paper["title"]).lower()))
    return [PaperGroup(str(paper["id"]), str(paper["title"])) for paper in papers]


def _fill_metadata(backend: Backend, group: PaperGroup) -> None:
    paper = backend.stores.chunks.get_paper(group.paper_id)
    if paper is None:
        return
    group.title = paper.get("title") or group.title
    group.authors = list(paper.get("authors") or [])
    group.year = paper.get("year")
    if not group.passages and paper.get("abstract"):
        abstract = str(paper["abstract"])
        short = abstract if len(abstract) <= 300 else abstract[:300].rsplit(" ", 1)[0] + "…"
        group.passages.append(Passage(f"{group.paper_id}#abstract", Markup(escape(short)), 0.0))


def _facets(paper_ids: list[str], facts: PaperFacts, selection: Selection) -> list[FilterFacet]:
    """Counts among the papers in the result set; ticked values always shown."""
    counts = Counter(key for paper_id in paper_ids for key in facts.mentions.get(paper_id, ()))
    facets = []
    for entity_type in FACET_TYPES:
        keys = [key for key in counts if facts.entities[key].type == entity_type.value]
        keys.sort(key=lambda key: (-counts[key], facts.entities[key].label.lower()))
        shown = keys[:VALUES_PER_FACET] + [
            key
            for key in selection.entities
            if key in facts.entities
            and facts.entities[key].type == entity_type.value
            and key not in keys[:VALUES_PER_FACET]
        ]
        values = [
            FacetValue(key, facts.entities[key].label, counts[key], key in selection.entities)
            for key in shown
        ]
        facets.append(FilterFacet(f"{entity_type.value}s", "entity", values))
    years = Counter(facts.years[paper_id] for paper_id in paper_ids if paper_id in facts.years)
    facets.append(
        FilterFacet(
            "Years",
            "year",
            [
                FacetValue(str(year), str(year), years[year], year in selection.years)
                for year in sorted(years, reverse=True)
            ],
        )
    )
    return facets
