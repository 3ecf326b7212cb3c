"""Repair of the damage found in the seed dataset and in PDF text."""

from __future__ import annotations

import pytest

from papergraph.ingest.repair import find_arxiv_stamp, repair_text

REVERSED_STAMP = "3 2 0 2 l u J 4 2 ] L C . s c [ 1 v 6 6 9 2 1 . 7 0 3 2 : v i X r a"


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        ("Huawei Noahâ s Ark Lab", "Huawei Noah's Ark Lab"),
        ("both Online and Ofï¬ ine human", "both Online and Offline human"),
        ("parameter-efï¬ cient training", "parameter-efficient training"),
        ("we collate our ï¬ nd- ings", "we collate our findings"),
        ("a broad array of Natu- ral Language", "a broad array of Natural Language"),
        ("such as mis- understanding human", "such as misunderstanding human"),
        ("the â Usersâ section", 'the "Users" section'),
        ("LLMsâ capabilities", "LLMs' capabilities"),
        ("pages 93â 104.", "pages 93–104."),
        ("inï¬ uence and ï¬ uent", "influence and fluent"),
        ("Efﬁcient", "Efficient"),
    ],
)
def test_repairs_seed_damage(damaged: str, repaired: str) -> None:
    assert repair_text(damaged) == repaired


@pytest.mark.parametrize(
    "compound", ["state-of-the-art", "fine-tuning", "Supervised Fine- tuning", "high- quality"]
)
def test_keeps_real_hyphens(compound: str) -> None:
    assert repair_text(compound) == compound.replace("- ", "-")


def test_removes_reversed_side_stamp() -> None:
    text = f"{REVERSED_STAMP} # Aligning Large Language Models with Human: A Survey"
    assert repair_text(text) == "# Aligning Large Language Models with Human: A Survey"


def test_removes_normal_side_stamp_but_keeps_cited_ids() -> None:
    text = "arXiv:2307.12966v1 [cs.CL] 24 Jul 2023\nWe cite arXiv:1706.03762 here."
    assert repair_text(text) == "We cite arXiv:1706.03762 here."


def test_find_arxiv_stamp_reads_either_direction() -> None:
    assert find_arxiv_stamp(f"intro {REVERSED_STAMP} text") == "2307.12966v1"
    assert find_arxiv_stamp("arXiv:1502.03167v3  [cs.LG]  2 Mar 2015\nBatch") == "1502.03167v3"
    assert find_arxiv_stamp("no stamp here, only arXiv:1706.03762") is None


def test_collapses_whitespace_and_keeps_paragraphs() -> None:
    assert repair_text("One  line\nwrapped.\n\n\n  Second\tparagraph. ") == (
        "One line wrapped.\n\nSecond paragraph."
    )


def test_empty_text_stays_empty() -> None:
    assert repair_text("   \n\n ") == ""
