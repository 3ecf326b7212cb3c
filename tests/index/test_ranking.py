"""Hybrid ranking: chunk RRF, paper-level fusion and paper lifts (index.ranking)."""

from __future__ import annotations

from papergraph.index.ranking import FusionWeights, hybrid_ranking, paper_ranks

PAPER_OF = {1: "a", 2: "a", 3: "b", 4: "c", 5: "d"}


def order(ranked: list[tuple[int, float]]) -> list[int]:
    return [rowid for rowid, _ in ranked]


def test_without_paper_weight_or_lifts_it_is_plain_rrf() -> None:
    ranked = hybrid_ranking([1, 3, 4], [3, 2, 4], PAPER_OF, FusionWeights(rrf_k=60))
    assert order(ranked) == [3, 4, 1, 2]  # 3 and 4 are in both lists


def test_a_paper_found_by_both_lists_through_different_chunks_rises_with_paper_weight() -> None:
    semantic, keyword = [1, 4, 5, 3], [3, 2]  # a: chunk 1 semantic top, chunk 2 keyword 2nd
    chunks_only = hybrid_ranking(semantic, keyword, PAPER_OF, FusionWeights(rrf_k=1))
    assert order(chunks_only)[0] == 3
    with_papers = hybrid_ranking(semantic, keyword, PAPER_OF, FusionWeights(rrf_k=1, paper=2.0))
    assert order(with_papers)[0] == 1


def test_a_lift_climbs_ranks_and_lifted_papers_outside_the_lists_join_them() -> None:
    weights = FusionWeights(rrf_k=10, lift=1.0)
    ranked = hybrid_ranking([1, 3], [3, 1], PAPER_OF, weights, lifts={"d": 5.0}, extra=[5])
    assert order(ranked)[0] == 5  # lifted by 5 top ranks' worth, from no list at all
    assert set(order(ranked)) == {1, 3, 5}  # nothing unlifted is dropped
    unlifted = hybrid_ranking(
        [1, 3], [3, 1], PAPER_OF, FusionWeights(rrf_k=10, lift=0.0), lifts={"d": 5.0}, extra=[5]
    )
    assert order(unlifted)[-1] == 5


def test_paper_ranks_count_each_paper_once_at_its_best_chunk() -> None:
    assert paper_ranks([2, 1, 4, 3], PAPER_OF) == {"a": 1, "c": 2, "b": 3}


def test_paper_sum_lifts_a_paper_many_of_whose_chunks_match_over_one_lucky_chunk() -> None:
    semantic, keyword = [3, 1, 2], [3, 2, 1]  # b: one chunk on top; a: two chunks just below
    best_chunk = hybrid_ranking(semantic, keyword, PAPER_OF, FusionWeights(rrf_k=10))
    assert PAPER_OF[order(best_chunk)[0]] == "b"
    summed = hybrid_ranking(semantic, keyword, PAPER_OF, FusionWeights(rrf_k=10, paper_sum=1.0))
    assert PAPER_OF[order(summed)[0]] == "a"
    assert set(order(summed)) == {1, 2, 3}  # aggregation reorders, never drops
