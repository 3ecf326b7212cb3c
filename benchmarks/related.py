"""Related-paper ranking on SciREX: NDCG@10 of embedding-only, graph-only and fused rankings.

Relevance needs no hand-labelling: two SciREX papers are related when their GOLD leaderboard rows
(`n_ary_relations`) share a (task, dataset) pair. The ranking never sees the gold: papers are
ingested as title + abstract + the first `--words` words of the body through the normal
pipeline, so the graph signal reads only the entities the configured ingest extractor finds
(the lexicon extractor by default), and the text signal only the paper-level vectors.
SciREX has no citations, so the citation signal is 0 here and its weight is not measured.

Queries: every paper with at least one related paper among those loaded. Weights are chosen on
the tune split and reported on the test split (sha256 of the doc id: first 8 hex digits mod 10
below 7 is tune), the same split extraction benchmarks use to build gazetteers from tune
documents only.

    PYTHONPATH=. python benchmarks/related.py              # all 232 papers (builds a cache once)
    PYTHONPATH=. python benchmarks/related.py --sweep      # also the entity-weight sweep
    PYTHONPATH=. python benchmarks/related.py --docs 40 --words 200   # a quick form
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from benchmarks.embed_cache import DiskCachedEmbedder
from benchmarks.shared_data import SCIREX_DOCS
from papergraph.api.backend import Backend
from papergraph.api.config import Settings
from papergraph.api.related.corpus import RelatedCorpus
from papergraph.api.related.faceted import Facet, rerank
from papergraph.api.related.rank import fuse
from papergraph.api.related.settings import RelatedSettings
from papergraph.api.related.signals import SeedSignals, seed_signals
from papergraph.index.embed import Embedder

CACHE = Path.home() / ".cache" / "papergraph" / "benchmarks"
ENTITY_WEIGHTS = (0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.75, 1.0, 2.0, 5.0)
TUNE, TEST = "tune", "test"


def split_of(doc_id: str) -> str:
    return TUNE if int(hashlib.sha256(doc_id.encode()).hexdigest()[:8], 16) % 10 < 7 else TEST


# -- SciREX as paper rows, and its gold relatedness -------------------------------------------


def _detokenise(words: Sequence[str]) -> str:
    text = " ".join(words)
    text = re.sub(r" ([,.;:?!)\]%])", r"\1", text)
    return re.sub(r"([(\[]) ", r"\1", text).replace(" - ", "-")


def _section_text(doc: dict[str, Any], start: int, end: int) -> str:
    """A section's words without its 'section : Name' header sentence."""
    for s_start, s_end in doc["sentences"]:
        if s_start == start and doc["words"][s_start] == "section":
            start = s_end
            break
    return _detokenise(doc["words"][start:end])


def paper_row(doc: dict[str, Any], words: int | None) -> dict[str, Any]:
    """Title (section 0), abstract (section 1) and the first `words` words of the rest (all of
    it when `words` is None).

    A document held as one section (a few are) gives its first sentence as the title and no
    abstract: the paper-level vector then pools its chunk vectors.
    """
    sections = [list(bounds) for bounds in doc["sections"]]
    if len(sections) == 1:
        first_end = doc["sentences"][0][1]
        sections = [[0, min(first_end, 25)], [first_end, first_end], [first_end, sections[0][1]]]
    body_words: list[str] = []
    for start, end in sections[2:]:
        body_words.extend(_section_text(doc, start, end).split())
        if words is not None and len(body_words) >= words:
            break
    first_sentence_end = doc["sentences"][0][1]
    title_words = doc["words"][sections[0][0] : min(sections[0][1], first_sentence_end)]
    if title_words[:2] == ["document", ":"]:
        title_words = title_words[2:]
    return {
        "id": doc["doc_id"],
        "title": _detokenise(title_words),
        "abstract": _section_text(doc, *sections[1]) or None,
        "text": " ".join(body_words[:words]),
    }


def gold_pairs(doc: dict[str, Any]) -> set[tuple[str, str]]:
    return {(row["Task"], row["Material"]) for row in doc["n_ary_relations"]}


def read_scirex(folder: Path, docs: int | None) -> list[dict[str, Any]]:
    paths = sorted(folder.glob("*.json"))[:docs]
    if not paths:
        raise SystemExit(f"{folder}: no SciREX *.json documents")
    return [json.loads(path.read_text("utf-8")) for path in paths]


def relevance(pairs: dict[str, set[tuple[str, str]]]) -> dict[str, set[str]]:
    """paper → the other papers sharing a gold (task, dataset) pair with it."""
    return {
        paper: {other for other, theirs in pairs.items() if other != paper and mine & theirs}
        for paper, mine in pairs.items()
    }


# -- the data folder, built once per (documents, words, extractor, lexicon) --------------------


def cache_key(docs: int | None, words: int, settings: Settings) -> str:
    lexicon = resources.files("papergraph.ingest.lexicon")
    digest = hashlib.sha256(f"{docs}|{words}|{settings.ingest.extractor}".encode())
    for name in sorted(p.name for p in lexicon.iterdir() if p.name.endswith(".tsv")):
        digest.update(lexicon.joinpath(name).read_bytes())
    return f"related-scirex-{docs or 'all'}-{words}-{digest.hexdigest()[:10]}"


def build_backend(
    data_dir: Path, rows: list[dict[str, Any]], embedder: Embedder | None = None
) -> Backend:
    """Open (or first build) the stores holding `rows`; re-ingest skips unchanged papers."""
    data_dir.mkdir(parents=True, exist_ok=True)
    source = data_dir / "scirex-papers.jsonl"
    source.write_text("".join(json.dumps(row) + "\n" for row in rows))
    backend = Backend.open(Settings(data_dir=data_dir / "store"), embedder=embedder)
    report = backend.ingester().ingest([source])
    if report.failed:
        raise SystemExit("; ".join(failure.message for failure in report.failed))
    return backend


# -- the measure ------------------------------------------------------------------------------


def ndcg_at(ranked: Sequence[str], relevant: set[str], k: int = 10) -> float:
    """Binary-gain NDCG@k."""
    dcg = sum(1 / math.log2(i + 2) for i, pid in enumerate(ranked[:k]) if pid in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(len(relevant), k)))
    return dcg / ideal if ideal else 0.0


@dataclass
class Evaluation:
    """Seed signals of every query, computed once, fused under any weights."""

    corpus: RelatedCorpus
    signals: dict[str, SeedSignals]
    relevant: dict[str, set[str]]

    def ndcg(self, settings: RelatedSettings, queries: Iterable[str], k: int = 10) -> float:
        scores = [
            ndcg_at(
                [item.paper_id for item in fuse(self.corpus, [self.signals[q]], [], k, settings)],
                self.relevant[q],
                k,
            )
            for q in queries
        ]
        return sum(scores) / len(scores) if scores else 0.0


SENTENCE_WEIGHTS = (0.0, 0.25, 0.5, 1.0, 2.0, 4.0)
FACET_SENTENCE_WEIGHTS = (0.25, 0.5, 1.0, 2.0, 4.0)


def sentence_ndcg(
    backend: Backend,
    evaluation: Evaluation,
    settings: RelatedSettings,
    queries: Iterable[str],
    facet: Facet | None,
    k: int = 10,
) -> float:
    """NDCG@k of the fused ranking re-scored by sentences (`papergraph.api.related.faceted.rerank`)."""
    scores = []
    for query in queries:
        depth = max(k, settings.facet_candidates)
        items = fuse(evaluation.corpus, [evaluation.signals[query]], [], depth, settings)
        recommender = backend.recommender
        items = rerank(
            recommender.chunks,
            recommender.sentences,
            evaluation.corpus,
            [query],
            items,
            facet,
            settings,
        )[:k]
        scores.append(ndcg_at([item.paper_id for item in items], evaluation.relevant[query], k))
    return sum(scores) / len(scores) if scores else 0.0


def sentence_figures(
    backend: Backend,
    evaluation: Evaluation,
    split: dict[str, list[str]],
    defaults: RelatedSettings,
    k: int,
) -> dict[str, dict[str, float]]:
    """The sentence signal (no facet) and facet=result, each weight chosen on tune."""
    figures: dict[str, dict[str, float]] = {}
    for name, field, weights, facet in (
        ("fused + sentences", "sentence_weight", SENTENCE_WEIGHTS, None),
        ("facet=result", "facet_sentence_weight", FACET_SENTENCE_WEIGHTS, Facet.RESULT),
    ):
        tried = {w: defaults.model_copy(update={field: w}) for w in weights}
        tune = {
            w: sentence_ndcg(backend, evaluation, s, split[TUNE], facet, k)
            for w, s in tried.items()
        }
        best = max(tune, key=lambda w: (tune[w], -w))
        print(
            f"{name}: {field} on tune "
            + ", ".join(f"{w:g}: {v:.4f}" for w, v in tune.items())
            + f" -> {best:g}"
        )
        figures[f"{name} ({field}={best:g})"] = {
            "all": sentence_ndcg(
                backend, evaluation, tried[best], list(evaluation.signals), facet, k
            ),
            TUNE: tune[best],
            TEST: sentence_ndcg(backend, evaluation, tried[best], split[TEST], facet, k),
        }
    return figures


def evaluate(backend: Backend, relevant: dict[str, set[str]]) -> Evaluation:
    corpus = RelatedCorpus.load(
        backend.stores.chunks, backend.stores.graph, backend.paper_vectors.matrix()
    )
    queries = [q for q, related in relevant.items() if related and q in corpus.titles]
    signals = {q: seed_signals(corpus, q, 0) for q in queries}
    return Evaluation(corpus, signals, {q: relevant[q] for q in queries})


def rankings(defaults: RelatedSettings) -> dict[str, RelatedSettings]:
    """The three rankings the issue asks for, in one run."""
    return {
        "embedding-only": defaults.model_copy(
            update={"entity_weight": 0.0, "citation_weight": 0.0}
        ),
        "graph-only": defaults.model_copy(update={"text_weight": 0.0}),
        "fused (defaults)": defaults,
    }


def run(
    scirex: Path,
    docs: int | None,
    words: int,
    data_dir: Path | None,
    sweep: bool,
    k: int = 10,
    embedder: Embedder | None = None,
    sentences: bool = True,
) -> dict[str, dict[str, float]]:
    """Build (or reuse) the data, print and return NDCG@k per ranking and split."""
    settings = Settings()
    documents = read_scirex(scirex, docs)
    rows = [paper_row(doc, words) for doc in documents]
    relevant = relevance({doc["doc_id"]: gold_pairs(doc) for doc in documents})
    folder = data_dir or CACHE / cache_key(docs, words, settings)
    started = time.perf_counter()
    backend = build_backend(folder, rows, embedder or DiskCachedEmbedder(settings.index))
    try:
        evaluation = evaluate(backend, relevant)
        split: dict[str, list[str]] = {TUNE: [], TEST: []}
        for query in evaluation.signals:
            split[split_of(query)].append(query)
        by_sentences = (
            sentence_figures(backend, evaluation, split, settings.related, k) if sentences else {}
        )
    finally:
        backend.close()
    built = time.perf_counter() - started
    print(
        f"SciREX: {len(rows)} papers, {len(evaluation.signals)} queries with a related paper "
        f"(tune {len(split[TUNE])}, test {len(split[TEST])}); data {folder} ({built:.0f} s)"
    )
    with_entities = sum(1 for keys in evaluation.corpus.entity_keys.values() if keys)
    print(
        f"extracted entities: {len(evaluation.corpus.document_frequency)} distinct, "
        f"{with_entities}/{len(rows)} papers have at least one"
    )
    if sweep:
        print_sweep(evaluation, split, settings.related, k)
    figures = {
        name: {
            part: evaluation.ndcg(weights, queries, k)
            for part, queries in (
                ("all", list(evaluation.signals)),
                (TUNE, split[TUNE]),
                (TEST, split[TEST]),
            )
        }
        for name, weights in rankings(settings.related).items()
    }
    figures.update(by_sentences)
    print(f"\nNDCG@{k}{'':38} all     tune    test")
    for name, by_split in figures.items():
        print(f"{name:44} {by_split['all']:.4f}  {by_split[TUNE]:.4f}  {by_split[TEST]:.4f}")
    return figures


def print_sweep(
    evaluation: Evaluation, split: dict[str, list[str]], defaults: RelatedSettings, k: int
) -> None:
    """NDCG@k as the entity weight varies (text weight 1); choose on tune, read test."""
    print(
        f"\nsweep (text_weight 1.0, citation_weight {defaults.citation_weight}): "
        f"entity_weight -> NDCG@{k} tune / test"
    )
    best = (-1.0, 0.0)
    for weight in ENTITY_WEIGHTS:
        settings = defaults.model_copy(update={"text_weight": 1.0, "entity_weight": weight})
        tune = evaluation.ndcg(settings, split[TUNE], k)
        test = evaluation.ndcg(settings, split[TEST], k)
        best = max(best, (tune, weight))
        print(f"  {weight:5.2f}  {tune:.4f} / {test:.4f}")
    print(f"best on tune: entity_weight {best[1]} (tune NDCG@{k} {best[0]:.4f})")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--scirex", type=Path, default=SCIREX_DOCS, help="SciREX train_docs folder."
    )
    parser.add_argument("--docs", type=int, default=None, help="First N SciREX papers (all).")
    parser.add_argument("--words", type=int, default=1000, help="Body words ingested per paper.")
    parser.add_argument("--data-dir", type=Path, default=None, help="Where the stores are built.")
    parser.add_argument("--sweep", action="store_true", help="Also sweep the entity weight.")
    parser.add_argument("-k", type=int, default=10)
    parser.add_argument(
        "--no-sentences",
        action="store_true",
        help="Skip the sentence rankings (they encode every abstract sentence).",
    )
    args = parser.parse_args(argv)
    figures = run(
        args.scirex,
        args.docs,
        args.words,
        args.data_dir,
        args.sweep,
        args.k,
        sentences=not args.no_sentences,
    )
    fused, text = figures["fused (defaults)"]["all"], figures["embedding-only"]["all"]
    print(f"\nfused - embedding-only = {fused - text:+.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
