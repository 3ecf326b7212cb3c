"""Tables with methods across the top and datasets down the side (game-by-game comparisons)."""

from __future__ import annotations

from papergraph.core.model import Table
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.table_names import part_of
from papergraph.ingest.extract.table_results import table_results
from tests.ingest.tables import grid, paper_with, table_rows

GAMES = Table(
    grid(
        [
            ["Game", "Random", "DQN", "NewAgent", "NewAgent params"],
            ["alien", "227.8", "1620.0", "9491.7", "12"],
            ["bank heist", "14.2", "455.0", "1,611.9", "12"],
            ["Mean", "0.0", "100.0", "223.4", "12"],
        ]
    ),
    "3",
    "Table 3: Raw scores of agents on Atari games.",
)


def _found(table: Table, name: str = "NewAgent") -> set:
    rows = table_rows(table, [name.lower()], name, f"{name}: planning")
    return {(r.method, r.dataset, r.metric, r.value) for r in rows}


def test_the_own_methods_column_gives_one_result_per_dataset_row() -> None:
    assert _found(GAMES) == {
        ("NewAgent", "Atari 2600 Alien", "Score", 9491.7),
        ("NewAgent", "Atari 2600 Bank Heist", "Score", 1611.9),
    }


def test_the_evidence_names_the_row_and_the_column() -> None:
    paper = paper_with([GAMES], "NewAgent: planning", "We propose NewAgent.")
    result = next(
        r for r in table_results(paper, hybrid_matcher(), ["newagent"]) if r.value == 9491.7
    )
    evidence = result.evidence[0]
    assert (evidence.row_header, evidence.column_header, evidence.cell) == (
        "alien",
        "NewAgent",
        "9491.7",
    )


def test_a_table_naming_no_metric_takes_each_games_usual_metric_marked_inferred() -> None:
    """MuZero's Table S2 names no metric: its games' scores are still read, as Score, the usual
    metric of Atari games, and the evidence says it was inferred; a row whose dataset has no
    usual metric gives nothing."""
    cells = grid(
        [
            ["Game", "Random", "DQN", "NewAgent"],
            ["alien", "227.8", "1620.0", "9491.7"],
            ["bank heist", "14.2", "455.0", "1,611.9"],
            ["zorblax", "1.0", "2.0", "3.0"],
        ]
    )
    table = Table(cells, "4", "Table 4: Agents on Atari games, game by game.")
    rows = table_rows(table, ["newagent"], "NewAgent", "NewAgent: planning")
    assert {(r.dataset, r.metric, r.value) for r in rows} == {
        ("Atari 2600 Alien", "Score", 9491.7),
        ("Atari 2600 Bank Heist", "Score", 1611.9),
    }
    assert all("metric inferred" in r.evidence[0].text for r in rows)


#: MuZero's Table S1: game names down the side, some of which Papers with Code also lists
#: bare ("Frostbite") or as something else ("Gopher", a language model; "ms" read as a unit).
FAMILY = Table(
    grid(
        [
            ["Game", "Random", "NewAgent"],
            ["alien", "227.75", "741,812.63"],
            ["amidar", "5.77", "28,634.39"],
            ["assault", "222.39", "143,972.03"],
            ["frostbite", "65.20", "631,378.53"],
            ["gopher", "257.60", "130,345.58"],
            ["ms pacman", "307.30", "243,401.10"],
            ["skiing", "-17,098.09", "-29,968.36"],
            ["# best", "0", "37"],
        ]
    ),
    "S1",
    "Table S1: Evaluation of NewAgent in Atari for individual games. Human normalized score is "
    "given in the last column.",
)


def test_a_game_among_games_of_one_family_takes_the_family() -> None:
    """Most rows read "Atari 2600 <game>": "frostbite" (a bare "Frostbite" in the lists),
    "gopher" (a method too) and "ms pacman" are Atari 2600 games as well; "# best" is none."""
    datasets = {dataset for _, dataset, _, _ in _found(FAMILY)}
    assert datasets == {
        "Atari 2600 Alien",
        "Atari 2600 Amidar",
        "Atari 2600 Assault",
        "Atari 2600 Frostbite",
        "Atari 2600 Gopher",
        "Atari 2600 Ms Pacman",
        "Atari 2600 Skiing",
    }


def test_too_few_rows_of_one_family_give_a_stray_row_no_family() -> None:
    cells = [c for c in FAMILY.cells if c.row in (0, 1, 2, 4)]
    datasets = {dataset for _, dataset, _, _ in _found(Table(cells, "S1", FAMILY.caption))}
    assert "Frostbite" in datasets


def test_a_negative_score_in_a_column_of_unsigned_scores_is_the_value() -> None:
    found = {dataset: value for _, dataset, _, value in _found(FAMILY)}
    assert found["Atari 2600 Skiing"] == -29968.36


def test_a_minus_in_a_column_of_changes_is_no_value() -> None:
    changes = Table(
        grid(
            [
                ["Game", "DQN", "NewAgent"],
                ["alien", "1620.0", "+12.5"],
                ["amidar", "977.0", "-3.5"],
                ["assault", "4280.4", "+0.8"],
            ]
        ),
        "5",
        "Table 5: Scores on Atari games.",
    )
    assert "Atari 2600 Amidar" not in {dataset for _, dataset, _, _ in _found(changes)}


def test_a_dataset_of_its_own_among_a_familys_rows_stays_itself() -> None:
    """A row naming a dataset the lists know, and know as no part of the family, keeps its name
    (the family rule renames strays, never another dataset)."""
    cells = [c for c in FAMILY.cells if c.row < 4] + grid(
        [[""] * 3] * 4 + [["MNIST", "1.0", "99.1"]]
    )
    datasets = {dataset for _, dataset, _, _ in _found(Table(cells, "S1", FAMILY.caption))}
    assert "MNIST" in datasets


def test_a_part_of_a_benchmark_is_named_the_way_known_parts_are() -> None:
    matcher = hybrid_matcher()
    assert part_of("Atari", "bank heist", matcher) == "Atari 2600 Bank Heist"
    assert part_of("Atari", "Gopher", matcher) == "Atari 2600 Gopher"


def test_a_row_label_printing_its_metric_after_the_dataset_gives_that_metric() -> None:
    tasks = Table(
        grid(
            [
                ["Task", "Transformer", "NewAgent"],
                ["TriviaQA acc", "26.1 ± 0.5", "27.5 ± 0.4"],
                ["DROP f1", "23.9 ± 0.4", "24.8 ± 0.5"],
            ]
        ),
        "6",
        "Table 6: One-shot scores of the models on downstream tasks.",
    )
    assert _found(tasks) == {
        ("NewAgent", "TriviaQA", "Accuracy", 27.5),
        ("NewAgent", "DROP", "F1", 24.8),
    }


def test_a_row_under_a_caption_naming_a_single_dataset_is_no_part_of_it() -> None:
    """PaLM's Table 4: benchmarks down the side, the model across the top, and a caption whose
    "large LMs" reads as a dataset "LM": its rows are "Winograd" and "RACE-h", not "LM RACE-h"."""
    table = Table(
        grid(
            [
                ["Task", "Prior SOTA", "NewLM 540B"],
                ["Winograd", "88.3", "90.1"],
                ["RACE-h", "47.9", "49.1"],
            ]
        ),
        "4",
        "Table 4: Accuracy of NewLM compared to other large LMs.",
    )
    paper = paper_with([table], "NewLM", "We propose NewLM.\n\n" + table.caption)
    rows = table_results(paper, hybrid_matcher(), ["newlm"])
    assert {(r.dataset, r.value) for r in rows} == {("Winograd", 90.1), ("RACE-h", 49.1)}


def test_a_benchmark_the_paper_reads_as_a_dataset_still_has_parts() -> None:
    """MuZero's Table S1: the paper's own names type "Atari" a dataset; its rows are still
    Atari games, not games of no benchmark ("Frostbite")."""
    from papergraph.core.model import EntityType
    from papergraph.ingest.extract.gazetteer import LexiconEntry

    local = hybrid_matcher().extended(
        [("Atari", LexiconEntry("Atari", EntityType.DATASET))], "name"
    )
    paper = paper_with([GAMES], "NewAgent: planning", "We propose NewAgent.\n\n" + GAMES.caption)
    rows = table_results(paper, local, ["newagent"])
    assert len(rows) == 2 and all(str(r.dataset).startswith("Atari ") for r in rows)


SIZES = Table(
    grid(
        [
            ["", "", "0-shot", "", "", "Few-shot", ""],
            ["", "NewLM", "NewLM", "NewLM", "NewLM", "NewLM", "NewLM"],
            ["Task", "8B", "62B", "540B", "8B", "62B", "540B"],
            ["TriviaQA (EM)", "39.5", "67.3", "76.9", "47.2", "70.1", "81.4"],
            ["BoolQ (Acc)", "68.3", "84.8", "88.0", "68.9", "82.7", "89.1"],
        ]
    ),
    "36",
    "Table 36: Results of NewLM 8B and 62B in comparison to NewLM 540B.",
)


def test_a_model_size_over_the_columns_is_part_of_the_method_never_a_data_size() -> None:
    """Each size and shot setting is a method of its own ("NewLM 540B (few-shot)"), not the
    first column's ("0-shot NewLM") for every value of the row."""
    found = _found(SIZES, "NewLM")
    assert ("NewLM 8B (0-shot)", "TriviaQA", "EM", 39.5) in found
    assert ("NewLM 540B (few-shot)", "TriviaQA", "EM", 81.4) in found
    assert ("NewLM 62B (few-shot)", "BoolQ", "Accuracy", 82.7) in found
    assert len(found) == 12


TASKS = Table(
    grid(
        [
            ["Task", "", "Raw score", "Normalized score", ""],
            ["", "NewLM 540B", "Human (Avg.)", "NewLM 540B", "Human (Avg.)"],
            ["persian idioms", "72.7", "20.0", "63.6", "-6.7"],
            ["common morpheme", "84.0", "32.8", "78.7", "10.3"],
        ],
        bold={(2, 1), (2, 3), (3, 1), (3, 3)},
    ),
    "38",
    "Table 38: Scores on BIG-bench tasks where NewLM 540B exceeds the average human.",
)


def test_tasks_down_the_side_are_datasets_and_the_model_over_the_column_the_method() -> None:
    """A row whose one negative value leaves it the only bold row is still a task: the method
    is the model over the columns, read from the raw scores ("Raw score" centred over two)."""
    assert _found(TASKS, "NewLM") == {
        ("NewLM 540B", "BIG-bench Persian Idioms", "Score", 72.7),
        ("NewLM 540B", "BIG-bench Common Morpheme", "Score", 84.0),
    }


PROMPTS = Table(
    grid(
        [
            ["Task Name", "Measure", "ChatGPT", "NewRNN", "NewRNN", "SOTA"],
            ["", "type", "[%]", "GPT [%]", "changed [%]", "[%]"],
            ["RTE", "F1 Macro", "88.1", "44.2", "74.8", "92.1"],
            ["WNLI", "Accuracy", "81.7", "47.9", "49.3", "97.9"],
        ]
    ),
    "6",
    "Table 6: ChatGPT and NewRNN compared on reasoning tasks.",
)


def test_the_line_under_an_own_column_qualifies_the_method_and_its_unit_is_no_part() -> None:
    """ "NewRNN" over "GPT [%]" and "changed [%]" is the method run two ways: NewRNN (GPT) and
    NewRNN (changed), each with its own values; never "NewRNN GPT [%]"."""
    found = {(method, dataset, value) for method, dataset, _, value in _found(PROMPTS, "NewRNN")}
    assert found == {
        ("NewRNN (GPT)", "RTE", 44.2),
        ("NewRNN (changed)", "RTE", 74.8),
        ("NewRNN (GPT)", "WNLI", 47.9),
        ("NewRNN (changed)", "WNLI", 49.3),
    }


BUDGETS = Table(
    grid(
        [
            ["", "", "Transf.", "Transf.", "NewLM", "NewLM"],
            ["Task", "Metric", "", "", "", ""],
            ["", "", "1/3", "Full", "1/3", "Full"],
            ["OpenBookQA", "acc", "45.3 ± 0.9", "46.8 ± 0.8", "47.9 ± 0.4", "49.3 ± 0.5"],
        ]
    ),
    "6",
    "Table 6: Transformer and NewLM on one-shot tasks at 1/3 and full compute budgets.",
)


def test_a_header_line_of_compute_budgets_qualifies_the_own_columns() -> None:
    """ "1/3" and "Full" under "NewLM" are shares of the compute budget, a header line and not a
    row of values: NewLM (1/3) and NewLM (Full), each with its value."""
    assert _found(BUDGETS, "NewLM") == {
        ("NewLM (1/3)", "OpenBookQA", "Accuracy", 47.9),
        ("NewLM (Full)", "OpenBookQA", "Accuracy", 49.3),
    }


def test_a_caption_naming_its_results_by_an_unknown_measure_gives_no_usual_metric() -> None:
    """A caption printing "MoverScore results" over XSum: no list knows MoverScore, and XSum's
    usual ROUGE is not what the table reports (PaLM's Table 42 said "BLEURT-20 results" before
    BLEURT was a metric: tests/ingest/test_table_no_row.py)."""
    table = Table(
        grid(
            [
                ["Task", "T5 XXL", "NewAgent"],
                ["XSum (en)", "56.36", "55.50"],
                ["CNN/DailyMail", "40.1", "41.2"],
            ]
        ),
        "42",
        "Table 42: MoverScore results for GEM summarization datasets.",
    )
    assert _found(table) == set()


#: FLAN's Table 1: each dataset printed once, with its first metric, over the rows of its other
#: metrics; CommonGen is a name no list knows; the caption names no dataset.
BLOCKS = Table(
    grid(
        [
            ["Metric", "GPT-3", "NewAgent"],
            ["CommonGen Rouge-1", "54.6", "56.3"],
            ["Rouge-2", "28.8", "27.6"],
            ["DART Rouge-1", "45.5", "48.9"],
            ["Rouge-2", "25.0", "30.0"],
            ["Trivia QA 0-shot", "40.1", "41.2"],
        ]
    ),
    "1",
    "Table 1: Results for translation and struct-to-text tasks.",
)


def test_a_dataset_printed_once_over_its_metrics_rows_is_each_rows_dataset() -> None:
    assert {(d, m, v) for _, d, m, v in _found(BLOCKS)} >= {
        ("CommonGen", "ROUGE-1", 56.3),
        ("CommonGen", "ROUGE-2", 27.6),
        ("DART", "ROUGE-1", 48.9),
        ("DART", "ROUGE-2", 30.0),
    }


def test_an_unknown_row_label_is_a_dataset_only_where_it_prints_its_metric() -> None:
    """ "CommonGen Rouge-1" names CommonGen measured in ROUGE-1; "Trivia QA 0-shot", no metric,
    under a caption naming none, gives no row of a dataset "Trivia QA 0-shot": only TriviaQA
    (a listed name) run 0-shot, in the exact match its benchmark scores by (usual_metrics.py)."""
    found = {(m, d, metric, v) for m, d, metric, v in _found(BLOCKS) if v == 41.2}
    assert found == {("NewAgent (0-shot)", "TriviaQA", "EM", 41.2)}


def test_a_plain_name_the_caption_cites_is_the_rows_dataset_before_its_metric() -> None:
    """RWKV's Table 7: "Sarcasm F1 Macro" under a caption comparing models "in MathQA (Cobbe et
    al., 2021) and Sarcasm (Siddiqui, 2019)"; "Mood F1 Macro", a word the caption does not
    print, names nothing."""
    table = Table(
        grid(
            [
                ["Task Name Measure type", "ChatGPT [%]", "NewAgent [%]"],
                ["MathQA Accuracy", "71.40", "80.69"],
                ["Sarcasm F1 Macro", "49.88", "50.96"],
                ["Mood F1 Macro", "40.0", "41.0"],
            ]
        ),
        "7",
        "Table 7: ChatGPT and NewAgent performance comparison in MathQA (Cobbe et al., 2021) "
        "and Sarcasm (Siddiqui, 2019).",
    )
    assert {(d, m, v) for _, d, m, v in _found(table)} == {
        ("MathQA", "Accuracy", 80.69),
        ("Sarcasm", "Macro-F1", 50.96),
    }


def test_the_shots_a_row_label_prints_qualify_the_method() -> None:
    """PaLM's Table 20: "BoolQ 0-shot" under "PaLM 540B" is PaLM 540B run 0-shot, the row its
    Table 4 reads as "PaLM 540B (0-shot)"."""
    table = Table(
        grid([["", "Chinchilla", "NewAgent 540B"], ["BoolQ 0-shot", "83.7", "88.0"]]),
        "20",
        "Table 20: Comparison of NewAgent and Chinchilla on English NLP tasks.",
    )
    assert _found(table) == {("NewAgent 540B (0-shot)", "BoolQ", "Accuracy", 88.0)}


def test_a_known_dataset_printed_in_another_case_before_its_metric_is_that_dataset() -> None:
    """PaLM's Table 36 prints "Drop (F1)" and "Web Questions (EM)": DROP and WebQuestions."""
    table = Table(
        grid(
            [
                ["Task", "GPT-3", "NewAgent 8B"],
                ["Drop (F1)", "23.6", "45.1"],
                ["Web Questions (EM)", "14.4", "10.6"],
            ]
        ),
        "36",
        "Table 36: Results obtained by the NewAgent 8B model across NLP benchmarks.",
    )
    assert {(d, m, v) for _, d, m, v in _found(table, "NewAgent")} == {
        ("DROP", "F1", 45.1),
        ("WebQuestions", "EM", 10.6),
    }
