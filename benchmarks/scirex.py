"""SciREX documents as Papergraph papers, their document-level gold, and the fixed tune/test split.

Gold, per document and type (Method, Material = Dataset, Task, Metric), is the set of *salient*
clusters: the clusters named in the document's `n_ary_relations` (its leaderboard rows). A
cluster's names are the text of every mention span in `coref` plus the cluster id itself with
underscores as spaces ("Mean_IoU" -> "Mean IoU"); a third of Material/Metric clusters have no
mention spans, so the id is their only name.

The split is fixed: sha256 of the doc id, first 8 hex digits as an integer, modulo 10; below 7 is
the tune split (~70 %), the rest the test split (~30 %). Gazetteers may only read tune documents.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from papergraph.core.model import Chunk, Paper

TYPES = ("Method", "Material", "Task", "Metric")
TUNE, TEST = "tune", "test"
_WORD = re.compile(r"[a-z0-9]+")
#: Trailing words that say what kind of thing a name is, not which one ("CoNLL test set").
GENERIC_TAIL = frozenset(
    "dataset datasets data set sets corpus corpora benchmark benchmarks task tasks score scores "
    "metric metrics test testing train training dev development validation split challenge "
    "database collection".split()
)


def split_of(doc_id: str) -> str:
    """The split a document belongs to, from a hash of its id (stable across machines)."""
    return TUNE if int(hashlib.sha256(doc_id.encode()).hexdigest()[:8], 16) % 10 < 7 else TEST


def normalise(name: str) -> str:
    """The form names are compared in: lower-case alphanumerics, a leading "the" and generic tail
    words dropped, a final plural "s" dropped: "the CoNLL-2003 test set" -> "conll2003",
    "BLEU scores" -> "bleu"."""
    words = _WORD.findall(name.lower())
    if len(words) > 1 and words[0] == "the":
        words.pop(0)
    while len(words) > 1 and words[-1] in GENERIC_TAIL:
        words.pop()
    if words and len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]
    return "".join(words)


@dataclass(frozen=True)
class GoldCluster:
    """One salient cluster: its id, type and the normalised forms of all its names."""

    id: str
    type: str
    names: frozenset[str]


@dataclass(frozen=True)
class GoldResult:
    """One leaderboard row: cluster ids for the four slots, and the score as written."""

    method: str
    task: str
    dataset: str
    metric: str
    score: str


@dataclass
class Document:
    """A SciREX document: the paper to extract from, its gold clusters and gold results."""

    doc_id: str
    paper: Paper
    clusters: dict[str, GoldCluster]  # cluster id -> cluster
    results: list[GoldResult]
    raw: dict[str, Any]

    def gold(self, kind: str) -> list[GoldCluster]:
        return [c for c in self.clusters.values() if c.type == kind]


def read_document(path: Path) -> Document:
    """One SciREX JSON file as a Document; sections become chunks, the first is the title."""
    doc = json.loads(path.read_text("utf-8"))
    return Document(doc["doc_id"], to_paper(doc), _clusters(doc), _results(doc), doc)


def to_paper(doc: dict[str, Any]) -> Paper:
    words, doc_id = doc["words"], doc["doc_id"]
    chunks = [
        Chunk(f"{doc_id}#{i}", doc_id, i, " ".join(words[a:b]))
        for i, (a, b) in enumerate(doc["sections"])
    ]
    title = chunks[0].text.split(" section :")[0] if chunks else ""
    title = title.removeprefix("document : ")
    return Paper(id=doc_id, title=title, chunks=chunks)


def _clusters(doc: dict[str, Any]) -> dict[str, GoldCluster]:
    words = doc["words"]
    types: dict[str, str] = {}
    for row in doc["n_ary_relations"]:
        for kind in TYPES:
            types.setdefault(row[kind], kind)
    clusters = {}
    for cluster_id, kind in types.items():
        names = {" ".join(words[a:b]) for a, b in doc["coref"].get(cluster_id, [])}
        names.add(cluster_id.replace("_", " "))
        forms = frozenset(n for n in map(normalise, names) if n)
        clusters[cluster_id] = GoldCluster(cluster_id, kind, forms)
    return clusters


def _results(doc: dict[str, Any]) -> list[GoldResult]:
    return [
        GoldResult(r["Method"], r["Task"], r["Material"], r["Metric"], str(r["score"]))
        for r in doc["n_ary_relations"]
    ]


def document_paths(folder: Path, split: str | None = None) -> Iterator[Path]:
    """The SciREX files of `folder` in file-name order, of one split (or all)."""
    for path in sorted(folder.glob("*.json")):
        if split is None or split_of(path.stem) == split:
            yield path


def raw_documents(folder: Path, split: str | None = None) -> Iterator[dict[str, Any]]:
    """The SciREX documents of `folder` as stored (`words`, `sections`, `coref`,
    `n_ary_relations`, ...), in file-name order, of one split (or all)."""
    for path in document_paths(folder, split):
        yield json.loads(path.read_text("utf-8"))


def read_documents(
    folder: Path, split: str | None = None, limit: int | None = None
) -> Iterator[Document]:
    """Documents of `folder` in file-name order, of one split (or all), at most `limit`."""
    return map(read_document, islice(document_paths(folder, split), limit))
