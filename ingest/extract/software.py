"""Software libraries are never a concept: what a paper's code is built with (issue 14).

Papers name the libraries they build on beside their concepts, and the lists and the tagger
take some for concepts: papermage's "Transformers (Wolfe et al., 2022)", Hugging Face's library,
read as the Transformer; FlashAttention's "HuggingFace" baseline as a Method; "SpaCy" and
"Mesh-Tensorflow" as methods. The names are facts (ingest/lexicon/software-libraries.txt); the
rules are two:
- `library_name`: a name that is a library's, or holds one as its words ("PyTorch-like",
  "Mesh-TensorFlow"), or ends in a word for software ("SentencePiece library", "Megatron-LM
  codebase"), names no concept;
- `concept_mentions`: a mention the paper calls a library, by the word after it ("the
  Transformers library", "the T5 codebase") or the hub before it ("HuggingFace Transformers"),
  is no mention of a concept; and a library named as a concept is ("Transformers", the
  Transformer's plural) that the paper calls a library once is the library wherever the paper
  writes it so ("Similar to Transformers (Wolfe et al., 2022)'s integration"), its other
  spellings ("a Transformer model") still the concept's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources
from typing import Protocol, TypeVar

from papergraph.core.model import Evidence

FILE = "software-libraries.txt"
#: Words for software after a name: "the Transformers library", "the T5 codebase".
SOFTWARE_WORDS = frozenset(
    "library libraries package packages toolkit toolkits toolbox toolboxes codebase".split()
)
_AFTER = re.compile(
    r"\s+(?:python\s+)?(?:" + "|".join(sorted(SOFTWARE_WORDS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
#: The hub before a name: "HuggingFace Transformers", "Hugging Face's transformers".
_HUB = re.compile(r"(?:\bhugging\s?face|\N{HUGGING FACE})(?:['\u2019]s)?\s+$", re.IGNORECASE)
_WORDS = re.compile(r"[a-z0-9]+")
CONTEXT = 40  # characters read before a mention for the hub


class _Mentioned(Protocol):
    @property
    def evidence(self) -> Evidence: ...


M = TypeVar("M", bound=_Mentioned)


@lru_cache(maxsize=1)
def libraries() -> dict[str, bool]:
    """Library name, lower-cased -> whether a concept shares it (FILE's "shares" column)."""
    text = resources.files("papergraph.ingest.lexicon").joinpath(FILE).read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {row[0].lower(): row[1] == "shares" for row in rows if row[0] != "name"}


def library_name(name: str) -> bool:
    """Whether `name` is a library's (one no concept shares), holds one as its words, or ends
    in a word for software."""
    words = _WORDS.findall(name.lower())
    if not words:
        return False
    if words[-1] in SOFTWARE_WORDS and len(words) > 1:
        return True
    padded = f" {' '.join(words)} "
    return any(
        f" {' '.join(_WORDS.findall(library))} " in padded
        for library, shared in libraries().items()
        if not shared
    )


def called_library(evidence: Evidence, text: str) -> bool:
    """Whether the chunk `text` calls the mention a library: a word for software after it, or
    the hub before it."""
    before = text[max(0, evidence.start - CONTEXT) : evidence.start]
    return bool(_AFTER.match(text, evidence.end) or _HUB.search(before))


def concept_mentions(mentions: Sequence[M], texts: Mapping[str, str]) -> list[M]:
    """`mentions` less those the paper calls a library, and less every mention spelt as a
    library a concept shares the name of, where the paper calls that spelling a library once;
    `texts`: chunk id -> text."""
    called = [m for m in mentions if called_library(m.evidence, texts.get(m.evidence.chunk_id, ""))]
    shared = {m.evidence.text for m in called if libraries().get(m.evidence.text.lower())}
    dropped = {id(m) for m in called}
    return [m for m in mentions if id(m) not in dropped and m.evidence.text not in shared]
