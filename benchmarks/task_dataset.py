"""The "<task> on <dataset>" search set, built from SciREX's gold leaderboard rows.

Every gold (task, dataset) pair of the 232 SciREX documents becomes one query, "<task> on
<dataset>" with the cluster ids' underscores as spaces ("Question Answering on SQuAD1 1"); the
relevant papers are the documents that report a result for that pair. Pairs are compared in
`benchmarks.scirex.normalise` form, so "CoNLL_2003" and "CoNLL-2003" are one pair. The corpus is
every document whole (title, abstract and the full body, experiments sections included, as a user
indexes a paper: about 29 chunks a paper, 6,639 in all, ~10 minutes to encode once on the shared
CPU, then cached), ingested through the real pipeline with the default extractor; every chunk is
encoded, so the semantic list reads the same whole papers as the graph and the keyword index.

Queries are split by a hash of the query (the rule of `benchmarks.scirex.split_of`): weights are
tuned on the tune queries and reported on the test queries. The documents are shared by both
(a search set has one corpus). The shipped gazetteer (`ingest/lexicon/generated-scirex.tsv`)
holds gold names of SciREX *tune documents* (split by document), and 88 of those documents are
relevant to some test query: their gold annotation can put a test query's dataset into the
gazetteer. So the store the benchmark reports on is built with its own gazetteer
(`leak_free_gazetteer`: the same build, leaving out every document relevant to a test query),
passed through the `gazetteer` ingest setting; the shipped one is measured beside it to show
how big the leak was.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import papergraph
from benchmarks.build_gazetteer import write_gazetteers
from benchmarks.embed_cache import DiskCachedEmbedder
from benchmarks.known_items import prime
from benchmarks.related import paper_row, read_scirex
from benchmarks.scirex import normalise, split_of
from papergraph.api.backend import Backend
from papergraph.api.config import Settings
from papergraph.index.settings import IndexSettings
from papergraph.ingest.errors import InputError
from papergraph.ingest.settings import IngestSettings

#: Body words kept per paper: None keeps the whole paper (an int cuts the body after that many).
BODY_WORDS: int | None = None


@dataclass(frozen=True)
class GradedQuery:
    """A query, the papers that answer it, and its split ("tune" or "test")."""

    query: str
    relevant: frozenset[str]
    split: str


def query_text(task: str, dataset: str) -> str:
    def name(cluster: str) -> str:
        return re.sub(r"\s+", " ", cluster.replace("_", " ")).strip()

    return f"{name(task)} on {name(dataset)}"


def task_dataset_queries(documents: list[dict[str, Any]]) -> list[GradedQuery]:
    """One query per normalised gold (task, dataset) pair, with the documents reporting it."""
    papers: dict[tuple[str, str], set[str]] = defaultdict(set)
    text: dict[tuple[str, str], str] = {}
    for doc in documents:
        for row in doc["n_ary_relations"]:
            pair = (normalise(row["Task"]), normalise(row["Material"]))
            papers[pair].add(doc["doc_id"])
            text.setdefault(pair, query_text(row["Task"], row["Material"]))
    return [
        GradedQuery(text[pair], frozenset(ids), split_of(text[pair]))
        for pair, ids in sorted(papers.items())
    ]


def leak_free_gazetteer(shared: Path, work_dir: Path, graded: list[GradedQuery]) -> Path:
    """A gazetteer folder built as the shipped one is, but from SciREX tune documents relevant
    to no test query (for the `gazetteer` ingest setting)."""
    exclude = frozenset().union(*(q.relevant for q in graded if q.split == "test"))
    folder = work_dir / "gazetteer-leak-free"
    write_gazetteers(shared, folder, exclude)
    return folder


def store_key(rows: list[dict[str, Any]], gazetteer: Path | None = None) -> str:
    """What a built store depends on: the rows, the lexicon files, the gazetteer given and the
    ingest code (a change to any of them builds a fresh store; the encoder's cache keeps the
    rebuild to extraction)."""
    digest = hashlib.sha256(json.dumps(rows, sort_keys=True).encode())
    package = Path(papergraph.__file__).resolve().parent
    given = sorted(gazetteer.glob("*.tsv")) if gazetteer else []
    for path in sorted(package.glob("ingest/**/*")) + given:
        if path.is_file() and path.suffix in {".py", ".tsv", ".txt", ".json", ".gz"}:
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def open_store(
    work_dir: Path,
    rows: list[dict[str, Any]],
    say: Callable[[str], None],
    gazetteer: Path | None = None,
) -> Backend:
    """A backend over `rows` (papers JSONL rows), built through the pipeline unless cached;
    `gazetteer`: the extractor's generated names (default: the shipped ones)."""
    data_dir = work_dir / f"data-{store_key(rows, gazetteer)}"
    embedder = DiskCachedEmbedder(IndexSettings())
    settings = Settings(data_dir=data_dir, ingest=IngestSettings(gazetteer=gazetteer))
    backend = Backend.open(settings, embedder=embedder)
    marker = data_dir / "built.json"
    if marker.exists():
        return backend
    source = work_dir / "papers.jsonl"
    source.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    started = time.perf_counter()
    ingester = backend.ingester()
    papers = list(ingester.read([source]))
    failed = [item for item in papers if isinstance(item, InputError)]
    readable = [item for item in papers if not isinstance(item, InputError)]
    texts = [chunk.text for paper in readable for chunk in paper.chunks]
    say(f"  encoding {len(texts)} chunks (cached in {embedder.__class__.__name__})")
    prime(embedder, texts, say)
    for position, paper in enumerate(readable, start=1):
        ingester.ingest_paper(paper)
        if position % 20 == 0:
            say(f"  ingested {position}/{len(readable)}")
    backend.stores.vectors.save()
    if failed:
        raise SystemExit("; ".join(f"{f.path}: {f.message}" for f in failed[:5]))
    marker.write_text(json.dumps({"build_s": time.perf_counter() - started}))
    return backend


def scirex_rows(
    folder: Path, words: int | None = BODY_WORDS
) -> tuple[list[dict[str, Any]], list[GradedQuery]]:
    documents = read_scirex(folder, None)
    return [paper_row(doc, words) for doc in documents], task_dataset_queries(documents)
