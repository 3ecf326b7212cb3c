"""The method names result rows take from what own rows and own columns print (issue 14)."""

from __future__ import annotations

from papergraph.core.model import EntityType, Table
from papergraph.ingest.extract.gazetteer import LexiconEntry
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.table_results import table_results
from tests.ingest.tables import grid, paper_with


def _found(table: Table, name: str) -> set[tuple[object, ...]]:
    paper = paper_with([table], f"{name}: a method", f"We propose {name}.")
    rows = table_results(paper, hybrid_matcher(), [name])
    return {(r.method, r.dataset, r.metric, r.value) for r in rows}


def test_finetuning_over_own_columns_tells_them_from_the_few_shot_ones() -> None:
    table = Table(
        grid(
            [
                [
                    "Task",
                    "1-shot NewLM 8B",
                    "1-shot NewLM 540B",
                    "Finetuning NewLM 8B",
                    "Finetuning NewLM 540B",
                ],
                ["XSum (en)", "7.9", "12.2", "16.3", "21.2"],
            ]
        ),
        "15",
        "Table 15: ROUGE-2 results in summarization datasets.",
    )
    methods = {(m, v) for m, _, _, v in _found(table, "NewLM")}
    assert methods == {
        ("NewLM 8B (1-shot)", 7.9),
        ("NewLM 540B (1-shot)", 12.2),
        ("NewLM 8B (finetuning)", 16.3),
        ("NewLM 540B (finetuning)", 21.2),
    }


def test_a_name_two_label_columns_both_print_reads_once() -> None:
    table = Table(
        grid(
            [
                ["LOC method", "LOC network", "classification network", "top-5 LOC error"],
                ["VGG [41]", "VGG-16", "VGG-16", "26.9"],
                ["NewNet", "NewNet-101", "NewNet-101", "10.6"],
            ]
        ),
        "13",
        "Table 13. Localization error (%) on the ImageNet validation set.",
    )
    assert {m for m, _, _, _ in _found(table, "NewNet")} == {"NewNet NewNet-101"}


def test_a_method_a_header_prints_without_its_hyphen_reads_as_the_paper_spells_it() -> None:
    """PaLM's code table heads a column "Code Finetuning PaLM Coder 540B" where the paper
    names PaLM-Coder: the row is PaLM-Coder 540B's; the base model's column stays as it is."""
    table = Table(
        grid(
            [
                ["Dataset", "Pretraining only NewLM 540B", "Code Finetuning NewLM Coder 540B"],
                ["HumanEval pass@1", "26.2", "36.0"],
            ]
        ),
        "11",
        "Table 11: Results on code tasks.",
    )
    paper = paper_with([table], "NewLM: a method", "We propose NewLM and NewLM-Coder.")
    local = [(n, LexiconEntry(n, EntityType.METHOD)) for n in ("NewLM-Coder", "NewLM-540B")]
    matcher = hybrid_matcher().extended(local, "name")  # a size stays a word apart
    methods = {r.method for r in table_results(paper, matcher, ["NewLM"])}
    assert methods == {"NewLM 540B", "NewLM-Coder 540B (finetuning)"}
