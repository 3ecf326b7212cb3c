"""The service description and VoID description of the graph, for /sparql and /.well-known/void.

One RDF document says what a client needs before its first query: the endpoint and what it
speaks (SPARQL 1.1 Service Description), the dataset with its vocabularies, counts, URI space and
dump (VoID), and example queries (SHACL `sh:select`, as the SIB and UniProt endpoints publish
them). The counts are read from the store when the document is asked for.
"""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SH, VOID, XSD

from papergraph.kg.store import KnowledgeGraph
from papergraph.kg.vocab import BASE, BIBO, CITO, ENTITY_CLASS, FABIO, PG, PREFIXES

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
SCHEMA = Namespace("https://schema.org/")

_RESULT_FORMATS = (
    "SPARQL_Results_JSON",
    "SPARQL_Results_XML",
    "SPARQL_Results_CSV",
    "SPARQL_Results_TSV",
    "Turtle",
    "N-Triples",
    "JSON-LD",
    "RDF_XML",
)

#: (what it asks, the query): each runs as written on this endpoint and on a SPARQL server.
#: Entities are looked up by label in a DISTINCT subquery: each paper's graph states the type
#: and label of what it mentions, and a bag union (Oxigraph's) would repeat the entity.
EXAMPLE_QUERIES: tuple[tuple[str, str], ...] = (
    (
        "Papers that use or evaluate on the dataset GSM8K",
        "PREFIX pg: <https://w3id.org/papergraph/ns#>\n"
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
        "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
        "SELECT DISTINCT ?paper ?title WHERE {\n"
        '  { SELECT DISTINCT ?d WHERE { ?d a pg:Dataset ; skos:prefLabel "GSM8K" } }\n'
        "  { ?paper pg:uses ?d } UNION { ?paper pg:evaluatesOn ?d }\n"
        "  ?paper dcterms:title ?title .\n"
        "} ORDER BY ?title",
    ),
    (
        "Methods that appear in the same papers as DPO, by number of papers",
        "PREFIX pg: <https://w3id.org/papergraph/ns#>\n"
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
        "SELECT ?label (COUNT(DISTINCT ?paper) AS ?papers) WHERE {\n"
        '  { SELECT DISTINCT ?y WHERE { ?y a pg:Method ; skos:prefLabel "DPO" } }\n'
        "  ?paper pg:mentions ?y , ?m . FILTER(?m != ?y)\n"
        "  { SELECT DISTINCT ?m ?label WHERE {\n"
        "      GRAPH ?g { ?m a pg:Method ; skos:prefLabel ?label } } }\n"
        "} GROUP BY ?label ORDER BY DESC(?papers) ?label LIMIT 20",
    ),
    (
        "Papers two citation hops from each paper",
        "PREFIX cito: <http://purl.org/spar/cito/>\n"
        "SELECT DISTINCT ?paper ?twoHops WHERE {\n"
        "  ?paper cito:cites ?cited . ?cited cito:cites ?twoHops .\n"
        "} ORDER BY ?paper ?twoHops LIMIT 100",
    ),
    (
        "Reported results on GSM8K, best first",
        "PREFIX pg: <https://w3id.org/papergraph/ns#>\n"
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
        "SELECT DISTINCT ?paper ?method ?metric ?value WHERE {\n"
        '  { SELECT DISTINCT ?d WHERE { ?d skos:prefLabel "GSM8K" } }\n'
        "  ?paper pg:reportsResult ?r . ?r pg:value ?value ; pg:resultDataset ?d .\n"
        "  OPTIONAL { ?r pg:resultMethod/skos:prefLabel ?method }\n"
        "  OPTIONAL { ?r pg:resultMetric/skos:prefLabel ?metric }\n"
        "} ORDER BY DESC(?value) LIMIT 20",
    ),
    (
        "Papers whose title mentions 'preference'",
        "PREFIX fabio: <http://purl.org/spar/fabio/>\n"
        "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
        "SELECT ?paper ?title WHERE {\n"
        "  ?paper a fabio:ResearchPaper ; dcterms:title ?title .\n"
        '  FILTER(CONTAINS(LCASE(STR(?title)), "preference"))\n'
        "} ORDER BY ?title",
    ),
)

_VOCABULARIES = (
    PG,
    DCTERMS,
    FABIO,
    CITO,
    BIBO,
    Namespace(str(RDF)),
    Namespace(str(RDFS)),
    PREFIXES["skos"],
    PREFIXES["prov"],
    PREFIXES["foaf"],
)


def describe(kg: KnowledgeGraph, endpoint: str, *, federated: bool = False) -> Graph:
    """The service description of `endpoint` with the VoID description of its default dataset."""
    graph = Graph()
    for prefix, namespace in {
        **PREFIXES,
        "sd": SD,
        "void": VOID,
        "formats": FORMATS,
        "sh": SH,
        "schema": SCHEMA,
    }.items():
        graph.bind(prefix, namespace)
    service, dataset = URIRef(f"{endpoint}#service"), URIRef(f"{endpoint}#dataset")
    _service(graph, service, URIRef(endpoint), dataset, federated)
    _dataset(graph, kg, dataset, URIRef(endpoint))
    for number, (comment, query) in enumerate(EXAMPLE_QUERIES, start=1):
        example = URIRef(f"{endpoint}#example-{number}")
        graph.add((example, RDF.type, SH.SPARQLSelectExecutable))
        graph.add((example, RDF.type, SH.SPARQLExecutable))
        graph.add((example, RDFS.comment, Literal(comment, lang="en")))
        graph.add((example, SH.select, Literal(query)))
        graph.add((example, SCHEMA.target, URIRef(endpoint)))
    return graph


def _service(
    graph: Graph, service: URIRef, endpoint: URIRef, dataset: URIRef, federated: bool
) -> None:
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, endpoint))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    if federated:
        graph.add((service, SD.feature, SD.BasicFederatedQuery))
    for name in _RESULT_FORMATS:
        graph.add((service, SD.resultFormat, FORMATS[name]))
    graph.add((service, SD.defaultDataset, dataset))


def _dataset(graph: Graph, kg: KnowledgeGraph, dataset: URIRef, endpoint: URIRef) -> None:
    site = str(endpoint).rsplit("/sparql", 1)[0]
    papers, triples = kg.count_papers(), kg.count_triples()
    entities = _entity_counts(kg)
    graph.add((dataset, RDF.type, SD.Dataset))
    graph.add((dataset, RDF.type, VOID.Dataset))
    graph.add((dataset, DCTERMS.title, Literal("Papergraph", lang="en")))
    graph.add(
        (
            dataset,
            DCTERMS.description,
            Literal(
                "Research papers with the methods, datasets, benchmarks, tasks and metrics they "
                "mention, reported results and citations; one named graph per paper.",
                lang="en",
            ),
        )
    )
    graph.add((dataset, VOID.sparqlEndpoint, endpoint))
    graph.add((dataset, VOID.dataDump, URIRef(f"{site}/export?format=nq")))
    graph.add((dataset, VOID.uriSpace, Literal(BASE)))
    graph.add((dataset, VOID.triples, Literal(triples, datatype=XSD.integer)))
    graph.add(
        (dataset, VOID.entities, Literal(papers + sum(entities.values()), datatype=XSD.integer))
    )
    for vocabulary in _VOCABULARIES:
        graph.add((dataset, VOID.vocabulary, URIRef(str(vocabulary))))
    for cls, count in {FABIO.ResearchPaper: papers, **entities}.items():
        partition = BNode()
        graph.add((dataset, VOID.classPartition, partition))
        graph.add((partition, VOID["class"], cls))
        graph.add((partition, VOID.entities, Literal(count, datatype=XSD.integer)))
    default_graph = BNode()
    graph.add((dataset, SD.defaultGraph, default_graph))
    graph.add((default_graph, RDF.type, SD.Graph))
    graph.add((default_graph, VOID.triples, Literal(triples, datatype=XSD.integer)))


def _entity_counts(kg: KnowledgeGraph) -> dict[URIRef, int]:
    values = " ".join(f"<{c}>" for c in ENTITY_CLASS.values())
    result = kg.query(
        f"SELECT ?c (COUNT(DISTINCT ?e) AS ?n) WHERE {{ VALUES ?c {{ {values} }} ?e a ?c }} "
        "GROUP BY ?c"
    )
    counts = {URIRef(c): 0 for c in ENTITY_CLASS.values()}
    for row in result:
        counts[URIRef(str(row[0]))] = int(row[1])  # type: ignore[arg-type, index]
    return counts
