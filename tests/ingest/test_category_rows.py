"""Bias tables whose rows are categories of the caption's dataset and whose columns are models
(OPT, arXiv 2205.01068, Tables 4 and 5, as the PDF reader grids them)."""

from __future__ import annotations

from papergraph.core.model import Table
from papergraph.ingest.extract.category_rows import spelled_out
from papergraph.ingest.extract.dataset_measures import dataset_metric
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.metric_names import read_metric
from papergraph.ingest.extract.table_results import table_results
from tests.ingest.tables import grid, paper_with, table_rows

#: OPT's Table 4, first rows and the overall one.
CROWS_PAIRS = Table(
    grid(
        [
            ["Category", "GPT-3", "OPT-175B"],
            ["Gender", "62.6", "65.7"],
            ["Religion", "73.3", "68.6"],
            ["Race/Color", "64.7", "68.6"],
            ["Sexual orientation", "76.2", "78.6"],
            ["Overall", "67.2", "69.5"],
        ]
    ),
    "4",
    "Table 4: CrowS-Pairs evaluation. Lower is better for all categories, indicating more "
    "fairness. The OPT-175B model performs worse than Davinci in most categories.",
)

#: OPT's Table 5: each category printed once beside its three metric rows.
STEREOSET = Table(
    grid(
        [
            ["Category", "", "Davinci", "OPT-175B"],
            ["", "LMS (↑)", "78.4", "74.1"],
            ["Prof.", "SS (↓)", "63.4", "62.6"],
            ["", "ICAT (↑)", "57.5", "55.4"],
            ["", "LMS (↑)", "77.6", "74.8"],
            ["Overall", "SS (↓)", "60.8", "59.9"],
            ["", "ICAT (↑)", "60.8", "60.0"],
        ]
    ),
    "5",
    "Table 5: StereoSet Evaluations. Davinci and OPT- 175B perform similarly across all "
    "evaluations.",
)


def _found(table: Table) -> set[tuple[str | None, str | None, str | None, float | str | None]]:
    rows = table_rows(table, ["opt"], "OPT", "OPT: Open Pre-trained Transformer Language Models")
    return {(r.method, r.dataset, r.metric, r.value) for r in rows}


def test_a_category_row_is_that_part_of_the_captions_dataset_and_overall_the_dataset() -> None:
    """No "Gender" or "Religion" dataset, and the baseline's column (GPT-3) gives nothing."""
    assert _found(CROWS_PAIRS) == {
        ("OPT-175B", "CrowS-Pairs (Gender)", "Stereotype Score", 65.7),
        ("OPT-175B", "CrowS-Pairs (Religion)", "Stereotype Score", 68.6),
        ("OPT-175B", "CrowS-Pairs (Race/Color)", "Stereotype Score", 68.6),
        ("OPT-175B", "CrowS-Pairs (Sexual orientation)", "Stereotype Score", 78.6),
        ("OPT-175B", "CrowS-Pairs", "Stereotype Score", 69.5),
    }


def test_crows_pairs_stereotype_score_is_inferred_and_has_no_direction() -> None:
    """The caption names no metric: CrowS-Pairs' own one, whose ideal is 50, neither end."""
    rows = table_rows(CROWS_PAIRS, ["opt"], "OPT")
    assert rows and all(r.higher_is_better is None for r in rows)
    assert all("metric inferred" in r.evidence[0].text for r in rows)


def test_a_category_beside_stereosets_metric_rows_qualifies_the_dataset_not_the_method() -> None:
    assert _found(STEREOSET) == {
        ("OPT-175B", "StereoSet (Prof.)", "Language Modeling Score", 74.1),
        ("OPT-175B", "StereoSet (Prof.)", "Stereotype Score", 62.6),
        ("OPT-175B", "StereoSet (Prof.)", "Idealized CAT Score", 55.4),
        ("OPT-175B", "StereoSet", "Language Modeling Score", 74.8),
        ("OPT-175B", "StereoSet", "Stereotype Score", 59.9),
        ("OPT-175B", "StereoSet", "Idealized CAT Score", 60.0),
    }


def test_stereosets_short_metric_names_count_only_on_stereoset() -> None:
    """ "SS" elsewhere is a single-scale test; "LMS", "ICAT" no metric."""
    assert dataset_metric("StereoSet (Gender)", "SS (↓)") == read_metric("stereotype score")
    assert dataset_metric("StereoSet", "ICAT (↑)") is not None
    assert dataset_metric("ImageNet", "SS") is None
    assert dataset_metric(None, "LMS") is None
    assert read_metric("SS") is None and read_metric("LMS") is None


def test_a_category_table_of_another_dataset_names_no_metric_it_does_not_know() -> None:
    """A "Category" table on a dataset without a usual metric gives no row rather than a guess."""
    table = Table(
        grid([["Category", "Baseline", "OPT-175B"], ["Gender", "1.0", "2.0"]]),
        "9",
        "Table 9: WinoBias evaluation by category.",
    )
    assert _found(table) == set()


def test_a_category_printed_short_is_spelt_as_the_sentences_on_the_dataset_spell_it() -> None:
    """OPT's text: StereoSet measures bias "across 4 categories: profession, gender, religion,
    and race"; a stem the text spells two ways, or none, stays as printed."""
    text = (
        "We propose OPT.\n\nFollowing Lieber et al. (2021), we use StereoSet (Nadeem et al., "
        "2021) to measure stereotypical bias across 4 categories: profession, gender, religion, "
        "and race. A profile of our profits is elsewhere.\n\n" + STEREOSET.caption
    )
    paper = paper_with([STEREOSET], "OPT: Open Pre-trained Transformer Language Models", text)
    found = {r.dataset for r in table_results(paper, hybrid_matcher(), ["opt"])}
    assert found == {"StereoSet (Profession)", "StereoSet"}
    assert spelled_out("Rel.", "StereoSet", "StereoSet rates religion and relations.") == "Rel."
    assert spelled_out("Gend.", "CrowS-Pairs", text) == "Gend."


def test_rows_under_a_subset_header_are_parts_of_the_captions_corpus() -> None:
    pile = Table(
        grid(
            [
                ["Subset", "Baseline", "NewNet"],
                ["arxiv", "0.742", "0.714"],
                ["opensubtitles", "0.974", "0.930"],
                ["50%", "50", "0"],  # a figure's axis the reader took for a row
            ]
        ),
        "15",
        "Table 15 | Full results on The Pile, measured in bits-per-bytes.",
    )
    found = {(r.method, r.dataset, r.value) for r in table_rows(pile, ["NewNet"])}
    # "opensubtitles" is a part of The Pile here, never the OpenSubtitles corpus on its own
    assert found == {
        ("NewNet", "The Pile (arxiv)", 0.714),
        ("NewNet", "The Pile (opensubtitles)", 0.93),
    }


def test_a_member_dataset_of_a_benchmark_under_a_subset_header_stays_that_dataset() -> None:
    """SuperGLUE's "BoolQ" and "CB" are datasets of the suite with tasks of their own, not
    "SuperGLUE (BoolQ)" with no task."""
    table = Table(
        grid(
            [
                ["Subset", "Baseline", "NewNet"],
                ["BoolQ", "60.5", "77.5"],
                ["CB", "0.0", "82.1"],
                ["COPA", "90.0", "92.0"],
            ]
        ),
        "5",
        "Table 5: Few-shot accuracy on SuperGLUE.",
    )
    rows = table_rows(table, ["NewNet"])
    found = {(r.dataset, r.value) for r in rows}
    assert {("BoolQ", 77.5), ("CommitmentBank", 82.1), ("COPA", 92.0)} <= found
    assert not any((r.dataset or "").startswith("SuperGLUE (") for r in rows)


def test_subsets_a_caption_says_the_models_were_fine_tuned_on_are_no_part_of_the_test() -> None:
    """Rows "Random" and "Full" are the training data chosen, not parts of MMLU: the "Subset"
    header reads them no differently from a header naming nothing ("Data")."""
    caption = "Table 3: MMLU accuracy of LLaMA-7B fine-tuned on subsets of the Alpaca data."

    def found(header: str) -> set[tuple]:
        table = Table(
            grid([[header, "NewNet"], ["Random", "40.1"], ["Full", "42.3"]]), "3", caption
        )
        return {(r.method, r.dataset, r.value) for r in table_rows(table, ["NewNet"])}

    assert found("Subset") == found("Data")
    assert ("NewNet", "MMLU (Random)", 40.1) not in found("Subset")
