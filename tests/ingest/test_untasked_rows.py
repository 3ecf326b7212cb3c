"""Valued rows that had no task (issue 14): benchmarks the data spells otherwise or ties, whose
task their own papers state (ingest/lexicon/dataset-tasks.txt), and a likelihood row on a
dataset whose data names no generation task, which takes the paper's task in that metric."""

from __future__ import annotations

from papergraph.core.model import Result, Table
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.table_results import table_results
from tests.ingest.tables import RWKV_TABLE_7, grid, paper_with, table_rows

#: FLAN (2109.01652) Table 2, four of its rows (FLAN 137B zero-shot, average template) set as
#: columns: benchmarks the generated data lists under no task, or under another spelling
#: ("SQuAD1.1", "Sentiment140", "WSC").
FLAN_TABLE_2 = Table(
    grid(
        [
            ["Model", "SQuADv1", "Sent140", "WSC273", "CosmosQA"],
            ["GPT-3 175B zero-shot", "–", "–", "88.3", "–"],
            ["FLAN 137B zero-shot", "79.5±1.6", "69.9±2.5", "80.8±3.7", "58.4±1.3"],
        ]
    ),
    number="2",
    caption="Table 2: Results for eight NLU task clusters. All values shown are for accuracy "
    "(or exact match) except DROP, MultiRC, and SQuAD v1 and v2, which are F1.",
)


def _tasks(table: Table, own: str, paper_tasks: list[str]) -> dict[str, str | None]:
    """Dataset -> task of the paper's own valued rows in `table`."""
    rows = table_rows(table, [own], tasks=paper_tasks)
    return {str(r.dataset): r.task for r in rows if r.value is not None}


def test_benchmarks_the_data_spells_otherwise_have_the_task_their_papers_state() -> None:
    found = _tasks(FLAN_TABLE_2, "FLAN", ["natural language inference", "question answering"])
    assert found == {
        "SQuAD1.1": "question answering",  # FLAN's "SQuADv1", by the name the lists give it
        "Sent140": "sentiment analysis",
        "WSC273": "coreference resolution",
        "CosmosQA": "question answering",
    }


def test_imagenet_test_sets_the_data_ties_are_image_classification() -> None:
    """Scaling ViT (2106.04560) Table 1: ImageNet V2's and ObjectNet's data tie two tasks
    ("Prompt Engineering", zero-shot transfer): their papers test ImageNet classifiers."""
    table = Table(
        grid(
            [
                ["Model", "ImageNet", "INet V2", "ObjectNet"],
                ["NS of EfficientNet-L2", "88.3", "80.2", "68.5"],
                ["Our ViT-G/14", "90.45±0.03", "83.33±0.03", "70.53±0.52"],
            ]
        ),
        number="1",
        caption="Table 1. The results for ViT-G/14, compared to the previous state-of-the-art "
        "models.",
    )
    assert set(_tasks(table, "ViT-G/14", ["dense prediction"]).values()) == {"image classification"}


def test_rwkv_table_7_benchmarks_named_by_their_task_have_it() -> None:
    """RWKV (2305.13048) Table 7: Sarcasm and TweetSent no data lists; Unhealthy (Price et al.,
    2020) has no task the data or a hand list names, and keeps none."""
    table = RWKV_TABLE_7
    found = _tasks(table, "RWKV-4", ["language modeling"])
    assert found["Sarcasm"] == "Sarcasm Detection"
    assert found["TweetSent"] == "sentiment analysis"
    assert found["Unhealthy"] is None


def test_bits_per_dim_on_imagenet_takes_the_task_the_papers_cifar_bits_per_dim_has() -> None:
    """PixelRNN (1601.06759): ImageNet's data names no generation task that bits/dim could
    evaluate, and the paper names none; its bits/dim on CIFAR-10 is image generation."""
    cifar = Table(
        grid(
            [
                ["Model", "NLL Test (Train)"],
                ["NICE [1]:", "4.48"],
                ["PixelCNN:", "3.14 (3.08)"],
                ["Row LSTM:", "3.07 (3.00)"],
                ["Diagonal BiLSTM:", "3.00 (2.93)"],
            ]
        ),
        number="5",
        caption="Table 5. Test set performance of different models on CIFAR-10 in bits/dim. For "
        "our models we give training performance in brackets.",
        chunk_id="pixelrnn#1",
    )
    imagenet = Table(
        grid([["Image size", "NLL Validation (Train)"], ["32x32:", "3.86 (3.83)"]]),
        number="6",
        caption="Table 6. Negative log-likelihood performance on 32×32 and 64× 64 ImageNet in "
        "bits/dim.",
        chunk_id="pixelrnn#2",
    )
    found = _pixel_rnn_rows([cifar, imagenet])
    assert {(r.dataset, r.task) for r in found} == {
        ("CIFAR-10", "image generation"),
        ("ImageNet", "image generation"),
    }
    alone = _pixel_rnn_rows([imagenet])  # no other row in bits/dim: no task, as before
    assert alone and {row.task for row in alone} == {None}


def _pixel_rnn_rows(tables: list[Table]) -> list[Result]:
    """The valued rows of a paper proposing PixelRNN (Row LSTM, Diagonal BiLSTM, PixelCNN) that
    prints `tables`, naming no task but machine translation."""
    text = "\n\n".join(["We propose PixelRNN.", *(t.caption for t in tables)])
    paper = paper_with(tables, "Pixel Recurrent Neural Networks", text, paper_id="pixelrnn")
    names = ["PixelRNN", "Row LSTM", "Diagonal BiLSTM", "PixelCNN"]
    found = table_results(paper, hybrid_matcher(), names, tasks=["machine translation"])
    return [row for row in found if row.value is not None]


def test_a_row_without_a_task_takes_the_papers_task_its_caption_names() -> None:
    """GLM (2103.10360) Table 5: Yahoo's data names portfolio optimization alone, which BLEU
    does not score, and evaluates text infilling on one dataset, too few for a row's task; the
    caption names it, and the paper does."""
    table = Table(
        grid(
            [
                ["Mask ratio", "10%", "20%", "30%", "40%", "50%"],
                ["BERT†", "82.8", "66.3", "50.3", "37.4", "26.2"],
                ["BLM†", "86.5", "73.2", "59.6", "46.8", "34.8"],
                ["GLMLarge", "87.8", "76.7", "64.2", "48.9", "38.7"],
            ]
        ),
        number="5",
        caption="Table 5: BLEU scores on Yahoo text infilling. † indicates the results from "
        "(Shen et al., 2020).",
    )
    tasks = ["natural language understanding", "language modeling", "natural language generation"]
    tasks += ["Text Infilling", "summarization", "question generation", "dialogue generation"]
    assert set(_tasks(table, "GLM", tasks).values()) == {"Text Infilling"}
    tasks.remove("Text Infilling")  # several writing tasks, none the caption's: no task
    assert set(_tasks(table, "GLM", tasks).values()) == {None}
