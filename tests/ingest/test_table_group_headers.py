"""Group headers a results table prints in unusual places: under the metric headers they
group (RAPT's "Method | Dataset: QQP 140K" line right over the body), beside the bottom half
of a word broken across header lines ("Self-" over "BLEU" beside "iBLEU"), and over metric
columns beside a known dataset's (RAG's "Jeopardy" beside "MSMARCO")."""

from __future__ import annotations

from papergraph.core.model import Table
from papergraph.ingest.extract.measure_columns import unknown_measure
from papergraph.ingest.extract.sibling_datasets import group_part
from papergraph.ingest.extract.table_grid import read_grid
from tests.ingest.tables import grid, measured

#: RAPT's Table 4 as the reader gives it: "Self-" over "BLEU" on three lines, the dataset line
#: under the metrics, centred over six columns but set in two, and a second block of rows
#: under a header row of its own in the body.
_PARAPHRASE_ROWS = """
| |Self-|Self-| | | | |Self-|Self-| | |
|BERT| | |BLEU|iBLEU|SARI|BERT| | |BLEU|iBLEU|SARI
| |TER|BLEU| | | | |TER|BLEU| | |
Method| | |Dataset: QQP 140K| | | | | |Dataset: QQP 50K| | |
LPT|94.99|27.40|59.16|33.21|5.50|38.67|92.62|34.84|47.79|28.70|5.75|41.58
Ours
NewNet|87.88|50.27|31.78|34.09|14.33|42.40|90.04|44.99|38.39|31.61|10.61|43.91
Method| |Dataset: ParaSCI ACL| | | | | | |Dataset: MSRPC| | |
Copy|100.00|0.00|100.0|35.66|-5.04|15.01|100.0|0.00|100.0|47.75|3.43|19.91
Ours
NewNet|84.86|41.48|55.37|35.34|8.13|39.00|94.54|16.93|79.84|45.08|7.60|35.58
"""
PARAPHRASE = Table(
    grid(
        [[cell.strip() for cell in line.split("|")] for line in _PARAPHRASE_ROWS.split("\n")[1:-1]]
    ),
    number="4",
    caption="Table 4: Comparison of approaches to adapt GPT2 for paraphrase generation.",
)


def test_the_bottom_half_of_a_broken_word_heads_no_column_beside_it() -> None:
    read = read_grid(PARAPHRASE)
    assert read is not None
    headers = read.column_headers
    assert headers[2].startswith("Self-TER ") and headers[3].startswith("Self-BLEU ")
    assert headers[5].startswith("iBLEU ") and "BLEU BLEU" not in headers[5]
    assert headers[6].startswith("SARI ") and headers[7].startswith("BERT ")


def test_a_group_header_line_under_the_metrics_heads_every_column_of_its_block() -> None:
    read = read_grid(PARAPHRASE)
    assert read is not None
    assert read.column_headers[5] == "iBLEU Dataset: QQP 140K"
    assert read.column_headers[11] == "iBLEU Dataset: QQP 50K"
    assert read.column_headers[12] == "SARI Dataset: QQP 50K"
    found = measured(PARAPHRASE, ["NewNet"])
    assert ("NewNet", "Quora Question Pairs (140K)", "iBLEU", 14.33) in found
    assert ("NewNet", "Quora Question Pairs (50K)", "iBLEU", 10.61) in found
    assert ("NewNet", "MSRPC", "iBLEU", 7.6) in found  # the body's header row renames the block
    assert ("NewNet", "ParaSCI ACL", "BLEU", 35.34) in found


def test_a_measure_no_list_knows_among_metrics_takes_no_usual_metric() -> None:
    found = measured(PARAPHRASE, ["NewNet"])
    # "BERT" (BERTScore) stands where BLEU and iBLEU do: no QQP accuracy, no MSRPC F1
    values = {value for *_, value in found}
    assert not values & {87.88, 50.27, 90.04, 94.54}
    # SARI, the edit score, is read as itself (metric_names), never as a usual metric
    assert ("NewNet", "Quora Question Pairs (140K)", "SARI", 42.4) in found
    assert {metric for _, _, metric, value in found if value in {42.4, 43.91, 35.58}} == {"SARI"}
    headers = ["BERT Dataset: QQP 140K", "BLEU Dataset: QQP 140K", "SARI Dataset: QQP 140K"]
    assert unknown_measure(headers[0], headers)
    assert not unknown_measure(headers[1], headers) and not unknown_measure(headers[2], headers)
    assert not unknown_measure("NQ", ["NQ", "TQA", "WQ"])  # datasets alone: no measure


#: RAG's Table 2: one group header per dataset over its metrics; only MS MARCO is a known name.
GENERATION = Table(
    grid(
        [
            ["Model", "Jeopardy", "", "MSMARCO", "", "FVR3"],
            ["", "B-1", "QB-1", "R-L", "B-1", "Label Acc."],
            ["BART", "15.1", "19.7", "38.2", "41.6", "64.0"],
            ["NewNet", "17.3", "22.2", "40.1", "41.5", "72.5"],
        ]
    ),
    number="2",
    caption="Table 2: Generation and classification Test Scores. MS-MARCO SotA is [4], "
    "FEVER-3 is [68] and FEVER-2 is [57].",
)


def test_a_group_header_beside_a_known_datasets_names_a_dataset_of_its_own() -> None:
    found = measured(GENERATION, ["NewNet"])
    assert ("NewNet", "Jeopardy", "BLEU-1", 17.3) in found
    assert ("NewNet", "Jeopardy", "Q-BLEU-1", 22.2) in found  # "QB-1": Q-BLEU-1, no "Score"
    assert ("NewNet", "MS MARCO", "ROUGE-L", 40.1) in found
    assert ("NewNet", "MS MARCO", "BLEU-1", 41.5) in found
    assert ("NewNet", "FEVER-3", "Accuracy", 72.5) in found  # "FVR3": the caption's FEVER-3
    assert not any(dataset and "(Jeopardy)" in dataset for _, dataset, _, _ in found)
    assert not any(value == 17.3 and dataset == "MS MARCO" for _, dataset, _, value in found)


def test_the_group_part_of_a_header_is_the_words_before_its_metric() -> None:
    headers = ["Jeopardy B-1", "Jeopardy QB-1", "MSMARCO R-L"]
    assert group_part("Jeopardy B-1", headers) == "Jeopardy"
    assert group_part("Jeopardy QB-1", headers) == "Jeopardy"  # "QB-1" no metric: its sibling's
    assert group_part("BLEU", headers) is None
    # a line of words over a metric is no group name ("PROMPT TUNING ANALYSIS" over "CoPA acc.")
    assert group_part("PROMPT TUNING ANALYSIS CoPA acc.", ["BoolQ acc."]) is None
