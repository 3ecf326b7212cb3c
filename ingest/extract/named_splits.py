"""Test sets a paper names: a column headed by one is a part of the caption's dataset.

Some datasets ship several test sets with names of their own: VarMisuse's "SeenProj" and
"UnseenProj" (test projects seen or unseen in training, Allamanis et al. 2018). A table prints
them as column headers under a caption naming the dataset ("Accuracy ... on VARMISUSE"), and the
text calls them test sets ("the SeenProj test sets", "the “UnseenProj Test” set of the
VarMisuse task"). Such a header is no dataset of its own: its values are the caption's dataset
on that test set, "VarMisuse (SeenProj)", the split kept as the dataset's qualifier. A name the
lists know as a dataset ("the CIFAR-10 test set") stays a dataset.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from papergraph.core.canonical import known_label
from papergraph.core.model import EntityType, fold
from papergraph.ingest.extract.row_twins import says
from papergraph.ingest.extract.table_grid import strip_marks

#: A name-shaped word (two capitals, or a capital and a digit) the text calls a test, dev or
#: validation set or split, quoted or not: "SeenProj test sets", "“UnseenProj Test” set".
_NAMED_SPLIT = re.compile(
    r"(?<![\w-])(?P<name>[A-Z][\w-]*[A-Z0-9][\w-]*)[”\"']?\s+(?i:test|dev|development|"
    r"validation|held-out)[”\"']?\s+(?i:sets?|splits?)\b"
)


@lru_cache(maxsize=8)
def named_splits(text: str) -> frozenset[str]:
    """The folded names `text` calls a test, dev or validation set that no list knows as a
    dataset ("SeenProj", not "CIFAR-10")."""
    names = {found.group("name") for found in _NAMED_SPLIT.finditer(text)}
    return frozenset(fold(name) for name in names if not known_label(name, EntityType.DATASET))


@lru_cache(maxsize=8)
def _split_sentences(text: str) -> tuple[str, ...]:
    """The sentences of `text` that call a name a test, dev or validation set."""
    return tuple(s for s in re.split(r"(?<=[.!?])\s+", text) if _NAMED_SPLIT.search(s))


def split_dataset(
    header: str, caption_dataset: str | None, text: str, own: Collection[str] = ()
) -> str | None:
    """The caption's dataset on the test set `header` names, where the text calls the header
    a test set ("SeenProj" under a VarMisuse caption: "VarMisuse (SeenProj)") and a sentence
    calling a name a test set names that dataset ("the “UnseenProj Test” set of the VarMisuse
    task"); else None. A dataset of the paper's (`own`, folded: one it introduces, "the MedQA-X
    test set") or a test set said of no dataset ("the OOD test set") is no part of another."""
    name = " ".join(strip_marks(header).split())
    if not caption_dataset or not name or fold(name) not in named_splits(text) or fold(name) in own:
        return None
    if not any(says(sentence, caption_dataset) for sentence in _split_sentences(text)):
        return None
    return f"{caption_dataset} ({name})"
