"""The lexicon extractor and the extractor factory: on text written here, and on real papers."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from papergraph.core.errors import Misconfigured
from papergraph.core.model import Chunk, Entity, EntityType, Extraction, Paper, Role, fold
from papergraph.ingest.extract import (
    Extractor,
    ExtractorNotFound,
    InvalidExtractor,
    LexiconExtractor,
    create_extractor,
)
from papergraph.ingest.extract.factory import EXTRACTORS
from papergraph.ingest.extract.gazetteer import default_lexicon, generated_lexicon, hand_lexicon
from papergraph.ingest.extract.matcher import NameMatcher, name_key

SYNTHETIC_CHUNKS = [
    "We propose Direct Preference Optimization (DPO), a stable alternative to RLHF for LLMs.",
    (
        "DPO needs no reward model. We evaluate DPO on MMLU and GSM-8K. Results on HumanEval "
        "improve as well."
    ),
    (
        "We fine-tune LLaMA with LoRA. The arc of training is smooth; ARC scores rise. C-MMLU "
        "and Open-Assistant-953 are other sets."
    ),
    (
        "We also study Contrastive Preference Tuning (CPT) on the FooBar dataset. CPT helps, "
        "and FooBar is small. Transformers and adapters appear once."
    ),
    "In closing, DPO and GSM8K again.",
]


@pytest.fixture(scope="module")
def extractor() -> LexiconExtractor:
    return LexiconExtractor()


@pytest.fixture(scope="module")
def synthetic_paper() -> Paper:
    chunks = [Chunk(f"syn#{i}", "syn", i, text) for i, text in enumerate(SYNTHETIC_CHUNKS)]
    return Paper(id="syn", title="Direct Preference Optimization for chat models", chunks=chunks)


@pytest.fixture(scope="module")
def synthetic(extractor: LexiconExtractor, synthetic_paper: Paper) -> Extraction:
    return extractor.extract(synthetic_paper)


def by_label(extraction: Extraction) -> dict[str, Entity]:
    return {entity.label: entity for entity in extraction.entities}


def assert_spans_exact(paper: Paper, extraction: Extraction) -> None:
    texts = {chunk.id: chunk.text for chunk in paper.chunks}
    for entity in extraction.entities:
        for evidence in entity.evidence:
            assert texts[evidence.chunk_id][evidence.start : evidence.end] == evidence.text
            assert evidence.extractor in {"lexicon", "gazetteer", "pattern", "name", "tagger"}
            assert 0 < evidence.confidence <= 1


def test_acronym_and_long_name_are_one_entity(synthetic: Extraction) -> None:
    dpo = by_label(synthetic)["DPO"]
    assert dpo.type is EntityType.METHOD
    assert "Direct Preference Optimization" in dpo.aliases
    assert Counter(e.text for e in dpo.evidence) == {"DPO": 4, "Direct Preference Optimization": 1}
    assert sum(e.key == dpo.key for e in synthetic.entities) == 1


def test_spelling_variants_merge(synthetic: Extraction) -> None:
    gsm = by_label(synthetic)["GSM8K"]
    assert {e.text for e in gsm.evidence} == {"GSM-8K", "GSM8K"}
    assert gsm.type is EntityType.BENCHMARK


def test_spans_are_exact_substrings(synthetic_paper: Paper, synthetic: Extraction) -> None:
    assert_spans_exact(synthetic_paper, synthetic)


def test_short_acronyms_match_case_sensitively(synthetic: Extraction) -> None:
    arc = by_label(synthetic)["ARC"]
    assert [e.text for e in arc.evidence] == ["ARC"]


def test_hyphenated_compounds_and_numbered_variants_are_not_their_parts(
    synthetic: Extraction,
) -> None:
    labels = by_label(synthetic)
    assert [e.text for e in labels["MMLU"].evidence] == ["MMLU"]
    assert "OpenAssistant" not in labels
    assert labels["CMMLU"].evidence[0].text == "C-MMLU"


def test_filtered_benchmark_versions_are_their_own_datasets(extractor: LexiconExtractor) -> None:
    text = "We report on FB15k and FB15k-237, and on WN18 and WN18RR."
    paper = Paper(id="kg", title="Link prediction", chunks=[Chunk("kg#0", "kg", 0, text)])
    labels = by_label(extractor.extract(paper))
    assert {"FB15k", "FB15k-237", "WN18", "WN18RR"} <= set(labels)
    assert [e.text for e in labels["WN18"].evidence] == ["WN18"]


def test_papers_with_code_leaderboard_names_are_aliases(extractor: LexiconExtractor) -> None:
    text = "Accuracy (percentage correct) on the test set."
    paper = Paper(id="m", title="t", chunks=[Chunk("m#0", "m", 0, text)])
    (accuracy,) = extractor.extract(paper).entities
    assert accuracy.label == "accuracy" and "percentage correct" in accuracy.aliases


def test_plurals_match_their_singular(synthetic: Extraction) -> None:
    labels = by_label(synthetic)
    assert labels["large language model"].evidence[0].text == "LLMs"
    assert labels["Transformer"].evidence[0].text == "Transformers"
    assert labels["adapter"].evidence[0].text == "adapters"


def test_defined_unknown_names_are_typed_by_head_noun(synthetic: Extraction) -> None:
    labels = by_label(synthetic)
    cpt = labels["CPT"]  # an unknown acronym labels its concept, so papers agree on the key
    assert cpt.type is EntityType.METHOD
    assert cpt.aliases == ["Contrastive Preference Tuning"]
    assert {e.extractor for e in cpt.evidence} == {"pattern"}
    assert len(cpt.evidence) == 3
    foobar = labels["FooBar"]
    assert foobar.type is EntityType.DATASET
    assert len(foobar.evidence) == 2


def test_roles_follow_the_sentence(synthetic: Extraction) -> None:
    labels = by_label(synthetic)
    assert labels["DPO"].role is Role.PROPOSES
    assert labels["MMLU"].role is Role.EVALUATES_ON
    assert labels["HumanEval"].role is Role.EVALUATES_ON
    assert labels["LLaMA"].role is Role.USES
    assert labels["RLHF"].role is Role.MENTIONS


def test_salience_puts_the_paper_subject_first(synthetic: Extraction) -> None:
    saliences = [entity.salience for entity in synthetic.entities]
    assert synthetic.entities[0].label == "DPO"
    assert saliences == sorted(saliences, reverse=True)
    assert all(0 <= s <= 1 for s in saliences)
    assert by_label(synthetic)["DPO"].salience > by_label(synthetic)["ARC"].salience


def test_a_paper_without_chunks_yields_nothing(extractor: LexiconExtractor) -> None:
    extraction = extractor.extract(Paper(id="empty", title=""))
    assert extraction == Extraction(paper_id="empty")


def test_lexicon_names_do_not_conflict() -> None:
    owners: dict[tuple[str, ...], str] = {}
    for entry in default_lexicon():
        for name in entry.names:
            key = name_key(name)
            key = key if entry.case_sensitive(name) else tuple(t.lower() for t in key)
            assert owners.setdefault(key, entry.label) == entry.label, name


def test_factory_builds_by_name_and_by_dotted_path() -> None:
    assert isinstance(create_extractor("lexicon"), LexiconExtractor)
    by_path = create_extractor("papergraph.ingest.extract.lexicon.LexiconExtractor")
    assert isinstance(by_path, LexiconExtractor)


@pytest.mark.parametrize(
    "name", ["nonsense", "no.such.module.Extractor", "papergraph.core.model.Nope"]
)
def test_factory_rejects_unknown_names(name: str) -> None:
    with pytest.raises(ExtractorNotFound) as caught:
        create_extractor(name)
    assert isinstance(caught.value, Misconfigured) and caught.value.status == 500


def test_factory_rejects_classes_that_are_not_extractors() -> None:
    with pytest.raises(InvalidExtractor):
        create_extractor("collections.OrderedDict")


@pytest.mark.parametrize("name", sorted(EXTRACTORS))
def test_every_registered_extractor_meets_the_contract(name: str, synthetic_paper: Paper) -> None:
    extractor = create_extractor(name)
    assert isinstance(extractor, Extractor) and extractor.name == name
    extraction = extractor.extract(synthetic_paper)
    assert extraction.paper_id == synthetic_paper.id and extraction.entities
    assert_spans_exact(synthetic_paper, extraction)


# --- real data -------------------------------------------------------------------------------

SEED_PAPER = "2307.12966"
SEED_CONCEPTS = {
    ("RLHF", EntityType.METHOD),
    ("DPO", EntityType.METHOD),
    ("RRHF", EntityType.METHOD),
    ("FLAN", EntityType.DATASET),
    ("Dolly", EntityType.DATASET),
    ("OpenAssistant", EntityType.DATASET),
    ("ShareGPT", EntityType.DATASET),
    ("LoRA", EntityType.METHOD),
    ("QLoRA", EntityType.METHOD),
    ("Self-Instruct", EntityType.METHOD),
    ("MMLU", EntityType.BENCHMARK),
    ("GSM8K", EntityType.BENCHMARK),
    ("HumanEval", EntityType.BENCHMARK),
    ("MT-Bench", EntityType.BENCHMARK),
    ("AlpacaEval", EntityType.BENCHMARK),
}


def repairer() -> Callable[[str], str]:
    """The project's text repair when it exists, else ftfy (the seed text has mojibake)."""
    try:
        from papergraph.ingest.repair import repair_text
    except ImportError:
        import ftfy

        return ftfy.fix_text
    return repair_text


@pytest.fixture(scope="module")
def seed_paper(shared_data: Path) -> Paper:
    repair = repairer()
    rows = [json.loads(line) for line in (shared_data / "ai-arxiv2-sample.jsonl").open()]
    rows = sorted(
        (r for r in rows if r["arxiv_id"] == SEED_PAPER), key=lambda r: int(r["id"].split("#")[1])
    )
    chunks = [
        Chunk(r["id"], SEED_PAPER, int(r["id"].split("#")[1]), repair(r["content"])) for r in rows
    ]
    return Paper(id=SEED_PAPER, title=rows[0]["title"], chunks=chunks)


@pytest.fixture(scope="module", params=["lexicon", "hybrid", "tagged"])
def seed(request: pytest.FixtureRequest, seed_paper: Paper) -> Extraction:
    return create_extractor(request.param).extract(seed_paper)


def test_seed_paper_names_each_concept_once(seed: Extraction) -> None:
    found = Counter((e.label, e.type) for e in seed.entities)
    assert {concept: found[concept] for concept in SEED_CONCEPTS} == dict.fromkeys(SEED_CONCEPTS, 1)
    keys = [e.key for e in seed.entities]
    assert len(keys) == len(set(keys))


def test_seed_paper_merges_aliases(seed: Extraction) -> None:
    labels = by_label(seed)
    assert "Reinforcement Learning from Human Feedback" in {e.text for e in labels["RLHF"].evidence}
    assert "SFT" in {e.text for e in labels["supervised fine-tuning"].evidence}


def test_seed_paper_spans_and_ranking(seed_paper: Paper, seed: Extraction) -> None:
    assert_spans_exact(seed_paper, seed)
    methods = [e.label for e in seed.entities if e.type is EntityType.METHOD][:10]
    assert "RLHF" in methods and "supervised fine-tuning" in methods  # salience is per type


SCIREX_TYPES = {
    EntityType.METHOD: "Method",
    EntityType.DATASET: "Material",
    EntityType.BENCHMARK: "Material",
    EntityType.TASK: "Task",
    EntityType.METRIC: "Metric",
}


def scirex_paper(doc: dict[str, Any]) -> Paper:
    words = doc["words"]
    chunks = [
        Chunk(f"{doc['doc_id']}#{i}", doc["doc_id"], i, " ".join(words[a:b]))
        for i, (a, b) in enumerate(doc["sections"])
    ]
    return Paper(id=doc["doc_id"], title=chunks[0].text if chunks else "", chunks=chunks)


def test_scirex_doc_level_precision_recall(
    extractor: LexiconExtractor, shared_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A sanity number, printed, not asserted: doc-level P/R of folded surface forms."""
    hits: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    gold: Counter[str] = Counter()
    for path in sorted((shared_data / "scirex" / "train_docs").glob("*.json"))[:20]:
        doc = json.loads(path.read_text())
        truth: dict[str, set[str]] = {}
        for start, end, kind in doc["ner"]:
            truth.setdefault(kind, set()).add(fold(" ".join(doc["words"][start:end])))
        found: dict[str, set[str]] = {}
        for entity in extractor.extract(scirex_paper(doc)).entities:
            found.setdefault(SCIREX_TYPES[entity.type], set()).update(
                fold(e.text) for e in entity.evidence
            )
        for kind in ("Method", "Material", "Task", "Metric"):
            hits[kind] += len(truth.get(kind, set()) & found.get(kind, set()))
            predicted[kind] += len(found.get(kind, set()))
            gold[kind] += len(truth.get(kind, set()))
    with capsys.disabled():
        for kind in ("Method", "Material", "Task", "Metric"):
            p, r = hits[kind] / max(predicted[kind], 1), hits[kind] / max(gold[kind], 1)
            counts = f"{hits[kind]}/{predicted[kind]}/{gold[kind]}"
            print(f"\nSciREX {kind:8} P={p:.2f} R={r:.2f} (hits/predicted/gold {counts})")
    assert sum(gold.values()) > 0


def test_a_capitalised_common_word_keeps_a_name_case_sensitive() -> None:
    """Papers with Code's handwriting dataset "AND Dataset" is not a caption's "all tasks and
    datasets"; written as the lists spell it, it is still found."""
    matcher = NameMatcher.from_entries((*generated_lexicon(), *hand_lexicon()))
    caption = "Table 1: Test performances of all BERT variants on all tasks and datasets."
    assert "AND Dataset" not in {m.entry.label for m in matcher.find(caption)}
    assert [m.entry.label for m in matcher.find("the AND Dataset")] == ["AND Dataset"]
    assert [m.entry.label for m in matcher.find("the and dataset")] == []
