"""The RDF dataset a query runs over, and running a query over a dataset a request names.

Papergraph's default dataset is the union of the papers' graphs as default graph, with every
paper graph available to GRAPH. A request may name another one, as the SPARQL 1.1 Protocol
allows: `default-graph-uri` / `named-graph-uri`, which override the query's own FROM / FROM
NAMED. Graph IRIs are looked up in the store; nothing is ever fetched from the web.

Each store gets the dataset its own way (its `papergraph.kg.dialect` calls the runner below):
- Oxigraph: pyoxigraph's `default_graph=` / `named_graphs=` query arguments;
- a SPARQL server: the protocol parameters, passed on (`oxigraph serve --union-default-graph`
  applies them, while it ignores FROM in the query text);
- Memory (any other rdflib store): rdflib's evaluator over a dataset assembled from copies of
  the named graphs, so FROM never reaches rdflib's web loader.
"""

from __future__ import annotations

import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from io import BytesIO
from urllib.error import HTTPError, URLError

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.plugins.sparql.evaluate import evalPart
from rdflib.plugins.sparql.processor import SPARQLResult
from rdflib.plugins.sparql.sparql import Query, QueryContext
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from rdflib.query import Result
from rdflib.term import Node, Variable

from papergraph.kg.errors import SparqlSyntaxError, StoreUnavailable
from papergraph.kg.vocab import SPARQL_PREFIXES, XSD

_TABLE_ACCEPT = "application/sparql-results+json"
_GRAPH_ACCEPT = "application/n-triples"


@dataclass(frozen=True)
class QueryDataset:
    """A dataset a request names: graphs merged into the default graph, and the named ones."""

    default_graphs: tuple[URIRef, ...] = ()
    named_graphs: tuple[URIRef, ...] = ()

    @classmethod
    def from_iris(
        cls, default_graphs: Iterable[str] = (), named_graphs: Iterable[str] = ()
    ) -> QueryDataset | None:
        """The dataset of protocol parameters; None when they name no graph."""
        dataset = cls(
            tuple(URIRef(iri) for iri in default_graphs),
            tuple(URIRef(iri) for iri in named_graphs),
        )
        return dataset if dataset.default_graphs or dataset.named_graphs else None

    @classmethod
    def from_clauses(cls, clauses: Iterable[object] | None) -> QueryDataset | None:
        """The dataset of a translated query's FROM / FROM NAMED clauses (rdflib's algebra)."""
        clauses = list(clauses or [])  # CompValues: a key is present or absent (get() misleads)
        return cls.from_iris(
            (str(c["default"]) for c in clauses if "default" in c),  # type: ignore[operator,index]
            (str(c["named"]) for c in clauses if "named" in c),  # type: ignore[operator,index]
        )


# ---------------------------------------------------------------- Oxigraph, embedded


def on_oxigraph(store: ox.Store, text: str, dataset: QueryDataset) -> Result:
    answer = store.query(
        text,
        prefixes={prefix: str(iri) for prefix, iri in SPARQL_PREFIXES.items()},
        default_graph=[ox.NamedNode(str(g)) for g in dataset.default_graphs],
        named_graphs=[ox.NamedNode(str(g)) for g in dataset.named_graphs],
    )
    if isinstance(answer, ox.QueryBoolean):
        result = Result("ASK")
        result.askAnswer = bool(answer)
    elif isinstance(answer, ox.QuerySolutions):
        result = Result("SELECT")
        names = [Variable(v.value) for v in answer.variables]
        result.vars = names
        result.bindings = _solutions(answer, names)  # type: ignore[assignment]
    else:
        result = Result("CONSTRUCT")
        result.graph = Graph()
        result.graph += ((_term(t.subject), _term(t.predicate), _term(t.object)) for t in answer)
    return result


def _solutions(answer: ox.QuerySolutions, names: list[Variable]) -> Iterator[dict[Variable, Node]]:
    for solution in answer:
        yield {
            name: _term(value)
            for name, value in zip(names, solution, strict=True)
            if value is not None
        }


def _term(term: object) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == str(XSD.string):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise StoreUnavailable(f"Oxigraph answered a term rdflib cannot hold: {term!r}")


# ---------------------------------------------------------------- a SPARQL 1.1 server


def on_server(store: SPARQLStore, text: str, kind: str, dataset: QueryDataset) -> Result:
    """POST the query with the protocol's dataset parameters, as any SPARQL client would."""
    params = [("default-graph-uri", str(g)) for g in dataset.default_graphs]
    params += [("named-graph-uri", str(g)) for g in dataset.named_graphs]
    prologue = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in SPARQL_PREFIXES.items())
    is_graph = kind in ("CONSTRUCT", "DESCRIBE")
    request = urllib.request.Request(
        f"{store.query_endpoint}?{urllib.parse.urlencode(params)}",
        data=(prologue + text).encode("utf-8"),
        headers={
            "Content-Type": "application/sparql-query",
            "Accept": _GRAPH_ACCEPT if is_graph else _TABLE_ACCEPT,
        },
    )
    try:
        with urllib.request.urlopen(request) as response:  # noqa: S310 - the configured server
            body = response.read()
    except HTTPError as exc:
        message = exc.read().decode("utf-8", errors="replace")
        if exc.code == 400:
            raise SparqlSyntaxError(message) from exc
        raise StoreUnavailable(f"SPARQL server answered {exc.code}: {message}") from exc
    except (URLError, OSError) as exc:
        raise StoreUnavailable(f"graph store unreachable: {exc}") from exc
    if is_graph:
        result = Result("CONSTRUCT")
        result.graph = Graph().parse(data=body, format="nt")
        return result
    return Result.parse(BytesIO(body), format="json")


# ---------------------------------------------------------------- rdflib's evaluator


def on_rdflib(source: Dataset, parsed: Query, dataset: QueryDataset) -> Result:
    view = Dataset()
    default = Graph()
    for name in dataset.default_graphs:
        default += source.get_context(name)
    for name in dataset.named_graphs:
        named = view.graph(name)
        named += source.get_context(name)
    context = QueryContext(view, initBindings={})
    context.graph = default
    context.prologue = parsed.prologue
    return SPARQLResult(evalPart(context, parsed.algebra))
