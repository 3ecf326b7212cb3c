"""Rows labelled only by how the columns' models were prompted, on the dataset the section names
where the caption names a task ("Hate speech detection"), not data (OPT, arXiv 2205.01068,
Table 3 and section 4.1 as the PDF reader gives them)."""

from __future__ import annotations

from papergraph.core.model import Chunk, ChunkKind, Paper, Result, Table
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.shot_rows import shot_setting
from papergraph.ingest.extract.table_results import table_results
from tests.ingest.tables import grid

CAPTION = (
    "Table 3: Hate speech detection. F1 scores of detecting hate speech between Davinci and "
    "OPT-175B. OPT-175B considerably outperforms Davinci in all settings."
)
TABLE_3 = Table(
    grid(
        [
            ["Setup", "Davinci", "OPT-175B"],
            ["Zero-shot", ".628", ".667"],
            ["One-shot", ".616", ".713"],
            ["Few-shot (binary)", ".354", ".759"],
            ["Few-shot (multiclass)", ".672", ".812"],
        ]
    ),
    number="3",
    caption=CAPTION,
    page=6,
    chunk_id="opt#2",
)
SECTION = "4.1 Hate Speech Detection"
USING = (
    "Using the ETHOS dataset provided in Mollas et al. (2020) and instrumented by Chiu and "
    "Alexander (2021), we measure the ability of OPT-175B to identify whether or not certain "
    "English statements are racist or sexist (or neither)."
)
IN_PASSING = (
    "We suspect the presence of unmoderated social media discussions in the pre-training "
    "dataset has provided additional inductive bias to aid in such classification tasks."
)


def _rows(section_text: list[str]) -> list[Result]:
    texts = ["We present OPT.", *section_text, CAPTION]
    kinds = [*[ChunkKind.BODY] * (len(texts) - 1), ChunkKind.CAPTION]
    sections = ["1. Introduction", *[SECTION] * (len(texts) - 1)]
    chunks = [
        Chunk(f"opt#{i}", "opt", i, text, section=section, kind=kind)
        for i, (text, section, kind) in enumerate(zip(texts, sections, kinds, strict=True))
    ]
    paper = Paper(id="opt", title="OPT", chunks=chunks, tables=[TABLE_3])
    return table_results(paper, hybrid_matcher(), ["OPT"])


def test_setting_rows_are_the_section_dataset_prompted_so() -> None:
    rows = {(r.method, r.dataset, r.metric, r.value) for r in _rows([USING, IN_PASSING])}
    assert rows == {
        ("OPT-175B (zero-shot)", "ETHOS", "F1", 0.667),
        ("OPT-175B (one-shot)", "ETHOS", "F1", 0.713),
        ("OPT-175B (few-shot, binary)", "ETHOS", "F1", 0.759),
        ("OPT-175B (few-shot, multiclass)", "ETHOS", "F1", 0.812),
    }


def test_a_task_naming_caption_and_a_silent_section_give_setting_rows_no_data() -> None:
    assert _rows([IN_PASSING]) == []  # "Hate Speech" opens the task's name: no dataset
    passing = "We compare with models evaluated on ETHOS and other benchmarks."
    assert _rows([passing]) == []  # named once, not introduced as data


def test_shot_setting_reads_labels_that_are_only_a_setting() -> None:
    assert shot_setting("Few-shot (binary)") == ("few-shot", "binary")
    assert shot_setting("Zero-shot") == ("zero-shot",)
    assert shot_setting("5 shots") == ("5-shot",)
    assert shot_setting("BoolQ 0-shot") == ()  # a dataset's row, run so
    assert shot_setting("Gender") == ()


def test_shots_spelled_or_counted_any_way_are_one_setting() -> None:
    """One shared pattern (shot_rows.SHOTS) reads every spelling of the shots (review18)."""
    assert shot_setting("Two-shot") == ("two-shot",)
    assert shot_setting("5shot") == ("5-shot",)
    assert shot_setting("k-shot (binary)") == ("k-shot", "binary")
