"""Queries checked from many threads at once, as a fresh server's first requests are."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from papergraph.kg import sparql

QUERY = 'SELECT ?p WHERE {{ ?p dcterms:title ?t . FILTER(CONTAINS(?t, "{word}")) }} LIMIT {n}'


def test_concurrent_first_checks_all_succeed_and_are_kept() -> None:
    sparql._checked.cache_clear()
    queries = [QUERY.format(word=f"w{n}", n=n + 1) for n in range(32)]
    with ThreadPoolExecutor(16) as pool:
        checked = list(pool.map(sparql.check_query, queries))
    assert [c.kind for c in checked] == ["SELECT"] * 32
    assert [c.text for c in checked] == queries
    again = sparql.check_query(queries[0])
    assert again is not checked[0] and again.parsed is checked[0].parsed  # a copy of the kept
