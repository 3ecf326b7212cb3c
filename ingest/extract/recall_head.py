"""A bare "AR" over a column of a proposal table: the average recall, where the same table's
headers print AR's variants ("AR | ARs | ARm | ARl", "AR100 | AR1k"). Alone "AR" is as often
autoregressive (a model kind, a decoding setting), so the metric names leave it unread; beside
its cut-off and object-size variants it is their whole, COCO's AR (Hosang et al., 2016)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from papergraph.ingest.extract.metric_names import Metric, canonical

#: "AR" as a word of the header, exact case ("AR", "AR (%)", "box AR", "AR^box", "Avg. AR",
#: "AR (all)"); never joined to a word or a hyphen ("ARs", "mAR", "AR-Net") nor in brackets
#: ("Model (AR)"), where it names a model's kind.
_BARE = re.compile(r"(?<![\w(-])AR(?![\w)-])")
#: A word after the "AR" that makes it a setting, not a measure ("AR decoding", "AR model").
_KIND = re.compile(r"\bAR\s+(?:decod\w*|models?|generation|sampling|baselines?)\b", re.I)
#: The variants' labels in ingest/extract/metric_names.py: cut-offs and object sizes.
_VARIANT = re.compile(r"^AR(?:@\S+|[sml])(?: \w+)?$")


def recall_variants(labels: Iterable[str]) -> bool:
    """Whether a table's header metrics (`labels`) hold a variant of average recall."""
    return any(_VARIANT.match(label) for label in labels)


def bare_recall(header: str) -> Metric | None:
    """The average recall a header printing a bare "AR" names, or None."""
    text = header.strip()
    return canonical("average recall") if _BARE.search(text) and not _KIND.search(text) else None
