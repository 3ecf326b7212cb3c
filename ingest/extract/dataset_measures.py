"""Measures that only the tables on one dataset name, by the short names those tables print.

StereoSet's tables print "SS" (elsewhere a single-scale test), "LMS" and "ICAT"; TruthfulQA's
print "true" and "true + info" in a column of metrics (InstructGPT's Table 14: "Truthful QA" |
"true" | "QA prompt"): its share of truthful answers, and of answers both truthful and
informative. Read on any other dataset those words measure nothing.
"""

from __future__ import annotations

import re

from papergraph.core.model import fold
from papergraph.ingest.extract.metric_names import Metric, metric_rule

#: The rules by the folded dataset name, the first match winning: StereoSet (Nadeem et al.,
#: "StereoSet: Measuring stereotypical bias in pretrained language models", ACL 2021, Section 4);
#: TruthfulQA (Lin et al., "TruthfulQA: Measuring How Models Mimic Human Falsehoods", ACL 2022,
#: Section 4: "% true", "% info", "% true*info"; "true + info" as InstructGPT prints it).
_DATASET_RULES: dict[str, tuple[tuple[re.Pattern[str], Metric], ...]] = {
    "stereoset": (
        metric_rule(r"(?-i:LMS)|language modell?ing score", "Language Modeling Score"),
        metric_rule(r"(?-i:SS)", "Stereotype Score", higher=None),
        metric_rule(r"(?-i:ICAT)(?: score)?|idealized cat score", "Idealized CAT Score"),
    ),
    "truthfulqa": (
        metric_rule(r"%?\s*true\s*(?:\+|\*|and)\s*info(?:rmative)?", "% true + info"),
        metric_rule(r"%?\s*true", "% true"),
        metric_rule(r"%?\s*info(?:rmative)?", "% info"),
    ),
}
_PART = re.compile(r"\s*\(.*\)$")  # "StereoSet (Gender)": a part of StereoSet


def dataset_rules(dataset: str | None) -> tuple[tuple[re.Pattern[str], Metric], ...]:
    """The rules of the measures only `dataset`'s tables name; a part of it counts
    ("StereoSet (Gender)"); () for any other dataset."""
    return _DATASET_RULES.get(fold(_PART.sub("", dataset or "")), ())


def dataset_metric(dataset: str | None, text: str) -> Metric | None:
    """The metric `text` names by a short name only tables on `dataset` use ("SS" in a table on
    StereoSet: its stereotype score), or None."""
    return next((metric for rule, metric in dataset_rules(dataset) if rule.search(text)), None)
