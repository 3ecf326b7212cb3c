"""Example queries the SPARQL editor offers; the first is the README's."""

from __future__ import annotations

from dataclasses import dataclass

_PREFIXES = """PREFIX pg: <https://w3id.org/papergraph/ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""


@dataclass(frozen=True)
class Example:
    name: str
    query: str


EXAMPLES: tuple[Example, ...] = (
    Example(
        "Papers that mention GSM8K",
        _PREFIXES
        + """# Which papers mention GSM8K?
# GRAPH ?g: within one paper's graph, where each fact is stated once
SELECT DISTINCT ?paper ?title WHERE {
  GRAPH ?g { ?paper pg:mentions ?d ; dcterms:title ?title . ?d skos:prefLabel "GSM8K" }
}""",
    ),
    Example(
        "How many papers",
        """PREFIX fabio: <http://purl.org/spar/fabio/>
SELECT (COUNT(DISTINCT ?p) AS ?papers) WHERE { ?p a fabio:ResearchPaper }""",
    ),
    Example(
        "Most used datasets and benchmarks",
        _PREFIXES
        + """SELECT ?label (COUNT(DISTINCT ?paper) AS ?papers) WHERE {
  GRAPH ?g {
    { ?d a pg:Dataset } UNION { ?d a pg:Benchmark }
    ?paper pg:mentions ?d . ?d skos:prefLabel ?label .
  }
} GROUP BY ?label ORDER BY DESC(?papers) LIMIT 20""",
    ),
    Example(
        "Methods papers propose",
        _PREFIXES
        + """SELECT DISTINCT ?title ?method WHERE {
  GRAPH ?g { ?paper pg:proposes ?m ; dcterms:title ?title . ?m a pg:Method ; skos:prefLabel ?method }
} ORDER BY ?title LIMIT 50""",
    ),
    Example(
        "Citations between papers",
        """PREFIX cito: <http://purl.org/spar/cito/>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT DISTINCT ?citing ?title ?cited WHERE {
  ?citing cito:cites ?cited ; dcterms:title ?title .
} LIMIT 50""",
    ),
    Example(
        "Reported results (leaderboard rows)",
        _PREFIXES
        + """SELECT ?title ?method ?dataset ?metric ?value WHERE {
  GRAPH ?g {
    ?paper pg:reportsResult ?r ; dcterms:title ?title .
    ?r pg:value ?value .
    OPTIONAL { ?r pg:resultMethod/skos:prefLabel ?method }
    OPTIONAL { ?r pg:resultDataset/skos:prefLabel ?dataset }
    OPTIONAL { ?r pg:resultMetric/skos:prefLabel ?metric }
  }
} ORDER BY ?dataset ?metric DESC(?value) LIMIT 100""",
    ),
)
