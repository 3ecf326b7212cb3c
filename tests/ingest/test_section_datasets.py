"""A table whose caption and headers name no dataset takes the one its section names, and a
duration heading a column is a forecast horizon where the caption lists it so (S-RNN, arXiv
1511.05298, Table 1 and section 4.1 as the PDF reader gives them)."""

from __future__ import annotations

from papergraph.core.model import Chunk, ChunkKind, Paper, Result, Table
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.table_headers import horizon
from papergraph.ingest.extract.table_results import table_results
from tests.ingest.tables import grid

CAPTION = (
    "Table 1: Motion forecasting angle error. {80, 160, 320, 560, 1000} msecs after the seed "
    "motion. The results are averaged over 8 seed motion sequences for each activity on the "
    "test subject."
)
TABLE_1 = Table(
    grid(
        [
            ["", "Short-term forecast", "", "", "Long-term forecast"],
            ["Methods"],
            ["", "80ms", "160ms", "320ms", "560ms", "1000ms"],
            ["", "", "", "Walking activity"],
            ["ERD [14]", "1.30", "1.56", "1.84", "2.00", "2.38"],
            ["LSTM-3LR", "1.18", "1.50", "1.67", "1.81", "2.20"],
            ["S-RNN", "1.08", "1.34", "1.60", "1.90", "2.13"],
            ["", "", "", "Eating activity"],
            ["ERD [14]", "1.66", "1.93", "2.28", "2.36", "2.41"],
            ["LSTM-3LR", "1.36", "1.79", "2.29", "2.49", "2.82"],
            ["S-RNN", "1.35", "1.71", "2.12", "2.28", "2.58"],
        ]
    ),
    number="1",
    caption=CAPTION,
    page=6,
    chunk_id="srnn#3",
)
SECTION = "4.1. Human motion modeling and forecasting"
SECTION_TEXT = [
    "Recently, Fragkiadaki et al. [14] proposed an encoder- RNN-decoder (ERD) which gets "
    "state-of-the-art forecasting results on H3.6m mocap data set [21]. S-RNN architecture for "
    "human motion. Our S-RNN architecture follows the st-graph shown in Figure 5a.",
    "Evaluation setup. We compare S-RNN with the state-of-the-art ERD architecture [14] on H3.6m "
    "mocap data set [21]. We also compare with a 3 layer LSTM architecture (LSTM-3LR) which [14] "
    "use as a baseline. We downsample H3.6m by two and train on 6 subjects and test on subject S5.",
]
CITING = (
    "Quantitative evaluation. We follow the evaluation metric of Fragkiadaki et al. [14] and "
    "present the 3D angle error between the forecasted mocap frame and the ground truth in Table 1."
)


def _rows(section_text: list[str], table: Table = TABLE_1) -> list[Result]:
    texts = ["We propose S-RNN.", *section_text, CAPTION, CITING]
    kinds = [*[ChunkKind.BODY] * (len(texts) - 2), ChunkKind.CAPTION, ChunkKind.BODY]
    sections = ["1. Introduction", *[SECTION] * (len(texts) - 2), "Discussion activity"]
    chunks = [
        Chunk(f"srnn#{i}", "srnn", i, text, section=section, kind=kind)
        for i, (text, section, kind) in enumerate(zip(texts, sections, kinds, strict=True))
    ]
    paper = Paper(id="srnn", title="Structural-RNN", chunks=chunks, tables=[table])
    return table_results(paper, hybrid_matcher(), ["S-RNN"])


def test_a_table_naming_no_data_takes_the_one_its_section_names() -> None:
    rows = {(r.method, r.value): r for r in _rows(SECTION_TEXT)}
    assert {(r.dataset, r.metric) for r in rows.values()} == {("Human3.6M", "Error")}
    assert set(rows) == {
        ("S-RNN (Walking, Short-term 80ms)", 1.08),
        ("S-RNN (Walking, Short-term 160ms)", 1.34),
        ("S-RNN (Walking, Short-term 320ms)", 1.6),
        ("S-RNN (Walking, Long-term 560ms)", 1.9),
        ("S-RNN (Walking, Long-term 1000ms)", 2.13),
        ("S-RNN (Eating, Short-term 80ms)", 1.35),
        ("S-RNN (Eating, Short-term 160ms)", 1.71),
        ("S-RNN (Eating, Short-term 320ms)", 2.12),
        ("S-RNN (Eating, Long-term 560ms)", 2.28),
        ("S-RNN (Eating, Long-term 1000ms)", 2.58),
    }
    evidence = rows[("S-RNN (Walking, Long-term 1000ms)", 2.13)].evidence[0]
    assert (evidence.table, evidence.column_header) == ("1", "Long-term forecast 1000ms")


def test_a_section_naming_two_datasets_gives_the_table_none() -> None:
    two = [*SECTION_TEXT, "We also report results on the CMU mocap data set and on HumanEva."]
    assert _rows(two) == []


def test_a_dataset_the_section_never_calls_data_or_names_once_gives_none() -> None:
    assert _rows(["We downsample H3.6m by two and train on 6 subjects and test on S5."]) == []
    assert _rows(["We compare S-RNN with ERD on H3.6m mocap data set [21]."]) == []


def test_a_duration_is_a_horizon_only_where_the_caption_lists_it() -> None:
    assert horizon("Long-term forecast 1000ms", CAPTION)
    assert not horizon("Latency 80ms", CAPTION)  # a cost
    assert not horizon("80ms", "Table 2: Accuracy and latency of each model.")
    assert not horizon("Short-term forecast", CAPTION)
