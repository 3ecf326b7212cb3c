"""The read-only SPARQL endpoint: check a query, run it with a row cap and a timeout, serialise.

One parser (rdflib's) decides for every store what is a syntax error and what is refused, so
Memory, Oxigraph and a remote server answer the same request alike. Evaluation goes to the
store's own engine through rdflib: for Oxigraph that is pyoxigraph (oxrdflib passes the query
string through), for a server the server, for Memory rdflib's evaluator.
"""

from __future__ import annotations

import csv
import ctypes
import io
import itertools
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any
from typing import Literal as TypingLiteral

from pyparsing import ParseException
from rdflib import Graph, Variable
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result
from rdflib.term import BNode, Literal, Node

from papergraph.core.errors import PapergraphError
from papergraph.kg.dataset import QueryDataset
from papergraph.kg.errors import QueryForbidden, QueryTimeout, SparqlSyntaxError, UnsupportedFormat
from papergraph.kg.mapping import new_graph
from papergraph.kg.reads import plain_term
from papergraph.kg.settings import GraphSettings
from papergraph.kg.store import KnowledgeGraph
from papergraph.kg.vocab import SPARQL_PREFIXES

QueryKind = TypingLiteral["SELECT", "ASK", "CONSTRUCT", "DESCRIBE"]
_KINDS: dict[str, QueryKind] = {
    "SelectQuery": "SELECT",
    "AskQuery": "ASK",
    "ConstructQuery": "CONSTRUCT",
    "DescribeQuery": "DESCRIBE",
}

#: format name -> media type, for tables (SELECT, ASK) and for graphs (CONSTRUCT, DESCRIBE).
TABLE_FORMATS = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_FORMATS = {
    "turtle": "text/turtle",
    "nt": "application/n-triples",
    "json-ld": "application/ld+json",
    "xml": "application/rdf+xml",
}


@dataclass
class CheckedQuery:
    """A query that parsed and may run: its text, form, rdflib algebra and FROM clauses."""

    text: str
    kind: QueryKind
    parsed: Query
    dataset: QueryDataset | None = None


@dataclass
class QueryAnswer:
    """What a query answered, capped; `truncated` says rows (or triples) were left out."""

    kind: QueryKind
    variables: list[str] = field(default_factory=list)
    rows: list[dict[str, Node]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None
    truncated: bool = False
    elapsed_s: float = 0.0
    max_rows: int = 0

    @property
    def is_graph(self) -> bool:
        return self.kind in ("CONSTRUCT", "DESCRIBE")

    def media_type(self, format: str) -> str:
        formats = GRAPH_FORMATS if self.is_graph else TABLE_FORMATS
        if format not in formats or (self.kind == "ASK" and format in ("csv", "tsv")):
            raise UnsupportedFormat(
                f"{self.kind} answers come as {', '.join(sorted(formats))}, not {format!r}"
            )
        return formats[format]

    def serialize(self, format: str = "json") -> bytes:
        """The answer in a SPARQL results format (tables) or an RDF syntax (graphs)."""
        self.media_type(format)
        if self.is_graph:
            assert self.graph is not None
            return self.graph.serialize(format=format, encoding="utf-8")
        if format == "tsv":
            return _tsv(self.variables, self.rows).encode("utf-8")
        if format == "csv":
            return _csv(self.variables, self.rows).encode("utf-8")
        result = Result(self.kind)
        if self.kind == "ASK":
            result.askAnswer = bool(self.boolean)
        else:
            result.vars = [Variable(v) for v in self.variables]
            result.bindings = [{Variable(k): v for k, v in row.items()} for row in self.rows]  # type: ignore[misc]
        out = result.serialize(format=format, encoding="utf-8")
        assert out is not None
        if format == "json" and self.truncated:
            return _mark_truncated(out, self.max_rows)
        return out


def _mark_truncated(results_json: bytes, max_rows: int) -> bytes:
    """Say in the SPARQL JSON itself that rows were left out (clients ignore unknown keys)."""
    body = json.loads(results_json)
    body["papergraph"] = {"truncated": True, "max_rows": max_rows}
    return json.dumps(body).encode("utf-8")


def check_query(query: str, *, allow_service: bool = False) -> CheckedQuery:
    """Parse `query`; refuse updates, SERVICE (unless allowed), and what rdflib's parser rejects.

    Parsing is pure Python (pyparsing, ~20 ms for a short SELECT, most of a /sparql request),
    so the checks of recent query texts are kept (`PARSED_QUERIES`); each caller gets its own
    copy, since `run_query` sets the copy's dataset. A rejected query is parsed every time."""
    return replace(_checked(query, allow_service))


PARSED_QUERIES = 512  # query texts whose check is kept; a text is a few hundred bytes
#: rdflib's pyparsing grammar is not safe to use from two threads at once: concurrent first
#: queries of a fresh server failed with "Param.postParse2() missing 1 required positional
#: argument". Parsing holds the GIL anyway, so one parse at a time costs nothing.
PARSING = threading.Lock()


@lru_cache(maxsize=PARSED_QUERIES)
def _checked(query: str, allow_service: bool) -> CheckedQuery:
    with PARSING:
        return _parse(query, allow_service)


def _parse(query: str, allow_service: bool) -> CheckedQuery:
    try:
        parsed = parseQuery(query)
    except ParseException as exc:
        if _is_update(query):
            raise QueryForbidden(
                "SPARQL Update (INSERT, DELETE, LOAD, CLEAR, DROP, ...) is not accepted: "
                "this endpoint is read-only"
            ) from exc
        raise SparqlSyntaxError(f"SPARQL syntax error: {exc}") from exc
    if not allow_service and any(_walk(parsed, "ServiceGraphPattern")):
        raise QueryForbidden(
            "SERVICE (federated query) is not accepted by this endpoint; an operator may allow "
            "it with the setting graph.allow_service"
        )
    try:
        translated = translateQuery(parsed, initNs=SPARQL_PREFIXES)
    except Exception as exc:  # rdflib raises bare Exception for an unknown prefix
        raise SparqlSyntaxError(f"SPARQL syntax error: {exc}") from exc
    # FROM / FROM NAMED name graphs of the store (looked up, never fetched): see kg.dataset
    dataset = QueryDataset.from_clauses(translated.algebra.get("datasetClause"))
    return CheckedQuery(query, _KINDS[parsed[1].name], translated, dataset)


def _is_update(text: str) -> bool:
    try:
        parseUpdate(text)
    except ParseException:
        return False
    return True


def _walk(node: Any, name: str) -> Iterator[CompValue]:
    if isinstance(node, CompValue):
        if node.name == name:
            yield node
        for value in node.values():
            yield from _walk(value, name)
    elif isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
        for value in node:
            yield from _walk(value, name)


def run_query(
    kg: KnowledgeGraph,
    query: str,
    *,
    timeout_s: float,
    max_rows: int,
    dataset: QueryDataset | None = None,
    allow_service: bool = False,
) -> QueryAnswer:
    """Check and run a read-only query; at most `max_rows` rows, at most `timeout_s` seconds.

    `dataset` (the protocol's default-graph-uri / named-graph-uri) overrides the query's FROM
    clauses; with neither, the query sees the union of the papers. The query runs in a daemon
    thread. On timeout the caller gets `QueryTimeout` at once and the thread is interrupted
    (see `_interrupt`); a remote server stops when it answers.
    """
    checked = check_query(query, allow_service=allow_service)
    if dataset is not None:
        checked.dataset = dataset
    started = time.perf_counter()
    cancelled = threading.Event()
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["answer"] = _evaluate(kg, checked, max_rows, cancelled)
        except _Cancelled:
            pass
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
            outcome["error"] = exc

    worker = threading.Thread(target=work, name="sparql-query", daemon=True)
    worker.start()
    worker.join(timeout_s)
    if worker.is_alive():
        cancelled.set()
        _interrupt(worker)
        raise QueryTimeout(f"query ran longer than {timeout_s:g} s")
    if "error" in outcome:
        error = outcome["error"]
        if isinstance(error, PapergraphError):
            raise error
        raise PapergraphError(f"query failed: {error}") from error
    answer: QueryAnswer = outcome["answer"]
    answer.elapsed_s = time.perf_counter() - started
    answer.max_rows = max_rows
    return answer


class _Cancelled(BaseException):
    """Raised inside a timed-out query's thread to stop it (not an Exception: nothing catches it)."""


def run_configured(
    kg: KnowledgeGraph,
    query: str,
    settings: GraphSettings,
    dataset: QueryDataset | None = None,
) -> QueryAnswer:
    """`run_query` under the configured limits: time, rows and whether SERVICE may fetch."""
    return run_query(
        kg,
        query,
        timeout_s=settings.query_timeout_s,
        max_rows=settings.max_rows,
        dataset=dataset,
        allow_service=settings.allow_service,
    )


def _interrupt(worker: threading.Thread) -> None:
    """Stop a timed-out worker at its next Python bytecode (CPython's async exception).

    rdflib's evaluator is pure Python, so this ends it; pyoxigraph works with the GIL released
    and stops when it next hands back a row.
    """
    if worker.ident is not None:
        ctypes.pythonapi.PyThreadState_SetAsyncExc(
            ctypes.c_ulong(worker.ident), ctypes.py_object(_Cancelled)
        )


def _evaluate(
    kg: KnowledgeGraph, checked: CheckedQuery, max_rows: int, cancelled: threading.Event
) -> QueryAnswer:
    if checked.dataset is not None:
        result = kg.dialect.query_over(checked.text, checked.parsed, checked.kind, checked.dataset)
    else:
        result = kg.query(checked.text)
    try:
        return _collect(result, checked.kind, max_rows, cancelled)
    finally:
        _release(result)


def _collect(
    result: Result, kind: QueryKind, max_rows: int, cancelled: threading.Event
) -> QueryAnswer:
    if kind == "ASK":
        return QueryAnswer("ASK", boolean=bool(result.askAnswer))
    if kind == "SELECT":
        variables = [str(v) for v in result.vars or []]
        rows: list[dict[str, Node]] = []
        for row in itertools.islice(result, max_rows + 1):
            if cancelled.is_set():
                break
            rows.append(
                {v: plain_term(row[i]) for i, v in enumerate(variables) if row[i] is not None}  # type: ignore[index]
            )
        truncated = len(rows) > max_rows
        return QueryAnswer("SELECT", variables=variables, rows=rows[:max_rows], truncated=truncated)
    graph = new_graph()
    triples = list(itertools.islice(result.graph or (), max_rows + 1))
    for s, p, o in triples[:max_rows]:
        graph.add((s, p, plain_term(o)))
    return QueryAnswer(kind, graph=graph, truncated=len(triples) > max_rows)


def _release(result: Result) -> None:
    """Close a half-read row generator in this thread.

    oxrdflib's row generator and its Result refer to each other, so without this the cycle
    collector frees pyoxigraph's QuerySolutions later, on whatever thread it runs, and
    pyoxigraph (a thread-bound object) refuses that with an 'unsendable' error and a leak.
    """
    rows = getattr(result, "_genbindings", None)
    if rows is not None and hasattr(rows, "close"):
        rows.close()


def _csv(variables: list[str], rows: list[dict[str, Node]]) -> str:
    """SPARQL 1.1 CSV: plain lexical forms, blank nodes as _:label, CRLF line ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(variables)
    for row in rows:
        writer.writerow([_csv_term(row.get(v)) for v in variables])
    return out.getvalue()


def _csv_term(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _tsv(variables: list[str], rows: list[dict[str, Node]]) -> str:
    """SPARQL 1.1 TSV: ?var headers and terms in Turtle syntax."""
    lines = ["\t".join(f"?{v}" for v in variables)]
    for row in rows:
        lines.append("\t".join(_tsv_term(row.get(v)) for v in variables))
    return "\n".join(lines) + "\n"


def _tsv_term(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, Literal):
        return term.n3().replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return term.n3()
