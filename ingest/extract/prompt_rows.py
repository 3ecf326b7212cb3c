"""The setting a row of a column-wise table prints beside its metric: the prompt it was run with.

A table with the models across the top may print, down its label columns, a dataset, a metric
and the way each model was asked ("Truthful QA" | "true" | "QA prompt", then "" | "" |
"instruction" and "" | "" | "QA + instruct": InstructGPT's Table 14). What a row label prints
besides its metric, its shots and any bracketed words qualifies the column's model ("PPO + ptx
models 175b (QA prompt)") only where it names a prompt (prompt, instruct..., template, CoT,
chain-of-thought): without it the three prompts' values read as three values of one model on
one measure. Other words there say which measure or split it is ("acc / F1", "f1 v2.0", "EM
test", "BLEU detok", "ppl (lower is better)"), not how the model was run. A label naming no
metric, under none printed above it in its block ("Gender" under CrowS-Pairs), prints no setting."""

from __future__ import annotations

import re

from papergraph.ingest.extract.dataset_measures import dataset_rules
from papergraph.ingest.extract.metric_names import RULES
from papergraph.ingest.extract.shot_rows import SHOTS
from papergraph.ingest.extract.table_grid import clean, strip_marks

#: The shots a row was run with, qualifying the model already ("BLEU zero-shot").
_SHOTS = re.compile(rf"\b{SHOTS}\b", re.IGNORECASE)
_EDGES = re.compile(r"^[\s,;:+/-]+|[\s,;:+/-]+$")
_BRACKETED = re.compile(r"\([^()]*\)")  # a direction, a unit, a split: "(↑)", "(%)", "(dev)"
#: Words that name how a model was asked, not which measure or split it was scored on.
_PROMPT = re.compile(r"prompt|instruct|template|\bCoT\b|chain[- ]of[- ]thought", re.IGNORECASE)


def prompt_setting(label: str, dataset: str | None, metric_above: bool) -> tuple[str, ...]:
    """The setting a row label prints besides the metric it names (or the one its block printed
    above it, `metric_above`), its shots and its bracketed words, where that names a prompt:
    ("QA prompt",) for "true QA prompt" on TruthfulQA, ("instruction",) under it; () where the
    label names no metric and none is printed above, or the rest names no prompt ("EM test",
    "f1 v2.0", "acc / F1")."""
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
    rest = _EDGES.sub("", " ".join(_BRACKETED.sub(" ", _SHOTS.sub(" ", text)).split()))
    return (rest,) if _PROMPT.search(rest) else ()
