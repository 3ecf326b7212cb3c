"""Fusion: seeds in, ranked recommendations with reasons out.

A candidate's fused score against one seed is the weighted sum of its signals; against several
positive seeds it is the mean, minus `negative_weight` times the mean against the negative
seeds (a Rocchio-style recommendation, as Semantic Scholar's API takes positive and negative
paper ids). Seeds are never recommended.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from papergraph.api.related.corpus import CorpusCache, RelatedCorpus
from papergraph.api.related.faceted import Facet, rerank
from papergraph.api.related.facets import SentenceCache
from papergraph.api.related.reasons import RelatedPaper, RelatedReason
from papergraph.api.related.settings import RelatedSettings
from papergraph.api.related.signals import SIGNAL_NAMES, SeedSignals, seed_signals
from papergraph.core.errors import BadRequest, NotFound
from papergraph.index.store import ChunkStore


@dataclass
class Recommender:
    """What recommendation reads: the chunk store (titles, abstracts), the snapshot cache
    (vectors, entities, citations), papers' sentences, and the weights."""

    chunks: ChunkStore
    corpus: CorpusCache
    sentences: SentenceCache
    settings: RelatedSettings

    def snapshot(self) -> RelatedCorpus:
        """The current snapshot, taken again when a paper changed or it grew too old."""
        return self.corpus.current(self.settings.snapshot_max_age_s)


def related_papers(
    recommender: Recommender,
    paper_id: str,
    k: int = 10,
    settings: RelatedSettings | None = None,
    negative: Sequence[str] = (),
    facet: Facet | None = None,
) -> list[RelatedPaper]:
    """The k papers most related to `paper_id` (and least to `negative`), never a seed."""
    return recommend(recommender, [paper_id], negative, k, settings, facet)


def recommend(
    recommender: Recommender,
    positive: Sequence[str],
    negative: Sequence[str] = (),
    k: int = 10,
    settings: RelatedSettings | None = None,
    facet: Facet | None = None,
) -> list[RelatedPaper]:
    """The k papers most like the positive seeds and least like the negative ones; with a
    facet, ranked by what they share in it (`papergraph.api.related.faceted`)."""
    settings = settings or recommender.settings
    corpus = recommender.corpus.current(settings.snapshot_max_age_s)
    check_seeds(corpus, positive, negative)
    by_sentences = facet is not None or settings.sentence_weight > 0
    depth = max(k, settings.facet_candidates) if by_sentences else k
    items = rank(corpus, positive, negative, depth, settings)
    if by_sentences:
        items = rerank(
            recommender.chunks, recommender.sentences, corpus, positive, items, facet, settings
        )
        items = items[:k]
    return items


def check_seeds(corpus: RelatedCorpus, positive: Sequence[str], negative: Sequence[str]) -> None:
    if not positive:
        raise BadRequest("give at least one positive paper id")
    unknown = [pid for pid in dict.fromkeys([*positive, *negative]) if pid not in corpus.titles]
    if unknown:
        raise NotFound(f"no paper with id {', '.join(repr(pid) for pid in unknown)}")
    both = sorted(set(positive) & set(negative))
    if both:
        raise BadRequest(f"paper ids both positive and negative: {', '.join(both)}")


def rank(
    corpus: RelatedCorpus,
    positive: Sequence[str],
    negative: Sequence[str],
    k: int,
    settings: RelatedSettings,
) -> list[RelatedPaper]:
    """Score every candidate, best first; a candidate with no positive score is left out."""
    limit = settings.max_entity_reasons
    positives = [seed_signals(corpus, s, limit) for s in dict.fromkeys(positive)]
    negatives = [seed_signals(corpus, s, 0) for s in dict.fromkeys(negative)]
    return fuse(corpus, positives, negatives, k, settings)


def fuse(
    corpus: RelatedCorpus,
    positives: Sequence[SeedSignals],
    negatives: Sequence[SeedSignals],
    k: int,
    settings: RelatedSettings,
) -> list[RelatedPaper]:
    """The top k of precomputed seed signals under `settings`' weights (benchmarks sweep this).

    Scores are arrays over the corpus rows, so fusing costs a few vector operations; reasons
    are built only for the k papers returned.
    """
    weights = signal_weights(settings)
    score, parts, eligible = fused_scores(corpus, positives, negatives, settings)
    rows = np.flatnonzero(eligible)
    rows = rows[np.lexsort((corpus.name_order[rows], -score[rows]))][:k]
    for seed in positives:
        for signal in seed.signals.values():
            signal.prepare(rows.tolist())
    items = []
    for row in rows.tolist():
        paper_id = corpus.ids[row]
        item = RelatedPaper(
            paper_id,
            corpus.titles[paper_id],
            round(float(score[row]), 4),
            {name: round(float(parts[name][row]), 4) for name in SIGNAL_NAMES},
        )
        item.reasons = _reasons(positives, row, weights)
        items.append(item)
    return items


def fused_scores(
    corpus: RelatedCorpus,
    positives: Sequence[SeedSignals],
    negatives: Sequence[SeedSignals],
    settings: RelatedSettings,
) -> tuple[np.ndarray, dict[str, np.ndarray], np.ndarray]:
    """Every corpus row's fused score, each signal's (mean) part, and which rows may be
    recommended: a positive score from a weighted signal, and not a seed."""
    weights = signal_weights(settings)
    parts = _mean_parts(positives)
    score = sum(weights[name] * parts[name] for name in SIGNAL_NAMES)
    if negatives:
        against = _mean_parts(negatives)
        score = score - settings.negative_weight * sum(  # type: ignore[assignment]
            weights[name] * against[name] for name in SIGNAL_NAMES
        )
    some_signal = np.any([weights[name] * parts[name] > 0 for name in SIGNAL_NAMES], axis=0)
    eligible = (score > 0) & some_signal
    eligible[[corpus.position[s.seed] for s in (*positives, *negatives)]] = False
    return np.asarray(score), parts, eligible


def signal_weights(settings: RelatedSettings) -> dict[str, float]:
    return {
        "text": settings.text_weight,
        "entities": settings.entity_weight,
        "citations": settings.citation_weight,
    }


def _mean_parts(seeds: Sequence[SeedSignals]) -> dict[str, np.ndarray]:
    return {name: np.mean([s.signals[name].scores for s in seeds], axis=0) for name in SIGNAL_NAMES}


def _reasons(
    positives: Sequence[SeedSignals], row: int, weights: dict[str, float]
) -> list[RelatedReason]:
    """Citations first, then shared entities (rarest first), then text; each names its seed
    when there are several. A signal weighted 0 gives no reasons."""
    reasons: list[RelatedReason] = []
    for name in ("citations", "entities", "text"):
        if weights[name] <= 0:
            continue
        for seed in positives:
            for reason in seed.signals[name].explain(row):
                several = len(positives) > 1
                reasons.append(reason.model_copy(update={"seed": seed.seed}) if several else reason)
    return reasons
