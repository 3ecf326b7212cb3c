"""A split printed before a row's name: "Dev set: QANet" is QANet on the dev set.

Tables that give dev and test results in one column print the split as a prefix of the row's
label ("Dev set: QANet + data augmentation ×3", then "Test set: QANet + data augmentation ×3").
The prefix is no part of the method's name: left there, a split reads as a method of its own,
and a dev value stands beside the test board's. The split qualifies the dataset instead, as a
split printed after the name does (ingest/extract/caption_settings.py: "SQuAD dev"), and the
method is what follows the colon. The split word must be followed by "set" or "split": a bare
"Test: 320px" is a test-time setting (a train/test resolution ablation), not a split. Where the
dataset already names another split ("SQuAD test" beside "Dev set: QANet"), or no dataset is
known to carry the split, the row is left as printed rather than given a board it is not on.
Only a split results are reported on moves a row: "Train set: QANet" is no board's row.
"""

from __future__ import annotations

import re

from papergraph.core.canonical import SPLITS
from papergraph.core.model import Result

__all__ = ["labelled_splits", "splits"]

#: The splits results are reported on: the project's one list of them (core/canonical.py) less
#: the training split, which no one reports on.
_REPORTED = tuple(split for split in SPLITS if split != "train")
#: "Dev set:", "Development set:", "Test split:", "Validation set:" before a row's name;
#: "development" as "dev".
_PREFIX = re.compile(
    r"^\s*(?P<split>development|"
    + "|".join(_REPORTED)
    + r")\s+(?:set|split)\s*:\s*(?P<name>\S.*)$",
    re.IGNORECASE,
)
#: The same split under its other names.
_SAME = {"development": "dev", "validation": "val"}


def labelled_splits(results: list[Result]) -> list[Result]:
    """`results` with each table row whose method's name starts with a split and a colon
    named for what follows, the split qualifying its dataset ("Dev set: QANet" on SQuAD is
    QANet on "SQuAD dev"; changed in place, returned for chaining)."""
    for result in results:
        found = _PREFIX.match(result.method or "")
        if found is None or not result.evidence or not result.evidence[0].table:
            continue
        split = found.group("split").lower()
        named = splits(result.dataset)
        if not result.dataset or named and named != {_SAME.get(split, split)}:
            continue  # no dataset to carry the split, or one on another split: left as printed
        result.method = found.group("name").strip()
        if not named:
            result.dataset = f"{result.dataset} {_SAME.get(split, split)}"
    return results


def splits(dataset: str | None) -> set[str]:
    """The splits the dataset's name says ("SQuAD1.1 Dev": {"dev"}), each under one name; a
    split joined to another word by a hyphen is the dataset's too ("LibriSpeech test-clean":
    {"test"}, "SQuAD Dev-v2": {"dev"}), a split's own hyphen aside ("COCO test-dev")."""
    found: set[str] = set()
    for word in (dataset or "").lower().split():
        word = word.strip("()")
        parts = [word] if _split_word(word) else word.split("-")
        found |= {_SAME.get(part, part) for part in parts if _split_word(part)}
    return found


def _split_word(word: str) -> bool:
    return word in SPLITS or word in _SAME
