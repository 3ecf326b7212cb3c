"""How the dataset names of extracted result rows resolve: one key per dataset, or several?

    PYTHONPATH=. python benchmarks/dataset_names.py OUT.jsonl [OUT2.jsonl ...] [--split tune]
        [--show-unlisted]

Reads `papergraph extract --json` output (the 39 shared PDFs, the pdfgold-dev PDFs), takes the
dataset name of every result row with a value, and prints how many distinct names there are,
how many canonical keys and (key, qualifier) identities `core.canonical` gives them (fewer
keys than names: spellings met), how many resolve to a name a list holds (the lexicon rows,
Papers with Code, the usual-metric lists) and, with `--show-unlisted`, the names that resolve
to none, each with its key. `--split` keeps the pdfgold-dev PDFs of one split (by file name;
`benchmarks/pdfgold.py`) and every paper that is not a pdfgold-dev PDF.

The script reads `canonical` through `papergraph.core.canonical` only, so running it with
`PYTHONPATH` at an older checkout (`git archive <commit> | tar -x -C DIR`) measures that
commit's rules on the same names: the before figure.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from papergraph.core import canonical as names
from papergraph.core.model import EntityType, fold


def result_datasets(paths: Iterable[Path], skip: frozenset[str] = frozenset()) -> Iterator[str]:
    """The dataset name of each valued result row in the files (papers in `skip` left out)."""
    for path in paths:
        for line in path.read_text("utf-8").splitlines():
            paper = json.loads(line)
            if paper["paper_id"] in skip:
                continue
            for row in paper.get("results", []):
                if row.get("value") is not None and row.get("dataset"):
                    yield str(row["dataset"])


def listed(label: str) -> bool:
    """Whether a list holds the canonical label as a dataset name."""
    known = names.known_labels().get((EntityType.DATASET, fold(label)))
    return known is not None or fold(label) in names.dataset_spellings()


def left_out(split: str) -> set[str]:
    """Paper ids (pdf file stems) of the pdfgold-dev PDFs not in `split`."""
    from benchmarks.pdfgold import gold_papers

    return {p.pdf.stem for p in gold_papers() if p.split != split}


def report(found: list[str], show_unlisted: bool) -> None:
    by_key: dict[str, set[str]] = defaultdict(set)
    identities, unlisted = set(), {}
    for name in sorted(set(found)):
        key, label, qualifier = names.canonical(name, EntityType.DATASET)
        by_key[key].add(name)
        identities.add((key, qualifier))
        if not listed(label):
            unlisted[name] = key
    resolved = len(set(found)) - len(unlisted)
    print(f"names {len(set(found))} (rows {len(found)}); keys {len(by_key)}; ", end="")
    print(f"(key, qualifier) {len(identities)}; names resolving to a listed name {resolved}")
    for key, spelled in sorted(by_key.items()):
        if len(spelled) > 1:
            print(f"  met  {key}: {sorted(spelled)}")
    if show_unlisted:
        for name, key in sorted(unlisted.items()):
            print(f"  none {name!r} -> {key}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path, help="papergraph extract --json output")
    parser.add_argument("--split", choices=("tune", "test"), help="pdfgold-dev PDFs of one split")
    parser.add_argument("--show-unlisted", action="store_true", help="print unlisted names")
    args = parser.parse_args(argv)
    missing = [str(p) for p in args.files if not p.is_file()]
    if missing:
        print(f"no such file: {', '.join(missing)}", file=sys.stderr)
        return 2
    skip = frozenset(left_out(args.split)) if args.split else frozenset()
    report(list(result_datasets(args.files, skip)), args.show_unlisted)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
