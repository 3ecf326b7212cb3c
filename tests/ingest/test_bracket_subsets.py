"""A subset or split printed in brackets after a dataset's name is kept as its qualifier."""

from __future__ import annotations

import pytest

from papergraph.core.model import Table
from papergraph.ingest.extract.bracket_subsets import subset, with_subset
from tests.ingest.tables import grid, table_rows

#: FLAN (2109.01652) Table 2's caption, shortened: TriviaQA is printed "TQA".
CAPTION = (
    "Table 2: Results for NLU tasks. All values shown are for accuracy (or exact match) except "
    "DROP, which is F1. For TriviaQA (TQA), we report exact match (EM) on both the wikipedia "
    "subset of the dev set to compare with GPT-3, as well as the full TFDS dev set."
)


def test_two_subsets_of_one_dataset_are_two_rows() -> None:
    """FLAN's "TQA (wiki)" and "TQA (tfds-dev)" rows were both read as TQA, so the second
    row's values fell onto the first's board and went; each keeps its subset, and both keep
    TriviaQA's exact match the caption gives datasets usually measured in it."""
    rows = [["", "GPT-3 175B", "NewNet"], ["TQA (wiki)", "71.2", "68.1"]]
    rows.append(["TQA (tfds-dev)", "–", "56.7"])
    table = Table(grid(rows), "2", caption=CAPTION)
    named = {"TriviaQA": "TriviaQA", "TQA": "TQA"}  # the paper names TriviaQA in full
    found = {(r.dataset, r.metric, r.value) for r in table_rows(table, ["NewNet"], datasets=named)}
    assert ("TQA (wiki)", "EM", 68.1) in found
    assert ("TQA (tfds-dev)", "EM", 56.7) in found


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("TQA (wiki)", "TQA (wiki)"),
        ("X (web)", "X (web)"),
        ("Y (filtered)", "Y (filtered)"),
        ("COCO (test-std)", "COCO test-std"),  # a board's split reads as printed bare
    ],
)
def test_a_bracketed_subset_or_split_is_kept(text: str, kept: str) -> None:
    name = text.split(" (")[0]
    assert with_subset(name, text, len(name)) == kept


@pytest.mark.parametrize(
    "text",
    [
        "NQ [12]",  # a citation
        "NQ (Lee et al., 2019)",
        "NQ (2019)",
        "NQ (F1)",  # a metric
        "NQ (EM)",
        "NQ (Acc)",
        "QQP (50K)",  # a size or share
        "QQP (10%)",
        "Natural Questions (NQ)",  # another name of it
        "NQ (5-shot)",  # a setting
        "NQ (ours)",
        "NQ (avg)",
        "XSum (en)",  # a language: row_languages.py keeps one only where languages differ
    ],
)
def test_a_bracket_saying_something_else_leaves_the_name(text: str) -> None:
    name = text.split(" (")[0].split(" [")[0]
    assert subset(text, len(name)) is None
    assert with_subset(name, text, len(name)) == name


def test_a_subset_the_label_already_carries_is_not_added_twice() -> None:
    assert with_subset("SQuAD (open)", "SQuAD (open)", 5) == "SQuAD (open)"
