"""The three signals of relatedness, each a score in [0, 1] per candidate with its reasons.

- text: cosine of paper-level vectors (title+abstract, or pooled chunks), clipped at 0;
- entities: idf-weighted cosine of the two papers' entity sets, so a shared rare dataset counts
  far more than a shared "Adam" that every paper mentions;
- citations: direct citation either way scores 1; co-citation (cited together by the same
  papers) and bibliographic coupling (citing the same papers) add their Salton-normalised
  counts; the sum is capped at 1.

A reason is a dict with a machine-readable `kind` (and fields) and a human-readable `text`.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np

from api.related.corpus import RelatedCorpus

Reason = dict[str, object]
SIGNAL_NAMES = ("text", "entities", "citations")


@dataclass
class Signal:
    """Scores of the candidates one signal finds related to one seed, with the reasons."""

    scores: dict[str, float] = field(default_factory=dict)
    reasons: dict[str, list[Reason]] = field(default_factory=dict)


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
    vector = corpus.matrix.vector(seed)
    if vector is None:
        return Signal()
    cosines = np.clip(corpus.matrix.cosines(vector), 0.0, 1.0)
    signal = Signal()
    for paper_id, cosine in zip(corpus.matrix.ids, cosines.tolist(), strict=True):
        if paper_id != seed and cosine > 0:
            signal.scores[paper_id] = cosine
            signal.reasons[paper_id] = [
                {"kind": "similar_text", "score": round(cosine, 3),
                 "text": f"similar title and abstract (cosine {cosine:.2f})"}
            ]
    return signal


def entity_signal(corpus: RelatedCorpus, seed: str, max_reasons: int = 3) -> Signal:
    mine = corpus.entity_keys.get(seed, set())
    seed_norm = corpus.entity_norm(seed)
    signal = Signal()
    if not mine or seed_norm == 0:
        return signal
    for other, keys in corpus.entity_keys.items():
        shared = sorted(mine & keys, key=lambda key: (-corpus.idf[key], key))
        other_norm = corpus.entity_norm(other)
        if other == seed or not shared or other_norm == 0:
            continue
        overlap = sum(corpus.idf[key] ** 2 for key in shared)
        signal.scores[other] = overlap / (seed_norm * other_norm)
        signal.reasons[other] = [_entity_reason(corpus, key) for key in shared[:max_reasons]]
    return signal


def _entity_reason(corpus: RelatedCorpus, key: str) -> Reason:
    """Label and text are filled in later, in one query for every item shown."""
    entity_type = key.split("/", 1)[0]
    return {
        "kind": f"shared_{entity_type}",
        "entity": key,
        "label": key.split("/", 1)[-1],
        "idf": round(corpus.idf[key], 3),
        "papers": corpus.document_frequency[key],
    }


def citation_signal(corpus: RelatedCorpus, seed: str) -> Signal:
    signal = Signal(scores=defaultdict(float), reasons=defaultdict(list))
    for other in corpus.references.get(seed, set()):
        _add(signal, other, 1.0, {"kind": "cites", "text": "this paper cites it"})
    for other in corpus.citers.get(seed, set()):
        _add(signal, other, 1.0, {"kind": "cited_by", "text": "it cites this paper"})
    _add_shared(signal, corpus.citers, corpus.references, seed, "co_cited")
    _add_shared(signal, corpus.references, corpus.citers, seed, "coupled")
    signal.scores.pop(seed, None)
    signal.reasons.pop(seed, None)
    known = corpus.titles
    return Signal(
        scores={p: min(s, 1.0) for p, s in signal.scores.items() if p in known},
        reasons={p: r for p, r in signal.reasons.items() if p in known},
    )


def _add(signal: Signal, other: str, score: float, reason: Reason) -> None:
    signal.scores[other] += score
    signal.reasons[other].append(reason)


def _add_shared(
    signal: Signal,
    via_of: dict[str, set[str]],
    back: dict[str, set[str]],
    seed: str,
    kind: str,
) -> None:
    """Co-citation (via = who cites the seed) or coupling (via = what the seed cites)."""
    via = via_of.get(seed, set())
    counts = Counter(other for node in via for other in back.get(node, set()))
    for other, count in counts.items():
        if other == seed:
            continue
        strength = count / math.sqrt(len(via) * len(via_of.get(other, set())) or 1)
        text = (f"cited together by {count} paper(s)" if kind == "co_cited"
                else f"both cite {count} of the same paper(s)")
        _add(signal, other, strength, {"kind": kind, "count": count, "text": text})
