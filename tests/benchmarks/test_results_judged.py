"""Result rows read by hand: the verdict file and the judged precision beside gold's."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from benchmarks.results_judged import (
    READ_BY_HAND,
    VERDICTS,
    Verdict,
    judge,
    load_verdicts,
    row_key,
    stratified_sample,
)
from papergraph.core.model import Evidence, Result

HEADER = "paper\ttable\tmethod\tdataset\tmetric\tvalue\tverdict\treason\n"


def test_the_verdict_file_parses_with_one_verdict_per_row() -> None:
    lines = [
        line
        for line in READ_BY_HAND.read_text("utf-8").splitlines()
        if line.strip() and not line.startswith(("#", "paper\t"))
    ]
    verdicts = load_verdicts(READ_BY_HAND)
    assert len(verdicts) == len(lines) >= 120  # every line a row, no key twice
    assert {v.verdict for v in verdicts.values()} <= set(VERDICTS)
    wrong = [v for v in verdicts.values() if v.verdict != "right"]
    assert all(v.reason.strip() for v in wrong)  # every wrong or partly row says why


def test_a_key_given_twice_is_an_error_naming_the_file_and_line(tmp_path: Path) -> None:
    row = "a.pdf\t2\tBERT\tSQuAD\tF1\t90.9\tright\t\n"
    path = tmp_path / "rows.tsv"
    path.write_text(HEADER + row + row.replace("right", "wrong"), "utf-8")
    with pytest.raises(ValueError, match=r"rows\.tsv:3: .*has a verdict already"):
        load_verdicts(path)
    path.write_text(HEADER + "a.pdf\t2\tBERT\tSQuAD\tF1\t90.9\tmaybe\t\n", "utf-8")
    with pytest.raises(ValueError, match=r"rows\.tsv:2: .*verdict"):
        load_verdicts(path)


def test_the_key_is_what_was_printed_with_the_table_number_or_text() -> None:
    cell = Evidence("c", 0, 4, "28.4", "tables", page=8, table="2")
    assert row_key(
        "t.pdf", Result("Transformer", None, "WMT 2014 EN-DE", "BLEU", 28.40, [cell])
    ) == (
        "t.pdf",
        "2",
        "Transformer",
        "WMT 2014 EN-DE",
        "BLEU",
        "28.4",
    )
    assert row_key("t.pdf", Result(None, None, "SQuAD", "F1", 91.0))[1:] == (
        "text",
        "",
        "SQuAD",
        "F1",
        "91",
    )


def test_judged_precision_counts_gold_or_right_verdicts_over_rows_gold_or_judged() -> None:
    keys = [("p.pdf", "1", "M", "D", "acc", str(value)) for value in range(6)]
    verdicts = {
        keys[1]: Verdict("right", ""),
        keys[2]: Verdict("wrong", "another column's value"),
        keys[3]: Verdict("partly", "wrong task"),
        keys[4]: Verdict("wrong", "gold says otherwise"),  # gold-matched: gold wins
    }
    # row 0 gold-matched, rows 1-3 judged, row 4 both, row 5 neither (unjudged)
    tally = judge([(k, i in (0, 4)) for i, k in enumerate(keys)], verdicts)
    assert (tally.predicted, tally.gold_matched, tally.judged) == (6, 2, 4)
    assert (tally.scored, tally.right, tally.partly, tally.unjudged) == (5, 3, 1, 1)
    assert tally.disputed == 1  # row 4: gold counts it right, the reader did not
    line = tally.line("tune")
    assert "gold-only micro-P 0.333" in line and "judged micro-P 0.600 (3/5" in line
    assert "0.800 with 'partly' right" in line and "1 unjudged left out" in line
    assert "1 gold-matched rows read as not right" in line


def test_the_sample_takes_papers_in_turn_so_none_dominates() -> None:
    rows: list[dict[str, Any]] = [
        {"paper": "big.pdf", "key": ["big.pdf", "1", "M", "D", "acc", str(i)]} for i in range(50)
    ]
    rows += [
        {"paper": f"p{n}.pdf", "key": [f"p{n}.pdf", "1", "M", "D", "acc", "1"]} for n in range(4)
    ]
    rows += [rows[-1]]  # one key twice: drawn once
    drawn = stratified_sample(rows, 10, seed=7)
    papers = Counter(str(row["paper"]) for row in drawn)
    assert len(drawn) == 10 and papers["big.pdf"] == 6 and len(papers) == 5
    assert drawn == stratified_sample(rows, 10, seed=7)  # seeded: the same sample again
