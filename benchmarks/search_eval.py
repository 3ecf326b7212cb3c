"""Scoring search rankings on graded query sets, and choosing the fusion weights on tune queries.

Each query's lists are read once (`QueryLists`: semantic and keyword top-DEPTH chunks, the
keyword list under each alias boost, the entity lifts, and the best chunk of every lifted paper
the lists missed); any weights then fuse them with `papergraph.index.ranking.hybrid_ranking`, the function
`GET /search` uses, so a grid costs no encoding and no index search. The figures reported are
then measured through `papergraph.api.search.search` itself.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import product

from papergraph.api.backend import Backend
from papergraph.api.query_entities import MAX_LIFTED_PAPERS, EntityLifts, entity_lifts
from papergraph.api.search import SearchMode, SearchRequest, search
from papergraph.index.ranking import FusionWeights, hybrid_ranking
from papergraph.index.settings import IndexSettings
from papergraph.kg.query_entities import EntityLexicon
from papergraph.kg.store import KnowledgeGraph

CUTOFF = 10
DEPTH = 100
ALIAS_WEIGHTS = (0.0, 0.25, 0.5, 1.0)
#: No 0: the issue asks lifts in proportion to salience (0 lifts a passing mention like a
#: paper's subject; the first leak-free run chose it, and tests/api/test_search_entities.py failed).
SALIENCE_POWERS = (0.5, 1.0, 2.0)


@dataclass(frozen=True)
class Query:
    text: str
    relevant: frozenset[str]


@dataclass(frozen=True)
class Weights:
    """Every tunable weight of hybrid search (the fields of `IndexSettings` they set)."""

    rrf_k: float = 60.0
    keyword: float = 1.0
    paper: float = 0.0
    entity: float = 0.0
    result: float = 1.0
    alias: float = 0.0
    paper_sum: float = 0.0
    salience: float = 0.5
    pair: float = 0.0

    @property
    def links_entities(self) -> bool:
        """Whether search links the query's entities (`entities=True`): they lift or expand."""
        return self.entity > 0 or self.alias > 0

    def without_entities(self) -> Weights:
        """These weights with no entity lift and no alias expansion (plain hybrid)."""
        return replace(self, entity=0.0, alias=0.0)

    def apply(self, settings: IndexSettings) -> None:
        settings.rrf_k, settings.rrf_keyword_weight = self.rrf_k, self.keyword
        settings.paper_weight, settings.entity_weight = self.paper, self.entity
        settings.entity_result_weight, settings.alias_weight = self.result, self.alias
        settings.paper_sum_weight, settings.salience_power = self.paper_sum, self.salience
        settings.entity_pair_weight = self.pair


GRID: dict[str, tuple[float, ...]] = {
    "rrf_k": (2.0, 5.0, 10.0, 20.0, 40.0, 60.0),
    "keyword": (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0),
    "paper": (0.0, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0),
    "entity": (0.0, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0),
    "result": (0.0, 0.5, 1.0, 2.0, 4.0),
    "alias": ALIAS_WEIGHTS,
    "paper_sum": (0.0, 0.1, 0.25, 0.5, 1.0),
    "salience": SALIENCE_POWERS,
    "pair": (0.0, 0.5, 1.0, 2.0, 4.0),
}


#: The least gain in the tune objective (a mean of ratios to the best single list) that moves a
#: weight: smaller differences are one or two queries' worth of noise, and the start stays.
MIN_GAIN = 1e-3
#: The least gains `choose_min_gain` compares by two-fold cross-validation on the tune queries.
MIN_GAINS = (1e-9, 1e-3, 3e-3, 1e-2)
#: Weights searched together before the one-at-a-time ascent, group by group: the list fusion
#: first, then the entity lifts' parts (which pay only together).
JOINT = ("entity", "pair", "result")
GROUPS = (("rrf_k", "keyword", "paper"), JOINT)


def ndcg(ranked: Sequence[str], relevant: frozenset[str], k: int = CUTOFF) -> float:
    dcg = sum(1 / math.log2(i + 2) for i, pid in enumerate(ranked[:k]) if pid in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(len(relevant), k)))
    return dcg / ideal if ideal else 0.0


def reciprocal_rank(ranked: Sequence[str], relevant: frozenset[str], k: int = CUTOFF) -> float:
    return next((1 / (i + 1) for i, pid in enumerate(ranked[:k]) if pid in relevant), 0.0)


@dataclass
class QueryLists:
    query: Query
    semantic: list[int]
    keyword: dict[float, list[int]]  # alias boost -> keyword list
    paper_of: dict[int, str]
    mention_lifts: dict[float, dict[str, float]]  # salience power -> lift of every paper
    result_lifts: dict[str, float]  # lift from reported (task, dataset) results, at weight 1
    pair_lifts: dict[str, float]  # lift from a task and dataset named in one chunk, at weight 1
    extra: list[int] = field(default_factory=list)

    def ranked_papers(self, weights: Weights) -> list[str]:
        mentions = self.mention_lifts[weights.salience]
        lifts = {
            p: mentions.get(p, 0.0)
            + weights.result * self.result_lifts.get(p, 0.0)
            + weights.pair * self.pair_lifts.get(p, 0.0)
            for p in mentions.keys() | self.result_lifts.keys() | self.pair_lifts.keys()
        }
        fusion = FusionWeights(
            weights.rrf_k, 1.0, weights.keyword, weights.paper, weights.entity, weights.paper_sum
        )
        top = dict(sorted(lifts.items(), key=lambda pair: -pair[1])[:MAX_LIFTED_PAPERS])
        fused = hybrid_ranking(
            self.semantic,
            self.keyword[weights.alias],
            self.paper_of,
            fusion,
            top if weights.entity else {},
            self.extra if weights.entity else (),
        )
        return list(dict.fromkeys(self.paper_of[r] for r, _ in fused))


def read_lists(backend: Backend, queries: Iterable[Query]) -> list[QueryLists]:
    papers = backend.stores.chunks.count_papers()
    found = []
    for query in queries:
        vector = backend.embedder.encode_query(query.text)
        semantic = [r for r, _ in backend.stores.vectors.search(vector, DEPTH)]
        lexicon, graph = backend.entity_lexicon(), backend.stores.graph
        full, mentions, results, pairs = _lift_parts(lexicon, graph, query.text, papers)
        expansions = full.expansions()
        keyword = {
            boost: [
                r for r, _ in backend.stores.keywords.search(query.text, DEPTH, expansions, boost)
            ]
            for boost in ALIAS_WEIGHTS
        }
        rowids = {r for r in semantic} | {r for ranking in keyword.values() for r in ranking}
        paper_of = {
            row["rowid"]: row["paper_id"]
            for row in backend.stores.chunks.chunks_by_rowids(sorted(rowids))
        }
        listed = set(paper_of.values())
        missing = [p for p in full.lifts if p not in listed]
        best = backend.chunk_vectors.rank(missing, vector)
        paper_of.update({b.rowid: b.paper_id for b in best})
        found.append(
            QueryLists(
                query,
                semantic,
                keyword,
                paper_of,
                mentions,
                results,
                pairs,
                [b.rowid for b in best],
            )
        )
    return found


def _lift_parts(
    lexicon: EntityLexicon, graph: KnowledgeGraph, text: str, papers: int
) -> tuple[EntityLifts, dict[float, dict[str, float]], dict[str, float], dict[str, float]]:
    """The lifts of every paper with all parts on, and apart: from mentions (per salience
    power), from reported results and from chunks naming both a task and a dataset (each at
    weight 1; lifts add up, so each part is the whole less the mentions)."""
    full = entity_lifts(lexicon, graph, text, papers, 1.0, 0.5, 1.0)
    mentions = {
        power: entity_lifts(lexicon, graph, text, papers, 0.0, power).lifts
        for power in SALIENCE_POWERS
    }
    base = mentions[0.5]
    results = entity_lifts(lexicon, graph, text, papers, 1.0).lifts
    pairs = entity_lifts(lexicon, graph, text, papers, 0.0, 0.5, 1.0).lifts
    return (
        full,
        mentions,
        {p: v - base.get(p, 0.0) for p, v in results.items()},
        {p: v - base.get(p, 0.0) for p, v in pairs.items()},
    )


Metric = Callable[[Sequence[str], frozenset[str]], float]


def mean_score(lists: Sequence[QueryLists], weights: Weights, metric: Metric) -> float:
    scores = [metric(q.ranked_papers(weights), q.query.relevant) for q in lists]
    return sum(scores) / max(1, len(scores))


Objective = dict[str, tuple[list[QueryLists], Metric, float]]


def choose_min_gain(sets: Objective, start: Weights) -> tuple[float, dict[float, float]]:
    """The least gain (of MIN_GAINS) whose weights, tuned on one half of every set's tune
    queries, score best on the other half (both ways round); ties go to the larger gain. Tune
    queries only: the test queries never choose how cautious the tuner is."""
    halves = [{n: (lists[i::2], m, b) for n, (lists, m, b) in sets.items()} for i in (0, 1)]
    held_out = {}
    for gain in MIN_GAINS:
        scores = []
        for fit, check in (halves, halves[::-1]):
            weights, _ = tune(fit, start, min_gain=gain)
            scores.append(objective_of(check)(weights))
        held_out[gain] = sum(scores) / 2
    best = max(held_out.values())
    return max(g for g, v in held_out.items() if v >= best - 1e-12), held_out


def objective_of(sets: Objective) -> Callable[[Weights], float]:
    """The tune objective: the mean, over the sets, of each set's score over its best list."""

    def objective(weights: Weights) -> float:
        return sum(
            mean_score(lists, weights, metric) / best for lists, metric, best in sets.values()
        ) / len(sets)

    return objective


def tune(
    sets: Objective, start: Weights, rounds: int = 2, min_gain: float = MIN_GAIN
) -> tuple[Weights, dict[str, float]]:
    """Coordinate ascent over GRID maximising the mean, over the sets, of each set's score over
    its best single list (the third member of each set's tuple), on tune queries only; it starts
    from the best point of each of GROUPS' grids in turn (the entity lifts' parts pay only
    together: a pair weight counts for nothing while the entity weight is 0, so one weight at a
    time never leaves entity=0; the fusion grid first, as two-fold CV on the tune queries
    preferred it over the ascent alone)."""
    objective = objective_of(sets)
    best, best_value = start, objective(start)
    for group in GROUPS:
        base = best
        for values in product(*(GRID[name] for name in group)):
            candidate = replace(base, **dict(zip(group, values, strict=True)))
            if (score := objective(candidate)) > best_value + min_gain:
                best, best_value = candidate, score
    for _ in range(rounds):
        for name, values in GRID.items():
            for value in values:
                candidate = replace(best, **{name: value})
                score = objective(candidate)
                if score > best_value + min_gain:
                    best, best_value = candidate, score
    return best, {
        name: mean_score(lists, best, metric) for name, (lists, metric, _) in sets.items()
    }


def measured(
    backend: Backend, queries: Sequence[Query], mode: SearchMode, entities: bool, metric: Metric
) -> float:
    """The mean metric of `mode` through `papergraph.api.search.search` (group=paper, k=10)."""
    total = 0.0
    for query in queries:
        request = SearchRequest(
            query.text, k=CUTOFF, mode=mode, group_by_paper=True, entities=entities
        )
        page = search(backend.searcher, request)
        total += metric([paper.paper_id for paper in page.papers or []], query.relevant)
    return total / max(1, len(queries))
