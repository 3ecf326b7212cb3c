"""A software library is never a Method, Dataset, Task or Metric (issue 14): papermage's
"Transformers" (Hugging Face's library) was shown as the Transformer; a library's name, a name
holding one, a mention the paper calls a library, and a library named as a concept that the
paper calls a library once, are no concept; the Transformer a paper writes of stays."""

from __future__ import annotations

import pytest

from papergraph.core.model import Chunk, ChunkKind, Entity, Paper
from papergraph.ingest.extract import create_extractor
from papergraph.ingest.extract.admissible import rejection

#: papermage (allenai/papermage fixtures, papermage.pdf): §2.3, Table 1, §3 and Appendix A.3.
PAPERMAGE = (
    "papermage's use case lies between that of turnkey software and a framework for supporting "
    "research. Similar to Transformers (Wolfe et al., 2022)'s integration of different research "
    "models into standard interfaces, others have done similarly for the visually-rich document "
    "domain.",
    "SpanPredictor wraps Token Classifiers from Transformers (Wolfe et al., 2022), which provides "
    "both pretrained weights from VILA (Shen et al., 2022), as well as RoBERTa (Liu et al., "
    "2019), SciBERT (Beltagy et al., 2019) weights that we've finetuned on similar data.",
    "Similarly to the Transformers library, a Predictor's implementation is typically "
    "independent from its configuration, allowing users to customize each Predictor.",
    "The RoBERTa-large (Liu et al., 2019) model is a Transformers token classification model "
    "that we finetuned on the S2-VL training set. The I-VILA model is a layout-infused "
    "Transformer model pretrained by Shen et al. (2022) on the S2-VL training set. This is "
    "unsurprising given expected improvements using a Transformer model over a CRF or BiLSTM.",
)


def _paper(*texts: str) -> Paper:
    chunks = [
        Chunk(id=f"p1#{i}", paper_id="p1", seq=i, text=text, kind=ChunkKind.BODY)
        for i, text in enumerate(texts)
    ]
    return Paper(id="p1", title="A Unified Toolkit", authors=["Kyle Lo"], chunks=chunks)


def _entities(paper: Paper) -> dict[str, Entity]:
    return {e.label: e for e in create_extractor("tagged").extract(paper).entities}


@pytest.mark.parametrize(
    "name",
    ["SpaCy", "HuggingFace", "Mesh-Tensorflow", "PyTorch-like", "scikit-learn", "NLTK"]
    + ["SentencePiece library", "Megatron-LM codebase"],
)
def test_library_names_are_refused(name: str) -> None:
    """FiD's "SpaCy", FlashAttention's "HuggingFace" baseline, ZeRO's "Mesh-Tensorflow",
    MetaFormer's "PyTorch-like" pseudocode and FLAN's "SentencePiece library" were methods."""
    assert rejection(name) == "software library"


@pytest.mark.parametrize("name", ["Transformer", "Transformers", "SentencePiece", "Megatron-LM"])
def test_concepts_a_library_shares_or_builds_on_pass(name: str) -> None:
    assert rejection(name) is None


def test_papermage_transformers_library_is_no_mention_of_the_transformer() -> None:
    transformer = _entities(_paper(*PAPERMAGE))["Transformer"]
    assert {e.text for e in transformer.evidence} == {"Transformer"}
    assert len(transformer.evidence) == 2  # "a layout-infused Transformer", "a Transformer model"


def test_a_mention_the_paper_calls_a_library_is_dropped_and_the_method_stays() -> None:
    """LoRA (2106.09685) and FiD (2007.01282): "from the HuggingFace Transformers library";
    the same paper's "Transformer" is the method, and the library is no Method either."""
    paper = _paper(
        "We take RoBERTa base and RoBERTa large from the HuggingFace Transformers library "
        "(Wolf et al., 2020).",
        "The Transformer (Vaswani et al., 2017) is trained with adapters on every layer.",
    )
    found = _entities(paper)
    assert [e.text for e in found["Transformer"].evidence] == ["Transformer"]
    assert not [label for label in found if "HuggingFace" in label or "library" in label]


def test_a_paper_that_never_calls_it_a_library_keeps_every_transformers_mention() -> None:
    paper = _paper(
        "Transformers have grown larger and deeper. FlashAttention trains Transformers faster.",
    )
    transformer = _entities(paper)["Transformer"]
    assert [e.text for e in transformer.evidence] == ["Transformers", "Transformers"]
