"""Shown entities decided by reading names, not by counting first mentions per family (issue 14,
session 14): a benchmark's name plus a scene word is the benchmark (MuZero, 1911.08265: "Atari
game", "Atari domain"), a rating is a metric (MuZero's "Elo ratings"), a dataset named as the
source another was built from is not the paper's data (STaR, 2203.14465: ConceptNet, p. 5), and a
type's first is counted per type again (the survey 2307.12966 shows the benchmarks it reviews
beside the dataset ShareGPT it names more often)."""

from __future__ import annotations

from papergraph.core.model import Chunk, ChunkKind, Entity, EntityType, Evidence, Paper
from papergraph.ingest.extract.curate import mark_salient
from papergraph.ingest.extract.variants import merge_variants

STAR = (
    "CommonsenseQA The multiple-choice commonsense reasoning task, CommonsenseQA [Talmor et al., "
    "2019] (CQA), is constructed based off of ConceptNet, a semantic graph of concepts and their "
    "relationships with over a million nodes [Speer et al., 2016]."
)
TOGETHER = "We evaluate on CommonsenseQA and on ConceptNet link completion."
SURVEY = (
    "ShareGPT collects conversations. ShareGPT is widely used. Open benchmarks such as MT-Bench "
    "(Zheng et al., 2023) and AlpacaEval (Dubois et al., 2023) rank chat models, and Vicuna-80 "
    "too. We train on ShareGPT."
)


def _named(kind: EntityType, label: str, salience: float = 0.5) -> Entity:
    evidence = [Evidence("p#0", 0, len(label), label, "gazetteer", 0.75)]
    return Entity(kind, label, salience=salience, evidence=evidence)


def _paper(text: str) -> Paper:
    chunk = Chunk("p#0", "p", 0, text, kind=ChunkKind.BODY, section="3 Experiments")
    return Paper(id="p", title="A Paper", authors=["Ada Lovelace"], chunks=[chunk])


def _in(kind: EntityType, name: str, text: str, salience: float) -> Entity:
    """An entity with one mention per place `text` writes `name`."""
    starts, at = [], text.find(name)
    while at >= 0:
        starts.append(at)
        at = text.find(name, at + 1)
    evidence = [Evidence("p#0", s, s + len(name), name, "lexicon") for s in starts]
    return Entity(kind, name, salience=salience, evidence=evidence)


def test_a_benchmarks_name_with_a_scene_word_is_that_benchmark() -> None:
    atari = _named(EntityType.BENCHMARK, "Atari", 0.6)
    found = merge_variants(
        [
            atari,
            _named(EntityType.DATASET, "Atari game"),
            _named(EntityType.DATASET, "Atari domain"),
        ]
    )
    assert found == [atari]
    assert {"Atari game", "Atari domain"} <= set(atari.aliases)
    assert len(atari.evidence) == 3


def test_a_rating_is_a_metric_and_joins_the_papers_metric_of_its_name() -> None:
    elo = _named(EntityType.METRIC, "Elo", 0.5)
    found = merge_variants([elo, _named(EntityType.DATASET, "ELO Ratings", 0.1)])
    assert found == [elo] and "ELO Ratings" in elo.aliases
    alone = merge_variants([_named(EntityType.DATASET, "Glicko ratings")])
    assert [(e.type, e.label) for e in alone] == [(EntityType.METRIC, "Glicko ratings")]


def test_a_name_with_an_ordinary_word_after_it_stays_its_own_dataset() -> None:
    found = merge_variants(
        [
            _named(EntityType.BENCHMARK, "Atari 2600"),
            _named(EntityType.DATASET, "Atari 2600 Tennis"),
        ]
    )
    assert len(found) == 2 and all(e.type is not EntityType.METRIC for e in found)


def test_the_source_a_stronger_dataset_was_built_from_is_not_shown() -> None:
    cqa = _in(EntityType.BENCHMARK, "CommonsenseQA", STAR, 0.44)
    conceptnet = _in(EntityType.DATASET, "ConceptNet", STAR, 0.16)
    shown = {e.label for e in mark_salient([cqa, conceptnet], _paper(STAR)) if e.salient}
    assert shown == {"CommonsenseQA"}


def test_a_dataset_named_beside_a_stronger_one_without_being_its_source_is_shown() -> None:
    cqa = _in(EntityType.BENCHMARK, "CommonsenseQA", TOGETHER, 0.44)
    conceptnet = _in(EntityType.DATASET, "ConceptNet", TOGETHER, 0.16)
    shown = {e.label for e in mark_salient([cqa, conceptnet], _paper(TOGETHER)) if e.salient}
    assert shown == {"CommonsenseQA", "ConceptNet"}


def test_benchmarks_tied_with_the_first_benchmark_are_shown_beside_a_stronger_dataset() -> None:
    sharegpt = _in(EntityType.DATASET, "ShareGPT", SURVEY, 0.4)
    benchmarks = [
        _in(EntityType.BENCHMARK, name, SURVEY, salience)
        for name, salience in (("MT-Bench", 0.2), ("AlpacaEval", 0.18), ("Vicuna-80", 0.17))
    ]
    shown = {e.label for e in mark_salient([sharegpt, *benchmarks], _paper(SURVEY)) if e.salient}
    assert shown == {"ShareGPT", "MT-Bench", "AlpacaEval", "Vicuna-80"}
