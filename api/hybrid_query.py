"""Hybrid graph query: the papers a SPARQL pattern admits, ranked by meaning of a text.

The pattern runs through the read-only SPARQL endpoint's checks (syntax errors answer 400 with
the parser's message, updates are refused, a timeout and a row cap apply); each admitted paper
is then scored by its best chunk's cosine to the text, and that chunk is its evidence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from papergraph.core.errors import BadRequest
from papergraph.index.highlight import HighlightSpan, highlight_spans, query_terms, snippet
from papergraph.index.hybrid import HybridRetriever
from papergraph.kg.errors import SparqlSyntaxError
from papergraph.kg.settings import GraphSettings
from papergraph.kg.sparql import run_configured
from papergraph.kg.store import KnowledgeGraph
from papergraph.kg.vocab import PAPER_NS, paper_id_from_iri

PAPER_VARIABLE = "paper"
MAX_BINDINGS_PER_PAPER = 20


@dataclass
class MatchedPassage:
    chunk_id: str
    text: str
    score: float
    highlights: list[HighlightSpan]
    snippet: str


@dataclass
class PaperAnswer:
    paper_id: str
    title: str
    score: float
    bindings: list[dict[str, str]]
    evidence: MatchedPassage


@dataclass
class HybridAnswer:
    text: str
    sparql: str
    matched_papers: int = 0
    truncated: bool = False
    results: list[PaperAnswer] = field(default_factory=list)


def select_for(where: str | None, sparql: str | None) -> str:
    """The SELECT to run: `sparql` as given, or `where` wrapped as `SELECT * WHERE { ... }`."""
    if (where is None) == (sparql is None):
        raise BadRequest("give exactly one of 'where' (a graph pattern) and 'sparql' (a SELECT)")
    if sparql is not None:
        return sparql
    return f"SELECT * WHERE {{\n{where}\n}}"


def hybrid_query(
    graph: KnowledgeGraph,
    limits: GraphSettings,
    retriever: HybridRetriever,
    text: str,
    select: str,
    k: int,
) -> HybridAnswer:
    """The `k` papers `select` binds to ?paper (run on `graph` under `limits`) that are nearest
    to `text` by `retriever`'s chunk vectors, best first."""
    try:
        answer = run_configured(graph, select, limits)
    except SparqlSyntaxError as error:
        raise SparqlSyntaxError(f"{error.message}; the query run was:\n{select}") from error
    if answer.kind != "SELECT":
        raise BadRequest(f"the query must be a SELECT binding ?{PAPER_VARIABLE}, not {answer.kind}")
    if PAPER_VARIABLE not in answer.variables:
        raise BadRequest(
            f"the query must bind ?{PAPER_VARIABLE}; it binds "
            + (", ".join(f"?{v}" for v in answer.variables) or "nothing")
        )
    bindings = _bindings_by_paper(answer.rows)
    ranked = retriever.chunk_vectors.rank(bindings, retriever.encode_query(text))
    result = HybridAnswer(text, select, matched_papers=len(ranked), truncated=answer.truncated)
    rows = retriever.chunks.chunks_by_rowids([best.rowid for best in ranked[:k]])
    by_rowid = {row["rowid"]: row for row in rows}
    terms = query_terms(text)
    for best in ranked[:k]:
        chunk = by_rowid[best.rowid]
        paper = retriever.chunks.get_paper(best.paper_id)
        spans = highlight_spans(chunk["text"], terms)
        evidence = MatchedPassage(
            chunk["chunk_id"],
            chunk["text"],
            round(best.score, 6),
            spans,
            snippet(chunk["text"], spans),
        )
        result.results.append(
            PaperAnswer(
                paper_id=best.paper_id,
                title=paper["title"] if paper else "",
                score=round(best.score, 6),
                bindings=bindings[best.paper_id],
                evidence=evidence,
            )
        )
    return result


def _bindings_by_paper(rows: Sequence[Mapping[str, object]]) -> dict[str, list[dict[str, str]]]:
    """Rows grouped by the paper ?paper names (non-paper values skipped), in first-seen order."""
    grouped: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        node = row.get(PAPER_VARIABLE)
        if node is None or not str(node).startswith(PAPER_NS):
            continue
        paper_rows = grouped.setdefault(paper_id_from_iri(str(node)), [])
        binding = {name: str(value) for name, value in row.items() if name != PAPER_VARIABLE}
        if len(paper_rows) < MAX_BINDINGS_PER_PAPER and binding not in paper_rows:
            paper_rows.append(binding)
    return grouped
