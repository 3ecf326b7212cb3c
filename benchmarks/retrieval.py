"""Known-item search on SciTLDR: is a paper found from its one-sentence TLDR?

Every SciTLDR paper (title + abstract) is ingested as a papers-JSONL row through the real
pipeline (extraction, graph, FAISS, tantivy, chunk store). Each TLDR (`target`) of a paper is
a query whose one right answer is that paper. Search runs through `api.search.search` with
`group=paper`, so the figures are those of `GET /search?group=paper&k=10`.

Reported on the test split, in one run: MRR@10 and Recall@10 of keyword (BM25), semantic
(all-MiniLM-L6-v2 + FAISS) and hybrid (RRF) search. The RRF constant and list weights are
tuned on the dev split's queries (a grid over the two cached rankings), never on test; the
untuned default (k=60, equal weights) is printed beside it.

    python -m benchmarks.retrieval                   # full: 3,226 papers (~5 min to build)
    python -m benchmarks.retrieval --papers 60       # CI-sized
    python -m benchmarks.retrieval --work-dir /tmp/x # the built stores are reused from there

The built data directory is cached in the work dir (default /tmp/papergraph-retrieval-<N>),
keyed by a hash of the corpus, so a second run only searches.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from api.backend import Backend
from api.config import Settings
from api.search import SearchMode, SearchRequest, search
from benchmarks.shared_data import SHARED_DATA
from core.errors import PapergraphError
from index.embed import Embedder
from index.fusion import reciprocal_rank_fusion
from index.settings import IndexSettings
from ingest.errors import InputError

CUTOFF = 10
DEPTH = 100  # list depth for tuning: RRF of two top-100 lists
PRIME_BATCH = 512  # texts per progress line (the model batches them by 64)
RRF_KS = (1.0, 2.0, 5.0, 10.0, 20.0, 40.0, 60.0, 100.0)
KEYWORD_WEIGHTS = (0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)


@dataclass(frozen=True)
class KnownItem:
    query: str
    paper_id: str


@dataclass
class Corpus:
    papers: list[dict[str, object]]
    dev: list[KnownItem]
    test: list[KnownItem]

    @property
    def fingerprint(self) -> str:
        ids = "\n".join(str(p["id"]) for p in self.papers)
        return hashlib.sha256(ids.encode()).hexdigest()[:16]


@dataclass
class Scores:
    mrr: float
    recall: float
    queries: int


@dataclass
class Report:
    papers: int
    chunks: int
    build_s: float
    tuned_k: float
    tuned_keyword_weight: float
    dev_hybrid_mrr: float
    test: dict[str, Scores] = field(default_factory=dict)


def read_split(folder: Path, split: str) -> list[dict[str, object]]:
    path = folder / f"{split}.jsonl"
    if not path.exists():
        raise SystemExit(f"{path}: not found (set PAPERGRAPH_SHARED_DATA or --data)")
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def load_corpus(folder: Path, papers: int | None) -> Corpus:
    """All SciTLDR papers (or `papers` of them: half dev, half test) and their TLDR queries."""
    splits = {name: read_split(folder, name) for name in ("train", "dev", "test")}
    if papers is not None:
        half = papers // 2
        splits = {"train": [], "dev": splits["dev"][:half], "test": splits["test"][: papers - half]}
    rows: dict[str, dict[str, object]] = {}
    for split in ("train", "dev", "test"):
        for row in splits[split]:
            rows.setdefault(str(row["paper_id"]), row)
    papers_out = [
        {
            "id": paper_id,
            "title": str(row["title"]).strip(),
            "abstract": " ".join(
                str(sentence).strip() for sentence in row["source"]  # type: ignore[attr-defined]
            ),
        }
        for paper_id, row in rows.items()
    ]

    def known_items(split: str) -> list[KnownItem]:
        return [
            KnownItem(str(target).strip(), str(row["paper_id"]))
            for row in splits[split]
            for target in row["target"]  # type: ignore[attr-defined]
            if str(target).strip()
        ]

    return Corpus(papers_out, known_items("dev"), known_items("test"))


class PrimedEmbedder(Embedder):
    """The same model, with the vectors of texts known in advance computed in large batches.

    The pipeline encodes one paper (one or two abstract chunks) at a time; on this CPU, batches
    of 64 run about 4x faster, and the vectors are the model's own either way.
    """

    def __init__(self, settings: IndexSettings) -> None:
        super().__init__(settings)
        self._primed: dict[str, np.ndarray] = {}

    def prime(self, texts: Iterable[str], say: Callable[[str], None]) -> None:
        todo = [t for t in dict.fromkeys(texts) if t not in self._primed]
        for start in range(0, len(todo), PRIME_BATCH):
            batch = todo[start : start + PRIME_BATCH]
            self._primed.update(zip(batch, super().encode(batch), strict=True))
            say(f"  encoded {min(start + PRIME_BATCH, len(todo))}/{len(todo)}")

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in texts if t not in self._primed]
        if missing:
            self._primed.update(zip(missing, super().encode(missing), strict=True))
        if not texts:
            return super().encode(texts)
        return np.stack([self._primed[t] for t in texts])


def open_built(
    corpus: Corpus, work_dir: Path, say: Callable[[str], None]
) -> tuple[Backend, PrimedEmbedder, float]:
    """A backend over the corpus, built through the ingest pipeline unless cached."""
    data_dir = work_dir / f"data-{corpus.fingerprint}"
    marker = data_dir / "built.json"
    settings = Settings(data_dir=data_dir, index=IndexSettings(query_cache_size=0))
    embedder = PrimedEmbedder(settings.index)
    backend = Backend.open(settings, embedder=embedder)
    if marker.exists():
        return backend, embedder, float(json.loads(marker.read_text())["build_s"])
    source = work_dir / f"scitldr-{corpus.fingerprint}.jsonl"
    source.write_text("".join(json.dumps(p) + "\n" for p in corpus.papers), encoding="utf-8")
    started = time.perf_counter()
    ingester = backend.ingester()
    papers = list(ingester.read([source]))
    failed = [item for item in papers if isinstance(item, InputError)]
    readable = [item for item in papers if not isinstance(item, InputError)]
    embedder.prime((chunk.text for paper in readable for chunk in paper.chunks), say)
    for position, paper in enumerate(readable, start=1):
        try:
            ingester.ingest_paper(paper)
        except PapergraphError as error:
            failed.append(InputError(paper.id, error.message))
        if position % 500 == 0:
            say(f"  ingested {position}/{len(readable)}")
    backend.stores.vectors.save()
    build_s = time.perf_counter() - started
    if failed:
        failures = "; ".join(f"{f.path}: {f.message}" for f in failed[:5])
        raise SystemExit(f"ingest failed for {len(failed)} input(s): {failures}")
    marker.write_text(json.dumps({"build_s": build_s, "papers": len(corpus.papers)}))
    return backend, embedder, build_s


def reciprocal_rank(ranked_papers: Sequence[str], answer: str) -> float:
    top = list(ranked_papers[:CUTOFF])
    return 1.0 / (top.index(answer) + 1) if answer in top else 0.0


def papers_in_order(rowids: Iterable[int], paper_of: dict[int, str]) -> list[str]:
    return list(dict.fromkeys(paper_of[r] for r in rowids if r in paper_of))


Rankings = list[tuple[KnownItem, list[int], list[int]]]


def tune(backend: Backend, items: list[KnownItem]) -> tuple[float, float, float]:
    """The (rrf_k, keyword weight, dev MRR@10) that rank dev known items best.

    The default (60, 1) is tried first, so a tie keeps it.
    """
    rankings: Rankings = []
    for item in items:
        vector = backend.embedder.encode_query(item.query)
        semantic = [r for r, _ in backend.stores.vectors.search(vector, DEPTH)]
        keyword = [r for r, _ in backend.stores.keywords.search(item.query, DEPTH)]
        rankings.append((item, semantic, keyword))
    rowids = list({r for _, s, k in rankings for r in (*s, *k)})
    rows = backend.stores.chunks.chunks_by_rowids(rowids)
    paper_of = {row["rowid"]: row["paper_id"] for row in rows}
    best = (60.0, 1.0, -1.0)
    for rrf_k, weight in [(60.0, 1.0)] + [(k, w) for k in RRF_KS for w in KEYWORD_WEIGHTS]:
        mrr = fused_mrr(rankings, paper_of, rrf_k, weight)
        if mrr > best[2]:
            best = (rrf_k, weight, mrr)
    return best


def fused_mrr(rankings: Rankings, paper_of: dict[int, str], rrf_k: float, weight: float) -> float:
    total = 0.0
    for item, semantic, keyword in rankings:
        fused = reciprocal_rank_fusion([semantic, keyword], k=rrf_k, weights=[1.0, weight])
        total += reciprocal_rank(papers_in_order((r for r, _ in fused), paper_of), item.paper_id)
    return total / max(1, len(rankings))


def evaluate(backend: Backend, items: list[KnownItem], mode: SearchMode) -> Scores:
    """MRR@10 and Recall@10 of `mode` through the search API's own code (group=paper)."""
    reciprocal = found = 0.0
    for item in items:
        page = search(backend, SearchRequest(item.query, k=CUTOFF, mode=mode, group_by_paper=True))
        ranked = [paper.paper_id for paper in page.papers or []]
        rank = reciprocal_rank(ranked, item.paper_id)
        reciprocal += rank
        found += rank > 0
    count = max(1, len(items))
    return Scores(round(reciprocal / count, 4), round(found / count, 4), len(items))


def run(data: Path, papers: int | None, work_dir: Path | None, log: bool = True) -> Report:
    corpus = load_corpus(data, papers)
    work_dir = work_dir or Path("/tmp") / f"papergraph-retrieval-{papers or 'all'}"
    work_dir.mkdir(parents=True, exist_ok=True)
    say = (lambda text: print(text, file=sys.stderr, flush=True)) if log else (lambda text: None)
    say(f"{len(corpus.papers)} papers, {len(corpus.dev)} dev and {len(corpus.test)} test queries")
    backend, embedder, build_s = open_built(corpus, work_dir, say)
    try:
        say(f"stores ready (built in {build_s:.0f} s); encoding the queries")
        embedder.prime((item.query for item in corpus.dev + corpus.test), say)
        say("tuning RRF on dev")
        rrf_k, weight, dev_mrr = tune(backend, corpus.dev)
        report = Report(
            len(corpus.papers), backend.stores.chunks.count_chunks(), round(build_s, 1),
            rrf_k, weight, round(dev_mrr, 4),
        )
        settings = backend.settings.index
        for mode in (SearchMode.KEYWORD, SearchMode.SEMANTIC, SearchMode.HYBRID):
            say(f"evaluating {mode.value} on test")
            report.test[mode.value] = evaluate(backend, corpus.test, mode)
        settings.rrf_k, settings.rrf_keyword_weight = rrf_k, weight
        report.test["hybrid-tuned"] = evaluate(backend, corpus.test, SearchMode.HYBRID)
    finally:
        backend.close()
    return report


def print_report(report: Report) -> None:
    print(f"SciTLDR known-item search: {report.papers} papers ({report.chunks} chunks), "
          f"queries = test-split TLDRs, answer = their paper; built in {report.build_s} s")
    print(f"RRF tuned on dev: k={report.tuned_k:g}, keyword weight={report.tuned_keyword_weight:g} "
          f"(semantic 1) -> dev MRR@10 {report.dev_hybrid_mrr}")
    print(f"{'mode':<36} {'MRR@10':>8} {'Recall@10':>10} {'queries':>8}")
    names = {
        "keyword": "keyword (BM25, baseline)",
        "semantic": "semantic (MiniLM + FAISS, baseline)",
        "hybrid": "hybrid (RRF k=60, equal weights)",
        "hybrid-tuned": "hybrid (RRF tuned on dev)",
    }
    for mode, scores in report.test.items():
        print(f"{names[mode]:<36} {scores.mrr:>8.4f} {scores.recall:>10.4f} {scores.queries:>8}")
    best = max(report.test["hybrid"].mrr, report.test["hybrid-tuned"].mrr)
    baseline = max(report.test["keyword"].mrr, report.test["semantic"].mrr)
    verdict = "beats" if best > baseline else "does NOT beat"
    print(f"hybrid {verdict} both baselines on MRR@10: {best:.4f} vs {baseline:.4f}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED_DATA / "scitldr",
                        help="the SciTLDR folder (train/dev/test.jsonl)")
    parser.add_argument("--papers", type=int, default=None,
                        help="use this many papers (half dev, half test) instead of all")
    parser.add_argument("--work-dir", type=Path, default=None,
                        help="where the built stores are kept between runs")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    if args.papers is not None and args.papers < 2:
        parser.error("--papers must be at least 2")
    report = run(args.data, args.papers, args.work_dir)
    if args.json:
        print(json.dumps(report, default=lambda o: o.__dict__, indent=2))
    else:
        print_report(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
