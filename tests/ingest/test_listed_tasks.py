"""A paper's grouped list of benchmarks ("Common Sense Reasoning: PIQA, ARC, OpenBookQA") gives
each dataset listed the group's task in that paper."""

from __future__ import annotations

from papergraph.core.model import Evidence, Result
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.listed_tasks import listed_tasks
from papergraph.ingest.extract.row_tasks import TaskedRow, settle_tasks

#: PaLM's section 6.1 (arXiv 2204.02311, page 11) as its page text prints it.
PALM = (
    "The benchmarks include: • Cloze and Completion tasks: LAMBADA (Paperno et al., 2016), "
    "HellaSwag (Zellers et al., 2019), StoryCloze (Mostafazadeh et al., 2016) • Winograd-style "
    "tasks: Winograd (Levesque et al., 2012), WinoGrande (Sakaguchi et al., 2020) • Common Sense "
    "Reasoning: PIQA (Bisk et al., 2019), ARC (Clark et al., 2018), OpenBookQA (Mi- haylov et "
    "al., 2018) • In-context Reading Comprehension: DROP (Dua et al., 2019), CoQA (Reddy et al., "
    "2018), QuAC (Choi et al., 2018), SQuADv2 (Rajpurkar et al., 2018), RACE (Lai et al., 2017)"
)
#: FLAN's first page (arXiv 2109.01652): sentences that each head a list.
FLAN = (
    "out of ten we evaluate. NLI datasets: ANLI R1-R3, CB, RTE. Reading comprehension "
    "datasets: BoolQ, MultiRC, OBQA. Closed-book QA datasets: ARC-easy, ARC-challenge, NQ."
)


def test_palms_grouped_benchmarks_take_their_groups_task() -> None:
    listed = listed_tasks(PALM, hybrid_matcher())
    assert listed["arc"] == listed["openbookqa"] == listed["piqa"] == "commonsense reasoning"
    assert listed["drop"] == listed["race"] == "question answering"  # reading comprehension's
    # groups whose names no data knows as a task list nothing
    assert "winogrande" not in listed and "lambada" not in listed


def test_a_sentence_heading_a_list_groups_it_and_a_tasks_short_form_is_that_task() -> None:
    listed = listed_tasks(FLAN, hybrid_matcher())
    assert listed["boolq"] == listed["multirc"] == listed["obqa"] == "question answering"
    # "NLI" and "Closed-book QA" abbreviate tasks the hand lexicon spells out
    assert listed["cb"] == listed["rte"] == "natural language inference"
    assert listed["arceasy"] == listed["nq"] == "question answering"


def test_a_short_form_is_a_task_only_where_the_data_files_a_listed_dataset_under_it() -> None:
    """ "IR" is infrared here, not information retrieval: the data files none of FLIR, LLVIP or
    KAIST under it; FLAN's lists name RTE and NQ, which the data files under theirs."""
    text = "We evaluate on two groups. IR datasets: FLIR, LLVIP, KAIST. RGB datasets: COCO, VOC."
    assert listed_tasks(text, hybrid_matcher()) == {}
    listed = listed_tasks(FLAN, hybrid_matcher())
    assert listed["anlir1r3"] == listed["cb"] == "natural language inference"
    assert listed["arcchallenge"] == "question answering"


def test_a_heading_that_names_a_dataset_or_no_known_task_lists_nothing() -> None:
    text = (
        "Our results. Cosmos QA: Machine reading, Contextual reasoning. Commonsense: PIQA, ARC. "
        "RTE: SNLI, MultiNLI. XYZ datasets: BoolQ, MultiRC."
    )
    assert listed_tasks(text, hybrid_matcher()) == {}


def test_a_sentence_naming_a_task_and_datasets_lists_nothing() -> None:
    text = (
        "We evaluate commonsense reasoning on PIQA, ARC and OpenBookQA. Results: our model, "
        "which we fine-tune for question answering on SQuAD, TriviaQA and NQ, is best."
    )
    assert listed_tasks(text, hybrid_matcher()) == {}


def _row(dataset: str, metric: str, task: str | None) -> TaskedRow:
    caption = "Table 4: Results obtained by the PaLM 540B model across NLP benchmarks."
    cell = Evidence("p#1", 0, 0, "", "table", table="4", caption=caption, row_header=dataset)
    return TaskedRow(Result("PaLM 540B", task, dataset, metric, 80.0, [cell]), False)


def test_the_papers_grouping_beats_a_datasets_default_but_not_a_one_task_metric() -> None:
    rows = [_row("ARC-e", "Accuracy", "question answering"), _row("ARC", "LAS", None)]
    settle_tasks(rows, hybrid_matcher(), [], PALM)
    assert rows[0].result.task == "commonsense reasoning"
    assert rows[1].result.task == "dependency parsing"
