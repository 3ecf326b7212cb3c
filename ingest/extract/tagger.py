"""A small statistical mention tagger: a linear-chain CRF over word-shape and context features.

Trained by `benchmarks/train_tagger.py` on the mention annotations of SciREX tune-split documents
(types Method, Task, Metric, Material -> Dataset) and written to `ingest/extract/model/`. It tags
BIO labels per token; `tag_text` returns the typed name spans of one text. When the model file is
absent, `load_tagger` returns None and says so once in the log, and callers go on without it.
"""

from __future__ import annotations

import gzip
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from papergraph.core.model import EntityType

log = logging.getLogger(__name__)

MODEL_NAME = "tagger.crfsuite.gz"
LABEL_TYPES = {
    "Method": EntityType.METHOD,
    "Task": EntityType.TASK,
    "Metric": EntityType.METRIC,
    "Material": EntityType.DATASET,
}
_TOKEN = re.compile(r"\w+|[^\w\s]")
Features = list[str]


@dataclass(frozen=True)
class Token:
    """One word or punctuation token of a text, by character span."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Tagged:
    """A name the tagger marked: its character span in the text and its type."""

    start: int
    end: int
    text: str
    type: EntityType


def tokens(text: str) -> list[Token]:
    """Word and punctuation tokens (hyphens kept, as SciREX writes them)."""
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def shape(word: str) -> str:
    """Word shape with runs collapsed: "ResNet-50" -> "XxXx-d"."""
    mapped = re.sub(r"[A-Z]", "X", re.sub(r"[a-z]", "x", re.sub(r"[0-9]", "d", word)))
    return re.sub(r"(.)\1+", r"\1", mapped)


def _word_features(word: str, prefix: str) -> Features:
    lower = word.lower()
    return [f"{prefix}w={lower}", f"{prefix}s={shape(word)}"]


def token_features(words: list[str], i: int) -> Features:
    """Features of token `i`: its form, affixes, shape and the words around it."""
    word = words[i]
    lower = word.lower()
    feats = [
        "b",
        f"w={lower}",
        f"s={shape(word)}",
        f"p3={lower[:3]}",
        f"x3={lower[-3:]}",
        f"x2={lower[-2:]}",
        f"len={min(len(word), 8)}",
    ]
    if word.isupper() and len(word) > 1:
        feats.append("upper")
    if word[:1].isupper():
        feats.append("title")
    if any(c.isdigit() for c in word):
        feats.append("digit")
    if any(c.isupper() for c in word[1:]):
        feats.append("innercap")
    for offset in (-2, -1, 1, 2):
        j = i + offset
        if 0 <= j < len(words):
            feats.extend(_word_features(words[j], f"{offset}:"))
        else:
            feats.append(f"{offset}:edge")
    if 0 < i < len(words) - 1:
        feats.append(f"-1+1={words[i - 1].lower()}|{words[i + 1].lower()}")
    return feats


def sentence_features(words: list[str]) -> list[Features]:
    return [token_features(words, i) for i in range(len(words))]


class Tagger:
    """A loaded CRF model that tags texts."""

    def __init__(self, path: Path) -> None:
        import pycrfsuite

        self._tagger = pycrfsuite.Tagger()
        if path.suffix == ".gz":  # the shipped model is gzipped
            # CRFsuite reads the buffer in place: it must live as long as the tagger.
            self._model = gzip.decompress(path.read_bytes())
            self._tagger.open_inmemory(self._model)
        else:
            self._tagger.open(str(path))

    def tag_words(self, words: list[str]) -> list[str]:
        """BIO labels ("B-Method", "I-Task", "O") for one sequence of words."""
        return list(self._tagger.tag(sentence_features(words))) if words else []

    def tag_text(self, text: str) -> list[Tagged]:
        """The typed name spans of `text`, sentence by sentence."""
        found: list[Tagged] = []
        for sentence in _sentences(tokens(text)):
            labels = self.tag_words([t.text for t in sentence])
            found.extend(_spans(text, sentence, labels))
        return found


def _sentences(toks: list[Token]) -> list[list[Token]]:
    """Token runs ending at a full stop, question or exclamation mark (CRF inputs stay short)."""
    out: list[list[Token]] = [[]]
    for token in toks:
        out[-1].append(token)
        if token.text in {".", "?", "!"} and len(out[-1]) > 3:
            out.append([])
    return [s for s in out if s]


def _spans(text: str, sentence: list[Token], labels: list[str]) -> list[Tagged]:
    spans: list[Tagged] = []
    start: int | None = None
    kind = ""
    for index, label in enumerate([*labels, "O"]):
        inside = label.startswith("I-") and label[2:] == kind and start is not None
        if start is not None and not inside:
            first, last = sentence[start], sentence[index - 1]
            spans.append(Tagged(first.start, last.end, text[first.start : last.end], _type(kind)))
            start = None
        if label.startswith(("B-", "I-")) and not inside:
            start, kind = index, label[2:]
    return spans


def _type(label: str) -> EntityType:
    return LABEL_TYPES[label]


def model_path() -> Path:
    """Where the trained model lives inside the package."""
    return Path(str(resources.files("papergraph.ingest.extract") / "model" / MODEL_NAME))


@lru_cache(maxsize=1)
def load_tagger() -> Tagger | None:
    """The shipped tagger, or None (logged once) when it has not been trained."""
    path = model_path()
    if not path.is_file():
        log.warning(
            "no tagger model at %s; run `python benchmarks/train_tagger.py` to train it "
            "(extraction goes on without the tagger)",
            path,
        )
        return None
    return Tagger(path)
