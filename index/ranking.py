"""Hybrid ranking of chunks: reciprocal-rank fusion at chunk and paper level, plus paper lifts.

A chunk's score is the weighted RRF of its ranks in the semantic and keyword lists, plus
`paper_weight` times the RRF of its paper's ranks in the two lists read paper by paper (a paper's
rank is its best chunk's), plus `paper_sum` times the summed chunk RRF of its paper's other
chunks (a paper many of whose chunks match outranks one with a single lucky chunk), plus its
paper's lift (graph evidence such as "evaluates on the
dataset the query names") in units of a top-ranked list entry, `1 / (rrf_k + 1)`. So a paper
found by both lists through different chunks beats one found by a single chunk, and a lifted
paper climbs by a fixed number of ranks' worth whatever the depth of the lists.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class FusionWeights:
    rrf_k: float = 60.0
    semantic: float = 1.0
    keyword: float = 1.0
    paper: float = 0.0
    lift: float = 1.0
    paper_sum: float = 0.0


def paper_ranks(ranking: Sequence[int], paper_of: Mapping[int, str]) -> dict[str, int]:
    """Each paper's rank in a chunk ranking, read paper by paper (its best chunk's place)."""
    ranks: dict[str, int] = {}
    for rowid in ranking:
        paper = paper_of.get(rowid)
        if paper is not None and paper not in ranks:
            ranks[paper] = len(ranks) + 1
    return ranks


def hybrid_ranking(
    semantic: Sequence[int],
    keyword: Sequence[int],
    paper_of: Mapping[int, str],
    weights: FusionWeights,
    lifts: Mapping[str, float] | None = None,
    extra: Sequence[int] = (),
) -> list[tuple[int, float]]:
    """(rowid, score) best first, over the chunks of both lists and `extra` (chunks of lifted
    papers that neither list holds; they score by paper evidence alone)."""
    lifts = lifts or {}
    k = weights.rrf_k
    chunk = _rrf([semantic, keyword], [weights.semantic, weights.keyword], k)
    paper = _rrf_papers(semantic, keyword, paper_of, weights) if weights.paper else {}
    summed = _summed(chunk, paper_of) if weights.paper_sum else {}
    unit = weights.lift / (k + 1)
    scores: dict[int, float] = {}
    for rowid in [*chunk, *(r for r in extra if r not in chunk)]:
        owner = paper_of.get(rowid, "")
        own = chunk.get(rowid, 0.0)
        scores[rowid] = (
            own
            + weights.paper * paper.get(owner, 0.0)
            + weights.paper_sum * (summed.get(owner, 0.0) - own)
            + unit * lifts.get(owner, 0.0)
        )
    return sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))


def _summed(chunk: Mapping[int, float], paper_of: Mapping[int, str]) -> dict[str, float]:
    """Each paper's chunk RRF scores added up (every chunk of it either list holds)."""
    totals: dict[str, float] = {}
    for rowid, score in chunk.items():
        owner = paper_of.get(rowid)
        if owner is not None:
            totals[owner] = totals.get(owner, 0.0) + score
    return totals


def _rrf(rankings: Sequence[Sequence[int]], weights: Sequence[float], k: float) -> dict[int, float]:
    scores: dict[int, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return scores


def _rrf_papers(
    semantic: Sequence[int],
    keyword: Sequence[int],
    paper_of: Mapping[int, str],
    weights: FusionWeights,
) -> dict[str, float]:
    scores: dict[str, float] = {}
    for ranking, weight in ((semantic, weights.semantic), (keyword, weights.keyword)):
        for paper, rank in paper_ranks(ranking, paper_of).items():
            scores[paper] = scores.get(paper, 0.0) + weight / (weights.rrf_k + rank)
    return scores
