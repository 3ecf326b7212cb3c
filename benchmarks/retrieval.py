"""Search quality on two query sets: SciTLDR known items and SciREX "<task> on <dataset>".

- SciTLDR known-item search: every SciTLDR paper (title + abstract) is ingested; each TLDR of a
  paper is a query whose one right answer is that paper (MRR@10). Tune = dev-split TLDRs, test =
  test-split TLDRs.
- "<task> on <dataset>" (`benchmarks.task_dataset`): the 232 SciREX papers, full text; each gold
  (task, dataset) pair is a query whose relevant papers report a result for it (nDCG@10). Tune
  and test queries are split by a hash of the query.

Both corpora go through the real pipeline (extraction, graph, FAISS, tantivy, chunk store). In
one run: each single list, today's fusion (RRF k=60, equal weights), and the new ranking
(`papergraph.index.ranking`: paper-level fusion + entity lifts + alias expansion) with its weights chosen
on the tune queries of both sets together (`benchmarks.search_eval.tune`), each reported on the
tune and the test queries; every test figure is measured through `papergraph.api.search.search` with
`group=paper`, i.e. as `GET /search?group=paper&k=10` ranks.

    python -m benchmarks.retrieval                     # both sets, SciTLDR in full
    python -m benchmarks.retrieval --papers 600        # SciTLDR on 600 papers (300 dev, 300 test)
    python -m benchmarks.retrieval --work-dir /tmp/x   # the built stores are reused from there

Built stores are cached in the work dir (default /tmp/papergraph-retrieval-<N>) and chunk and
query vectors in /tmp/papergraph-embedding-cache.sqlite, so a second run only searches.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from benchmarks.known_items import KnownItem, load_corpus, open_built, prime
from benchmarks.search_eval import (
    Metric,
    Query,
    QueryLists,
    Weights,
    choose_min_gain,
    mean_score,
    measured,
    ndcg,
    read_lists,
    reciprocal_rank,
    tune,
)
from benchmarks.shared_data import SCIREX_DOCS, SHARED_DATA
from benchmarks.task_dataset import leak_free_gazetteer, open_store, scirex_rows
from papergraph.api.backend import Backend
from papergraph.api.search import SearchMode


@dataclass
class SetReport:
    """One query set's figures: ranking name -> {"tune": score, "test": score}."""

    name: str
    metric: str
    papers: int
    tune_queries: int
    test_queries: int
    scores: dict[str, dict[str, float]] = field(default_factory=dict)
    corpus: str = ""  # what each paper's indexed text is


@dataclass
class Report:
    weights: Weights
    sets: list[SetReport] = field(default_factory=list)
    min_gain: float = 0.0  # the tuner's least gain, chosen by two-fold CV on the tune queries
    held_out: dict[float, float] = field(default_factory=dict)  # least gain -> held-out objective


@dataclass
class QuerySet:
    name: str
    metric_name: str
    metric: Metric
    backend: Backend
    tune: list[Query]
    test: list[Query]
    corpus: str = ""
    shipped: Backend | None = None  # the same corpus built with the shipped gazetteer (leaks)


def scitldr_set(
    data: Path,
    papers: int | None,
    work_dir: Path,
    say: Callable[[str], None],
    max_queries: int | None = None,
) -> QuerySet:
    """SciTLDR's dev (tune) and test TLDRs; every n-th, when `max_queries` caps each split."""
    corpus = load_corpus(data, papers)
    say(
        f"SciTLDR: {len(corpus.papers)} papers, {len(corpus.dev)} dev and "
        f"{len(corpus.test)} test queries"
    )
    backend, embedder, _ = open_built(corpus, work_dir, say)
    prime(embedder, [item.query for item in corpus.dev + corpus.test], say)

    def queries(items: list[KnownItem]) -> list[Query]:
        step = max(1, -(-len(items) // max_queries)) if max_queries else 1
        return [Query(item.query, frozenset({item.paper_id})) for item in items[::step]]

    dev, test = queries(corpus.dev), queries(corpus.test)
    name, corpus_text = "SciTLDR known-item", "title + abstract"
    return QuerySet(name, "MRR@10", reciprocal_rank, backend, dev, test, corpus_text)


def task_dataset_set(scirex: Path, work_dir: Path, say: Callable[[str], None]) -> QuerySet:
    """The set over a store whose gazetteer saw no document relevant to a test query, with the
    store built with the shipped gazetteer beside it (`shipped`) to measure the leak."""
    rows, graded = scirex_rows(scirex)
    say(f"SciREX: {len(rows)} papers, {len(graded)} '<task> on <dataset>' queries")
    gazetteer = leak_free_gazetteer(scirex.parents[1], work_dir, graded)
    backend = open_store(work_dir / "scirex", rows, say, gazetteer)
    shipped = open_store(work_dir / "scirex", rows, say)
    tune_q = [Query(q.query, q.relevant) for q in graded if q.split == "tune"]
    test_q = [Query(q.query, q.relevant) for q in graded if q.split == "test"]
    chunks = backend.stores.chunks.count_chunks()
    corpus = (
        f"whole papers, {chunks} chunks, every chunk in the graph, BM25 and the vector index; "
        "gazetteer without the SciREX documents relevant to test queries (leak-free)"
    )
    name = "<task> on <dataset> (SciREX)"
    return QuerySet(name, "nDCG@10", ndcg, backend, tune_q, test_q, corpus, shipped)


def single_list(lists: Sequence[QueryLists], metric: Metric, which: str) -> float:
    """A single list's score from the cached lists, paper by paper."""
    total = 0.0
    for query in lists:
        ranking = query.semantic if which == "semantic" else query.keyword[0.0]
        ranked = list(dict.fromkeys(query.paper_of[r] for r in ranking if r in query.paper_of))
        total += metric(ranked, query.query.relevant)
    return total / max(1, len(lists))


#: Today's defaults: RRF k=60, equal weights, no entities.
TODAY = Weights()
#: The entity-aware weights shipped before paper fusion, pair and salience power were tuned.
PREVIOUS = Weights(rrf_k=20.0, keyword=0.75, entity=1.0, result=0.0, alias=1.0)


def rankings(tuned: Weights) -> list[tuple[str, SearchMode, Weights]]:
    """The rankings reported: (name, mode, weights; entities on where they lift or expand)."""
    plain = tuned.without_entities()
    return [
        ("keyword (BM25)", SearchMode.KEYWORD, TODAY),
        ("semantic (MiniLM)", SearchMode.SEMANTIC, TODAY),
        ("hybrid today (RRF k=60, equal)", SearchMode.HYBRID, TODAY),
        ("hybrid tuned, no entities", SearchMode.HYBRID, plain),
        ("entity-aware hybrid, previous weights", SearchMode.HYBRID, PREVIOUS),
        ("entity-aware hybrid (tuned)", SearchMode.HYBRID, tuned),
    ]


def run(
    data: Path,
    papers: int | None,
    work_dir: Path | None,
    log: bool = True,
    scirex: Path | None = SCIREX_DOCS,
    max_queries: int | None = None,
) -> Report:
    """Tune on both sets' tune queries, then measure every ranking on tune and test."""
    work_dir = work_dir or Path("/tmp") / f"papergraph-retrieval-{papers or 'all'}"
    work_dir.mkdir(parents=True, exist_ok=True)
    say = (lambda text: print(text, file=sys.stderr, flush=True)) if log else (lambda text: None)
    sets = [scitldr_set(data, papers, work_dir, say, max_queries)]
    if scirex is not None:
        sets.append(task_dataset_set(scirex, work_dir, say))
    try:
        say("reading the tune queries' lists")
        tune_lists = {s.name: read_lists(s.backend, s.tune) for s in sets}
        objective = {
            s.name: (
                tune_lists[s.name],
                s.metric,
                max(
                    single_list(tune_lists[s.name], s.metric, "semantic"),
                    single_list(tune_lists[s.name], s.metric, "keyword"),
                    1e-9,
                ),
            )
            for s in sets
        }
        gain, held_out = choose_min_gain(objective, TODAY)
        say(f"least gain {gain}, chosen on tune halves: {held_out}")
        weights, _ = tune(objective, TODAY, min_gain=gain)
        say(f"tuned: {weights}")
        report = Report(weights, min_gain=gain, held_out=held_out)
        for query_set in sets:
            report.sets.append(_measure(query_set, weights, tune_lists[query_set.name], say))
    finally:
        for query_set in sets:
            query_set.backend.close()
            if query_set.shipped is not None:
                query_set.shipped.close()
    return report


def _measure(
    query_set: QuerySet, weights: Weights, tune_lists: list[QueryLists], say: Callable[[str], None]
) -> SetReport:
    """Test figures through `papergraph.api.search.search`; tune figures from the cached tune lists (the
    same fusion code, without re-reading the indexes)."""
    backend = query_set.backend
    found = SetReport(
        query_set.name,
        query_set.metric_name,
        backend.stores.chunks.count_papers(),
        len(query_set.tune),
        len(query_set.test),
        corpus=query_set.corpus,
    )
    saved = backend.settings.index.model_copy()
    try:
        for name, mode, chosen in rankings(weights):
            chosen.apply(backend.settings.index)
            say(f"measuring {name} on {query_set.name}")
            if mode is SearchMode.HYBRID:
                tune_score = mean_score(tune_lists, chosen, query_set.metric)
            else:
                tune_score = single_list(tune_lists, query_set.metric, mode.value)
            test_score = measured(
                backend, query_set.test, mode, chosen.links_entities, query_set.metric
            )
            found.scores[name] = {"tune": round(tune_score, 4), "test": round(test_score, 4)}
    finally:
        for key, value in saved.model_dump().items():
            setattr(backend.settings.index, key, value)
    if query_set.shipped is not None:
        _measure_shipped(query_set, query_set.shipped, weights, found, say)
    return found


def _measure_shipped(
    query_set: QuerySet,
    shipped: Backend,
    weights: Weights,
    found: SetReport,
    say: Callable[[str], None],
) -> None:
    """The tuned hybrid, without and with entities, over the store built with the shipped
    gazetteer (tune and test both through `search`): the leak is the gap to the leak-free rows."""
    for name, chosen in (("hybrid tuned, no entities", weights.without_entities()),
                         ("entity-aware hybrid (tuned)", weights)):  # fmt: skip
        chosen.apply(shipped.settings.index)
        say(f"measuring {name} on {query_set.name}, shipped gazetteer")
        score = {
            split: round(
                measured(
                    shipped, queries, SearchMode.HYBRID, chosen.links_entities, query_set.metric
                ),
                4,
            )
            for split, queries in (("tune", query_set.tune), ("test", query_set.test))
        }
        found.scores[f"{name}, shipped gazetteer (LEAKS)"] = score


def print_report(report: Report) -> None:
    print(f"weights tuned on the tune queries of every set: {report.weights}")
    folds = ", ".join(f"{gain:g}: {value:.4f}" for gain, value in report.held_out.items())
    print(f"least gain {report.min_gain:g}, by two-fold CV on tune (held-out objective {folds})")
    for found in report.sets:
        print(
            f"\n{found.name}: {found.papers} papers, {found.tune_queries} tune and "
            f"{found.test_queries} test queries; {found.metric}, group=paper, k=10"
        )
        print(f"indexed: {found.corpus}")
        print(f"{'ranking':<62} {'tune':>8} {'test':>8}")
        for name, scores in found.scores.items():
            print(f"{name:<62} {scores['tune']:>8.4f} {scores['test']:>8.4f}")
        singles = max(found.scores[n]["test"] for n in ("keyword (BM25)", "semantic (MiniLM)"))
        ours = found.scores["entity-aware hybrid (tuned)"]["test"]
        verdict = "beats" if ours > singles else "does NOT beat"
        print(
            f"entity-aware hybrid {verdict} both single lists on test: {ours:.4f} vs {singles:.4f}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data",
        type=Path,
        default=SHARED_DATA / "scitldr",
        help="the SciTLDR folder (train/dev/test.jsonl)",
    )
    parser.add_argument(
        "--scirex",
        type=Path,
        default=SCIREX_DOCS,
        help="the SciREX documents folder (for '<task> on <dataset>')",
    )
    parser.add_argument("--no-scirex", action="store_true", help="SciTLDR only")
    parser.add_argument(
        "--papers",
        type=int,
        default=None,
        help="use this many SciTLDR papers (half dev, half test) instead of all",
    )
    parser.add_argument(
        "--work-dir", type=Path, default=None, help="where the built stores are kept between runs"
    )
    parser.add_argument(
        "--max-queries",
        type=int,
        default=None,
        help="at most this many SciTLDR queries per split (every n-th)",
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    if args.papers is not None and args.papers < 2:
        parser.error("--papers must be at least 2")
    report = run(
        args.data,
        args.papers,
        args.work_dir,
        scirex=None if args.no_scirex else args.scirex,
        max_queries=args.max_queries,
    )
    if args.json:
        print(json.dumps(asdict(report), indent=2))
    else:
        print_report(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
