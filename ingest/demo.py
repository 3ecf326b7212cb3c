"""A small demo corpus written by the project, so a new user can try Papergraph without data.

Five short paper records (JSON Lines) and one PDF, all original text about well-known methods,
datasets and benchmarks, citing each other by id. The PDF carries the arXiv id 2401.99999,
which is beyond the numbers arXiv had issued for that month, so it names no real paper.
"""

from __future__ import annotations

import json
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

DEMO_PDF_ARXIV_ID = "2401.99999"

DEMO_PAPERS: list[dict[str, object]] = [
    {
        "id": "demo-attention-notes",
        "title": "Notes on Self-Attention for Sequence Transduction",
        "authors": ["Ada Example", "Ben Sample"],
        "year": 2019,
        "abstract": (
            "We revisit the Transformer and ask which of its parts matter for translation quality. "
            "Replacing recurrence with multi-head self-attention shortens training, and we find "
            "that positional encodings and residual connections carry most of the gain. "
            "Experiments on WMT14 English-German report BLEU for six ablations."
        ),
        "references": [],
    },
    {
        "id": "demo-bert-probing",
        "title": "Probing What BERT Keeps From Pre-training",
        "authors": "Chen Placeholder, Dana Mock",
        "year": "2020",
        "abstract": (
            "BERT is pre-trained with masked language modelling and then fine-tuned per task. "
            "We train linear probes on each layer and evaluate on GLUE and SQuAD. "
            "Syntax is recoverable from middle layers, while task knowledge sits near the top. "
            "Fine-tuning changes the upper layers most and leaves the lower ones almost intact."
        ),
        "references": ["demo-attention-notes"],
    },
    {
        "id": "demo-lora-budget",
        "title": "Low-Rank Adapters on a Budget",
        "authors": ["Eva Template", "Femi Dummy"],
        "year": 2022,
        "abstract": (
            "LoRA freezes the weights of a pre-trained model and learns low-rank updates. "
            "We compare LoRA with full fine-tuning of a seven-billion-parameter decoder on GSM8K "
            "and MMLU. With rank 16 the adapter reaches accuracy within one point of full "
            "fine-tuning while training less than one percent of the parameters."
        ),
        "references": ["demo-bert-probing", {"arxiv_id": DEMO_PDF_ARXIV_ID}],
    },
    {
        "id": "demo-preference-tuning",
        "title": "Direct Preference Optimization Without Tears",
        "authors": ["Gus Stand-In", "Hana Proxy"],
        "year": 2023,
        "abstract": (
            "RLHF trains a reward model from human preferences and then optimises the policy "
            "with PPO. DPO removes the reward model and fits the preference pairs directly. "
            "On MT-Bench and AlpacaEval we find DPO as strong as PPO-based RLHF at a fraction of "
            "the compute, and we report where it overfits small preference sets."
        ),
        "references": ["demo-lora-budget", "demo-bert-probing"],
    },
    {
        "id": "demo-vision-transfer",
        "title": "How Far Does ImageNet Pre-training Transfer?",
        "authors": ["Ivo Fixture", "Jun Standby"],
        "year": 2021,
        "abstract": (
            "ResNet and Vision Transformer models pre-trained on ImageNet are fine-tuned on "
            "CIFAR-10 and a medical imaging dataset. Top-1 accuracy gains shrink as the target "
            "domain moves away from natural images. A ViT trained with more augmentation keeps "
            "its advantage longer than a ResNet of the same size."
        ),
        "references": ["demo-attention-notes"],
    },
]

DEMO_PDF_TITLE = "Retrieval Helps Small Language Models Reason"
DEMO_PDF_AUTHORS = ["Kai Example", "Lena Sample"]
_PDF_SECTIONS = [
    (
        "Abstract",
        "Small language models answer grade-school maths questions poorly. We retrieve worked "
        "examples from a store of solutions and place them in the prompt. On GSM8K this lifts "
        "accuracy of a one-billion-parameter model by nine points, and LoRA fine-tuning on the "
        "retrieved examples adds three more.",
    ),
    (
        "1 Introduction",
        "Retrieval-augmented generation conditions a model on passages found by a retriever. "
        "We ask whether the same idea helps multi-step reasoning. Our retriever is a BERT "
        "bi-encoder trained on question pairs, and the reader is a small Transformer decoder.",
    ),
    (
        "2 Experiments",
        "We evaluate on GSM8K and on the mathematics subset of MMLU. Retrieved examples help "
        "most on problems with three or more steps. Preference tuning with DPO, applied after "
        "retrieval, did not change accuracy but made answers shorter.",
    ),
]
_PDF_REFERENCES = [
    "[1] Ada Example and Ben Sample. Notes on self-attention for sequence transduction. 2019.",
    "[2] Eva Template and Femi Dummy. Low-rank adapters on a budget. 2022.",
    "[3] Gus Stand-In and Hana Proxy. Direct preference optimization without tears. 2023.",
    "[4] Ashish Vaswani et al. Attention is all you need. arXiv:1706.03762, 2017.",
]


def write_demo_corpus(folder: Path) -> list[Path]:
    """Write the demo papers (JSONL) and the demo PDF into `folder`; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    papers = folder / "demo-papers.jsonl"
    lines = (json.dumps(paper, ensure_ascii=False) for paper in DEMO_PAPERS)
    papers.write_text("\n".join(lines) + "\n", encoding="utf-8")
    pdf = folder / "demo-retrieval-reasoning.pdf"
    write_demo_pdf(pdf)
    return [papers, pdf]


def write_demo_pdf(path: Path) -> None:
    """A one-page paper laid out like a preprint: title, authors, arXiv line, sections."""
    styles = getSampleStyleSheet()
    story = [
        Paragraph(DEMO_PDF_TITLE, styles["Title"]),
        Paragraph(", ".join(DEMO_PDF_AUTHORS), styles["Normal"]),
        Paragraph(f"arXiv:{DEMO_PDF_ARXIV_ID}", styles["Normal"]),
        Spacer(1, 12),
    ]
    for heading, text in _PDF_SECTIONS:
        story += [Paragraph(heading, styles["Heading2"]), Paragraph(text, styles["BodyText"])]
    story.append(Paragraph("References", styles["Heading2"]))
    story += [Paragraph(entry, styles["BodyText"]) for entry in _PDF_REFERENCES]
    document = SimpleDocTemplate(
        str(path), pagesize=A4, title=DEMO_PDF_TITLE, author="; ".join(DEMO_PDF_AUTHORS)
    )
    document.build(story)
