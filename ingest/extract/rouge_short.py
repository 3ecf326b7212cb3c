"""ROUGE's short forms as summarisation tables print them: "R1", "R2", "RL" over a column each
or joined in one header ("SAMSum R1/R2/RL", LoRA's Table 4). Alone they name other things too
(ANLI's round "R1", the coefficient of determination "R2"), so they read as ROUGE only in a
table whose headers print "RL" beside "R1" or "R2": the three together are ROUGE's."""

from __future__ import annotations

import re
from collections.abc import Iterable

from papergraph.ingest.extract.metric_names import Metric, read_metric

#: A short form ending a header ("CNN/DM RL", "R2"), exact case.
_SHORT = re.compile(r"(?<![\w-])R(?P<n>[12L])$")


def rouge_trio(headers: Iterable[str]) -> bool:
    """Whether the headers print "RL" and "R1" or "R2", apart or joined by "/"."""
    words = {word for header in headers for word in re.split(r"[\s/]+", header)}
    return "RL" in words and bool(words & {"R1", "R2"})


def short_rouge(header: str) -> Metric | None:
    """The ROUGE a header's last word names short ("R2": ROUGE-2), or None."""
    found = _SHORT.search(header.strip())
    return read_metric(f"ROUGE-{found.group('n')}") if found else None
