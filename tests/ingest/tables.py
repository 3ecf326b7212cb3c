"""Tables built the way a PDF reader fills `Paper.tables`, for the table-result tests."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import Any

from papergraph.core.model import Chunk, Paper, Result, Table, TableCell
from papergraph.ingest.extract.hybrid import hybrid_matcher
from papergraph.ingest.extract.table_results import table_results


def grid(
    rows: list[list[str]], bold: AbstractSet[tuple[int, int]] = frozenset()
) -> list[TableCell]:
    """Cells of a plain grid, one per non-empty text; (row, col) pairs in `bold` are bold."""
    return [
        TableCell(r, c, text, bold=(r, c) in bold)
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
        if text
    ]


ATTENTION_TABLE_2 = Table(
    cells=grid(
        [
            ["Model", "BLEU", "", "Training Cost (FLOPs)", ""],
            ["", "EN-DE", "EN-FR", "EN-DE", "EN-FR"],
            ["ByteNet [18]", "23.75", "", "", ""],
            ["GNMT + RL [38]", "24.6", "39.92", "2.3 · 10^19", "1.4 · 10^20"],
            ["ConvS2S [9]", "25.16", "40.46", "9.6 · 10^18", "1.5 · 10^20"],
            ["Transformer (base model)", "27.3", "38.1", "3.3 · 10^18", ""],
            ["Transformer (big)", "28.4", "41.8", "2.3 · 10^19", ""],
        ],
        bold={(6, 1), (6, 2)},
    ),
    number="2",
    caption="Table 2: The Transformer achieves better BLEU scores than previous state-of-the-art "
    "models on the English-to-German and English-to-French newstest2014 tests at a fraction of "
    "the training cost.",
    page=8,
    chunk_id="attention#7",
)

RESNET_TABLE_4 = Table(
    cells=grid(
        [
            ["method", "top-1 err.", "top-5 err."],
            ["VGG [41] (ILSVRC'14)", "-", "8.43"],
            ["GoogLeNet [44] (ILSVRC'14)", "-", "7.89"],
            ["PReLU-net [12]", "24.27", "7.38"],
            ["ResNet-34 B", "21.84", "5.71"],
            ["ResNet-152", "19.38", "4.49"],
        ]
    ),
    number="4",
    caption="Table 4. Error rates (%) of single-model results on the ImageNet validation set "
    "(except † reported on the test set).",
    page=6,
)


#: RWKV (2305.13048) Table 7, p20: a "Measure type" column beside the models' columns.
RWKV_TABLE_7 = Table(
    grid(
        [
            ["Task Name", "Measure type", "ChatGPT [%]", "RWKV-4 adapted [%]", "SOTA [%]"],
            ["MathQA", "Accuracy", "71.40", "80.69", "83.20"],
            ["Sarcasm", "F1 Macro", "49.88", "50.96", "53.57"],
            ["TweetSent", "F1 Macro", "63.32", "52.50", "72.07"],
            ["Unhealthy", "F1 Macro", "45.21", "43.30", "50.96"],
        ]
    ),
    number="7",
    caption="Table 7: ChatGPT and RWKV-4-Raven-14B performance comparison in Aggresion "
    "(Wulczyn et al., 2017), Sarcasm (Siddiqui, 2019), Unhealthy (Price et al., 2020), MathQA "
    "(Cobbe et al., 2021), and TweetSent (Barbieri et al., 2020) benchmarks.",
)


def paper_with(tables: list[Table], title: str, text: str, paper_id: str = "attention") -> Paper:
    chunks = [
        Chunk(f"{paper_id}#{i}", paper_id, i, part) for i, part in enumerate(text.split("\n\n"))
    ]
    return Paper(id=paper_id, title=title, chunks=chunks, tables=tables)


def table_rows(
    table: Table, names: list[str], proposed: str = "", title: str = "A paper", **options: Any
) -> list[Result]:
    """`table_results` over a paper holding `table` whose text proposes `proposed` (the first of
    `names` by default) and quotes the caption; `options` go to `table_results`."""
    text = f"We propose {proposed or names[0]}.\n\n{table.caption}"
    return table_results(paper_with([table], title, text), hybrid_matcher(), names, **options)


#: (method, dataset, metric, value) of a result row.
Quad = tuple[str | None, str | None, str | None, float | str]


def measured(table: Table, names: list[str]) -> set[Quad]:
    """(method, dataset, metric, value) of the rows with a value, the paper proposing NewNet."""
    found = table_rows(table, names, "NewNet")
    return {(r.method, r.dataset, r.metric, r.value) for r in found if r.value is not None}


#: SciBERT (1903.10676) Table 1, p1, as the reader lays it out: "Field" and "Task" printed once
#: per block (LaTeX multirow), each beside its block's middle row or on a line of its own
#: between two rows ("DEP"; "Multi" and "CLS"); "NewBERT" stands for SciBERT's columns.
SCIBERT_TABLE_1 = Table(
    grid(
        [
            ["Field", "Task", "Dataset", "SOTA", "BERT-Base", "NewBERT"],
            ["", "", "BC5CDR (Li et al., 2016)", "88.857", "86.72", "90.01"],
            ["", "NER", "JNLPBA (Collier and Kim, 2004)", "78.58", "76.09", "77.28"],
            ["Bio", "", "NCBI-disease (Dogan et al., 2014)", "89.36", "86.88", "88.57"],
            ["", "PICO", "EBM-NLP (Nye et al., 2018)", "66.30", "71.53", "72.28"],
            ["", "", "GENIA (Kim et al., 2003) - LAS", "91.92", "90.33", "90.43"],
            ["", "DEP", "", "", "", ""],
            ["", "", "GENIA (Kim et al., 2003) - UAS", "92.84", "91.89", "91.99"],
            ["", "REL", "ChemProt (Kringelum et al., 2016)", "76.68", "79.14", "83.64"],
            ["", "NER", "SciERC (Luan et al., 2018)", "64.20", "65.24", "67.57"],
            ["CS", "REL", "SciERC (Luan et al., 2018)", "n/a", "78.71", "79.97"],
            ["", "CLS", "ACL-ARC (Jurgens et al., 2018)", "67.9", "63.91", "70.98"],
            ["", "", "Paper Field", "n/a", "65.37", "65.71"],
            ["Multi", "CLS", "", "", "", ""],
            ["", "", "SciCite (Cohan et al., 2019)", "84.0", "84.85", "85.49"],
            ["Average", "", "", "", "77.16", "79.27"],
        ]
    ),
    number="1",
    caption="Table 1: Test performances of all BERT variants on all tasks and datasets. Keeping "
    "with past work, we report macro F1 scores for NER (span-level), macro F1 scores for REL and "
    "CLS (sentence-level), and macro F1 for PICO (token-level), and micro F1 for ChemProt "
    "specifically. For DEP, we report labeled (LAS) and unlabeled (UAS) attachment scores.",
    page=1,
)


#: A detection table's two header lines as a PDF reader lays them out: a top line of detector
#: groups ("RetinaNet 1×" over AP, AP50; "Mask R-CNN 1×" over the boxes' and masks' AP), the
#: AP^b_50 superscript "b" on a line of its own above "AP50" (PoolFormer 2111.11418, Table 3,
#: p7, a cut-down copy; "NewNet" stands for PoolFormer's rows).
DETECTOR_GROUPS_TABLE = Table(
    [
        TableCell(0, 2, "RetinaNet 1×", col_span=2),
        TableCell(0, 4, "Mask R-CNN 1×", col_span=4),
        *grid(
            [
                [],
                ["Backbone", "", "", "", "b", "b", "m", "m"],
                ["", "Params (M)", "AP", "AP50", "AP", "AP50", "AP", "AP50"],
                ["ResNet-18 [24]", "21.3", "31.8", "49.6", "34.0", "54.0", "31.2", "51.0"],
                ["NewNet-S12", "21.7", "36.2", "56.2", "37.3", "59.0", "34.6", "55.8"],
            ]
        ),
    ],
    number="3",
    caption="Table 3. Object detection using RetinaNet, and object detection and instance "
    "segmentation using Mask R-CNN on COCO val2017. APb and APm represent bounding box AP "
    "and mask AP, respectively.",
)

#: A generic efficiency and detection table whose metric sub-headers a reader flattened the
#: pypdf way ("APb 50", "APm 50", "APm75": AP^b_50, AP^m_50, AP^m_75), under a top line of groups: a cost group
#: "Latency (ms)" over its device columns ("Mobile", "GPU") beside a "COCO" group over the AP
#: columns. Each AP column is its own metric; no latency is a result, no device word a method's.
FLATTENED_SCRIPTS_TABLE = Table(
    [
        TableCell(0, 1, "Latency (ms)", col_span=2),
        TableCell(0, 3, "COCO", col_span=4),
        *grid(
            [
                [],
                ["Model", "Mobile", "GPU", "APb", "APb 50", "APm 50", "APm75"],
                ["Baseline [7]", "3.1", "1.2", "38.0", "58.6", "34.4", "36.7"],
                ["NewNet-S", "2.4", "1.0", "40.4", "62.1", "37.1", "39.5"],
            ]
        ),
    ],
    number="2",
    caption="Table 2. Latency and object detection and instance segmentation with Mask R-CNN "
    "on COCO val2017.",
)

#: Two ImageNet tables of one paper, after ConvNeXt V2 (2301.00808) Tables 14 and 15: the one
#: caption names the data the models were fine-tuned on first (ImageNet-22K), the other not.
NEWNET_IN1K_TABLE = Table(
    cells=grid(
        [
            ["Backbone", "#param", "Val acc."],
            ["NewNet-B", "89M", "84.9"],
            ["NewNet-L", "198M", "85.8"],
        ]
    ),
    number="14",
    caption="Table 14. ImageNet-1K fine-tuning results with a single 224×224 crop. Ours in bold.",
)
NEWNET_IN22K_TABLE = Table(
    cells=grid(
        [
            ["Backbone", "#param", "Val acc."],
            ["NewNet-B", "89M", "86.8"],
            ["NewNet-L", "198M", "87.3"],
        ]
    ),
    number="15",
    caption="Table 15. ImageNet-22K intermediate fine-tuning results with a single 224×224 crop. "
    "The improvement over the baseline is shown in parentheses.",
)
