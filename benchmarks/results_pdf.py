"""Result rows read from real PDFs, scored against Papers with Code gold (pdfgold-dev).

    PYTHONPATH=. python benchmarks/results_pdf.py                  # both splits, every paper
    PYTHONPATH=. python benchmarks/results_pdf.py --split test     # report figures: test
    PYTHONPATH=. python benchmarks/results_pdf.py --papers 2 --show 10   # CI-sized, rows shown

How it scores:
- Each PDF with gold leaderboard rows is read by the ingest PDF reader; until that reader fills
  `Paper.tables`, tables come from benchmarks/pdf_tables.py (a throwaway pdfplumber dump). The
  default extractor reads the paper; its result rows *with a value* count (value-less claims are
  not leaderboard rows). The baseline, in the same run, is today's extractor: with
  `--baseline-source DIR` (a checkout of the commit before, e.g. `git archive 37972c1 | tar -x
  -C /tmp/base`) `papergraph extract --json` of that code on each PDF; without it, this
  extractor on the paper without its tables (the sentence patterns alone).
- A predicted row matches a gold row when the metrics are one after normalisation (both read by
  ingest/extract/metric_names.py, else folded alike), the datasets are one (folded, split words
  dropped, gazetteer aliases resolved; one name containing the other counts, "CIFAR-10, 4000
  Labels" is CIFAR-10) and the values are equal after rounding to the gold's printed precision
  (a fraction and its percentage are one value). Methods are not compared: most gold rows have
  none. A gold metric that names no metric is not compared: a split (NLP-progress rows print
  SWAG's "Dev" and "Test" columns as metrics, read as core.canonical reads a split), or a part of
  the dataset that ingest/extract/metric_names.py reads as no metric ("CNN / Daily Mail" with
  metric "CNN", RACE with "RACE-m", MultiNLI with "Matched"); a part may then also be the
  dataset ours names ("CNN"). `--strict-metrics` compares such names as metric names instead.
- Precision per paper: predicted rows matching any gold row / predicted rows (papers with no
  predicted row have no precision). Recall per paper: gold rows with `in_pdf` matched / gold rows
  with `in_pdf` (papers with none are left out). Both are averaged over papers (two Atari papers
  hold most rows), F1 from the two averages; micro figures are printed beside them. Gold rows are
  only a paper's headline results, so precision is a floor: read the rows `--show` prints.
- Figures are printed for every valued row ("tables + text") and for the rows a leaderboard
  shows by default ("leaderboard rows": ablation rows left out, kg/leaderboards.py).
- `--hand-gold` adds our hand-read headline rows of tune papers PwC gives none
  (benchmarks/data/hand_gold/, benchmarks/pdfgold.py); figures with it are not PwC figures.
  `--split shared` scores the shared PDFs users read against our hand-read headline rows alone
  (benchmarks/data/hand_gold_shared/): tune material of other kinds of paper, not PwC figures.
- `--judged` adds a precision where a row is right when it matches gold or a hand verdict in
  benchmarks/data/rows_read_by_hand.tsv says so, over gold-matched or judged rows
  (benchmarks/results_judged.py).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.pdf_tables import pdf_tables
from benchmarks.pdfgold import PDFGOLD, GoldPaper, Split, gold_papers
from benchmarks.results_judged import RowKey, print_judged, row_key
from benchmarks.results_why import explain_misses
from papergraph.core.canonical import SPLITS, known_label, split_qualifier
from papergraph.core.model import EntityType, Paper, Result, Table, TableCell, fold
from papergraph.ingest.extract import create_extractor
from papergraph.ingest.extract.base import Extractor
from papergraph.ingest.extract.gazetteer import LexiconEntry
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.metric_names import canonical
from papergraph.ingest.extract.report import read_papers
from papergraph.ingest.settings import IngestSettings

_SPLIT_WORDS = re.compile(
    r"\b(?:test-dev|test-std|testdev|minival|validation|val|test|dev|set)\b", re.IGNORECASE
)
_COST = re.compile(r"param|flop|\bmacs?\b|time|speed|memory|latency|throughput|size", re.I)
_GOLD_VALUE = re.compile(r"^\s*(?P<num>\d+(?:\.\d+)?|\.\d+)\s*%?\s*$")


@dataclass
class Score:
    """Matches and counts of one paper, or summed over papers."""

    matched_predicted: int = 0
    predicted: int = 0
    matched_gold: int = 0
    gold: int = 0
    task_agreed: int = 0  # matched predicted rows whose task is a matched gold row's


def read_paper(gold: GoldPaper, dumped: dict[str, list[Table]] | None = None) -> Paper | None:
    """The paper as ingest reads it; tables from `dumped` (by PDF file name) when given, else
    the reader's, else the throwaway dump's."""
    for item in read_papers([gold.pdf], IngestSettings()):
        if isinstance(item, Paper):
            if dumped is not None:
                return replace(item, tables=dumped.get(gold.pdf.name, []))
            return item if item.tables else replace(item, tables=pdf_tables(gold.pdf))
    return None


def load_tables(path: Path) -> dict[str, list[Table]]:
    """Tables dumped as JSON lines `{"file", "tables": [Table as a dict]}` (another reader's)."""
    found: dict[str, list[Table]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        found[Path(record["file"]).name] = [
            Table(**{**t, "cells": [TableCell(**c) for c in t["cells"]]}) for t in record["tables"]
        ]
    return found


def valued(results: Iterable[Result]) -> list[Result]:
    return [r for r in results if isinstance(r.value, (int, float))]


def metric_key(name: str) -> str:
    """One key per metric; box and mask AP are AP (PwC names the kind, papers the table)."""
    metric = canonical(name)
    label = metric.label if metric else name
    return fold(re.sub(r"^(?:box|mask) ", "", label))


#: A measure and the variant a paper names where Papers with Code names the measure alone:
#: accuracy with no k is top-1 accuracy (PwC's ImageNet ReaL "Accuracy"), and an F1 not said to
#: be macro or micro is whichever the paper averaged (SciCite's "F1" is its macro-F1); and an
#: "Accuracy" on any dataset may be the normalized accuracy the paper printed (lm-eval-harness's
#: acc_norm, as on HellaSwag).
VARIANTS = {
    "accuracy": {"top1accuracy", "normalizedaccuracy"},
    "error": {"top1error"},
    "f1": {"macrof1", "microf1"},
}


def same_metric(ours: str, gold: str) -> bool:
    """One metric after normalisation, or a gold "metric" that names none (`names_no_metric`),
    or a measure and its variant (`VARIANTS`, either way round; the value must still agree)."""
    if PART_METRICS and names_no_metric(gold):
        return True
    a, b = metric_key(ours), metric_key(gold)
    return a == b or a in VARIANTS.get(b, ()) or b in VARIANTS.get(a, ())


def names_no_metric(gold: str) -> bool:
    """Whether a gold "metric" names a split or a part of the dataset, not a metric.

    Papers with Code's NLP-progress rows put SWAG's "Dev" and "Test" columns there (a split, as
    core.canonical reads one; split words are not compared), and CNN / Daily Mail's "CNN",
    RACE's "RACE-m", MultiNLI's "Matched" (parts, named where the paper's table has a column of
    them): names metric_names reads as no metric, save a cost ("Number of params", "FLOPs"),
    which is a quantity of its own. The dataset and the value are still compared.
    """
    if split_qualifier(f"x {gold}") in {("x", split) for split in SPLITS}:
        return True
    return canonical(gold) is None and not _COST.search(gold)


def dataset_keys(name: str) -> tuple[str, str]:
    """The folded name without split words, and the folded label the gazetteer resolves it to."""
    raw = fold(_SPLIT_WORDS.sub(" ", name))
    entry = hybrid_matcher().lookup(name) or _in_suite(name)
    return raw, fold(_SPLIT_WORDS.sub(" ", entry.label)) if entry else raw


def _in_suite(name: str) -> LexiconEntry | None:
    """The dataset a name prefixed by its benchmark suite names, as Papers with Code writes
    parts of a suite ("KILT Zero-shot RE (dev)": zsRE), split words aside; else None."""
    first, _, rest = _SPLIT_WORDS.sub(" ", name).strip().partition(" ")
    suite = hybrid_matcher().lookup(first) if rest else None
    if suite is None or suite.type is not EntityType.BENCHMARK:
        return None
    return hybrid_matcher().lookup(rest.strip(" ()"))


def same_dataset(ours: str, gold: str) -> bool:
    """Equal or containing names; or aliases of one dataset ("MNLI", "MultiNLI"), though not a
    name and its qualified variant ("WMT" is not "WMT 2014 English-German")."""
    (base, size), (gold_base, gold_size) = _sized(ours), _sized(gold)
    if size and size == gold_size:  # "Quora Question Pairs (140K)" is "QQP 140K"
        labels = {known_label(name, EntityType.DATASET) or name for name in (base, gold_base)}
        return len(labels) == 1 or same_dataset(base, gold_base)
    (a, resolved_a), (b, resolved_b) = dataset_keys(ours), dataset_keys(gold)
    if not a or not b:
        return False
    if a == b or (min(len(a), len(b)) >= 4 and (_inside(ours, gold) or _inside(gold, ours))):
        return True
    qualified = any(
        raw != key and raw.startswith(key) for raw, key in ((a, resolved_a), (b, resolved_b))
    )
    return resolved_a == resolved_b and not qualified


_SIZE = re.compile(r"^(?P<name>.+?)\s+\(?(?P<size>\d+(?:\.\d+)?\s*[KkMB])\)?$")


def _sized(name: str) -> tuple[str, str]:
    """A dataset's name and the size printed after it ("QQP 140K", "QQP (140K)"), else ""."""
    found = _SIZE.match(name.strip())
    return (found["name"], found["size"].upper().replace(" ", "")) if found else (name, "")


def _inside(short: str, long: str) -> bool:
    """`short`'s words within `long`'s, split words dropped ("CIFAR-10" in "CIFAR-10, 4000
    Labels", not in "CIFAR-100")."""

    def words(name: str) -> str:
        return " " + " ".join(re.findall(r"[a-z]+|\d+", _SPLIT_WORDS.sub(" ", name).lower())) + " "

    return words(short).strip() != "" and words(short) in words(long)


def same_value(ours: float, gold: str) -> bool:
    match = _GOLD_VALUE.match(gold.replace(",", ""))
    if match is None:
        return False
    number = match.group("num")
    decimals = len(number.split(".")[1]) if "." in number else 0
    target = float(number)
    return any(round(ours * scale, decimals) == round(target, decimals) for scale in (1, 100, 0.01))


#: Whether a gold metric naming a split ("Dev") or a part ("CNN", "RACE-m") names no metric.
PART_METRICS = True


def matches(result: Result, row: dict[str, Any]) -> bool:
    metric, dataset = str(row["metric"]), str(row["dataset"])
    ours = result.dataset or ""
    part = PART_METRICS and names_no_metric(metric) and same_dataset(ours, metric)
    return (
        same_metric(result.metric or "", metric)
        and (same_dataset(ours, dataset) or part)
        and same_value(float(result.value), str(row["value"]))  # type: ignore[arg-type]
    )


def score_paper(results: list[Result], gold: list[dict[str, Any]]) -> Score:
    in_pdf = [row for row in gold if row.get("in_pdf")]
    return Score(
        matched_predicted=sum(any(matches(r, row) for row in gold) for r in results),
        predicted=len(results),
        matched_gold=sum(any(matches(r, row) for r in results) for row in in_pdf),
        gold=len(in_pdf),
        task_agreed=sum(
            any(matches(r, row) and same_task(r.task, str(row.get("task") or "")) for row in gold)
            for r in results
        ),
    )


def task_key(name: str) -> str:
    """One key per task: the gazetteer's label folded ("Reading comprehension" is "Reading
    Comprehension"), else the name folded."""
    entry = hybrid_matcher().lookup(name)
    return fold(entry.label if entry is not None else name)


def same_task(ours: str | None, gold: str) -> bool:
    return bool(ours) and bool(gold) and task_key(ours or "") == task_key(gold)


def summary(scores: list[Score]) -> dict[str, float]:
    precisions = [s.matched_predicted / s.predicted for s in scores if s.predicted]
    recalls = [s.matched_gold / s.gold for s in scores if s.gold]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    total = Score(*(sum(getattr(s, f) for s in scores) for f in Score.__dataclass_fields__))
    micro_p = total.matched_predicted / total.predicted if total.predicted else 0.0
    micro_r = total.matched_gold / total.gold if total.gold else 0.0
    return {
        "P": p,
        "R": r,
        "F1": _f1(p, r),
        "microP": micro_p,
        "microR": micro_r,
        "microF1": _f1(micro_p, micro_r),
        "rows": float(total.predicted),
        "task": total.task_agreed / total.matched_predicted if total.matched_predicted else 0.0,
        "matched": float(total.matched_predicted),
    }


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def baseline_results(
    paper: Paper, pdf: Path, extractor: Extractor, source: Path | None
) -> list[Result]:
    """Today's rows: the older checkout's `extract --json` on the PDF, else text-only rows."""
    if source is None:
        return valued(extractor.extract(replace(paper, tables=[])).results)
    # A checkout from before the papergraph namespace (issue 17) has a top-level `api`.
    cli = "papergraph.api.cli" if (source / "papergraph" / "__init__.py").is_file() else "api.cli"
    command = [
        sys.executable,
        "-c",
        f"from {cli} import main; main()",
        "extract",
        str(pdf),
        "--json",
    ]
    env = {**os.environ, "PYTHONPATH": str(source)}
    done = subprocess.run(command, cwd=source, env=env, capture_output=True, text=True, check=False)
    rows = [
        r for line in done.stdout.splitlines() if line.strip() for r in json.loads(line)["results"]
    ]
    return valued(
        Result(r["method"], r["task"], r["dataset"], r["metric"], r["value"]) for r in rows
    )


def run(
    split: Split | None,
    papers: int | None,
    extractor: Extractor,
    show: int,
    source: Path | None = None,
    dumped: dict[str, list[Table]] | None = None,
    why: bool = False,
    judged: bool = False,
    hand: bool = False,
) -> None:
    golds = [g for g in gold_papers(split, hand=hand) if g.results][:papers]
    ours: dict[Split, list[Score]] = {"tune": [], "test": [], "shared": []}
    baseline: dict[Split, list[Score]] = {"tune": [], "test": [], "shared": []}
    boards: dict[Split, list[Score]] = {"tune": [], "test": [], "shared": []}  # leaderboard rows
    shown = 0
    places: Counter[str] = Counter()
    keyed: dict[str, list[tuple[RowKey, bool]]] = {"tune": [], "test": [], "shared": []}
    for gold in golds:
        paper = read_paper(gold, dumped)
        if paper is None:
            print(f"{gold.pdf.name}: unreadable", file=sys.stderr)
            continue
        found = valued(extractor.extract(paper).results)
        text_only = baseline_results(paper, gold.pdf, extractor, source)
        ours[gold.split].append(score_paper(found, gold.results))
        boards[gold.split].append(score_paper(leaderboard_rows(found), gold.results))
        baseline[gold.split].append(score_paper(text_only, gold.results))
        shown += _show(gold, found, max(0, show - shown))
        keyed[gold.split] += [
            (row_key(gold.pdf.name, r), any(matches(r, row) for row in gold.results)) for r in found
        ]
        if why:
            explain_misses(gold.pdf.name, paper, found, gold.results, matches, places)
    if why:
        print("missed gold rows by where the value is:", dict(places.most_common()))
    for name in ("tune", "test", "shared"):
        if ours[name]:
            figures = (summary(baseline[name]), summary(ours[name]), summary(boards[name]))
            _print(name, len(ours[name]), *figures)
    if judged:
        print_judged(keyed)


def _show(gold: GoldPaper, found: list[Result], limit: int) -> int:
    for result in found[:limit]:
        hit = any(matches(result, row) for row in gold.results)
        cell = result.evidence[0].text if result.evidence else ""
        mark = ("gold" if hit else "") + ("·abl" if not leaderboard_rows([result]) else "")
        print(
            f"  [{mark:<8}] {gold.pdf.name} | {result.task} | {result.method} | "
            f"{result.dataset} | {result.metric} | {result.value} | {cell[:110]}"
        )
    return min(limit, len(found))


def leaderboard_rows(results: list[Result]) -> list[Result]:
    """The rows a leaderboard shows by default: no ablation (kg/leaderboards.py)."""
    return [r for r in results if not any(e.ablation for e in r.evidence)]


def _print(
    split: str,
    papers: int,
    base: dict[str, float],
    new: dict[str, float],
    board: dict[str, float],
) -> None:
    print(f"\n{split}: {papers} papers with gold rows (P/R averaged per paper; micro beside)")
    print(
        f"{'extractor':<24}{'P':>7}{'R':>7}{'F1':>7}{'microP':>8}{'microR':>8}{'microF1':>9}"
        f"{'rows':>6}"
    )
    lines = (("baseline", base), ("tables + text", new), ("  leaderboard rows", board))
    for name, figures in lines:
        print(
            f"{name:<24}"
            + "".join(f"{figures[k]:>7.3f}" for k in ("P", "R", "F1"))
            + "".join(f"{figures[k]:>8.3f}" for k in ("microP", "microR"))
            + f"{figures['microF1']:>9.3f}{int(figures['rows']):>6}"
            + f"   task agrees on {figures['task']:.3f} of {int(figures['matched'])} matched rows"
        )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--split",
        choices=["tune", "test", "shared"],
        default=None,
        help="pdfgold-dev's tune or test papers (default both), or the shared PDFs we hand-read",
    )
    parser.add_argument("--papers", type=int, default=None, help="first N gold papers only")
    parser.add_argument("--extractor", default="tagged")
    parser.add_argument("--show", type=int, default=0, help="print this many predicted rows")
    parser.add_argument(
        "--baseline-source",
        type=Path,
        default=None,
        help="a checkout of today's code, run as the baseline",
    )
    parser.add_argument(
        "--tables-json",
        type=Path,
        default=None,
        help="tables another reader dumped, as JSON lines {file, tables}",
    )
    parser.add_argument(
        "--strict-metrics",
        action="store_true",
        help="a gold metric naming a split or a part ('Dev', 'CNN', 'RACE-m') must equal ours",
    )
    parser.add_argument(
        "--why",
        action="store_true",
        help="for each missed gold row, say whether its value is in a grid, the text or nowhere",
    )
    parser.add_argument(
        "--judged",
        action="store_true",
        help="also print precision by gold or hand verdict (benchmarks/results_judged.py)",
    )
    parser.add_argument(
        "--hand-gold",
        action="store_true",
        help="add our hand-read headline rows of tune papers PwC gives none (pdfgold.py)",
    )
    args = parser.parse_args(argv)
    global PART_METRICS  # noqa: PLW0603 - one run, one scoring
    PART_METRICS = not args.strict_metrics
    if not (PDFGOLD / "gold.jsonl").exists():
        sys.exit(f"pdfgold-dev not found at {PDFGOLD} (set PAPERGRAPH_SHARED_DATA)")
    dumped = load_tables(args.tables_json) if args.tables_json else None
    run(
        args.split,
        args.papers,
        create_extractor(args.extractor),
        args.show,
        args.baseline_source,
        dumped,
        args.why,
        args.judged,
        args.hand_gold,
    )


if __name__ == "__main__":
    main()
