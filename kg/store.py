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
from typing import Any
from urllib.error import URLError

import pyoxigraph
import rdflib.query
from pyparsing import ParseException
from rdflib import Dataset, Graph, URIRef
from rdflib.term import Node

from papergraph.core.closing import Closing
from papergraph.kg.dialect import Dialect, ServerDialect, dialect_of
from papergraph.kg.errors import SparqlSyntaxError, StoreUnavailable
from papergraph.kg.functions import SparqlFunction
from papergraph.kg.reads import GraphReads
from papergraph.kg.settings import GraphSettings
from papergraph.kg.vocab import (
    paper_graph_iri,
)

#: The store plugins Papergraph is tested against (tests/kg/conftest.py covers each).
SUPPORTED_STORES = ("Oxigraph", "Memory", "SPARQLUpdateStore")


def _open(settings: GraphSettings, data_dir: Path) -> Dialect:
    """The store `settings` name, opened, as its dialect."""
    try:
        dataset = Dataset(store=settings.store, default_union=True)
    except Exception as exc:  # rdflib raises PluginException or the store's own error
        raise StoreUnavailable(f"cannot create store {settings.store!r}: {exc}") from exc
    dialect = dialect_of(dataset)
    try:
        dialect.open(settings.store_config, data_dir, read_only=settings.read_only)
    except StoreUnavailable:
        raise
    except Exception as exc:  # a locked or unreadable folder, a bad configuration
        raise StoreUnavailable(f"cannot open store {settings.store!r}: {exc}") from exc
    return dialect


class KnowledgeGraph(GraphReads, Closing):
    """Papers as named graphs in one rdflib Dataset; writes replace a paper's graph whole."""

    def __init__(self, settings: GraphSettings, data_dir: Path) -> None:
        self.settings = settings
        self.dialect = _open(settings, Path(data_dir))
        self.dataset = self.dialect.dataset
        self._write_lock = threading.Lock()
        self.functions: dict[URIRef, SparqlFunction] = {}
        if isinstance(self.dialect, ServerDialect):
            self.query("ASK { }")  # fail now, not on the first request, if the server is down

    @property
    def oxigraph(self) -> pyoxigraph.Store | None:
        """The embedded pyoxigraph store, where there is one (bulk loads use it directly)."""
        return self.dialect.oxigraph

    # ------------------------------------------------------------------ writes

    def replace_paper(self, paper_id: str, graph: Graph | str) -> None:
        """Drop the paper's named graph and write `graph` (or its N-Triples) in its place, as one
        transaction where the store has them (`papergraph.kg.dialect`)."""
        with self._write_lock:
            self.dialect.replace_graph(paper_graph_iri(paper_id), graph)

    def add_to_paper(self, paper_id: str, ntriples: str) -> None:
        """Add triples to a paper's named graph, keeping what it holds (a citation resolved after
        the paper was written)."""
        if not ntriples.strip():
            return
        with self._write_lock:
            self.dialect.add_to_graph(paper_graph_iri(paper_id), ntriples)

    def run_update(self, update: str) -> None:
        """Apply an update the caller has vetted (kg.load allows LOAD only, when enabled)."""
        with self._write_lock:
            self.dialect.update(update)

    def remove_paper(self, paper_id: str) -> None:
        with self._write_lock:
            self.dialect.remove_graph(paper_graph_iri(paper_id))

    def close(self) -> None:
        self.dataset.close()

    # ------------------------------------------------------------------ queries

    def query(
        self, sparql: str, *, init_bindings: Mapping[str, Node] | None = None
    ) -> rdflib.query.Result:
        """Run a SPARQL query over the union of all papers; the project prefixes are predeclared."""
        try:
            result = self.dialect.query(sparql, dict(init_bindings or {}), self.functions)
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
