"""Shown entities a researcher would call wrong (issue 14, session 13): a complexity shown as a
metric (Adam, 1412.6980, p. 1), a method the paper only cites shown as its first (2304.02623,
p. 3), and one benchmark shown twice under two types (MuZero, 1911.08265, p. 1)."""

from __future__ import annotations

from papergraph.core.model import Chunk, ChunkKind, Entity, EntityType, Evidence, Paper
from papergraph.ingest.extract.curate import admit, canonicalise, mark_salient
from papergraph.ingest.extract.unmeasured import a_property

ADAM = (
    "If the function is differentiable w.r.t. its parameters, gradient descent is a relatively "
    "efficient optimization method, since the computation of first-order partial derivatives "
    "w.r.t. all the parameters is of the same computational complexity as just evaluating the "
    "function."
)
CITED = (
    "More importantly, Ziegler et al. [35] shows that recent instruction-tuned models are merely "
    "\u201csmart copiers\u201d when performing summarization."
)
USED = "We compare instruction-tuned models [35] with our pipeline on summarization."
MUZERO = (
    "The Atari 2600 games are a standard benchmark. We evaluate MuZero on 57 games of the "
    "Arcade Learning Environment (Atari)."
)


def _paper(*bodies: tuple[str, str | None]) -> Paper:
    """A paper of one body chunk per (text, section heading)."""
    chunks = [
        Chunk(f"p#{i}", "p", i, text, kind=ChunkKind.BODY, section=section)
        for i, (text, section) in enumerate(bodies)
    ]
    return Paper(id="p", title="A Paper", authors=["Ada Lovelace"], chunks=chunks)


def _entity(kind: EntityType, name: str, written: str, text: str, chunk: str = "p#0") -> Entity:
    at = text.index(written)
    evidence = [Evidence(chunk, at, at + len(written), written, "lexicon")]
    return Entity(kind, name, evidence=evidence)


def test_a_complexity_is_a_property_not_a_metric() -> None:
    for label in ("computational complexity", "time complexity", "Sample Complexity"):
        assert a_property(Entity(EntityType.METRIC, label))
    for label in ("accuracy", "wall-clock time", "perplexity"):
        assert not a_property(Entity(EntityType.METRIC, label))


def test_adams_computational_complexity_is_not_shown_though_its_sentence_says_evaluating() -> None:
    metric = _entity(
        EntityType.METRIC, "computational complexity", "computational complexity", ADAM
    )
    metric.salience = 0.14
    assert not mark_salient([metric], _paper((ADAM, "1 Introduction")))[0].salient


def test_the_first_method_named_only_in_a_cited_finding_is_not_shown() -> None:
    method = _entity(EntityType.METHOD, "instruction tuning", "instruction-tuned", CITED)
    method.salience = 0.05
    assert not mark_salient([method], _paper((CITED, "2 Background and Motivation")))[0].salient
    # the same sentence under a section of the paper's own: still only a cited finding
    method.salient = True
    assert not mark_salient([method], _paper((CITED, "3 Design")))[0].salient


def test_the_first_method_the_paper_uses_beside_a_citation_is_shown() -> None:
    method = _entity(EntityType.METHOD, "instruction tuning", "instruction-tuned", USED)
    method.salience = 0.05
    assert mark_salient([method], _paper((USED, "3 Design")))[0].salient


def test_a_salient_method_is_shown_whatever_sentences_name_it() -> None:
    method = _entity(EntityType.METHOD, "instruction tuning", "instruction-tuned", CITED)
    method.salience = 0.6
    assert mark_salient([method], _paper((CITED, "3 Design")))[0].salient


def test_a_benchmark_and_a_dataset_of_one_label_are_one_node_of_the_lexicons_type() -> None:
    games = _entity(EntityType.DATASET, "Atari 2600 games", "Atari 2600 games", MUZERO)
    games.evidence[0].extractor = "gazetteer"
    atari = _entity(EntityType.BENCHMARK, "Atari", "Atari", MUZERO)
    found = canonicalise([games, atari])
    assert [(e.type, e.label) for e in found] == [(EntityType.BENCHMARK, "Atari")]
    assert found[0].key == "benchmark/atari"
    assert "Atari 2600 games" in found[0].aliases
    assert len(found[0].evidence) == 2


SCIBERT = "We observe that S C I B E RT outperforms B E RT- Base on computer science tasks."


def test_the_end_of_a_word_read_a_capital_at_a_time_is_no_method() -> None:
    """SciBERT (1903.10676, p. 1) sets its names in small capitals, read a letter at a time."""
    fragment = _entity(EntityType.METHOD, "RT-Base", "RT- Base", SCIBERT)
    fragment.evidence[0].extractor = "name"
    paper = _paper((SCIBERT, "4.2 Computer Science Domain"))
    assert admit([fragment], paper) == []
    named = "We observe that SciBERT outperforms RT-Base on computer science tasks."
    method = _entity(EntityType.METHOD, "RT-Base", "RT-Base", named)
    method.evidence[0].extractor = "name"
    assert admit([method], _paper((named, "4.2 Computer Science Domain"))) == [method]
