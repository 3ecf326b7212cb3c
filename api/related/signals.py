"""The three signals of relatedness, each a score in [0, 1] per candidate with its reasons.

- text: cosine of paper-level vectors (title+abstract, or pooled chunks), clipped at 0;
- entities: idf-weighted cosine of the two papers' entity sets, so a shared rare dataset counts
  far more than a shared "Adam" that every paper mentions;
- citations: direct citation either way scores 1; co-citation (cited together by the same
  papers) and bibliographic coupling (citing the same papers) add their Salton-normalised
  counts; the sum is capped at 1.

Each signal explains a row with typed reasons (`papergraph.api.related.reasons`), built complete: an
entity reason's label is read from the graph once per snapshot (`RelatedCorpus.labels`),
for every row shown together (`Signal.prepare`).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from papergraph.api.related.corpus import RelatedCorpus
from papergraph.api.related.reasons import (
    CitationReason,
    RelatedReason,
    SharedEntityReason,
    SimilarTextReason,
)

SIGNAL_NAMES = ("text", "entities", "citations")


@dataclass
class Signal:
    """One signal's scores against one seed, one per corpus row (`RelatedCorpus.ids`), and
    `explain(row)`: the reasons behind a row's score, asked only for the papers shown, after
    `prepare(rows)` has read what explaining those rows needs in one go."""

    scores: np.ndarray
    explain: Callable[[int], list[RelatedReason]] = field(default=lambda row: [])
    prepare: Callable[[list[int]], None] = field(default=lambda rows: None)


@dataclass
class SeedSignals:
    """Every signal computed for one seed paper."""

    seed: str
    signals: dict[str, Signal]


def seed_signals(corpus: RelatedCorpus, seed: str, max_entity_reasons: int = 3) -> SeedSignals:
    return SeedSignals(
        seed=seed,
        signals={
            "text": text_signal(corpus, seed),
            "entities": entity_signal(corpus, seed, max_entity_reasons),
            "citations": citation_signal(corpus, seed),
        },
    )


def text_signal(corpus: RelatedCorpus, seed: str) -> Signal:
    scores = np.zeros(len(corpus.ids))
    vector = corpus.matrix.vector(seed)
    if vector is None:
        return Signal(scores)
    cosines = np.clip(corpus.matrix.cosines(vector), 0.0, 1.0)
    known = corpus.text_rows >= 0
    scores[corpus.text_rows[known]] = cosines[known]
    scores[corpus.position[seed]] = 0.0

    def explain(row: int) -> list[RelatedReason]:
        cosine = float(scores[row])
        if cosine <= 0:
            return []
        text = f"similar title and abstract (cosine {cosine:.2f})"
        return [SimilarTextReason(score=round(cosine, 3), text=text)]

    return Signal(scores, explain)


def entity_signal(corpus: RelatedCorpus, seed: str, max_reasons: int = 3) -> Signal:
    """Only the papers sharing an entity with the seed are touched (via the postings)."""
    scores = np.zeros(len(corpus.ids))
    mine = corpus.entity_keys.get(seed, set())
    seed_norm = corpus.entity_norm(seed)
    if not mine or seed_norm == 0:
        return Signal(scores)
    for key in mine:
        np.add.at(scores, corpus.postings[key], corpus.idf[key] ** 2)
    touched = scores > 0
    scores[touched] /= seed_norm * corpus.norms[touched]
    scores[corpus.position[seed]] = 0.0

    def shown(row: int) -> list[str]:
        if scores[row] <= 0:
            return []
        shared = mine & corpus.entity_keys.get(corpus.ids[row], set())
        return sorted(shared, key=lambda key: (-corpus.idf[key], key))[:max_reasons]

    def explain(row: int) -> list[RelatedReason]:
        keys = shown(row)
        labels = corpus.labels(set(keys))
        return [_entity_reason(corpus, key, labels) for key in keys]

    def prepare(rows: list[int]) -> None:
        corpus.labels({key for row in rows for key in shown(row)})

    return Signal(scores, explain, prepare)


def _entity_reason(corpus: RelatedCorpus, key: str, labels: dict[str, str]) -> RelatedReason:
    entity_type = key.split("/", 1)[0]
    label = labels.get(key, key.split("/", 1)[-1])
    papers = corpus.document_frequency[key]
    return SharedEntityReason(
        kind=f"shared_{entity_type}",
        entity=key,
        label=label,
        idf=round(corpus.idf[key], 3),
        papers=papers,
        text=f"both mention the {entity_type} {label} (in {papers} of {len(corpus.titles)} papers)",
    )


def citation_signal(corpus: RelatedCorpus, seed: str) -> Signal:
    found = _Found(scores=defaultdict(float), reasons=defaultdict(list))
    for other in corpus.references.get(seed, set()):
        _add(found, other, 1.0, CitationReason(kind="cites", text="this paper cites it"))
    for other in corpus.citers.get(seed, set()):
        _add(found, other, 1.0, CitationReason(kind="cited_by", text="it cites this paper"))
    _add_shared(found, corpus.citers, corpus.references, seed, "co_cited")
    _add_shared(found, corpus.references, corpus.citers, seed, "coupled")
    found.scores.pop(seed, None)
    scores = corpus.dense({p: min(s, 1.0) for p, s in found.scores.items()})
    return Signal(scores, lambda row: list(found.reasons.get(corpus.ids[row], [])))


@dataclass
class _Found:
    """Citation scores and reasons by paper id, as they are gathered."""

    scores: dict[str, float]
    reasons: dict[str, list[RelatedReason]]


def _add(found: _Found, other: str, score: float, reason: RelatedReason) -> None:
    found.scores[other] += score
    found.reasons[other].append(reason)


def _add_shared(
    found: _Found,
    via_of: dict[str, set[str]],
    back: dict[str, set[str]],
    seed: str,
    kind: Literal["co_cited", "coupled"],
) -> None:
    """Co-citation (via = who cites the seed) or coupling (via = what the seed cites)."""
    via = via_of.get(seed, set())
    counts = Counter(other for node in via for other in back.get(node, set()))
    for other, count in counts.items():
        if other == seed:
            continue
        strength = count / math.sqrt(len(via) * len(via_of.get(other, set())) or 1)
        text = (
            f"cited together by {count} paper(s)"
            if kind == "co_cited"
            else f"both cite {count} of the same paper(s)"
        )
        _add(found, other, strength, CitationReason(kind=kind, count=count, text=text))
