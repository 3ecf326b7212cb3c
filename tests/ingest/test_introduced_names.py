"""The name a paper's opening introduces for its method marks its table rows (issue 14, res38)."""

from __future__ import annotations

import pytest

from papergraph.ingest.extract.introduced import introduced_names
from papergraph.ingest.extract.table_names import called_names, own_names
from tests.ingest.tables import paper_with

#: Reptile's abstract and contributions (1803.02999): its title names no method.
REPTILE_OPENING = (
    "This family includes and generalizes first-order MAML, an approximation to MAML obtained by "
    "ignoring second-order derivatives. It also includes Reptile, a new algorithm that we "
    "introduce here, which works by repeatedly sampling a task. [...] We introduce Reptile, an "
    "algorithm closely related to FOMAML. [...] Finn et al. [4] proposed an algorithm called "
    "MAML, which directly optimizes performance."
)


def test_a_name_introduced_as_an_algorithm_is_the_papers_own_and_a_cited_one_is_not() -> None:
    assert introduced_names(REPTILE_OPENING) == ["Reptile"]


@pytest.mark.parametrize(
    ("opening", "names"),
    [
        ("We propose FlashAttention, an IO-aware exact attention algorithm.", ["FlashAttention"]),
        ("In this paper, we introduce MuZero, a new approach to model-based RL.", ["MuZero"]),
        ("We introduce Retro, a retrieval-enhanced autoregressive language model.", ["Retro"]),
        # data, guidelines and collections are no method whose rows are results
        ("We introduce S2ORC, a large corpus of 81.1M English-language papers.", []),
        ("We present LONGEVAL, a set of guidelines for human evaluation.", []),
        ("we introduce Multi-LexSum, a collection of 9,280 expert-authored summaries", []),
    ],
)
def test_only_a_name_set_beside_a_methods_kind_is_introduced(opening: str, names: list) -> None:
    assert introduced_names(opening) == names


def test_an_introduced_name_is_an_own_name_but_no_called_one() -> None:
    """Own names mark table rows; called names also retype a dataset as a method
    (curate.called_methods), which an introduced name must not do."""
    paper = paper_with([], "On First-Order Meta-Learning Algorithms", REPTILE_OPENING)
    assert "Reptile" in own_names(paper, [])
    assert "Reptile" not in called_names(paper)
