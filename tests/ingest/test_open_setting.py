""" "open" printed after a question answering dataset's name is the open-domain setting."""

from __future__ import annotations

from papergraph.core.model import Table
from papergraph.ingest.extract.open_setting import opened
from tests.ingest.tables import grid, table_rows

CAPTION = "Table 1: Comparison to state-of-the-art. We report exact match."


def _datasets(*headers: str) -> dict[str, str | None]:
    """Header -> the dataset NewNet's row under it is filed on."""
    found = {}
    for header in headers:
        table = Table(grid([["Model", header], ["NewNet", "56.7"]]), "1", caption=CAPTION)
        found[header] = next(r.dataset for r in table_rows(table, ["NewNet"]))
    return found


def test_a_dataset_read_open_domain_is_a_board_of_its_own() -> None:
    """FiD (2007.01282) Table 1: "SQuAD Open" EM 56.7 stood on SQuAD's reading comprehension
    board; hyphenated and spelled-out forms read alike, other words after a name do not."""
    assert _datasets("SQuAD Open", "NQ-open", "TriviaQA open-domain", "SQuAD", "SQuAD Hard") == {
        "SQuAD Open": "SQuAD (open)",
        "NQ-open": "Natural Questions (open)",
        "TriviaQA open-domain": "TriviaQA (open)",
        "SQuAD": "SQuAD",
        "SQuAD Hard": "SQuAD",
    }


def test_open_must_follow_the_name_as_a_word_of_its_own() -> None:
    assert opened("SQuAD", "SQuAD Open EM", 5) == "SQuAD (open)"
    assert opened("SQuAD", "SQuAD Open-ended", 5) == "SQuAD"
    assert opened("SQuAD", "SQuAD Opening", 5) == "SQuAD"
    assert opened("SQuAD (open)", "SQuAD Open", 5) == "SQuAD (open)"
