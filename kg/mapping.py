"""From the domain model to RDF: the triples of one paper's named graph.

Every node gets a deterministic IRI (papers, chunks and entities from their ids; mentions,
evidence, results and title-only references skolemised under `.../node/<paper>/...` from their
content), so writing the same paper twice writes the same triples.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef

from papergraph.core.canonical import canonical, lpwc_iri
from papergraph.core.model import (
    Chunk,
    ChunkKind,
    Entity,
    EntityType,
    Evidence,
    Extraction,
    Paper,
    Reference,
    Result,
    Role,
    entity_key,
    fold,
    url_safe_id,
)
from papergraph.kg.vocab import (
    BASE,
    BIBO,
    CITO,
    DCTERMS,
    ENTITY_CLASS,
    FABIO,
    PG,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    ROLE_PROPERTY,
    SKOS,
    XSD,
    chunk_iri,
    doi_iri,
    entity_iri,
    extractor_iri,
    paper_iri,
    short_hash,
)

#: Strongest first: the role a paper is shown with when it has several towards one entity.
ROLE_ORDER: tuple[Role, ...] = (
    Role.PROPOSES,
    Role.EVALUATES_ON,
    Role.USES,
    Role.COMPARES_AGAINST,
    Role.MENTIONS,
)

#: Which entity types a result's method/task/dataset/metric label may resolve to, default first.
_RESULT_SLOTS: dict[str, tuple[URIRef, tuple[EntityType, ...]]] = {
    "method": (PG.resultMethod, (EntityType.METHOD,)),
    "task": (PG.resultTask, (EntityType.TASK,)),
    "dataset": (PG.resultDataset, (EntityType.DATASET, EntityType.BENCHMARK)),
    "metric": (PG.resultMetric, (EntityType.METRIC,)),
}


def node_iri(paper_id: str, *path: str) -> URIRef:
    """A skolem IRI for a node that exists only inside one paper's graph."""
    return URIRef(f"{BASE}node/{paper_iri(paper_id).rsplit('/', 1)[1]}/" + "/".join(path))


@dataclass
class _MergedEntity:
    """One entity per key: extractions may list a concept twice under different roles."""

    type: EntityType
    label: str
    aliases: list[str] = field(default_factory=list)
    roles: set[Role] = field(default_factory=set)
    salience: float = 0.0
    evidence: list[Evidence] = field(default_factory=list)
    salient: bool = False
    qualifiers: list[str] = field(default_factory=list)

    @property
    def role(self) -> Role:
        return next(r for r in ROLE_ORDER if r in self.roles)


def merge_entities(entities: Iterable[Entity]) -> dict[str, _MergedEntity]:
    merged: dict[str, _MergedEntity] = {}
    for entity in entities:
        target = merged.setdefault(entity.key, _MergedEntity(entity.type, entity.label))
        for name in [entity.label, *entity.aliases]:
            if name != target.label and name not in target.aliases:
                target.aliases.append(name)
        target.roles.add(entity.role)
        target.salience = max(target.salience, entity.salience)
        target.evidence.extend(entity.evidence)
        target.salient = target.salient or entity.salient
        target.qualifiers += [q for q in entity.qualifiers if q not in target.qualifiers]
    return merged


def new_graph() -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def paper_graph(paper: Paper, extraction: Extraction) -> Graph:
    """The triples of `paper`'s named graph: metadata, chunks, entities, results, citations."""
    graph = new_graph()
    paper_node = paper_iri(paper.id)
    _add_paper(graph, paper_node, paper)
    entities = merge_entities(extraction.entities)
    for key, entity in entities.items():
        _add_entity(graph, paper_node, paper.id, key, entity)
    for result in extraction.results:
        _add_result(graph, paper_node, paper.id, result, entities)
    chunks = {chunk.id: chunk for chunk in paper.chunks}
    for reference in paper.references:
        _add_reference(graph, paper_node, paper.id, reference, chunks)
    _add_evidence_places(graph, chunks)
    return graph


def _add_paper(graph: Graph, node: URIRef, paper: Paper) -> None:
    graph.add((node, RDF.type, FABIO.ResearchPaper))
    graph.add((node, DCTERMS.identifier, Literal(paper.id)))
    graph.add((node, DCTERMS.title, Literal(paper.title)))
    for author in paper.authors:
        graph.add((node, DCTERMS.creator, Literal(author)))
    if paper.year is not None:
        graph.add((node, DCTERMS.issued, Literal(paper.year, datatype=XSD.integer)))
    if paper.arxiv_id:
        graph.add((node, PG.arxivId, Literal(paper.arxiv_id)))
    if paper.doi:
        graph.add((node, BIBO.doi, Literal(paper.doi.strip().lower())))
    if paper.abstract:
        graph.add((node, DCTERMS.abstract, Literal(paper.abstract)))
    for chunk in paper.chunks:
        chunk_node = chunk_iri(chunk.id)
        graph.add((chunk_node, RDF.type, PG.Chunk))
        graph.add((chunk_node, PG.chunkOf, node))
        graph.add((chunk_node, PG.seq, Literal(chunk.seq)))
        section = f" ({chunk.section})" if chunk.section else ""
        graph.add((chunk_node, RDFS.label, Literal(f"{paper.id} chunk {chunk.seq}{section}")))
        _add_place(graph, chunk_node, chunk)


def _add_place(graph: Graph, node: URIRef, chunk: Chunk) -> None:
    """Where in the paper a chunk (or evidence read from it) is: kind, section, pages."""
    graph.add((node, PG.kind, Literal(ChunkKind(chunk.kind).value)))
    if chunk.section:
        graph.add((node, PG.section, Literal(chunk.section)))
    for page in chunk.pages:
        graph.add((node, PG.page, Literal(page, datatype=XSD.integer)))


def _add_evidence_places(graph: Graph, chunks: dict[str, Chunk]) -> None:
    """Every evidence node states the kind, section and pages of the chunk it was read from."""
    by_iri = {chunk_iri(chunk_id): chunk for chunk_id, chunk in chunks.items()}
    for evidence, _, source in list(graph.triples((None, PROV.wasDerivedFrom, None))):
        chunk = by_iri.get(source)  # type: ignore[call-overload]
        if chunk is not None and isinstance(evidence, URIRef):
            _add_place(graph, evidence, chunk)


def _add_entity_node(graph: Graph, key: str, type_: EntityType, label: str) -> URIRef:
    node = entity_iri(key)
    graph.add((node, RDF.type, ENTITY_CLASS[type_]))
    graph.add((node, SKOS.prefLabel, Literal(label)))
    return node


def _add_entity(
    graph: Graph, paper_node: URIRef, paper_id: str, key: str, entity: _MergedEntity
) -> None:
    node = _add_entity_node(graph, key, entity.type, entity.label)
    for alias in entity.aliases:
        graph.add((node, SKOS.altLabel, Literal(alias)))
    graph.add((paper_node, PG.mentions, node))
    if entity.salient:
        graph.add((paper_node, PG.about, node))
    if (same := lpwc_iri(entity.label, entity.type)) is not None:
        graph.add((node, SKOS.exactMatch, URIRef(same)))
    for role in entity.roles:
        graph.add((paper_node, ROLE_PROPERTY[role], node))
    mention = node_iri(paper_id, "mention", key)
    graph.add((paper_node, PG.hasMention, mention))
    graph.add((mention, RDF.type, PG.Mention))
    graph.add((mention, PG.entity, node))
    graph.add((mention, PG.role, ROLE_PROPERTY[entity.role]))
    graph.add((mention, PG.salience, Literal(float(entity.salience))))
    for qualifier in entity.qualifiers:
        graph.add((mention, PG.qualifier, Literal(qualifier)))
    for evidence in entity.evidence:
        _add_evidence(graph, mention, evidence)


def _add_evidence(graph: Graph, owner: URIRef, evidence: Evidence) -> None:
    node = URIRef(
        f"{owner}/evidence/"
        + short_hash(evidence.chunk_id, evidence.start, evidence.end, evidence.extractor)
    )
    agent = extractor_iri(evidence.extractor)
    graph.add((owner, PG.evidence, node))  # typed pg:Evidence by the property's range, not
    # per node: a tenth of a paper's triples for nothing a query needs (README "Scaling out")
    graph.add((node, PROV.wasDerivedFrom, chunk_iri(evidence.chunk_id)))
    graph.add((node, PG.start, Literal(evidence.start)))
    graph.add((node, PG.end, Literal(evidence.end)))
    graph.add((node, PROV.value, Literal(evidence.text)))
    graph.add((node, PROV.wasAttributedTo, agent))
    graph.add((node, PG.confidence, Literal(float(evidence.confidence))))
    graph.add((agent, RDF.type, PROV.SoftwareAgent))
    graph.add((agent, RDFS.label, Literal(evidence.extractor)))
    _add_table_place(graph, node, evidence)


#: Where in a table a value was read: Evidence field -> property.
_TABLE_PLACE: dict[str, URIRef] = {
    "table": PG.tableNumber,
    "caption": PG.caption,
    "row_header": PG.rowHeader,
    "column_header": PG.columnHeader,
    "cell": PG.cell,
    "ablation": PG.ablation,
}


def _add_table_place(graph: Graph, node: URIRef, evidence: Evidence) -> None:
    if evidence.page is not None:
        graph.add((node, PG.page, Literal(evidence.page)))
    for name, prop in _TABLE_PLACE.items():
        text = getattr(evidence, name)
        if text:
            graph.add((node, prop, Literal(text)))


def _result_value(value: float | str) -> Literal:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Literal(float(value))
    try:
        return Literal(float(str(value).strip()))
    except ValueError:
        return Literal(str(value))


def _resolve(label: str, types: tuple[EntityType, ...], entities: dict[str, _MergedEntity]) -> str:
    """The key of the paper's entity this label names, or a key minted with the default type;
    a label whose numbers are not its entity's keeps its own node (`_own_numbers`)."""
    folded = fold(label)
    for key, entity in entities.items():
        if entity.type in types and folded in {fold(n) for n in [entity.label, *entity.aliases]}:
            if not _own_numbers(entity.type, _numbers(label), _numbers(entity.label)):
                return key
    return entity_key(types[0], label)


def _own_numbers(kind: EntityType, printed: list[str], entity: list[str]) -> bool:
    """A metric's numbers differ ("pass@1" is not its entity "pass@k", nor "Hits@10" "Hits@k";
    "Macro-F1" is "F1"), or a dataset's versions both printed differ ("CIFAR-100" is not
    "CIFAR-10"; "CoNLL" is what papers print for CoNLL-2003)."""
    dataset = kind in (EntityType.DATASET, EntityType.BENCHMARK)
    both = kind is EntityType.METRIC or (dataset and bool(printed and entity))
    return both and printed != entity


def _numbers(name: str) -> list[str]:
    return re.findall(r"\d+", name)


def _add_dataset_variant(graph: Graph, result: URIRef, name: str) -> str:
    """The canonical label of the dataset a result names, its variant kept on the result:
    "WMT 2014 English-German" is WMT with `pg:qualifier` "2014 en-de" (so its board is not
    English-French's), the name as printed `pg:datasetName`."""
    found = canonical(name, EntityType.DATASET)
    graph.add((result, PG.datasetName, Literal(name)))
    if found.qualifier:
        graph.add((result, PG.qualifier, Literal(found.qualifier)))
    return found.label


def _add_result(
    graph: Graph,
    paper_node: URIRef,
    paper_id: str,
    result: Result,
    entities: dict[str, _MergedEntity],
) -> None:
    labels = {slot: getattr(result, slot) for slot in _RESULT_SLOTS}
    node = node_iri(paper_id, "result", short_hash(*labels.values(), result.value))
    graph.add((paper_node, PG.reportsResult, node))
    graph.add((node, RDF.type, PG.Result))
    if result.value is not None:  # a value-less claim has no pg:value
        graph.add((node, PG.value, _result_value(result.value)))
    if result.higher_is_better is not None:
        graph.add((node, PG.higherIsBetter, Literal(result.higher_is_better)))
    for slot, label in labels.items():
        if not label:
            continue
        prop, types = _RESULT_SLOTS[slot]
        if slot == "dataset":
            label = _add_dataset_variant(graph, node, label)
        key = _resolve(label, types, entities)
        if key not in entities:  # named only by the result: still a typed, labelled entity
            _add_entity_node(graph, key, types[0], label)
            graph.add((paper_node, PG.mentions, entity_iri(key)))
        graph.add((node, prop, entity_iri(key)))
    for evidence in result.evidence:
        _add_evidence(graph, node, evidence)


def _add_reference(
    graph: Graph,
    paper_node: URIRef,
    paper_id: str,
    reference: Reference,
    chunks: dict[str, Chunk],
) -> None:
    """A resolved reference -> the cited paper's IRI; else arXiv id -> that paper's IRI; DOI
    only -> https://doi.org/...; title only -> a local node. With a citing sentence, a
    cito:Citation node carries it as evidence.

    arXiv ids pass through `url_safe_id`, as paper ids do, so citations between ingested papers
    meet. A bare id-like `raw` (a papers JSONL citing another row by its id) is a paper id.
    References with none of these are skipped.
    """
    cited = _cited_node(graph, paper_id, reference)
    if cited is None:
        return
    graph.add((paper_node, CITO.cites, cited))
    if reference.context and reference.context_chunk_id:
        chunk = chunks.get(reference.context_chunk_id)
        add_citation_context(graph, paper_id, cited, reference, chunk.text if chunk else None)


def _cited_node(graph: Graph, paper_id: str, reference: Reference) -> URIRef | None:
    if reference.paper_id:
        return paper_iri(reference.paper_id)
    if reference.arxiv_id:
        return paper_iri(url_safe_id(reference.arxiv_id))
    if _is_paper_id(reference):
        return paper_iri(reference.raw.strip())
    if reference.doi:
        cited = doi_iri(reference.doi)
        graph.add((cited, BIBO.doi, Literal(reference.doi.strip().lower())))
        return cited
    if reference.title:
        cited = node_iri(paper_id, "reference", short_hash(fold(reference.title)))
        graph.add((cited, DCTERMS.title, Literal(reference.title)))
        return cited
    return None


def citation_graph(
    citing_id: str, cited_id: str, reference: Reference, chunk_text: str | None
) -> Graph:
    """The triples a citing paper's graph gains when one of its references resolves later."""
    graph = new_graph()
    cited = paper_iri(cited_id)
    graph.add((paper_iri(citing_id), CITO.cites, cited))
    if reference.context and reference.context_chunk_id:
        add_citation_context(graph, citing_id, cited, reference, chunk_text)
    return graph


def add_citation_context(
    graph: Graph, paper_id: str, cited: URIRef, reference: Reference, chunk_text: str | None
) -> None:
    """A cito:Citation from the paper to `cited`, with the citing sentence as its evidence."""
    assert reference.context is not None and reference.context_chunk_id is not None
    node = node_iri(paper_id, "citation", short_hash(str(cited)))
    graph.add((paper_iri(paper_id), PG.citation, node))
    graph.add((node, RDF.type, CITO.Citation))
    graph.add((node, CITO.hasCitingEntity, paper_iri(paper_id)))
    graph.add((node, CITO.hasCitedEntity, cited))
    start = max((chunk_text or "").find(reference.context), 0)
    evidence = Evidence(
        reference.context_chunk_id,
        start,
        start + len(reference.context),
        reference.context,
        extractor="citation-context",
    )
    _add_evidence(graph, node, evidence)


def _is_paper_id(reference: Reference) -> bool:
    raw = reference.raw.strip()
    return bool(raw) and not reference.doi and not reference.title and url_safe_id(raw) == raw
