"""Entities a user can trust (issue 14 A): no organisations, places, venues, hardware, research
questions, fragments or generic phrases; nothing read from front matter, footnotes,
acknowledgments or references; one label per concept; what a paper is about marked salient."""

from __future__ import annotations

import pytest

from papergraph.core.canonical import canonical, lpwc_iri
from papergraph.core.model import Chunk, ChunkKind, Entity, EntityType, Evidence, Paper
from papergraph.ingest.extract import create_extractor
from papergraph.ingest.extract.admissible import rejection
from papergraph.ingest.extract.curate import mark_salient

NOT_CONCEPTS = {
    "University": "organisation",
    "Google": "place or organisation",
    "USA": "place or organisation",
    "Berkeley": "place or organisation",
    "AI21": "place or organisation",
    "CISCO": "place or organisation",
    "ICLR": "venue",
    "PMLR": "venue",
    "CHI": "venue",
    "Neural Information Processing Systems": "venue",
    "GPUs": "hardware or file format",
    "CPU": "hardware or file format",
    "PDFs": "hardware or file format",
    "LaTeX": "hardware or file format",
    "RQ1": "research question or pointer",
    "AND Dataset": "fragment",
    "EM EM EM EM F1 DrQA": "fragment",
    "ViT) * Linear Projection of Flattened Patches *": "fragment",
    "model variants": "generic phrase",
    "deeper network": "generic phrase",
    "unsupervised manner": "generic phrase",
    "learning rate": "hyperparameter",
    "SoTA": "generic phrase",
}


def _paper(*chunks: tuple[ChunkKind, str], paper_id: str = "p1") -> Paper:
    return Paper(
        id=paper_id,
        title="Semantic Parsing of Tables",
        authors=["Jonathan Bragg"],
        chunks=[
            Chunk(id=f"{paper_id}#{i}", paper_id=paper_id, seq=i, text=text, kind=kind)
            for i, (kind, text) in enumerate(chunks)
        ],
    )


def _labels(paper: Paper) -> set[str]:
    entities = create_extractor("tagged").extract(paper).entities
    return {name for e in entities for name in (e.label, *e.aliases)}


@pytest.mark.parametrize("name", sorted(NOT_CONCEPTS))
def test_names_that_are_no_concept_are_refused_with_the_reason(name: str) -> None:
    assert rejection(name) == NOT_CONCEPTS[name]


@pytest.mark.parametrize("name", ["ImageNet", "BERT", "WikiSQL", "streaming acoustic model"])
def test_real_concepts_pass(name: str) -> None:
    assert rejection(name) is None


def test_a_curated_method_named_like_a_town_stays() -> None:
    assert rejection("Adam", vouched=True, curated=True) is None


def test_affiliations_hardware_and_pointers_in_the_body_never_become_entities() -> None:
    body = (
        "We thank Google and CISCO. AI21 Labs, USA, and the University of Berkeley helped. "
        "RQ1 asks whether our parser trained on WikiSQL beats AI21 models (RQ1). We ran on GPUs "
        "and a CPU; RQ1 is answered in Section 4, as CISCO and AI21 hoped, and PDFs were "
        "written in LaTeX for ICLR and PMLR. The parser reaches 80% on WikiSQL."
    )
    labels = _labels(_paper((ChunkKind.BODY, body)))
    assert "WikiSQL" in labels
    assert not labels & set(NOT_CONCEPTS), labels & set(NOT_CONCEPTS)


def test_front_matter_footnotes_acknowledgments_and_references_are_not_read() -> None:
    paper = _paper(
        (ChunkKind.FRONT, "Semantic Parsing of Tables. Stanford University. We use SQuAD."),
        (ChunkKind.BODY, "Our parser is trained on WikiSQL and evaluated on WikiSQL."),
        (ChunkKind.FOOTNOTE, "Code and ImageNet features at github."),
        (ChunkKind.ACKNOWLEDGMENTS, "We thank the MS MARCO team."),
        (ChunkKind.REFERENCES, "[1] Rajpurkar et al. SQuAD: 100,000+ questions. EMNLP 2016."),
    )
    labels = _labels(paper)
    assert "WikiSQL" in labels
    assert not labels & {"SQuAD", "ImageNet", "MS MARCO"}


def test_captions_tables_and_appendix_are_read() -> None:
    paper = _paper(
        (ChunkKind.CAPTION, "Table 2: Accuracy on SQuAD."),
        (ChunkKind.TABLE, "Model | ImageNet"),
        (ChunkKind.APPENDIX, "We also trained on MS MARCO."),
    )
    assert {"SQuAD", "ImageNet", "MS MARCO"} <= _labels(paper)


@pytest.mark.parametrize(
    "variants",
    [
        ("BERT", "Bert"),
        ("ADAM", "Adam"),
        ("fine-tuning", "Fine-Tuning", "finetuning"),
        ("GAN", "GANs"),  # a generated list also holds "GANs": the hand row's singular wins
    ],
)
def test_case_and_spelling_variants_get_one_key_and_one_label(variants: tuple[str, ...]) -> None:
    found = {canonical(name, EntityType.METHOD)[:2] for name in variants}
    assert len(found) == 1


def test_two_papers_spelling_a_method_differently_share_its_label() -> None:
    first = _paper((ChunkKind.BODY, "We train with ADAM. ADAM converges. ADAM again."))
    second = _paper((ChunkKind.BODY, "We train with Adam. Adam converges."), paper_id="p2")
    extractor = create_extractor("tagged")
    adam = [
        next(e for e in extractor.extract(paper).entities if e.key == "method/adam")
        for paper in (first, second)
    ]
    assert {e.label for e in adam} == {"Adam"}


@pytest.mark.parametrize("name", ["WMT 2014 English-German", "WMT14 En-De", "EN-DE on WMT 2014"])
def test_a_dataset_with_year_and_language_pair_resolves_with_a_qualifier(name: str) -> None:
    assert canonical(name, EntityType.DATASET) == ("dataset/wmt", "WMT", "2014 en-de")


def test_a_number_that_is_part_of_the_name_is_no_year() -> None:
    assert canonical("CIFAR10", EntityType.DATASET).qualifier == ""
    assert canonical("COCO test-dev", EntityType.DATASET)[1:] == ("COCO", "test-dev")


def test_names_papers_with_code_knows_link_to_linked_papers_with_code() -> None:
    assert lpwc_iri("Human3.6M", EntityType.DATASET) == (
        "https://linkedpaperswithcode.com/dataset/human3-6m"
    )
    assert lpwc_iri("our private corpus", EntityType.DATASET) is None


def _entity(label: str, kind: EntityType, salience: float) -> Entity:
    return Entity(type=kind, label=label, salience=salience)


def test_only_the_top_few_of_a_type_above_the_floor_are_salient() -> None:
    methods = [_entity(f"M{i}", EntityType.METHOD, 0.9 - i * 0.1) for i in range(8)]
    weak = [_entity("GSM8K", EntityType.DATASET, 0.05)]
    ranked = mark_salient(methods + weak)
    salient = {e.label for e in ranked if e.salient}
    assert "GSM8K" in salient  # a type's first is shown however weak
    assert {"M0", "M1"} <= salient and "M7" not in salient


AFFILIATION_KINDS = {"organisation", "place or organisation", "venue", "hardware or file format"}


def test_the_shared_pdfs_show_no_organisation_place_venue_or_hardware(shared_data) -> None:
    """`papergraph extract --json` on the shared PDFs: what a paper is shown to be about."""
    from papergraph.ingest.extract.report import extract_records
    from papergraph.ingest.settings import IngestSettings

    folder = shared_data / "pdfs"
    if not any(folder.rglob("*.pdf")):
        pytest.skip(f"no PDFs under {folder}")
    records = [
        r
        for r in extract_records([folder], IngestSettings(), create_extractor("tagged"))
        if isinstance(r, dict)
    ]
    shown = [(r["paper_id"], e) for r in records for e in r["entities"] if e["salient"]]
    assert len(records) >= 30 and shown
    reasons = {
        (paper, e["label"]): rejection(
            e["label"], curated=any(x["extractor"] == "lexicon" for x in e["evidence"])
        )
        for paper, e in shown
    }
    assert {k: v for k, v in reasons.items() if v in AFFILIATION_KINDS} == {}


def test_a_kind_word_after_a_dataset_name_is_no_part_of_it() -> None:
    assert canonical("MS COCO dataset", EntityType.DATASET).label == "COCO"
    assert canonical("TriviaQA dataset", EntityType.DATASET).key == "dataset/triviaqa"


FIXED_FAULTS = {
    "large language model": "generic phrase",  # hand lexicon row, but a size, not a name
    "python toolkit": "generic phrase",
    "small model": "generic phrase",
    "attention modules": "generic phrase",
    "validation performance": "generic phrase",
    "β-multiplier-": "fragment",  # a word broken at a line's hyphen
    "50K": "fragment",
    "5-shot": "fragment",
    "9 English NLP": "fragment",
    "Deng et al": "fragment",
    "English-to-German": "fragment",  # a language pair without its dataset
    "TensorFlow": "hardware or file format",
    "HBM": "hardware or file format",
    "Related Work": "section heading",
    "RESULTS": "section heading",
    "French": "language",  # what a dataset is in, not a dataset
    "learning rate schedules": "hyperparameter",
    "NLP": "research field",
}


@pytest.mark.parametrize("name", sorted(FIXED_FAULTS))
def test_faults_read_on_the_shared_pdfs_are_refused(name: str) -> None:
    curated = name == "large language model"
    assert rejection(name, vouched=curated, curated=curated) == FIXED_FAULTS[name]


def test_a_language_pair_written_with_to_is_a_pair_not_a_dataset_named_german() -> None:
    found = canonical("WMT 2014 English-to-German", EntityType.DATASET)
    assert found == ("dataset/wmt", "WMT", "2014 en-de")


def test_a_dataset_name_the_paper_writes_only_in_lower_case_is_no_dataset() -> None:
    body = (
        "We collect posts from social media and datasets of tables. We train on WikiSQL "
        "and datasets like it, and on social media posts again."
    )
    labels = _labels(_paper((ChunkKind.BODY, body)))
    assert "WikiSQL" in labels
    assert not labels & {"Social media", "AND Dataset"}


def test_a_name_only_papers_with_code_lists_takes_its_type_there() -> None:
    from papergraph.core.canonical import known_type

    assert known_type("Retrieval") is EntityType.TASK  # the tagger's "Method" Retrieval
    assert known_type("knowledge distillation") is EntityType.METHOD  # hand row: PwC says Task


def test_a_dataset_named_with_a_kind_word_is_the_dataset() -> None:
    assert canonical("MNIST images", EntityType.DATASET).key == "dataset/mnist"


@pytest.mark.parametrize(
    ("name", "kind", "label"),
    [("VOC", EntityType.DATASET, "PASCAL VOC"), ("VTAB-1k", EntityType.BENCHMARK, "VTAB")],
)
def test_a_short_name_of_a_listed_dataset_is_that_dataset(
    name: str, kind: EntityType, label: str
) -> None:
    assert canonical(name, kind).label == label


def test_a_cited_author_alone_is_no_dataset() -> None:
    from papergraph.core.model import Reference

    paper = _paper((ChunkKind.BODY, "As in Kumar, we train on WikiSQL. Kumar reports WikiSQL."))
    paper.references = [Reference(raw="A. Kumar. 2020.", authors=["Ashutosh Kumar"])]
    entities = create_extractor("tagged").extract(paper).entities
    assert "Kumar" not in {e.label for e in entities}


def test_a_lower_case_phrase_only_the_tagger_proposed_is_a_mention_not_shown() -> None:
    tagged = Entity(type=EntityType.METHOD, label="cumbersome model", salience=0.9)
    tagged.evidence = [_evidence("cumbersome model", "tagger")]
    named = Entity(type=EntityType.METHOD, label="PixelCNN", salience=0.5)
    named.evidence = [_evidence("PixelCNN", "tagger")]
    ranked = {e.label: e.salient for e in mark_salient([tagged, named])}
    assert ranked == {"cumbersome model": False, "PixelCNN": True}


def _evidence(text: str, extractor: str) -> Evidence:
    return Evidence(chunk_id="p1#0", start=0, end=len(text), text=text, extractor=extractor)


def test_a_dataset_matched_by_its_family_name_keeps_the_year_and_pair_the_paper_wrote() -> None:
    body = (
        "On the WMT 2014 English-German translation task our model reaches 28.4 BLEU, and on "
        "the WMT 2014 English-French task 41.8 BLEU. WMT 2014 English-German has 4.5M pairs."
    )
    entities = create_extractor("tagged").extract(_paper((ChunkKind.BODY, body))).entities
    wmt = next(e for e in entities if e.key == "dataset/wmt")
    assert wmt.label == "WMT"
    assert sorted(wmt.qualifiers) == ["2014 en-de", "2014 en-fr"]


def test_a_code_in_a_numbered_series_is_no_corpus() -> None:
    body = (
        "We take the outputs C2, C3, C4 and C5 of the backbone's stages and build P2, P3, P4 "
        "and P5. We train on COCO. C4 features feed the head; P3 is the finest level used."
    )
    labels = _labels(_paper((ChunkKind.BODY, body)))
    assert "COCO" in labels
    assert not labels & {"C4", "Colossal Clean Crawled Corpus", "P3", "PromptSource"}


def test_an_ordinary_word_in_capitals_is_no_name() -> None:
    from papergraph.ingest.extract.curate import admit

    body = "NOTE: we train on WikiSQL. A note on the data: we note that WikiSQL has tables."
    paper = _paper((ChunkKind.BODY, body))
    found = [
        Entity(EntityType.METHOD, name, evidence=[_evidence(name, "name")])
        for name in ("NOTE", "WikiSQL")
    ]
    assert [e.label for e in admit(found, paper)] == ["WikiSQL"]


def test_a_metric_glued_to_its_split_is_the_metric_with_the_split_as_qualifier() -> None:
    from papergraph.ingest.extract.curate import canonicalise

    glued = Entity(EntityType.METHOD, "APval", evidence=[_evidence("APval", "name")])
    (metric,) = canonicalise([glued])
    assert (metric.type, metric.label, metric.qualifiers) == (EntityType.METRIC, "AP", ["val"])
    assert "APval" in metric.aliases


def test_a_name_cited_as_et_al_in_the_text_is_a_person() -> None:
    from papergraph.ingest.extract.curate import admit

    paper = _paper((ChunkKind.BODY, "Kumar et al. (2019) train on WikiSQL; see also Kumar."))
    found = [
        Entity(EntityType.DATASET, name, evidence=[_evidence(name, "gazetteer")])
        for name in ("Kumar", "WikiSQL")
    ]
    assert [e.label for e in admit(found, paper)] == ["WikiSQL"]


def test_an_acronym_the_paper_defines_as_hardware_is_hardware_whatever_list_holds_it() -> None:
    from papergraph.ingest.extract.curate import admit

    paper = _paper((ChunkKind.BODY, "The device under test (DUT) runs WikiSQL queries."))
    dut = Entity(
        EntityType.DATASET,
        "DUT",
        evidence=[_evidence("DUT", "gazetteer"), _evidence("device under test", "pattern")],
    )
    wikisql = Entity(EntityType.DATASET, "WikiSQL", evidence=[_evidence("WikiSQL", "gazetteer")])
    assert [e.label for e in admit([dut, wikisql], paper)] == ["WikiSQL"]


def test_what_a_model_costs_is_a_metric_whatever_typed_it() -> None:
    from papergraph.ingest.extract.curate import canonicalise

    madds = Entity(EntityType.METHOD, "MAdds", evidence=[_evidence("MAdds", "name")])
    macs = Entity(EntityType.DATASET, "MACs", evidence=[_evidence("MACs", "name")])
    assert {e.type for e in canonicalise([madds, macs])} == {EntityType.METRIC}
