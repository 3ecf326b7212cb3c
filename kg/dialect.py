"""How each kind of store is written and asked: one small object per store kind, chosen once
when the graph opens, so `papergraph.kg.store` and `papergraph.kg.dataset` hold no store branches.

- `OxigraphDialect`: the embedded pyoxigraph store; updates and queries go to pyoxigraph itself
  (oxrdflib cannot pass custom functions, a request's dataset, or substitute bindings).
- `ServerDialect`: a SPARQL 1.1 server (rdflib's SPARQLUpdateStore); it evaluates everything.
- `RdflibDialect`: rdflib's own evaluator over a local store (Memory and any other plugin).

Oxigraph and a server apply a paper's replacement as one update request (DROP + INSERT DATA),
which both run in one transaction; a local rdflib store is edited under the graph's lock.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from urllib.error import URLError

import pyoxigraph
from rdflib import Dataset, Graph, URIRef
from rdflib.plugins.sparql.sparql import Query
from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore
from rdflib.query import Result
from rdflib.term import Node

from papergraph.kg.dataset import QueryDataset, on_oxigraph, on_rdflib, on_server
from papergraph.kg.errors import StoreUnavailable
from papergraph.kg.functions import SparqlFunction, mentions_any, oxigraph_query, rdflib_functions
from papergraph.kg.mapping import new_graph
from papergraph.kg.vocab import SPARQL_PREFIXES

try:  # the Oxigraph plugin is optional at import time; rdflib finds it by entry point
    from oxrdflib import OxigraphStore
except ImportError:  # pragma: no cover
    OxigraphStore = None  # type: ignore[assignment,misc]


def iri(node: URIRef) -> str:
    return f"<{node}>"


class Dialect:
    """The operations whose form depends on the store; see the module docstring."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset

    @property
    def oxigraph(self) -> pyoxigraph.Store | None:
        """The embedded pyoxigraph store, where there is one."""
        return None

    def open(self, config: str | None, data_dir: Path, read_only: bool = False) -> None:
        """Open the store with its configuration string (`GraphSettings.store_config`)."""
        if config:
            self.dataset.open(config, create=True)

    def replace_graph(self, name: URIRef, graph: Graph | str) -> None:
        """Drop the named graph and write `graph` (or its N-Triples) in its place."""
        triples = graph if isinstance(graph, str) else graph.serialize(format="nt")
        self.update(
            f"DROP SILENT GRAPH {iri(name)} ;\nINSERT DATA {{ GRAPH {iri(name)} {{\n{triples}\n}} }}"
        )

    def add_to_graph(self, name: URIRef, ntriples: str) -> None:
        self.update(f"INSERT DATA {{ GRAPH {iri(name)} {{\n{ntriples}\n}} }}")

    def remove_graph(self, name: URIRef) -> None:
        self.update(f"DROP SILENT GRAPH {iri(name)}")

    def update(self, update: str) -> None:
        """Apply a SPARQL update; a store that cannot be reached raises `StoreUnavailable`."""
        try:
            self._apply(update)
        except (URLError, OSError) as exc:
            raise StoreUnavailable(f"graph store update failed: {exc}") from exc

    def _apply(self, update: str) -> None:
        """Apply a SPARQL update, as the store does it."""
        raise NotImplementedError

    def query(
        self, sparql: str, bindings: Mapping[str, Node], functions: Mapping[URIRef, SparqlFunction]
    ) -> Result:
        """Run `sparql` over the union of the papers, with `bindings` and extension functions."""
        return self.dataset.query(sparql, initNs=SPARQL_PREFIXES, initBindings=bindings)  # type: ignore[arg-type]

    def query_over(self, text: str, parsed: Query, kind: str, dataset: QueryDataset) -> Result:
        """Run a checked query over the dataset a request names."""
        raise NotImplementedError


class OxigraphDialect(Dialect):
    def open(self, config: str | None, data_dir: Path, read_only: bool = False) -> None:
        location = Path(config or data_dir / "graph")
        location.parent.mkdir(parents=True, exist_ok=True)
        if read_only:  # oxrdflib opens read-write; hand it a read-only store
            self.dataset.store._store = pyoxigraph.Store.read_only(str(location))  # type: ignore[attr-defined]
        else:
            self.dataset.open(str(location), create=False)

    @property
    def oxigraph(self) -> pyoxigraph.Store:  # not cached: closing the dataset frees it
        return self.dataset.store._inner  # type: ignore[attr-defined,no-any-return]

    def _apply(self, update: str) -> None:
        self.oxigraph.update(update)

    def query(
        self, sparql: str, bindings: Mapping[str, Node], functions: Mapping[URIRef, SparqlFunction]
    ) -> Result:
        if bindings:
            # pyoxigraph substitutes projected variables only; a trailing VALUES binds any
            # (it joins before projection, as rdflib's initBindings and SPARQLStore do)
            sparql = f"{sparql}\n{_values(bindings)}"
        if not functions or not mentions_any(sparql, functions):
            return super().query(sparql, {}, functions)
        prefixes = {prefix: str(ns) for prefix, ns in self.dataset.namespaces()}
        prefixes.update((prefix, str(ns)) for prefix, ns in SPARQL_PREFIXES.items())
        return oxigraph_query(self.oxigraph, sparql, prefixes, dict(functions))

    def query_over(self, text: str, parsed: Query, kind: str, dataset: QueryDataset) -> Result:
        return on_oxigraph(self.oxigraph, text, dataset)


class ServerDialect(Dialect):
    """A remote server evaluates queries itself and knows no extension functions."""

    def open(self, config: str | None, data_dir: Path, read_only: bool = False) -> None:
        if not config:
            raise StoreUnavailable("SPARQLUpdateStore needs store_config 'QUERY_URL[,UPDATE_URL]'")
        query_url, _, update_url = config.partition(",")
        self.dataset.store.method = "POST"  # type: ignore[attr-defined]  # long queries; GET hides errors
        self.dataset.open((query_url.strip(), (update_url or query_url).strip()))

    def _apply(self, update: str) -> None:
        self.dataset.store.update(update, {}, {}, None)  # type: ignore[arg-type]

    def query_over(self, text: str, parsed: Query, kind: str, dataset: QueryDataset) -> Result:
        return on_server(self.dataset.store, text, kind, dataset)  # type: ignore[arg-type]


class RdflibDialect(Dialect):
    def replace_graph(self, name: URIRef, graph: Graph | str) -> None:
        if isinstance(graph, str):
            graph = new_graph().parse(data=graph, format="nt")
        self.dataset.remove_graph(name)
        target = self.dataset.graph(name)
        self.dataset.addN((s, p, o, target) for s, p, o in graph)  # type: ignore[misc, str-unpack]

    def add_to_graph(self, name: URIRef, ntriples: str) -> None:
        target = self.dataset.graph(name)
        for s, p, o in new_graph().parse(data=ntriples, format="nt"):
            target.add((s, p, o))

    def remove_graph(self, name: URIRef) -> None:
        self.dataset.remove_graph(name)

    def _apply(self, update: str) -> None:
        self.dataset.update(update)

    def query(
        self, sparql: str, bindings: Mapping[str, Node], functions: Mapping[URIRef, SparqlFunction]
    ) -> Result:
        if not functions or not mentions_any(sparql, functions):
            return super().query(sparql, bindings, functions)
        with rdflib_functions(dict(functions)):
            result = super().query(sparql, bindings, functions)
            if result.type == "SELECT":
                result.bindings  # noqa: B018 - rdflib evaluates lazily: read it all while registered
        return result

    def query_over(self, text: str, parsed: Query, kind: str, dataset: QueryDataset) -> Result:
        return on_rdflib(self.dataset, parsed, dataset)


def dialect_of(dataset: Dataset) -> Dialect:
    """The dialect of the store `dataset` was opened on."""
    store = dataset.store
    if OxigraphStore is not None and isinstance(store, OxigraphStore):
        return OxigraphDialect(dataset)
    if isinstance(store, SPARQLUpdateStore):
        return ServerDialect(dataset)
    return RdflibDialect(dataset)


def _values(bindings: Mapping[str, Node]) -> str:
    names = " ".join(f"?{name}" for name in bindings)
    terms = " ".join(term.n3() for term in bindings.values())
    return f"VALUES ({names}) {{ ({terms}) }}"
