"""The setting a row of a column-wise table prints beside its metric: the prompt it was run with.

A table with the models across the top may print, down its label columns, a dataset, a metric
and the way each model was asked ("Truthful QA" | "true" | "QA prompt", then "" | "" |
"instruction" and "" | "" | "QA + instruct": InstructGPT's Table 14). The words a row label
prints besides its metric and its shots are then how that value was got, and qualify the
column's model ("PPO + ptx models 175b (QA prompt)"): without them the three prompts' values
read as three values of one model on one measure. A label naming no metric, under none
printed above it in its block ("Gender" under CrowS-Pairs), prints no such setting.
"""

from __future__ import annotations

import re

from papergraph.ingest.extract.dataset_measures import dataset_rules
from papergraph.ingest.extract.metric_names import RULES
from papergraph.ingest.extract.table_grid import clean, strip_marks

#: The shots a row was run with, qualifying the model already ("BLEU zero-shot").
_SHOTS = re.compile(r"\b(?:\d+|zero|one|few)[- ]shots?\b", re.IGNORECASE)
_EDGES = re.compile(r"^[\s,;:+/-]+|[\s,;:+/-]+$")
_MARKS = re.compile(r"\([^A-Za-z()]*\)")  # a direction or a unit: "(↑)", "(%)"


def prompt_setting(label: str, dataset: str | None, metric_above: bool) -> tuple[str, ...]:
    """The setting a row label prints besides the metric it names (or the one its block printed
    above it, `metric_above`) and its shots: ("QA prompt",) for "true QA prompt" on TruthfulQA,
    ("instruction",) under it; () where the label names no metric and none is printed above,
    or nothing is left."""
    text = clean(strip_marks(label))
    spans = [
        found.span()
        for rule, _ in (*dataset_rules(dataset), *RULES)
        if (found := rule.search(text))
    ]
    if spans:
        start, end = min(spans, key=lambda span: (span[0], -span[1]))  # the longest first
        text = f"{text[:start]} {text[end:]}"
    elif not metric_above:
        return ()
    rest = _EDGES.sub("", " ".join(_MARKS.sub(" ", _SHOTS.sub(" ", text)).split()))
    return (rest,) if re.search(r"[A-Za-z]", rest) else ()
