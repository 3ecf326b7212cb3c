"""A corpus written by the tests to pin the fusion: rare vs common shared entities, citations,
and a paper with no abstract, no entities and no citations."""

from __future__ import annotations

import json
from pathlib import Path

ADAM = "The models are optimised with Adam."

PAPERS = [
    # two papers sharing a RARE dataset (WikiSQL: 2 of 10 papers)
    {
        "id": "sql-a",
        "title": "Table Question Answering by Program Induction",
        "abstract": "We translate natural language questions into SQL programs over tables. "
        f"The parser is trained on WikiSQL. {ADAM}",
    },
    {
        "id": "sql-b",
        "title": "Weakly Supervised Semantic Parsing of Tables",
        "abstract": "We learn a semantic parser from question and answer pairs only, without "
        f"logical forms. Experiments on WikiSQL show that denotations suffice. {ADAM}",
    },
    # two papers sharing only a COMMON method (Adam: 6 of 10 papers)
    {
        "id": "speech-c",
        "title": "Streaming Acoustic Models for Voice Interfaces",
        "abstract": f"We build a streaming acoustic model evaluated on LibriSpeech. {ADAM}",
    },
    {
        "id": "protein-d",
        "title": "Predicting Residue Contacts in Proteins",
        "abstract": f"We predict which residues of a protein touch, from its sequence alone. {ADAM}",
    },
    {
        "id": "vision-e",
        "title": "Deeper Residual Networks for Pictures",
        "abstract": f"We classify pictures on ImageNet with very deep residual networks. {ADAM}",
    },
    {
        "id": "weather-f",
        "title": "Forecasting Rainfall from Radar",
        "abstract": f"We forecast the next hour of rainfall from radar sequences. {ADAM}",
    },
    # no abstract, no entities, no citations: the text fallback (pooled chunk vectors)
    {
        "id": "notes-g",
        "title": "Notes on Mechanical Calculators",
        "text": "A short history of mechanical calculators, the workshops that built them and "
        "the clerks who used them before electronic machines arrived.",
    },
    # citation structure: h and i both cite two arXiv papers (coupling); j cites h and i
    {
        "id": "cite-h",
        "title": "Attention for Translation Revisited",
        "abstract": "We revisit attention for translating between languages.",
        "references": ["1706.03762", "1810.04805"],
    },
    {
        "id": "cite-i",
        "title": "Pretrained Encoders for Low-Resource Translation",
        "abstract": "We adapt pretrained encoders to translate low-resource languages.",
        "references": ["1706.03762", "1810.04805"],
    },
    {
        "id": "cite-j",
        "title": "A Survey of Translation Systems",
        "abstract": "We survey systems that translate text between languages.",
        "references": ["cite-h", "cite-i"],
    },
]


def write_related_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "related.jsonl").write_text("".join(json.dumps(row) + "\n" for row in PAPERS))
    return folder
