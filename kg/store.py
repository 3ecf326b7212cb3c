"""The knowledge graph: an rdflib Dataset over the configured store, one named graph per paper.

The store is an rdflib store plugin named in `GraphSettings.store` ("Oxigraph", "Memory",
"SPARQLUpdateStore", or any other registered graph-aware store), opened with
`GraphSettings.store_config`. Queries see the union of the named graphs as their default graph
(`Dataset(default_union=True)`; a SPARQL server must be configured the same way, e.g.
`oxigraph serve --union-default-graph`).

Note on union semantics: rdflib's own evaluator (Memory) merges the graphs as a set, Oxigraph
answers from the bag of quads, so a triple written by two papers (an entity's label) appears
twice there. Every query here uses DISTINCT or GRAPH where that matters.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Self
from urllib.error import URLError

import pyoxigraph
import rdflib.query
from pyparsing import ParseException
from rdflib import Dataset, Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore
from rdflib.term import Node

from kg.errors import SparqlSyntaxError, StoreUnavailable
from kg.functions import SparqlFunction, mentions_any, oxigraph_query, rdflib_functions
from kg.mapping import new_graph
from kg.reads import GraphReads, _iri
from kg.settings import GraphSettings
from kg.vocab import (
    SPARQL_PREFIXES,
    paper_graph_iri,
)

try:  # the Oxigraph plugin is optional at import time; rdflib finds it by entry point
    from oxrdflib import OxigraphStore
except ImportError:  # pragma: no cover
    OxigraphStore = None  # type: ignore[assignment,misc]

#: The store plugins Papergraph is tested against (tests/kg/conftest.py covers each).
SUPPORTED_STORES = ("Oxigraph", "Memory", "SPARQLUpdateStore")


def _open_dataset(settings: GraphSettings, data_dir: Path) -> Dataset:
    try:
        dataset = Dataset(store=settings.store, default_union=True)
    except Exception as exc:  # rdflib raises PluginException or the store's own error
        raise StoreUnavailable(f"cannot create store {settings.store!r}: {exc}") from exc
    store = dataset.store
    try:
        if OxigraphStore is not None and isinstance(store, OxigraphStore):
            location = Path(settings.store_config or data_dir / "graph")
            location.parent.mkdir(parents=True, exist_ok=True)
            if settings.read_only:  # oxrdflib opens read-write; hand it a read-only store
                store._store = pyoxigraph.Store.read_only(str(location))
            else:
                dataset.open(str(location), create=False)
        elif isinstance(store, SPARQLUpdateStore):
            if not settings.store_config:
                raise StoreUnavailable(
                    "SPARQLUpdateStore needs store_config 'QUERY_URL[,UPDATE_URL]'"
                )
            query_url, _, update_url = settings.store_config.partition(",")
            store.method = "POST"  # long queries; GET also hides the server's error message
            dataset.open((query_url.strip(), (update_url or query_url).strip()))
        elif settings.store_config:
            dataset.open(settings.store_config, create=True)
    except StoreUnavailable:
        raise
    except Exception as exc:  # a locked or unreadable folder, a bad configuration
        raise StoreUnavailable(f"cannot open store {settings.store!r}: {exc}") from exc
    return dataset


class KnowledgeGraph(GraphReads):
    """Papers as named graphs in one rdflib Dataset; writes replace a paper's graph whole."""

    def __init__(self, settings: GraphSettings, data_dir: Path) -> None:
        self.settings = settings
        self.dataset = _open_dataset(settings, Path(data_dir))
        self._write_lock = threading.Lock()
        self.functions: dict[URIRef, SparqlFunction] = {}
        if isinstance(self.dataset.store, SPARQLUpdateStore):
            self.query("ASK { }")  # fail now, not on the first request, if the server is down

    # ------------------------------------------------------------------ store kinds

    @property
    def oxigraph(self) -> pyoxigraph.Store | None:
        """The embedded pyoxigraph store, where there is one (not cached: close() frees it)."""
        store = self.dataset.store
        if OxigraphStore is not None and isinstance(store, OxigraphStore):
            return store._inner
        return None

    @property
    def speaks_sparql_update(self) -> bool:
        return self.oxigraph is not None or isinstance(self.dataset.store, SPARQLUpdateStore)

    def _update(self, update: str) -> None:
        oxigraph = self.oxigraph
        try:
            if oxigraph is not None:
                oxigraph.update(update)
            else:
                self.dataset.store.update(update, {}, {}, None)  # type: ignore[arg-type]
        except (URLError, OSError) as exc:
            raise StoreUnavailable(f"graph store update failed: {exc}") from exc

    # ------------------------------------------------------------------ writes

    def replace_paper(self, paper_id: str, graph: Graph | str) -> None:
        """Drop the paper's named graph and write `graph` (or its N-Triples) in its place.

        Oxigraph and SPARQL servers get one update request (DROP + INSERT DATA), which both
        apply in one transaction; the Memory store is swapped under a lock.
        """
        name = paper_graph_iri(paper_id)
        if isinstance(graph, str) and not self.speaks_sparql_update:
            graph = new_graph().parse(data=graph, format="nt")
        with self._write_lock:
            if self.speaks_sparql_update:
                triples = graph if isinstance(graph, str) else graph.serialize(format="nt")
                self._update(
                    f"DROP SILENT GRAPH {_iri(name)} ;\n"
                    f"INSERT DATA {{ GRAPH {_iri(name)} {{\n{triples}\n}} }}"
                )
            else:
                self.dataset.remove_graph(name)
                target = self.dataset.graph(name)
                self.dataset.addN((s, p, o, target) for s, p, o in graph)  # type: ignore[misc, str-unpack]

    def add_to_paper(self, paper_id: str, ntriples: str) -> None:
        """Add triples to a paper's named graph, keeping what it holds (a citation resolved after
        the paper was written)."""
        if not ntriples.strip():
            return
        name = paper_graph_iri(paper_id)
        with self._write_lock:
            if self.speaks_sparql_update:
                self._update(f"INSERT DATA {{ GRAPH {_iri(name)} {{\n{ntriples}\n}} }}")
            else:
                target = self.dataset.graph(name)
                for s, p, o in new_graph().parse(data=ntriples, format="nt"):
                    target.add((s, p, o))

    def run_update(self, update: str) -> None:
        """Apply an update the caller has vetted (kg.load allows LOAD only, when enabled)."""
        with self._write_lock:
            if self.speaks_sparql_update:
                self._update(update)
            else:
                try:
                    self.dataset.update(update)
                except (URLError, OSError) as exc:
                    raise StoreUnavailable(f"graph store update failed: {exc}") from exc

    def remove_paper(self, paper_id: str) -> None:
        name = paper_graph_iri(paper_id)
        with self._write_lock:
            if self.speaks_sparql_update:
                self._update(f"DROP SILENT GRAPH {_iri(name)}")
            else:
                self.dataset.remove_graph(name)

    def close(self) -> None:
        self.dataset.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # ------------------------------------------------------------------ queries

    def query(
        self, sparql: str, *, init_bindings: Mapping[str, Node] | None = None
    ) -> rdflib.query.Result:
        """Run a SPARQL query over the union of all papers; the project prefixes are predeclared."""
        bindings = dict(init_bindings or {})
        if bindings and self.oxigraph is not None:
            # pyoxigraph substitutes projected variables only; a trailing VALUES binds any
            # (it joins before projection, as rdflib's initBindings and SPARQLStore do)
            sparql = f"{sparql}\n{_values(bindings)}"
            bindings = {}
        try:
            result = self._run(sparql, bindings)
        except (SyntaxError, ParseException) as exc:  # pyoxigraph's parser, rdflib's parser
            raise SparqlSyntaxError(str(exc)) from exc
        except (URLError, ConnectionError) as exc:
            raise StoreUnavailable(f"graph store unreachable: {exc}") from exc
        if isinstance(result, tuple):  # SPARQLConnector answers an HTTP error as (code, msg, None)
            code, message = result[0], result[1]
            if code == 400:
                raise SparqlSyntaxError(str(message))
            raise StoreUnavailable(f"SPARQL server answered {code}: {message}")
        return result

    def register_function(self, iri: URIRef, function: SparqlFunction) -> None:
        """Let queries call `function` as `<iri>(...)` (Oxigraph and local rdflib stores)."""
        self.functions[URIRef(iri)] = function

    def _run(self, sparql: str, bindings: Mapping[str, Node]) -> rdflib.query.Result:
        oxigraph = self.oxigraph
        if not self.functions or not mentions_any(sparql, self.functions):
            return self.dataset.query(sparql, initNs=SPARQL_PREFIXES, initBindings=bindings)  # type: ignore[arg-type]
        if oxigraph is not None:
            prefixes = {prefix: str(ns) for prefix, ns in self.dataset.namespaces()}
            prefixes.update((prefix, str(ns)) for prefix, ns in SPARQL_PREFIXES.items())
            return oxigraph_query(oxigraph, sparql, prefixes, self.functions)
        if isinstance(self.dataset.store, SPARQLUpdateStore):  # the server evaluates
            return self.dataset.query(sparql, initNs=SPARQL_PREFIXES, initBindings=bindings)  # type: ignore[arg-type]
        with rdflib_functions(self.functions):
            result = self.dataset.query(sparql, initNs=SPARQL_PREFIXES, initBindings=bindings)  # type: ignore[arg-type]
            if result.type == "SELECT":
                result.bindings  # noqa: B018 - rdflib evaluates lazily: read it all while registered
        return result

    def _select(self, sparql: str) -> list[dict[str, Any]]:
        """Rows of a SELECT as dicts of rdflib terms (missing bindings left out)."""
        result = self.query(sparql)
        names = [str(v) for v in result.vars or []]
        return [
            {name: row[i] for i, name in enumerate(names) if row[i] is not None}  # type: ignore[index]
            for row in result
        ]

    def _ask(self, sparql: str) -> bool:
        return bool(self.query(sparql).askAnswer)

    def _count(self, sparql: str) -> int:
        rows = self._select(sparql)
        return int(rows[0]["n"]) if rows else 0


def _values(bindings: Mapping[str, Node]) -> str:
    names = " ".join(f"?{name}" for name in bindings)
    terms = " ".join(term.n3() for term in bindings.values())
    return f"VALUES ({names}) {{ ({terms}) }}"
