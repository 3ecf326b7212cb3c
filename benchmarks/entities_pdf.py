"""Shown-entity precision and dataset recall on real PDFs (pdfgold-dev), today's extractor vs
the extractor before issue 14, in one run.

    PYTHONPATH=. python benchmarks/entities_pdf.py                 # all 41 PDFs, tune and test
    PYTHONPATH=. python benchmarks/entities_pdf.py --papers 2      # CI-sized
    PYTHONPATH=. python benchmarks/entities_pdf.py --sample 30     # also print 30 shown test entities
    PYTHONPATH=. python benchmarks/entities_pdf.py --wrong         # also list the wrong and unread
    PYTHONPATH=. python benchmarks/entities_pdf.py --split tune    # tune alone, while tuning

How it scores (benchmarks/pdfgold.py gives the records and the tune/test split):
- Each PDF is read once by the ingest readers and given to both extractors: `before` (the
  `tagged` extractor with curation off: every candidate under its own label, and every entity
  shown, as `GET /papers/{id}` listed them) and `after` (the default: admitted, canonical, and
  only the salient ones shown).
- A shown entity is *right* when one of its names (label, aliases), folded, is a gold method or
  dataset of that paper (or has the same canonical key), or a name Papers with Code lists: its
  task, dataset and benchmark names and metric names (pwc-taxonomy results), and the task,
  dataset, metric and model names of the sota-extractor leaderboards. PwC lists far from every
  real method ("dropout", "Adam" are not in it), so this precision is a floor: read the sample.
- Dataset recall: the share of gold datasets (papers with any) that a shown Dataset/Benchmark
  names, by folded name or canonical key.
- Read by hand: `benchmarks/data/entities_read_by_hand.tsv` holds a verdict for every entity
  the default extractor showed on the test and tune splits when they were read (right: a real
  method, dataset, task or metric of the type given; wrong: not, with what was seen). A second
  line per split scores `after` by those verdicts where a row exists and by the judge
  elsewhere, and says how many were read. An entity shown since then is unread until someone
  reads it and adds a row.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.pdfgold import GoldPaper, Split, gold_papers
from benchmarks.shared_data import SHARED_DATA
from papergraph.core.canonical import canonical, pwc_names
from papergraph.core.model import Entity, EntityType, Paper, fold
from papergraph.ingest.extract.report import read_papers
from papergraph.ingest.extract.tagged import TaggedExtractor
from papergraph.ingest.settings import IngestSettings

PWC = SHARED_DATA / "pwc-taxonomy"
READ_BY_HAND = Path(__file__).resolve().parent / "data" / "entities_read_by_hand.tsv"
DATASET_TYPES = (EntityType.DATASET, EntityType.BENCHMARK)
SPLITS: tuple[Split, ...] = ("tune", "test")


@dataclass
class Tally:
    """Shown entities judged right, and gold datasets found."""

    shown: int = 0
    right: int = 0
    gold_datasets: int = 0
    found_datasets: int = 0
    papers: int = 0
    wrong: list[str] = field(default_factory=list)
    read: int = 0  # shown entities a person read (READ_BY_HAND)
    right_as_read: int = 0  # right by the reader's verdict where read, else by the judge

    def line(self, name: str) -> str:
        precision = self.right / self.shown if self.shown else 0.0
        recall = self.found_datasets / self.gold_datasets if self.gold_datasets else 0.0
        return (
            f"  {name:<7} shown-entity precision {precision:.3f} ({self.right}/{self.shown}, "
            f"{self.shown / max(self.papers, 1):.1f} per paper)   dataset recall {recall:.3f} "
            f"({self.found_datasets}/{self.gold_datasets})"
        )

    def read_line(self, name: str) -> str:
        precision = self.right_as_read / self.shown if self.shown else 0.0
        return (
            f"  {name:<7} read by hand: precision {precision:.3f} ({self.right_as_read}/"
            f"{self.shown}; {self.read} of {self.shown} read, the rest judged as above)"
        )


@lru_cache(maxsize=1)
def hand_verdicts() -> dict[tuple[str, str, str], bool]:
    """(PDF file name, type, label) -> right, for the shown entities read by hand."""
    verdicts: dict[tuple[str, str, str], bool] = {}
    if not READ_BY_HAND.is_file():
        return verdicts
    for line in READ_BY_HAND.read_text("utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith(("#", "pdf\t")) or len(cols) < 4:
            continue
        verdicts[(cols[0], cols[1], cols[2])] = cols[3] == "right"
    return verdicts


def read_verdict(entity: Entity, gold: GoldPaper) -> bool | None:
    """The reader's verdict on `entity` as shown for this PDF, or None when unread."""
    return hand_verdicts().get((gold.pdf.name, entity.type.value, entity.label))


@lru_cache(maxsize=1)
def pwc_judge() -> frozenset[str]:
    """Folded names Papers with Code lists: tasks, datasets, benchmarks, metrics, models."""
    names = set(pwc_names())
    with (PWC / "results" / "all_tasks_detailed.csv").open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            names.add(fold(row["Task Name"]))
            for column in ("Common Datasets (Top 10)", "Benchmarks", "SOTA Metrics"):
                names.update(fold(n) for n in row[column].split(";"))
    tasks = PWC / "repositories" / "sota-extractor-master" / "data" / "tasks"
    for path in tasks.glob("*.json"):
        names.update(_leaderboard_names(json.loads(path.read_text("utf-8"))))
    return frozenset(n for n in names if n)


def _leaderboard_names(tasks: list[dict]) -> Iterable[str]:
    for task in tasks:
        yield fold(task.get("task") or "")
        yield from _leaderboard_names(task.get("subtasks") or [])
        for dataset in task.get("datasets") or []:
            yield fold(dataset.get("dataset") or "")
            sota = dataset.get("sota") or {}
            yield from (fold(m) for m in sota.get("metrics") or [])
            for row in sota.get("rows") or []:
                model = (row.get("model_name") or "").split("(")[0]
                yield from (fold(part) for part in model.split(" + "))


def names_of(entity: Entity) -> list[str]:
    return [entity.label, *entity.aliases]


def judged_right(entity: Entity, gold: GoldPaper) -> bool:
    folded = {fold(n) for n in names_of(entity)}
    gold_names = [*gold.methods, *gold.datasets]
    if folded & ({fold(n) for n in gold_names} | pwc_judge()):
        return True
    return entity.key in {canonical(n, entity.type).key for n in gold_names}


def found_dataset(name: str, shown: list[Entity]) -> bool:
    target, key = fold(name), canonical(name, EntityType.DATASET).key
    for entity in shown:
        if entity.type in DATASET_TYPES and (
            target in {fold(n) for n in names_of(entity)}
            or key in {canonical(n, EntityType.DATASET).key for n in names_of(entity)}
        ):
            return True
    return False


def score(tally: Tally, shown: list[Entity], gold: GoldPaper) -> None:
    tally.papers += 1
    for entity in shown:
        tally.shown += 1
        auto = judged_right(entity, gold)
        if auto:
            tally.right += 1
        else:
            tally.wrong.append(f"{entity.type.value}: {entity.label}")
        verdict = read_verdict(entity, gold)
        tally.read += verdict is not None
        tally.right_as_read += auto if verdict is None else verdict
    tally.gold_datasets += len(gold.datasets)
    tally.found_datasets += sum(found_dataset(d, shown) for d in gold.datasets)


def read(gold: GoldPaper) -> Paper | None:
    items = list(read_papers([gold.pdf], IngestSettings()))
    return next((p for p in items if isinstance(p, Paper)), None)


def benchmark(
    papers: int = 0, sample_size: int = 0, wrong: bool = False, splits: Sequence[Split] = SPLITS
) -> str:
    """The report: per split, both extractors' figures; then `sample_size` shown test entities;
    with `wrong`, every shown entity read wrong, or unread and not judged right, and its origins
    (which extractor paths named it), to find why it is shown. `splits` keeps to some splits
    (tune alone while tuning)."""
    extractors = {"before": TaggedExtractor(curated=False), "after": TaggedExtractor()}
    sample: list[str] = []
    lines: list[str] = []
    listed: list[str] = []
    for split in splits:
        tallies = {name: Tally() for name in extractors}
        golds = list(gold_papers(split))[: papers or None]
        for gold in golds:
            paper = read(gold)
            if paper is None:
                continue
            for name, extractor in extractors.items():
                shown = [e for e in extractor.extract(paper).entities if e.salient]
                score(tallies[name], shown, gold)
                if name == "after" and wrong:
                    listed += [
                        f"  {split}  {gold.pdf.name}  {line}" for line in misread(shown, gold)
                    ]
                if name == "after" and split == "test":
                    sample += [
                        f"{paper.id}  {e.type.value}: {e.label}"
                        f"{' [' + ', '.join(e.qualifiers) + ']' if e.qualifiers else ''}"
                        f"  {'right' if judged_right(e, gold) else 'unjudged'}"
                        f"{_read_mark(read_verdict(e, gold))}"
                        for e in shown
                    ]
        lines.append(f"{split} split ({len(golds)} PDFs)")
        lines += [tally.line(name) for name, tally in tallies.items()]
        if tallies["after"].read:
            lines.append(tallies["after"].read_line("after"))
    if wrong:
        lines += ["\nShown entities read wrong, or unread and not judged right:", *listed]
    if sample_size and "test" in splits:
        lines.append(f"\n{sample_size} shown entities of the test split, at random:")
        picked = random.Random(14).sample(sample, min(sample_size, len(sample)))
        lines += ["  " + line for line in picked]
    return "\n".join(lines)


def misread(shown: list[Entity], gold: GoldPaper) -> list[str]:
    """The shown entities read wrong, or unread and not judged right, with their origins."""
    found = []
    for entity in shown:
        verdict = read_verdict(entity, gold)
        if verdict is False or (verdict is None and not judged_right(entity, gold)):
            origins = ", ".join(sorted({e.extractor for e in entity.evidence}))
            mark = "read: wrong" if verdict is False else "unread"
            found.append(f"{entity.type.value}: {entity.label}  ({origins}; {mark})")
    return found


def _read_mark(verdict: bool | None) -> str:
    return "" if verdict is None else f", read: {'right' if verdict else 'wrong'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=0, help="at most this many PDFs per split")
    parser.add_argument("--sample", type=int, default=0, help="print N shown test entities")
    parser.add_argument("--wrong", action="store_true", help="list the wrong and unread shown")
    parser.add_argument(
        "--split", choices=SPLITS, default=None, help="one split only (default: tune and test)"
    )
    args = parser.parse_args()
    print(benchmark(args.papers, args.sample, args.wrong, (args.split,) if args.split else SPLITS))


if __name__ == "__main__":
    main()
