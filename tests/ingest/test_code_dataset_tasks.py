"""PaLM's Table 11 rows on GSM8K-Python, the text-to-code task PaLM introduces (Sec. 6.4: a
Python program that solves a GSM8K word problem), are code generation, as its HumanEval and
MBPP rows are: the hand list (ingest/lexicon/dataset-tasks.txt) states it, where the
generated data knows no GSM8K-Python and files GSM8K itself under mathematical reasoning."""

from __future__ import annotations

import pytest

from papergraph.ingest.extract.dataset_tasks import dataset_tasks, row_task
from papergraph.ingest.extract.hybrid import hybrid_matcher

CAPTION = (
    "Table 11: Results obtained by the PaLM 540B and PaLM-Coder 540B models across code "
    "synthesis and software engineering tasks."
)
PALM_TASKS = ["language modeling", "question answering"]


@pytest.mark.parametrize("dataset", ["GSM8K-Python", "HumanEval", "MBPP"])
def test_palms_text_to_code_rows_are_code_generation(dataset: str) -> None:
    task = row_task(dataset, CAPTION, PALM_TASKS, hybrid_matcher(), metric="pass@1")
    assert task == "code generation"


def test_gsm8k_itself_stays_a_math_word_problem_set() -> None:
    assert "code generation" not in dataset_tasks("GSM8K", hybrid_matcher())
