"""Result rows read by hand: a precision beside the gold one (issue 14).

Papers with Code gold holds only a paper's headline results, so precision against it is a floor:
a right row of a table gold leaves out counts wrong. `benchmarks/data/rows_read_by_hand.tsv`
holds verdicts a person gave rows after reading the PDF page (paper, table, method, dataset,
metric, value as extracted; verdict right / wrong / partly; the reason). Verdicts are only ever
added to, never changed; the extractor never reads the file.

    PYTHONPATH=. python benchmarks/results_pdf.py --judged            # the view, per split
    PYTHONPATH=. python benchmarks/results_judged.py --dump /tmp/rows.jsonl   # rows to judge
    PYTHONPATH=. python benchmarks/results_judged.py --rows /tmp/rows.jsonl --split tune \
        --sample 60 --seed 20                                             # a sample to read

The judged view counts, per split: predicted rows, rows matching gold, rows judged by hand, and
a precision where a row is right when it matches gold or a verdict says `right` (`partly`, a
right value under a wrong task, is not right; a second figure counts it right), over the rows
that are gold-matched or judged. Unjudged rows are counted and left out, never counted right.
A row is right when its value is what the paper prints for that method on that dataset in that
metric and setting (a missing task is fine, a wrong one makes it `partly`).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from papergraph.core.model import Result

READ_BY_HAND = Path(__file__).resolve().parent / "data" / "rows_read_by_hand.tsv"
COLUMNS = ("paper", "table", "method", "dataset", "metric", "value", "verdict", "reason")
VERDICTS = ("right", "wrong", "partly")

#: paper (PDF file name), table number ("text" for a sentence), method, dataset, metric, value
RowKey = tuple[str, str, str, str, str, str]


@dataclass(frozen=True)
class Verdict:
    verdict: str
    reason: str


@dataclass
class Judged:
    """One split's rows: how many gold matches, how many read by hand, and how many right."""

    predicted: int = 0
    gold_matched: int = 0
    judged: int = 0  # rows with a hand verdict (gold-matched or not)
    scored: int = 0  # rows gold-matched or judged: the precision's denominator
    right: int = 0  # gold-matched, or judged right
    partly: int = 0  # not gold-matched, judged partly
    disputed: int = 0  # gold-matched, yet judged wrong or partly (gold still counts right)

    @property
    def unjudged(self) -> int:
        return self.predicted - self.scored

    def line(self, split: str) -> str:
        gold_p = self.gold_matched / self.predicted if self.predicted else 0.0
        judged_p = self.right / self.scored if self.scored else 0.0
        lenient = (self.right + self.partly) / self.scored if self.scored else 0.0
        return (
            f"{split}: {self.predicted} predicted rows, {self.gold_matched} match gold "
            f"(gold-only micro-P {gold_p:.3f}), {self.judged} judged by hand; "
            f"judged micro-P {judged_p:.3f} ({self.right}/{self.scored} gold-matched or judged; "
            f"{lenient:.3f} with 'partly' right), {self.unjudged} unjudged left out; "
            f"{self.disputed} gold-matched rows read as not right"
        )


def format_value(value: float | str | None) -> str:
    return f"{float(value):g}" if isinstance(value, (int, float)) else str(value or "")


def row_key(paper: str, result: Result) -> RowKey:
    """The key a verdict is filed under: what the extractor printed, as printed."""
    evidence = result.evidence[0] if result.evidence else None
    table = (evidence.table if evidence else None) or "text"
    names = (result.method or "", result.dataset or "", result.metric or "")
    return (paper, table, *names, format_value(result.value))


def load_verdicts(path: Path = READ_BY_HAND) -> dict[RowKey, Verdict]:
    """Verdicts by row key; a bad line or a key given twice is an error naming file and line."""
    verdicts: dict[RowKey, Verdict] = {}
    if not path.is_file():
        return verdicts
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line.startswith("paper\t"):
            continue
        cols = line.split("\t")
        if len(cols) != len(COLUMNS) or cols[6] not in VERDICTS:
            raise ValueError(
                f"{path}:{number}: expected {len(COLUMNS)} tab-separated columns "
                f"with a verdict in {VERDICTS}, got {line!r}"
            )
        key: RowKey = (cols[0], cols[1], cols[2], cols[3], cols[4], cols[5])
        if key in verdicts:
            raise ValueError(f"{path}:{number}: row {key} has a verdict already")
        verdicts[key] = Verdict(cols[6], cols[7])
    return verdicts


def judge(rows: Iterable[tuple[RowKey, bool]], verdicts: dict[RowKey, Verdict]) -> Judged:
    """Count rows (key, gold-matched) by gold and by the hand verdicts."""
    tally = Judged()
    for key, hit in rows:
        verdict = verdicts.get(key)
        tally.predicted += 1
        tally.gold_matched += hit
        tally.judged += verdict is not None
        tally.scored += hit or verdict is not None
        tally.right += hit or (verdict is not None and verdict.verdict == "right")
        tally.partly += not hit and verdict is not None and verdict.verdict == "partly"
        tally.disputed += hit and verdict is not None and verdict.verdict != "right"
    return tally


def stratified_sample(rows: Sequence[dict[str, Any]], size: int, seed: int) -> list[dict[str, Any]]:
    """`size` rows drawn round-robin over papers in a seeded order, one random row of each
    paper per round, so no paper dominates; rows with one key are drawn once."""
    rng = random.Random(seed)
    by_paper: dict[str, list[dict[str, Any]]] = defaultdict(list)
    seen: set[tuple[str, ...]] = set()
    for row in rows:
        if tuple(row["key"]) not in seen:
            seen.add(tuple(row["key"]))
            by_paper[str(row["paper"])].append(row)
    for paper_rows in by_paper.values():
        rng.shuffle(paper_rows)
    papers = sorted(by_paper)
    rng.shuffle(papers)
    drawn: list[dict[str, Any]] = []
    while len(drawn) < size and any(by_paper[p] for p in papers):
        drawn += [by_paper[p].pop() for p in papers if by_paper[p]][: size - len(drawn)]
    return drawn


def print_judged(rows: dict[str, list[tuple[RowKey, bool]]], path: Path = READ_BY_HAND) -> None:
    """The judged view: one line per split with rows (tune first)."""
    verdicts = load_verdicts(path)
    print(f"\nread by hand ({path.name}: {len(verdicts)} verdicts)")
    for split in ("tune", "test", "shared"):
        if rows.get(split):
            print("  " + judge(rows[split], verdicts).line(split))


def dump(out: Path, extractor_name: str) -> None:
    """Every valued row of every gold paper, with its split, gold match and evidence."""
    from benchmarks.pdfgold import gold_papers
    from benchmarks.results_pdf import matches, read_paper, valued
    from papergraph.ingest.extract import create_extractor

    extractor = create_extractor(extractor_name)
    with out.open("w", encoding="utf-8") as lines:
        for gold in (g for g in gold_papers() if g.results):
            paper = read_paper(gold)
            for result in valued(extractor.extract(paper).results) if paper else []:
                hit = any(matches(result, row) for row in gold.results)
                record = {"split": gold.split, "paper": gold.pdf.name, "gold": hit}
                record |= {"key": row_key(gold.pdf.name, result), "task": result.task}
                record["evidence"] = [vars(e) for e in result.evidence[:1]]
                lines.write(json.dumps(record) + "\n")


def show_sample(rows_path: Path, split: str, size: int, seed: int, gold: bool = False) -> None:
    """Print a stratified sample of a split's unjudged rows that match no gold row (or, with
    `gold`, that match one: to check the gold match by hand)."""
    verdicts = load_verdicts()
    rows = [json.loads(line) for line in rows_path.read_text("utf-8").splitlines()]
    pool = [r for r in rows if r["split"] == split and r["gold"] == gold]
    pool = [r for r in pool if tuple(r["key"]) not in verdicts]
    for row in stratified_sample(pool, size, seed):
        evidence = (row["evidence"] or [{}])[0]
        print("\t".join(row["key"]) + f"\t| task={row['task']}")
        print(
            f"    p{evidence.get('page')} row={evidence.get('row_header')!r} "
            f"col={evidence.get('column_header')!r} cell={evidence.get('cell')!r} "
            f"cap={str(evidence.get('caption'))[:100]!r}"
        )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dump", type=Path, help="write every gold paper's valued rows here")
    parser.add_argument("--extractor", default="tagged")
    parser.add_argument("--rows", type=Path, help="rows --dump wrote, to sample from")
    parser.add_argument("--split", choices=["tune", "test"], default="tune")
    parser.add_argument("--sample", type=int, default=60)
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument("--gold", action="store_true", help="sample gold-matched rows instead")
    args = parser.parse_args(argv)
    if args.dump:
        dump(args.dump, args.extractor)
    elif args.rows:
        show_sample(args.rows, args.split, args.sample, args.seed, args.gold)
    else:
        parser.error("give --dump FILE or --rows FILE")


if __name__ == "__main__":
    main()
