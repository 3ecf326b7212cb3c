"""SPARQL extension functions: Python callables a query can call by IRI, e.g. `pg:similar`.

A function takes rdflib terms and answers an rdflib term, or None for "no value" (SPARQL's
error, which leaves a BIND unbound and makes a FILTER false). Two stores evaluate them:

- Oxigraph: pyoxigraph's `Store.query(custom_functions=...)`. oxrdflib cannot pass that
  argument, so `oxigraph_query` calls pyoxigraph itself and converts the answer the way
  oxrdflib does.
- rdflib's own evaluator (Memory and other local stores): rdflib keeps one process-wide table
  of functions, so each IRI is registered once with a dispatcher that calls the functions of the
  graph querying on this thread (`rdflib_functions`).

A remote SPARQL server evaluates queries itself and does not know these functions.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

import pyoxigraph as ox
from oxrdflib._converter import from_ox, to_ox
from rdflib import Graph, URIRef, Variable
from rdflib.plugins.sparql.operators import register_custom_function
from rdflib.plugins.sparql.sparql import SPARQLError
from rdflib.query import Result
from rdflib.term import Node

#: A SPARQL extension function: rdflib terms in, an rdflib term (or None: no value) out.
SparqlFunction = Callable[..., Node | None]

_active = threading.local()
_registered: set[URIRef] = set()
_registry_lock = threading.Lock()


def _oxigraph_function(function: SparqlFunction) -> Callable[..., object]:
    def call(*terms: object) -> object:
        answer = function(*(from_ox(term) for term in terms))  # type: ignore[arg-type]
        return to_ox(answer) if answer is not None else None

    return call


def oxigraph_query(
    store: ox.Store,
    sparql: str,
    prefixes: Mapping[str, str],
    functions: Mapping[URIRef, SparqlFunction],
) -> Result:
    """Run `sparql` on pyoxigraph over the union of the named graphs, with `functions`.

    Raises SyntaxError (pyoxigraph's) for a query it cannot parse.
    """
    custom = {ox.NamedNode(str(iri)): _oxigraph_function(f) for iri, f in functions.items()}
    answer = store.query(
        sparql,
        use_default_graph_as_union=True,
        prefixes=dict(prefixes),
        custom_functions=custom,  # type: ignore[arg-type]
    )
    if isinstance(answer, ox.QueryBoolean):
        result = Result("ASK")
        result.askAnswer = bool(answer)
    elif isinstance(answer, ox.QuerySolutions):
        result = Result("SELECT")
        result.vars = [Variable(v.value) for v in answer.variables]
        names = result.vars
        result.bindings = (  # rdflib reads a generator lazily
            {name: from_ox(value) for name, value in zip(names, solution, strict=False)}  # type: ignore[misc]
            for solution in answer
        )
    else:
        result = Result("CONSTRUCT")
        result.graph = Graph()
        result.graph += (from_ox(triple) for triple in answer)  # type: ignore[misc]
    return result


def _dispatcher(iri: URIRef) -> Callable[..., Node]:
    def call(*terms: Node) -> Node:
        function = getattr(_active, "functions", {}).get(iri)
        if function is None:
            raise SPARQLError(f"no function {iri.n3()} in this graph")
        answer = function(*terms)
        if answer is None:
            raise SPARQLError(f"{iri.n3()} has no value for these arguments")
        return answer

    return call


@contextmanager
def rdflib_functions(functions: Mapping[URIRef, SparqlFunction]) -> Iterator[None]:
    """Make `functions` callable by rdflib's evaluator on this thread while the block runs.

    rdflib evaluates lazily: read the whole answer inside the block.
    """
    with _registry_lock:
        for iri in functions:
            if iri not in _registered:
                register_custom_function(iri, _dispatcher(iri), override=True)
                _registered.add(iri)
    previous = getattr(_active, "functions", {})
    _active.functions = {**previous, **functions}
    try:
        yield
    finally:
        _active.functions = previous


def mentions_any(sparql: str, functions: Mapping[URIRef, SparqlFunction]) -> bool:
    """Whether the query text may call one of `functions` (by local name, prefixed or not)."""
    return any(str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1] in sparql for iri in functions)
