"""A split printed before a row's name: "Dev set: QANet" is QANet on the dev set.

Tables that give dev and test results in one column print the split as a prefix of the row's
label ("Dev set: QANet + data augmentation ×3", then "Test set: QANet + data augmentation ×3").
The prefix is no part of the method's name: left there, a split reads as a method of its own,
and a dev value stands beside the test board's. The split qualifies the dataset instead, as a
split printed after the name does (ingest/extract/caption_settings.py: "SQuAD dev"), and the
method is what follows the colon. A dataset already naming its split keeps it.
"""

from __future__ import annotations

import re

from papergraph.core.model import Result
from papergraph.ingest.extract.caption_settings import has_split

__all__ = ["labelled_splits"]

#: "Dev set:", "Development:", "Test split:", "Validation set:" before a row's name.
_PREFIX = re.compile(
    r"^\s*(?P<split>dev(?:elopment)?|test|val(?:idation)?)(?:\s+(?:set|split))?\s*:\s*"
    r"(?P<name>\S.*)$",
    re.IGNORECASE,
)


def labelled_splits(results: list[Result]) -> list[Result]:
    """`results` with each table row whose method's name starts with a split and a colon
    named for what follows, the split qualifying its dataset ("Dev set: QANet" on SQuAD is
    QANet on "SQuAD dev"; changed in place, returned for chaining)."""
    for result in results:
        found = _PREFIX.match(result.method or "")
        if found is None or not result.evidence or not result.evidence[0].table:
            continue
        result.method = found.group("name").strip()
        split = found.group("split").lower()
        split = "dev" if split == "development" else split
        if result.dataset and not has_split(result.dataset):
            result.dataset = f"{result.dataset} {split}"
    return results
