"""Content negotiation: pick a format from `Accept` (q-values, wildcards) or a `format=` override.

`python-mimeparse` does the RFC 9110 matching; this module holds what Papergraph offers. Each
offer maps a media type a client may ask for to a format name of papergraph.kg.sparql / papergraph.kg.export; the
first offer is the default, the one `*/*` or a missing Accept gets.
"""

from __future__ import annotations

import mimeparse

from papergraph.kg.errors import UnsupportedFormat

#: SELECT and ASK answers: media type asked for -> results format.
TABLE_OFFERS: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
}

#: CONSTRUCT and DESCRIBE answers, and every RDF document: media type -> rdflib format.
GRAPH_OFFERS: dict[str, str] = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
    "application/x-turtle": "turtle",
    "text/n3": "turtle",
    "text/plain": "nt",
    "application/json": "json-ld",
    "application/xml": "xml",
    "text/xml": "xml",
}

#: `format=` spellings (what SPARQLWrapper, YASGUI and curl users send) -> format name.
_TABLE_NAMES = {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv"}
_GRAPH_NAMES = {
    "turtle": "turtle",
    "ttl": "turtle",
    "n3": "turtle",
    "nt": "nt",
    "ntriples": "nt",
    "n-triples": "nt",
    "json-ld": "json-ld",
    "jsonld": "json-ld",
    "json": "json-ld",
    "xml": "xml",
    "rdf": "xml",
    "rdfxml": "xml",
    "rdf+xml": "xml",
}


def negotiate(accept: str | None, offers: dict[str, str]) -> str:
    """The format name of the best offer `accept` allows; 406 when it allows none."""
    if not accept or not accept.strip():
        return next(iter(offers.values()))
    ranges = ",".join(part for part in accept.split(",") if _parses(part))
    if not ranges:
        return next(iter(offers.values()))
    # mimeparse prefers the later of two equally good offers: hand them over last-preferred first
    best = mimeparse.best_match(list(reversed(offers)), ranges)
    if not best:
        raise UnsupportedFormat(
            f"none of the media types in Accept ({accept}) is offered here; offered: "
            f"{', '.join(dict.fromkeys(offers))}"
        )
    return offers[best]


def by_name(name: str, *, graph: bool) -> str:
    """The format a `format=` value names (a short name or a media type); 406 when unknown."""
    key = name.strip().lower()
    names, offers = (_GRAPH_NAMES, GRAPH_OFFERS) if graph else (_TABLE_NAMES, TABLE_OFFERS)
    found = names.get(key) or offers.get(key.split(";")[0].strip())
    if found is None:
        kind = "graph (CONSTRUCT, DESCRIBE, RDF documents)" if graph else "results (SELECT, ASK)"
        raise UnsupportedFormat(
            f"format {name!r} is not offered for {kind}; use one of {', '.join(sorted(names))}"
        )
    return found


def choose(accept: str | None, override: str | None, *, graph: bool) -> str:
    """`format=` when given, else what Accept asks for."""
    if override:
        return by_name(override, graph=graph)
    return negotiate(accept, GRAPH_OFFERS if graph else TABLE_OFFERS)


def _parses(media_range: str) -> bool:
    try:
        mimeparse.parse_media_range(media_range)
    except (mimeparse.MimeTypeParseException, ValueError):
        return False
    return True
