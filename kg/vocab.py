"""Namespaces and IRI minting: the one place that decides what a paper, chunk or entity is called.

IRIs are deterministic functions of domain ids, so re-ingesting a paper writes the same nodes.
"""

from __future__ import annotations

import hashlib
from importlib import resources
from urllib.parse import quote, unquote

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, RDF, RDFS, SKOS, XSD

from papergraph.core.model import EntityType, Role

BASE = "https://w3id.org/papergraph/"
PG = Namespace(BASE + "ns#")
FABIO = Namespace("http://purl.org/spar/fabio/")
CITO = Namespace("http://purl.org/spar/cito/")
BIBO = Namespace("http://purl.org/ontology/bibo/")

PAPER_NS = BASE + "paper/"
ENTITY_NS = BASE + "entity/"
CHUNK_NS = BASE + "chunk/"
GRAPH_NS = BASE + "graph/paper/"
EXTRACTOR_NS = BASE + "extractor/"
DOI_NS = "https://doi.org/"

#: Prefixes every SPARQL query may use without declaring them.
PREFIXES: dict[str, Namespace] = {
    "pg": PG,
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "xsd": Namespace(str(XSD)),
    "skos": Namespace(str(SKOS)),
    "prov": Namespace(str(PROV)),
    "dcterms": Namespace(str(DCTERMS)),
    "foaf": Namespace(str(FOAF)),
    "fabio": FABIO,
    "cito": CITO,
    "bibo": BIBO,
}

#: The same, as rdflib's `initNs` wants them.
SPARQL_PREFIXES: dict[str, URIRef] = {prefix: URIRef(str(ns)) for prefix, ns in PREFIXES.items()}

ENTITY_CLASS: dict[EntityType, URIRef] = {t: PG[t.value] for t in EntityType}
ROLE_PROPERTY: dict[Role, URIRef] = {r: PG[r.value] for r in Role}

__all__ = [
    "BIBO",
    "CITO",
    "DCTERMS",
    "ENTITY_CLASS",
    "FABIO",
    "FOAF",
    "PG",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "ROLE_PROPERTY",
    "SKOS",
    "SPARQL_PREFIXES",
    "XSD",
    "chunk_id_from_iri",
    "chunk_iri",
    "doi_iri",
    "entity_iri",
    "entity_key_from_iri",
    "extractor_iri",
    "paper_graph_iri",
    "paper_id_from_graph_iri",
    "paper_id_from_iri",
    "paper_iri",
    "short_hash",
    "vocabulary_turtle",
]


def _segment(raw: str, safe: str = "") -> str:
    """Percent-encode one path segment; URL-safe ids pass unchanged."""
    return quote(raw, safe=safe)


def paper_iri(paper_id: str) -> URIRef:
    return URIRef(PAPER_NS + _segment(paper_id))


def entity_iri(key: str) -> URIRef:
    """`dataset/gsm8k` -> `https://w3id.org/papergraph/entity/dataset/gsm8k`."""
    return URIRef(ENTITY_NS + _segment(key, safe="/"))


def chunk_iri(chunk_id: str) -> URIRef:
    """`2307.12966#3` -> `https://w3id.org/papergraph/chunk/2307.12966%233` ('#' is encoded)."""
    return URIRef(CHUNK_NS + _segment(chunk_id))


def paper_graph_iri(paper_id: str) -> URIRef:
    """The named graph that holds everything one paper says."""
    return URIRef(GRAPH_NS + _segment(paper_id))


def extractor_iri(name: str) -> URIRef:
    return URIRef(EXTRACTOR_NS + _segment(name))


def doi_iri(doi: str) -> URIRef:
    """The resolvable IRI of a DOI, lower-cased so two spellings meet."""
    return URIRef(DOI_NS + _segment(doi.strip().lower(), safe="/"))


def _strip(iri: str, namespace: str, what: str) -> str:
    if not iri.startswith(namespace):
        raise ValueError(f"not a {what} IRI: {iri}")
    return unquote(iri[len(namespace) :])


def paper_id_from_iri(iri: str) -> str:
    return _strip(str(iri), PAPER_NS, "paper")


def entity_key_from_iri(iri: str) -> str:
    return _strip(str(iri), ENTITY_NS, "entity")


def chunk_id_from_iri(iri: str) -> str:
    return _strip(str(iri), CHUNK_NS, "chunk")


def paper_id_from_graph_iri(iri: str) -> str:
    return _strip(str(iri), GRAPH_NS, "paper graph")


def short_hash(*parts: object) -> str:
    """A stable 16-hex-digit name for a node made of these parts (skolemisation)."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:16]


def vocabulary_turtle() -> str:
    """The published vocabulary, kg/vocab.ttl."""
    return resources.files("kg").joinpath("vocab.ttl").read_text(encoding="utf-8")
