"""SciTLDR known-item search for benchmarks/retrieval.py: the corpus (title + abstract of each
paper, its TLDRs as queries) and its store, built through the real ingest pipeline once and
cached in the work dir."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.embed_cache import DiskCachedEmbedder
from papergraph.api.backend import Backend
from papergraph.api.config import Settings
from papergraph.core.errors import PapergraphError
from papergraph.index.settings import IndexSettings
from papergraph.ingest.errors import InputError

PRIME_BATCH = 512  # texts per progress line (the model batches them by 64)


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
    papers_out: list[dict[str, object]] = [
        {
            "id": paper_id,
            "title": str(row["title"]).strip(),
            "abstract": " ".join(
                str(sentence).strip()
                for sentence in row["source"]  # type: ignore[attr-defined]
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


def open_built(
    corpus: Corpus, work_dir: Path, say: Callable[[str], None]
) -> tuple[Backend, DiskCachedEmbedder, float]:
    """A backend over the corpus, built through the ingest pipeline unless cached."""
    data_dir = work_dir / f"data-{corpus.fingerprint}"
    marker = data_dir / "built.json"
    settings = Settings(data_dir=data_dir, index=IndexSettings(query_cache_size=0))
    embedder = DiskCachedEmbedder(settings.index)
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
    prime(embedder, [chunk.text for paper in readable for chunk in paper.chunks], say)
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


def prime(embedder: DiskCachedEmbedder, texts: list[str], say: Callable[[str], None]) -> None:
    """Encode each distinct text into the embedder's disk cache, a progress line per batch."""
    todo = list(dict.fromkeys(texts))
    for start in range(0, len(todo), PRIME_BATCH):
        embedder.prime(todo[start : start + PRIME_BATCH])
        say(f"  encoded {min(start + PRIME_BATCH, len(todo))}/{len(todo)}")
