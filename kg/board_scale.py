"""A board's values on one scale: a share (accuracy, EM, F1...) that one paper prints as a
fraction (RETRO's LAMBADA accuracy 0.73) and another as a percentage (RWKV's 70.83) is one
measure, and ranking the raw numbers would put every fraction last. A paper whose values on a
share board all lie in [0, 1], on a board where another paper prints values above 1 and at most
100, printed fractions: its values are shown as percentages, the number the paper printed kept
beside them (`printed_value`) and in the evidence cell. A measure that is no share (perplexity,
bits per byte, a loss, a score) is left as printed: there a value below 1 is no fraction.
Nor is an error rate rescaled: a paper's percentages of error often all lie below 1 (MNIST's
0.35 % test error beside another paper's 1.2 %), so there the rule would read them as fractions.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from papergraph.core.model import fold

#: Measures of a share, printed as a percentage or a fraction of 1 (folded labels).
SHARES = frozenset(
    fold(label)
    for label in (
        "accuracy",
        "top-1 accuracy",
        "top-5 accuracy",
        "EM",
        "exact match",
        "F1",
        "Macro-F1",
        "Micro-F1",
        "precision",
        "recall",
        "R-Precision",
        "AUC",
    )
)
#: Shares at a cut-off ("accuracy@20", "hits@10", "pass@100", "recall@5").
_AT_K = re.compile(r"(?:accuracy|hits|pass|recall|precision)\s*@\s*(?:\d+|k)", re.IGNORECASE)


def is_share(metric: str) -> bool:
    """Whether the metric (a label) measures a share of 100 (or of 1)."""
    return fold(metric) in SHARES or bool(_AT_K.fullmatch(metric.strip()))


def on_one_scale(rows: list[dict[str, Any]], metric: str) -> list[dict[str, Any]]:
    """The board's rows with a paper's fractions shown as percentages where other papers on
    the board print percentages (module docstring); other rows unchanged."""
    if not is_share(metric):
        return rows
    by_paper: dict[str, list[float]] = defaultdict(list)
    for row in rows:
        by_paper[row["paper_id"]].append(row["value"])
    percent = {p for p, values in by_paper.items() if all(0 <= v <= 100 for v in values)}
    percent = {p for p in percent if any(v > 1 for v in by_paper[p])}
    fractions = {p for p, values in by_paper.items() if all(0 <= v <= 1 for v in values)}
    if not percent or not fractions:
        return rows
    return [
        {**row, "value": round(row["value"] * 100, 6), "printed_value": row["value"]}
        if row["paper_id"] in fractions
        else row
        for row in rows
    ]
