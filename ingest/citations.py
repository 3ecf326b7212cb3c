"""Citations resolved to stored papers, in either order of arrival.

A paper's references resolve when it is written (`resolve`): by arXiv id, DOI, a paper id named
outright, else by title, a fuzzy match (rapidfuzz's ratio of the normalised titles) over the
stored papers whose titles start or end alike, above `IngestSettings.citation_title_match`.
And the references already stored that name the new paper resolve to it (`incoming`): the same
tests the other way round. The graph gets `cito:cites` to the paper in both cases
(`citation_ntriples`), with the citing sentence as the citation's evidence.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from papergraph.core.model import Paper, Reference, title_key, url_safe_id
from papergraph.index.store import ChunkStore
from papergraph.kg.mapping import citation_graph

YEAR_SLACK = 1  # a preprint and its venue version may be a year apart


@dataclass(frozen=True)
class Link:
    """A stored reference (the citing paper's id and the entry's position) resolved to a paper."""

    citing_id: str
    seq: int
    cited_id: str


class CitationResolver:
    """Resolves references against the papers in one chunk store."""

    def __init__(self, chunks: ChunkStore, title_match: float) -> None:
        self.chunks = chunks
        self.title_match = title_match

    def resolve(self, paper: Paper) -> None:
        """Set `paper_id` on each of the paper's references that names a stored paper."""
        refs = [ref for ref in paper.references if ref.paper_id is None]
        by_arxiv = self.chunks.papers_by_arxiv_ids(r.arxiv_id for r in refs if r.arxiv_id)
        by_doi = self.chunks.papers_by_dois(r.doi for r in refs if r.doi)
        named = self.chunks.existing_paper_ids(r.raw.strip() for r in refs if _names_id(r))
        for ref in refs:
            found = (
                (by_arxiv.get(ref.arxiv_id) if ref.arxiv_id else None)
                or (by_doi.get(ref.doi.lower()) if ref.doi else None)
                or (ref.raw.strip() if ref.raw.strip() in named and _names_id(ref) else None)
                or self._by_title(ref)
            )
            if found and found != paper.id:
                ref.paper_id = found

    def _by_title(self, ref: Reference) -> str | None:
        key = title_key(ref.title or "")
        if len(key) < 8:
            return None
        best, best_score = None, 0.0
        for candidate in self.chunks.title_candidates(key):
            if not _compatible(ref, candidate.arxiv_id, candidate.year):
                continue
            score = fuzz.ratio(key, candidate.key)
            if score >= self.title_match and score > best_score:
                best, best_score = candidate.paper_id, score
        return best

    def incoming(self, paper: Paper) -> list[Link]:
        """Stored references of other papers, not yet resolved, that name this paper."""
        key = title_key(paper.title)
        links = []
        for row in self.chunks.unresolved_citing(paper.arxiv_id, paper.doi, key, paper.id):
            if row["paper_id"] == paper.id:
                continue
            if _names(row, paper, key, self.title_match):
                links.append(Link(row["paper_id"], row["seq"], paper.id))
        return links


def _names(row: dict[str, object], paper: Paper, key: str, title_match: float) -> bool:
    if paper.arxiv_id and row["arxiv_id"] == paper.arxiv_id:
        return True
    if paper.doi and str(row["doi"] or "").lower() == paper.doi.lower():
        return True
    if row["raw"] == paper.id and row["title"] is None and row["doi"] is None:
        return True
    if row["arxiv_id"] and paper.arxiv_id and row["arxiv_id"] != paper.arxiv_id:
        return False
    year = row["year"] if isinstance(row["year"], int) else None
    if year is not None and paper.year is not None and abs(year - paper.year) > YEAR_SLACK:
        return False
    title = str(row["title_key"] or "")
    return len(key) >= 8 and bool(title) and fuzz.ratio(key, title) >= title_match


def _compatible(ref: Reference, arxiv_id: str | None, year: int | None) -> bool:
    """A title match may not overrule a different arXiv id or a year far off."""
    if ref.arxiv_id and arxiv_id and ref.arxiv_id != arxiv_id:
        return False
    return ref.year is None or year is None or abs(ref.year - year) <= YEAR_SLACK


def _names_id(ref: Reference) -> bool:
    raw = ref.raw.strip()
    return bool(raw) and not ref.doi and not ref.title and url_safe_id(raw) == raw


def citation_ntriples(paper: Paper, references: list[Reference]) -> str:
    """N-Triples linking the paper to the stored papers its resolved references name."""
    texts = {chunk.id: chunk.text for chunk in paper.chunks}
    lines = []
    for ref in references:
        if ref.paper_id:
            graph = citation_graph(
                paper.id, ref.paper_id, ref, texts.get(ref.context_chunk_id or "")
            )
            lines.append(graph.serialize(format="nt"))
    return "".join(lines)
