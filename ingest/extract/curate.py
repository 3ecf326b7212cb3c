"""From a paper's candidate entities to the ones people see: admitted, canonical, salient.

1. `admit`: names that are no concept (ingest/extract/admissible.py: organisations, places,
   venues, people, hardware, formats, research questions, fragments, generic phrases) go, and
   so do those the paper itself shows are none: a surname it cites, a code of a numbered series
   it writes ("C4" beside "C3" and "C5"), a code it writes as a network's stage ("the C4
   backbone"), a part of a hyphenated name ("Panoptic" of "Panoptic-FPN"), an acronym it
   defines by a lower-case phrase (ingest/extract/written.py), an ordinary word in capitals, a
   listed dataset name it writes only as lower-case words, a form of the entity that is
   hardware or an organisation, an acronym it defines by an organisation's name ("Civil Rights
   Litigation Clearinghouse (CRLC)", ingest/extract/organisations.py), a phenomenon it names or
   lessens ("reduce the internal covariate shift") and a phrase only its printed title holds
   (ingest/extract/written_as.py);
   a method it writes as its corpus ("our MassiveText dataset") becomes a Dataset.
2. `canonicalise`: a name the lists give one other type takes that type (a name pattern's
   Dataset "AP" is the metric; "APval" is AP with the qualifier val), and a task a dataset's
   name opens is that dataset's task of its kind ("ImageNet detection" is object detection,
   ingest/extract/dataset_led_tasks.py); every
   entity takes the label and key of `papergraph.core.canonical.canonical`, its own spelling
   kept as an alias and the years, pairs and splits the paper wrote with a dataset as
   qualifiers; entities that now share a key become one, and so do a dataset family's name and
   its one member the paper names (ingest/extract/one_dataset.py).
3. `mark_salient`: per type, the most salient few above a floor are what the paper is *about*
   (`Entity.salient`); the rest, and lower-case phrases only the tagger proposed, stay in the
   graph as mentions.
"""

from __future__ import annotations

import re

from papergraph.core.canonical import (
    DATASET_TYPES,
    FAMILY,
    canonical,
    known_type,
    metric_glue,
    pwc_names,
)
from papergraph.core.model import ChunkKind, Entity, EntityType, Paper, Result, fold
from papergraph.ingest.extract.admissible import affiliation, rejection
from papergraph.ingest.extract.cited_only import cited_only
from papergraph.ingest.extract.dataset_led_tasks import dataset_task
from papergraph.ingest.extract.matcher import NameMatcher
from papergraph.ingest.extract.one_dataset import (
    families,
    one_node_per_dataset,
    one_type_per_dataset,
)
from papergraph.ingest.extract.organisations import defined_organisations
from papergraph.ingest.extract.proper_names import written_label
from papergraph.ingest.extract.scenario_sections import SCENARIO
from papergraph.ingest.extract.set_aside import set_aside
from papergraph.ingest.extract.solved import unsolved_task
from papergraph.ingest.extract.source_data import source_only
from papergraph.ingest.extract.table_datasets import spelled_out
from papergraph.ingest.extract.table_names import called_names
from papergraph.ingest.extract.unmeasured import a_property, as_function, unmeasured
from papergraph.ingest.extract.variants import absorb
from papergraph.ingest.extract.written import (
    defined_as_other,
    defined_as_phrase,
    glued_fragment,
    listed_code,
    measured_as_other,
    network_part,
    other_kind,
    ranks_runs,
)
from papergraph.ingest.extract.written_as import (
    figure_labels,
    phenomenon,
    title_only,
    written_as_data,
)

#: Most entities of a type a paper is shown to be about, and the salience under which an
#: entity after the type's first is not. Swept on the pdfgold-dev tune split (floor 0.2-0.5,
#: 1-5 methods, 5 or 8 datasets): judged precision moved between 0.66 and 0.79, most of it by
#: showing fewer methods, which the judge (Papers with Code names) mostly cannot confirm and a
#: reader mostly can; eight datasets found more gold datasets at no cost in precision.
SHOWN = {
    EntityType.METHOD: 3,
    EntityType.DATASET: 8,
    EntityType.BENCHMARK: 8,
    EntityType.TASK: 3,
    EntityType.METRIC: 3,
}
FLOOR = 0.25
#: Origins whose names a list vouches for: the hand lexicon.
VOUCHING = frozenset({"lexicon"})
#: What a model costs, as papers name it (folded): measures, whatever a list or a name pattern
#: typed them ("MAdds" Method, "MACs" Dataset).
COST_MEASURES = frozenset("flop flops gflops mflops macs gmacs madds multadds multiplyadds".split())
_CITED = re.compile(r"\b([A-Z][a-z]+)(?: and [A-Z][a-z]+)? et al\b")
_CODE = re.compile(r"([A-Z]{1,3})(\d{1,2})")
_YEARS = re.compile(r"\b(?:19|20)\d\d\b")


def admit(entities: list[Entity], paper: Paper) -> list[Entity]:
    """`entities` without those whose label names no concept, or that the paper writes as
    common words (`common_words`)."""
    text = "\n".join(c.text for c in paper.chunks)
    cited = cited_surnames(paper, text)
    texts = {chunk.id: chunk.text for chunk in paper.chunks}
    organisations = defined_organisations(texts.values())
    return [
        e
        for e in entities
        if rejection(e.label, vouched(e), paper.authors, curated=curated(e)) is None
        and (curated(e) or e.label not in organisations)
        and not common_words(e)
        and (curated(e) or e.label.lower() not in cited)
        and not enumerated(e, text)
        and not network_part(e, text)
        and not listed_code(e, text)
        and not measured_as_other(e, texts)
        and not defined_as_other(e)
        and not ranks_runs(e, texts)
        and (curated(e) or not (glued_fragment(e, texts) or defined_as_phrase(e)))
        and (curated(e) or not shouted(e.label, text))
        and (curated(e) or not any(affiliation(v.text) for v in e.evidence))
        and (curated(e) or not unsolved_task(e, texts, paper.title))
        and (curated(e) or not other_kind(e, texts))
        and (curated(e) or not phenomenon(e, texts))
        and (curated(e) or not title_only(e, texts, paper.title))
        and (curated(e) or not figure_labels(e, texts))
    ]


def called_methods(entities: list[Entity], paper: Paper) -> list[Entity]:
    """`entities`, a dataset the paper's opening says it calls its own model ("we call this
    instruction-tuned model FLAN", though a list holds the FLAN collection) typed Method, and a
    method no hand list names that the paper writes as a corpus ("our MassiveText dataset", "10 %
    of MassiveText") typed Dataset."""
    called = {fold(name) for name in called_names(paper)}
    texts = {chunk.id: chunk.text for chunk in paper.chunks}
    for entity in entities:
        if entity.type in DATASET_TYPES and fold(entity.label) in called:
            entity.type = EntityType.METHOD
        elif not curated(entity) and written_as_data(entity, texts):
            entity.type = EntityType.DATASET
    return entities


def shouted(name: str, text: str) -> bool:
    """Whether `name` is an ordinary word in capitals ("RESULTS", "FINE" in a heading or a
    table): all capitals, and the paper also writes it in lower case as a word, at least twice."""
    if len(name) < 4 or not name.isalpha() or not name.isupper():
        return False
    return len(re.findall(rf"(?<![\w-]){name.lower()}(?![\w-])", text)) >= 2


def enumerated(entity: Entity, text: str) -> bool:
    """Whether the entity is one label of a numbered series the paper writes ("C4" beside "C3"
    and "C5" are a network's stages, not the C4 corpus; "P3" beside "P2" and "P4" no P3 prompt
    collection), judged by every form the paper writes it in."""
    written = {e.text for e in entity.evidence} or {entity.label}
    return all(_in_series(name, text) for name in written)


def _in_series(name: str, text: str) -> bool:
    if not (code := _CODE.fullmatch(name)):
        return False
    prefix, number = code.group(1), int(code.group(2))
    return all(
        re.search(rf"(?<![\w-]){prefix}{n}(?![\w-])", text) for n in (number - 1, number + 1)
    )


def cited_surnames(paper: Paper, text: str) -> frozenset[str]:
    """Lower-cased surnames of the authors the paper cites, from its reference list and from
    "Kumar et al." in its text: "Kumar" alone names a person, even where a list of dataset
    names holds it."""
    listed = {name.split()[-1] for ref in paper.references for name in ref.authors if name.split()}
    return frozenset(n.lower() for n in listed | set(_CITED.findall(text)))


def common_words(entity: Entity) -> bool:
    """Whether the paper only wrote words that a list happens to hold as a name: a dataset
    with capitals in its name written all in lower case ("social media" for Social media, "and
    datasets" for AND, "coin flip" for Coin Flip), or a two-letter acronym no hand-made list
    vouches for ("UT", "EM")."""
    written = [e.text for e in entity.evidence] or [entity.label]
    lowered = not any(c.isupper() for text in written for c in text)
    if entity.type in DATASET_TYPES and lowered and entity.label != entity.label.lower():
        return True
    return not curated(entity) and len(entity.label) <= 2 and entity.label.isupper()


def curated(entity: Entity) -> bool:
    """Whether the hand lexicon named it."""
    return any(e.extractor in VOUCHING for e in entity.evidence)


def vouched(entity: Entity) -> bool:
    """Whether the hand lexicon or Papers with Code knows the entity's name."""
    if curated(entity):
        return True
    known = pwc_names()
    return any(fold(name) in known for name in (entity.label, *entity.aliases))


def canonicalise(
    entities: list[Entity], year: int | None = None, matcher: NameMatcher | None = None
) -> list[Entity]:
    """Canonical labels and qualifiers; entities of one key merged, in their original order.
    `year`, the paper's, bounds the years a name can carry ("MSRC-21" in a 2012 paper names its
    21 classes, not an edition of 2021); `matcher`, the extractor's names, reads the task a
    dataset's name with a task's word names ("ImageNet detection"; none without it)."""
    by_key: dict[str, Entity] = {}
    kept: list[Entity] = []
    for entity in entities:
        _relabel(entity, year, matcher)
        head = by_key.setdefault(entity.key, entity)
        if head is entity:
            kept.append(entity)
            continue
        absorb(head, entity)
        head.qualifiers.extend(q for q in entity.qualifiers if q not in head.qualifiers)
    for entity in kept:
        entity.qualifiers = _most_specific(entity.qualifiers)
    return one_node_per_dataset(_abbreviations_merged(one_type_per_dataset(kept)))


def _abbreviations_merged(entities: list[Entity]) -> list[Entity]:
    """The entities, a dataset's short name the lists know only as itself merged into the
    dataset the paper names in full ("TQA" beside "TriviaQA"), as its tables' headers are read
    (table_datasets.spelled_out)."""
    full = {e.label: e for e in entities if e.type in DATASET_TYPES}
    kept: list[Entity] = []
    for entity in entities:
        family = fold(entity.label) in families()  # JFT: one_node_per_dataset decides
        spelled = entity.label in full and not family
        named = spelled_out(entity.label, {n: n for n in full}) if spelled else ""
        if named and named != entity.label:
            absorb(full[named], entity)
        else:
            kept.append(entity)
    return kept


def _relabel(entity: Entity, year: int | None, matcher: NameMatcher | None) -> None:
    if matcher is not None and not curated(entity) and entity.type is EntityType.TASK:
        _task_of_dataset(entity, matcher)  # "ImageNet detection" is ImageNet's object detection
    if not curated(entity) and (kind := _listed_as_other(entity)) is not None:
        entity.type = kind  # "AP" that a name pattern typed Dataset is the metric the lexicon knows
    if fold(entity.label) in COST_MEASURES:
        entity.type = EntityType.METRIC  # "MAdds", "MACs": what a model costs, no method
    if not curated(entity) and (glued := metric_glue(entity.label)) is not None:
        entity.type = EntityType.METRIC  # "APval" is AP on the val split, no method
        entity.aliases.insert(0, entity.label)
        entity.label, split = glued
        entity.qualifiers.append(split)
    _, label, qualifier = canonical(entity.label, entity.type)
    label = written_label(entity, label)  # "Semantic Scholar", named "the X corpus"
    if year and any(int(y) > year for y in _YEARS.findall(qualifier)):
        return  # a number glued to the name, no year yet to come
    if label != entity.label:
        if entity.label not in entity.aliases:
            entity.aliases.insert(0, entity.label)
        entity.aliases = [a for a in entity.aliases if a != label]
        entity.label = label
    written = [qualifier] + [q for q in _written_qualifiers(entity) if q != qualifier]
    entity.qualifiers.extend(q for q in written if q and q not in entity.qualifiers)


def _task_of_dataset(entity: Entity, matcher: NameMatcher) -> None:
    if (task := dataset_task(entity.label, matcher)) is not None and task != entity.label:
        entity.aliases.insert(0, entity.label)
        entity.label = task


def _written_qualifiers(entity: Entity) -> list[str]:
    """The years, pairs and splits the paper wrote with a dataset's name: "WMT 2014
    English-German" matched as the lexicon's WMT still says which WMT."""
    if entity.type not in DATASET_TYPES:
        return []
    found = (canonical(e.text, entity.type) for e in entity.evidence)
    return list(dict.fromkeys(c.qualifier for c in found if c.key == entity.key and c.qualifier))


def _most_specific(qualifiers: list[str]) -> list[str]:
    """`qualifiers` without those another one contains ("2014" beside "2014 en-de")."""
    parts = [set(q.split()) for q in qualifiers]
    return [q for q, p in zip(qualifiers, parts, strict=True) if not any(p < o for o in parts)]


def _listed_as_other(entity: Entity) -> EntityType | None:
    """The one other type the lexicon lists the entity's label under, if any."""
    kind = known_type(entity.label)
    same = kind is None or kind is FAMILY.get(entity.type, entity.type)
    return None if same else kind


def showable(entity: Entity) -> bool:
    """Whether a reader may be shown the entity: not a phrase only the tagger proposed that the
    paper writes in lower case ("cumbersome model", "sensemaking process", "zero-shot"), or in
    capitals less often than all in lower case ("Facilitating Text Composition." heads a paragraph on
    "text composition"): such phrases describe; names are written with capitals or listed
    somewhere. It stays a mention."""
    origins = {e.extractor for e in entity.evidence}
    if origins != {"tagger"}:
        return True
    capitalised = sum(any(c.isupper() for c in e.text[1:]) for e in entity.evidence)
    lowered = sum(e.text == e.text.lower() for e in entity.evidence)
    return capitalised > 0 and capitalised >= lowered


#: Sections that tell what others did: a task or dataset named only there is no topic of the
#: paper ("Attention Is All You Need": reading comprehension in its Background).
BACKGROUND = re.compile(
    r"\b(?:background|related\s+(?:works?|research|literature)|prior\s+works?|"
    r"previous\s+works?|literature\s+(?:review|survey))\b",
    re.IGNORECASE,
)
_TOPICS = frozenset({EntityType.TASK, EntityType.DATASET, EntityType.BENCHMARK})
#: A heading's name goes on past an entity's name: a capitalised word other than "Dataset".
_NOT_CONTINUED = r"(?![\s-]+(?!(?:dataset|data|benchmark|task|corpus)s?\b)(?-i:[A-Z0-9]))"
#: Chunks whose headings are the paper's sections (a figure's text is no heading).
_PROSE = frozenset({ChunkKind.ABSTRACT, ChunkKind.BODY, ChunkKind.APPENDIX})


def background_only(entity: Entity, sections: dict[str, str | None]) -> bool:
    """Whether a task or dataset in no table or caption is named only under background or
    related-work headings or in an example scenario (scenario_sections.py; `sections`)."""
    if entity.type not in _TOPICS or not entity.evidence:
        return False
    if any(e.table or e.row_header or e.caption for e in entity.evidence):
        return False
    headings = [sections.get(e.chunk_id) or "" for e in entity.evidence]
    return all(BACKGROUND.search(h) or SCENARIO.search(h) for h in headings)


def mark_salient(entities: list[Entity], paper: Paper | None = None) -> list[Entity]:
    """Set `salient` on each entity: its type's top SHOWN[type], the first always, the rest
    only at or above FLOOR, when mentioned as often as the first (a short paper naming two
    methods once each is about both) or when a section of the paper's own is headed by it. A
    task or dataset `paper` names only in its background or related work, or says it leaves out
    (ingest/extract/set_aside.py), an entity below FLOOR it names only in citing others
    (ingest/extract/cited_only.py) or as a stronger dataset's source (source_data.py), and a
    metric it names only as an everyday word or that is an algorithm's complexity
    (ingest/extract/unmeasured.py), keeps its rank but is not shown (no weaker one takes its
    place). Returns `entities`, most salient first."""
    ranked = sorted(entities, key=lambda e: (-e.salience, e.label.lower()))
    firsts: dict[EntityType, Entity] = {}
    seen: dict[EntityType, int] = {}
    sections = {chunk.id: chunk.section for chunk in paper.chunks} if paper else {}
    chunks = {chunk.id: chunk for chunk in paper.chunks} if paper else {}
    texts = {key: chunk.text for key, chunk in chunks.items()}
    headings = own_headings(paper) if paper else frozenset()
    background = frozenset(c for c, h in sections.items() if h and BACKGROUND.search(h))
    for entity in ranked:
        if not showable(entity):
            entity.salient = False
            continue
        rank = seen.get(entity.type, 0)
        seen[entity.type] = rank + 1
        first = firsts.setdefault(entity.type, entity)
        tied = len(entity.evidence) >= len(first.evidence) or headed(entity, headings)
        shown = rank < SHOWN[entity.type] and (entity.salience >= FLOOR or tied)
        aside = background_only(entity, sections) or set_aside(entity, texts)
        below = entity.salience < FLOOR
        aside = aside or (below and cited_only(entity, chunks, background))
        aside = aside or (below and source_only(entity, ranked, chunks))
        measured = not (unmeasured(entity, chunks) or as_function(entity, chunks))
        measured = measured and not a_property(entity)
        entity.salient = shown and not aside and measured
    return ranked


def reshown_tasks(entities: list[Entity], results: list[Result], paper: Paper) -> None:
    """Show a task hidden as named only in background that the paper's valued table rows are
    filed under: its results say it is the paper's (S2-MLP's "image classification")."""
    tasks = {fold(r.task) for r in results if r.task and r.value is not None}
    sections = {chunk.id: chunk.section for chunk in paper.chunks}
    for entity in entities:
        names = {fold(name) for name in (entity.label, *entity.aliases)}
        if entity.type is EntityType.TASK and names & tasks:
            entity.salient = entity.salient or background_only(entity, sections)


def own_headings(paper: Paper) -> frozenset[str]:
    """The headings of the paper's own sections: its prose's, less background and related work
    (read once per paper, not once per entity `headed` checks)."""
    headings = {chunk.section for chunk in paper.chunks if chunk.kind in _PROSE}
    return frozenset(h for h in headings if h and not BACKGROUND.search(h))


def headed(entity: Entity, headings: frozenset[str]) -> bool:
    """Whether a task or dataset the hand lexicon vouches for names one of `headings`, a section
    of the paper's own (`own_headings`: "6.3 English Constituency Parsing"): a topic it gives a
    section to, however few its mentions (a generated list's "one-shot task" in "Downstream
    One-Shot Tasks" is none)."""
    if entity.type not in _TOPICS or not curated(entity):
        return False
    names = [re.escape(name) for name in (entity.label, *entity.aliases) if len(name) > 3]
    # the whole name, not the head of a longer one ("COCO" in "Results on COCO Stuff Dataset")
    pattern = re.compile(rf"\b(?:{'|'.join(names)})\b{_NOT_CONTINUED}", re.I) if names else None
    return pattern is not None and any(pattern.search(heading) for heading in headings)
