"""Document-level extraction quality on SciREX: a baseline and the improved extractor, one run.

    PYTHONPATH=. python benchmarks/extraction.py                   # full: 232 docs
    PYTHONPATH=. python benchmarks/extraction.py --docs 5          # CI-sized

How it scores (see benchmarks/scirex.py for the gold and the split):
- Each extractor reads every document. The SciREX gazetteer is built from tune documents, so on
  the tune split the hybrid extractors read each document with a gazetteer rebuilt without its
  fold (as benchmarks/train_salience.py trains): tune figures, and the k chosen on them, then
  look like unseen papers do (`--no-folds` skips this; the tagged extractor keeps its tagger,
  which was trained on the tune split). Time per paper is then only reported on the test split.
- An extractor's entities are grouped by SciREX type (Dataset and
  Benchmark -> Material). A paper's *predicted salient* entities of a type are its k most salient
  ones, less those after the first whose salience is under a floor (papers name one to eight
  salient datasets: a fixed k alone cuts too early or too late); k and the floor per type and
  extractor are chosen on the tune split (best F1) and then applied unchanged to the test split.
- A predicted entity's names are its label, aliases and evidence spans, normalised
  (`scirex.normalise`). It is correct when one of them equals a name of a gold salient cluster of
  the same type that no earlier (more salient) prediction already claimed: one-to-one, so
  duplicate entities for one concept cost precision.
- Results: value-less document-level claims (ingest/extract/claims.py) count like sentence
  results. A predicted result counts when its method, task, dataset and metric each name the
  cluster of one gold leaderboard row, a slot by the names of the paper's entity it refers to
  (value ignored, as in SciREX's 4-ary relation scoring, which maps predicted to gold clusters);
  counted over distinct (method, task, dataset, metric) tuples. The value is reported apart:
  the rows whose score also matches (few SciREX scores appear in the text at all; tables are gone).
  `Results-m` scores against the gold rows whose four entities all have a mention in the text,
  as SciREX's own end-to-end evaluation does (about half the rows name an entity that only a
  table had).
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.scirex import (
    TEST,
    TUNE,
    TYPES,
    Document,
    GoldCluster,
    GoldResult,
    normalise,
    read_documents,
)
from benchmarks.shared_data import SCIREX_DOCS
from papergraph.core.model import Entity, EntityType, Extraction
from papergraph.ingest.extract import create_extractor
from papergraph.ingest.extract.base import Extractor
from papergraph.ingest.extract.hybrid import HybridExtractor

SCIREX_TYPE = {
    EntityType.METHOD: "Method",
    EntityType.DATASET: "Material",
    EntityType.BENCHMARK: "Material",
    EntityType.TASK: "Task",
    EntityType.METRIC: "Metric",
}
MAX_K = 12
TYPES_IN_SLOTS = ("Method", "Task", "Material", "Metric")  # a Result's slot order
FLOORS = (0.0, *(round(0.1 + 0.02 * i, 2) for i in range(41)))  # 0, 0.10, 0.12, ... 0.90
EXTRACTORS = ("lexicon", "hybrid", "tagged")  # baseline first, the default last
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


@dataclass
class Score:
    """Counts that make precision, recall and F1."""

    hits: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: Score) -> None:
        self.hits += other.hits
        self.predicted += other.predicted
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.hits / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.hits / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Run:
    """One extractor's extractions of a set of documents, and the time they took."""

    extractor: str
    extractions: list[tuple[Document, Extraction]] = field(default_factory=list)
    seconds: float = 0.0


def run_extractor(extractor: Extractor, name: str, documents: Sequence[Document]) -> Run:
    run = Run(name)
    for document in documents:
        started = time.perf_counter()
        extraction = extractor.extract(document.paper)
        run.seconds += time.perf_counter() - started
        run.extractions.append((document, extraction))
    return run


def entity_names(entity: Entity) -> set[str]:
    names = [entity.label, *entity.aliases, *(e.text for e in entity.evidence)]
    return {form for form in map(normalise, names) if form}


def ranked(extraction: Extraction, kind: str) -> list[Entity]:
    """The paper's entities of one SciREX type, most salient first."""
    found = [e for e in extraction.entities if SCIREX_TYPE[e.type] == kind]
    return sorted(found, key=lambda e: -e.salience)


def score_entities(predicted: Iterable[Entity], gold: list[GoldCluster]) -> Score:
    """One-to-one matching in salience order: each gold cluster is claimed at most once."""
    claimed: set[str] = set()
    score = Score(gold=len(gold))
    for entity in predicted:
        score.predicted += 1
        names = entity_names(entity)
        for cluster in gold:
            if cluster.id not in claimed and names & cluster.names:
                claimed.add(cluster.id)
                score.hits += 1
                break
    return score


@dataclass(frozen=True)
class Cut:
    """Which of a paper's ranked entities of one type count as predicted salient."""

    k: int  # at most this many
    floor: float = 0.0  # and, after the first, only those with at least this salience

    def __str__(self) -> str:
        return f"k={self.k}, salience >= {self.floor:.2f}"


def kept(found: list[Entity], cut: Cut) -> list[Entity]:
    return found[:1] + [e for e in found[1 : cut.k] if e.salience >= cut.floor]


def entity_score(run: Run, kind: str, cut: Cut) -> Score:
    total = Score()
    for document, extraction in run.extractions:
        total.add(score_entities(kept(ranked(extraction, kind), cut), document.gold(kind)))
    return total


def best_cut(run: Run, kind: str) -> Cut:
    """The cut with the best F1 on `run`; ties -> smaller k, then lower floor."""
    rankings = [(document.gold(kind), ranked(x, kind)) for document, x in run.extractions]

    def f1(cut: Cut) -> float:
        total = Score()
        for gold, found in rankings:
            total.add(score_entities(kept(found, cut), gold))
        return round(total.f1, 4)

    cuts = [Cut(k, floor) for k in range(1, MAX_K + 1) for floor in FLOORS]
    return max(cuts, key=lambda c: (f1(c), -c.k, -c.floor))


def _cluster_of(
    label: str | None, clusters: list[GoldCluster], names: dict[str, set[str]]
) -> str | None:
    """The gold cluster a result slot names: by all names of the paper's entity with that label
    (as entities are scored, and as SciREX maps predicted to gold clusters), else by the label."""
    forms = names.get(label or "") or {normalise(label or "")} - {""}
    return next((c.id for c in clusters if forms & c.names), None)


def _names_by_label(extraction: Extraction, kind: str) -> dict[str, set[str]]:
    return {e.label: entity_names(e) for e in extraction.entities if SCIREX_TYPE[e.type] == kind}


def _same_value(predicted: float | str, gold: str) -> bool:
    got, want = _NUMBER.search(str(predicted)), _NUMBER.search(gold)
    return bool(got and want) and abs(float(got.group()) - float(want.group())) < 1e-6


def _mentioned(document: Document, row: GoldResult) -> bool:
    coref = document.raw["coref"]
    return all(coref.get(c) for c in (row.method, row.task, row.dataset, row.metric))


def result_score(run: Run, mentioned_only: bool = False) -> tuple[Score, int]:
    """Tuple-level counts over distinct (method, task, dataset, metric), and rows with the value.

    `mentioned_only` keeps the gold rows whose four clusters all have a mention in the text, as
    SciREX's own end-to-end evaluation does (the others live in tables the text lacks);
    predictions are kept as they are."""
    total, with_value = Score(), 0
    for document, extraction in run.extractions:
        rows = [g for g in document.results if not mentioned_only or _mentioned(document, g)]
        gold_rows = {(g.method, g.task, g.dataset, g.metric): g for g in rows}
        predicted: set[tuple[str | None, ...]] = set()
        names = {kind: _names_by_label(extraction, kind) for kind in TYPES}
        for result in extraction.results:
            slots = tuple(
                _cluster_of(label, document.gold(kind), names[kind])
                for label, kind in zip(
                    (result.method, result.task, result.dataset, result.metric),
                    TYPES_IN_SLOTS,
                    strict=True,
                )
            )
            key = (
                slots
                if all(slots)
                else tuple(
                    normalise(str(s))
                    for s in (result.method, result.task, result.dataset, result.metric)
                )
            )
            predicted.add(key)
            gold = gold_rows.get(key)  # type: ignore[arg-type]
            if gold is not None and _same_value(result.value, gold.score):
                with_value += 1
        total.add(Score(len(predicted & set(gold_rows)), len(predicted), len(gold_rows)))
    return total, with_value


def report(runs: dict[str, Run], cuts: dict[tuple[str, str], Cut], split: str) -> list[str]:
    lines = [f"\n== {split} split: {len(next(iter(runs.values())).extractions)} documents =="]
    lines.append(
        f"{'type':9}{'extractor':10}{'k':>3}{'P':>7}{'R':>7}{'F1':>7}   hits/pred/gold  floor"
    )
    for kind in TYPES:
        for name, run in runs.items():
            cut = cuts[(name, kind)]
            s = entity_score(run, kind, cut)
            label = "Dataset" if kind == "Material" else kind
            lines.append(
                f"{label:9}{name:10}{cut.k:>3}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}"
                f"   {s.hits}/{s.predicted}/{s.gold}  {cut.floor:.2f}"
            )
    for name, run in runs.items():
        s, with_value = result_score(run)
        lines.append(
            f"{'Results':9}{name:10}{'':>3}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}"
            f"   {s.hits}/{s.predicted}/{s.gold}  (with value: {with_value})"
        )
    for name, run in runs.items():
        s, _ = result_score(run, mentioned_only=True)
        lines.append(
            f"{'Results-m':9} {name:9}{'':>3}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}"
            f"   {s.hits}/{s.predicted}/{s.gold}  (gold rows with all four entities in the text)"
        )
    for name, run in runs.items():
        per_doc = run.seconds / max(len(run.extractions), 1)
        timing = "n/a (fold gazetteers)" if math.isnan(per_doc) else f"{per_doc * 1000:.1f} ms"
        lines.append(f"time     {name:10} {timing} per paper")
    return lines


def held_out_run(folder: Path, name: str, documents: list[Document]) -> Run:
    """Tune documents read with gazetteers built without their fold (benchmarks/train_salience)."""
    from benchmarks.train_salience import held_out_extractions

    extractions = held_out_extractions(folder, documents, name, learned=True, fold_taggers=False)
    return Run(name, list(zip(documents, extractions, strict=True)), seconds=float("nan"))


def benchmark(
    folder: Path, docs: int | None, extractors: Sequence[str] = EXTRACTORS, folds: bool = True
) -> str:
    """Tune k on the tune split, report both splits; the text that `main` prints."""
    tune = list(read_documents(folder, TUNE, docs))
    test = list(read_documents(folder, TEST, docs))
    built = {name: create_extractor(name) for name in extractors}
    tune_runs = {
        name: held_out_run(folder, name, tune)
        if folds and isinstance(x, HybridExtractor)
        else run_extractor(x, name, tune)
        for name, x in built.items()
    }
    test_runs = {name: run_extractor(x, name, test) for name, x in built.items()}
    cuts = {(name, kind): best_cut(run, kind) for name, run in tune_runs.items() for kind in TYPES}
    lines = report(tune_runs, cuts, TUNE) + report(test_runs, cuts, TEST)
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scirex", type=Path, default=SCIREX_DOCS, help="SciREX train_docs")
    parser.add_argument("--docs", type=int, default=None, help="at most N documents per split")
    parser.add_argument("--extractors", nargs="+", default=list(EXTRACTORS))
    parser.add_argument(
        "--no-folds",
        action="store_true",
        help="read tune docs with the shipped gazetteers (fast, but they know tune names)",
    )
    args = parser.parse_args(argv)
    print(benchmark(args.scirex, args.docs, args.extractors, folds=not args.no_folds))


if __name__ == "__main__":
    main()
