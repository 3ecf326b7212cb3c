"""Which results share a leaderboard beyond their (dataset node, variant, metric node).

Two rules, each read from the rows themselves, not from a list of benchmarks:

- One measure, two names: "Top-1 Accuracy" is accuracy (the share of inputs whose first guess
  is right) and "Top-1 Error" is error; ViT prints CIFAR-10 "accuracy" in one table and
  "top-1 accuracy" in another for the same numbers. `measure_key` folds the "top-1" away, so
  both are one board where they share a task (`fold_top_one`: a retrieval hit rate named
  "Top-1 Accuracy" is not a QA accuracy); top-5 stays its own measure.
- One dataset, two tasks: SciBERT's SciERC is a NER benchmark and a relation-extraction one,
  both scored by F1. Where one paper gives one method two values on a board under two tasks,
  the paper itself tells the tasks apart, so the board splits by task (`by_task`); a task label
  that only differs between papers (ARC read as question answering by one, commonsense
  reasoning by another) does not split a board.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from importlib.resources import files
from typing import Any

from papergraph.core.model import EntityType, entity_key, fold

_MEASURE = r"(?:accuracy|acc|error|err)(?:\s*rate)?\s*(?:\(%\))?$"
_TOP_ONE = re.compile(rf"^top[\s_-]*1\s*[-\s]*(?={_MEASURE})")


def measure_key(label: str) -> str:
    """The folded name of the measure a metric label names: "Top-1 Accuracy (%)" -> accuracy."""
    return entity_key(EntityType.METRIC, _TOP_ONE.sub("", label.strip().lower()))


def same_measure_names(label: str) -> set[str]:
    """The metric names a filter on `label` takes in: the name and its top-1 form or plain form."""
    plain = _TOP_ONE.sub("", label.strip().lower())
    return {label, plain, f"top-1 {plain}"} if re.match(_MEASURE, plain) else {label}


def fold_top_one(
    groups: dict[tuple[str, str, str], list[dict[str, Any]]],
) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    """(dataset node, variant, metric key) groups, a top-1 group folded into its plain
    measure's group (`measure_key`) where the two share a task label: ViT's CIFAR-10
    "Top-1 Accuracy" and "Accuracy" tables meet; DPR's passage-retrieval "Top-1 Accuracy" on
    Natural Questions stays off FiD's question-answering "Accuracy" board."""
    folded: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for (node, variant, metric), rows in groups.items():
        plain = (node, variant, measure_key(str(rows[0]["metricLabel"])))
        tasks = {str(row.get("taskLabel") or "") for row in rows}
        shared = plain != (node, variant, metric) and plain in groups
        if shared and tasks & {str(row.get("taskLabel") or "") for row in groups[plain]}:
            folded[plain].extend(rows)
        else:
            folded[(node, variant, metric)].extend(rows)
    return dict(folded)


def by_task(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """A board's rows by task where one paper gives one method values under two tasks; else
    all rows under "" (one board). Only the tasks such a (paper, method) gives split the
    board: a row under one of them joins it, any other row (another paper's "Classification",
    or no task) the largest of them, so other papers' labels split nothing."""
    tasks: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in rows:
        method = str(row.get("methodLabel") or row.get("method") or "")
        tasks[(str(row["paper"]), method)].add(str(row.get("taskLabel") or ""))
    told = {task for found in tasks.values() if len(found) > 1 for task in found}
    if not told:
        return {"": rows}
    split: dict[str, list[dict[str, Any]]] = {task: [] for task in sorted(told)}
    rest: list[dict[str, Any]] = []
    for row in rows:
        task = str(row.get("taskLabel") or "")
        (split[task] if task in told else rest).append(row)
    largest = max(sorted(split), key=lambda task: len(split[task]))  # a tie: first by name
    split[largest].extend(rest)
    return split


def variant_names(
    variants: set[tuple[str, str]], labels: dict[str, str]
) -> dict[tuple[str, str], str]:
    """Each (dataset node, variant) -> the variant its board is filed under: a one-letter
    variant is the dataset's only longer variant that starts with the letter, where there is
    one (PaLM's "RACE-h" and "RACE-m" are XLNet's "RACE (High)" and "RACE (Middle)").
    `variants` are every variant the graph holds (not only a filter's rows), with the parts
    `dataset-parts.txt` names for the node's label (`labels`): MultiNLI's "m" starts matched
    and mismatched, so it stays "m"; a digit ("1") is no initial."""
    known = defaultdict(set)
    for node, variant in variants:
        known[node].add(variant)
    for node, label in labels.items():
        known[node] |= _parts().get(fold(label), set())
    names: dict[tuple[str, str], str] = {}
    for node, variant in variants:
        initial = variant.lower() if len(variant) == 1 and variant.isalpha() else None
        longer = {o for o in known[node] if initial and len(o) > 1 and o.lower()[0] == initial}
        names[(node, variant)] = longer.pop() if len(longer) == 1 else variant
    return names


@cache
def _parts() -> dict[str, set[str]]:
    """dataset-parts.txt: a dataset's folded label -> its named parts."""
    text = files("papergraph.ingest.lexicon").joinpath("dataset-parts.txt").read_text()
    lines = [line.split("\t") for line in text.splitlines() if line and line[0] != "#"]
    return {fold(cells[0]): set(cells[1].split("|")) for cells in lines[1:]}
