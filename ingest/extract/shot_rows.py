"""Rows labelled only by the way the columns' models were run: "Zero-shot", "Few-shot (binary)".

A table comparing models column by column on one dataset ("Davinci", "OPT-175B" across the
top, OPT's Table 3 of hate speech detection on ETHOS) may set its rows by the prompts the
models were given, not by datasets: "Zero-shot", "One-shot", "Few-shot (binary)", "Few-shot
(multiclass)". Each such row is the caption's (or the section's) dataset, and the row's
setting qualifies the column's model ("OPT-175B (few-shot, binary)"): two rows of one shot
count run differently stay two results.
"""

from __future__ import annotations

import re

from papergraph.ingest.extract.table_grid import clean, strip_marks

#: A number of shots, spelled or counted ("zero-shot", "two-shot", "5-shot", "k-shot").
SHOTS = r"(?:zero|one|two|three|four|five|few|many|\d+|k|n)[- ]?shots?"
#: A label that is a number of shots or finetuning and nothing else, a bracketed detail after.
_SHOT_LABEL = re.compile(
    rf"^(?P<shots>{SHOTS}|fine-?tun(?:ed|ing))"
    r"(?:\s*\((?P<detail>[^()]+)\))?$",
    re.IGNORECASE,
)


def shot_setting(label: str) -> tuple[str, ...]:
    """The setting a row labelled only by its shots prints, lower-cased ("Few-shot (binary)":
    few-shot, binary); () for any other label."""
    found = _SHOT_LABEL.match(clean(strip_marks(label)))
    if found is None:
        return ()
    shots = re.sub(r"[- ]?shots?$", "-shot", found.group("shots").lower())
    detail = found.group("detail")
    return (shots, clean(detail).lower()) if detail else (shots,)
