"""Sentences by facet: what a paper says about its background, its method and its results.

A paper's title and abstract (else its first chunk) are split into sentences, each classified
as background, method or result by a logistic regression over tf-idf unigrams and bigrams
(trained on SciREX sentences labelled by their section heading: `benchmarks/train_facets.py`;
weights in `facet_model.tsv`, scored here with plain Python). Two papers are compared facet by
facet through their sentences, many to many: each seed sentence of the facet takes its best
cosine among the candidate's sentences of that facet (max-sim, as multi-vector retrievers such
as ColBERT match tokens), and the facet score is the mean over the seed's sentences. The best
pairs are kept to quote as reasons.
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path

import numpy as np

from papergraph.index.embed import Embedder

FACETS = ("background", "method", "result")
MODEL_PATH = Path(__file__).with_name("facet_model.tsv")
_TOKEN = re.compile(r"[a-z0-9]+(?:[-.][a-z0-9]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\"'])")
MIN_SENTENCE_CHARS = 20


def tokens(text: str) -> list[str]:
    """The classifier's tokens: lower-case words and numbers ("state-of-the-art" is one)."""
    return _TOKEN.findall(text.lower())


def split_sentences(text: str) -> list[str]:
    """Sentences of `text` (a split after ., ! or ? before a capital, digit or quote)."""
    parts = (part.strip() for part in _SENTENCE_END.split(" ".join(text.split())))
    return [part for part in parts if len(part) >= MIN_SENTENCE_CHARS]


#: Cue phrases that settle a sentence's facet before the classifier is asked. The classifier
#: learnt from body sections, where "we propose ..." sits in the introduction; in an abstract
#: such a sentence states the method (hand-read: 25 SciREX test abstracts' sentences).
RESULT_CUES = re.compile(
    r"\b(achiev\w*|outperform\w*|surpass\w*|(experiments?|results?|evaluations?) (on \w+ )?"
    r"(show|demonstrate|indicate|confirm)\w*|we (show|demonstrate|find|observe|evaluate|report)|"
    r"improv\w* (over|by|upon|the state)|(accuracy|score|error|f1|bleu) of|"
    r"\d+(\.\d+)? ?%)",
    re.IGNORECASE,
)
METHOD_CUES = re.compile(
    r"\b(we (propose|present|introduce|develop|design|describe|use|employ|combine|adopt|apply|"
    r"formulate|extend|leverage)|our (model|method|approach|network|architecture|framework|"
    r"algorithm|system|design)|(is|are) (based on|constructed|composed|trained)|consists? of|"
    r"in this (paper|work), we)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FacetModel:
    idf: dict[str, float]
    weights: dict[str, tuple[float, ...]]
    intercept: tuple[float, ...]

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> FacetModel:
        idf: dict[str, float] = {}
        weights: dict[str, tuple[float, ...]] = {}
        intercept: tuple[float, ...] = (0.0,) * len(FACETS)
        for line in path.read_text("utf-8").splitlines():
            term, term_idf, *values = line.split("\t")
            if term == "__intercept__":
                intercept = tuple(map(float, values))
                continue
            idf[term], weights[term] = float(term_idf), tuple(map(float, values))
        return cls(idf, weights, intercept)

    def classify(self, sentence: str) -> str:
        """The facet of one sentence: by its cue phrases (result before method), else by the
        classifier (tf-idf with sublinear tf, l2-normalised, then linear)."""
        if RESULT_CUES.search(sentence):
            return "result"
        if METHOD_CUES.search(sentence):
            return "method"
        return self.predict(sentence)

    def predict(self, sentence: str) -> str:
        """The classifier's facet for one sentence, cues not read."""
        words = tokens(sentence)
        counts = Counter(words + [f"{a} {b}" for a, b in pairwise(words)])
        features = {t: (1 + math.log(n)) * self.idf[t] for t, n in counts.items() if t in self.idf}
        norm = math.sqrt(sum(v * v for v in features.values())) or 1.0
        scores = list(self.intercept)
        for term, value in features.items():
            for i, weight in enumerate(self.weights[term]):
                scores[i] += weight * value / norm
        return FACETS[int(np.argmax(scores))]


@cache
def facet_model() -> FacetModel:
    return FacetModel.load()


@dataclass(frozen=True)
class PaperSentences:
    """A paper's sentences, their facets and unit vectors (row i for sentence i)."""

    sentences: tuple[str, ...]
    facets: tuple[str, ...]
    vectors: np.ndarray

    def of(self, facet: str | None) -> tuple[list[int], np.ndarray]:
        """Rows of the facet's sentences (all of them for None, or when it has none)."""
        rows = [i for i, f in enumerate(self.facets) if facet is None or f == facet]
        rows = rows or list(range(len(self.sentences)))
        return rows, self.vectors[rows]


@dataclass(frozen=True)
class SentenceMatch:
    score: float  # mean over the seed's facet sentences of their best cosine
    pairs: tuple[tuple[str, str, float], ...]  # (seed sentence, candidate sentence, cosine)


def match(
    seed: PaperSentences, candidate: PaperSentences, facet: str | None, quotes: int = 2
) -> SentenceMatch:
    """Max-sim of the seed's facet sentences against the candidate's, with the best pairs."""
    if not seed.sentences or not candidate.sentences:
        return SentenceMatch(0.0, ())
    seed_rows, seed_vectors = seed.of(facet)
    rows, vectors = candidate.of(facet)
    cosines = seed_vectors @ vectors.T
    best = cosines.argmax(axis=1)
    scores = cosines[np.arange(len(seed_rows)), best]
    order = np.argsort(-scores)[:quotes]
    pairs = tuple(
        (
            seed.sentences[seed_rows[i]],
            candidate.sentences[rows[best[i]]],
            round(float(scores[i]), 3),
        )
        for i in order
    )
    return SentenceMatch(float(np.clip(scores, 0, 1).mean()), pairs)


class SentenceCache:
    """Papers' classified and encoded sentences, kept per paper text (LRU, `size` papers)."""

    def __init__(self, embedder: Embedder, size: int = 20_000) -> None:
        self._embedder = embedder
        self._size = size
        self._papers: OrderedDict[tuple[str, str], PaperSentences] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, texts: dict[str, str]) -> dict[str, PaperSentences]:
        """paper id -> its sentences, for `texts` (paper id -> title and abstract)."""
        found, todo = {}, {}
        with self._lock:
            for paper_id, text in texts.items():
                cached = self._papers.get((paper_id, text))
                if cached is None:
                    todo[paper_id] = split_sentences(text)
                else:
                    found[paper_id] = cached
        flat = [s for sentences in todo.values() for s in sentences]
        vectors = self._embedder.encode(flat) if flat else np.zeros((0, 1), dtype=np.float32)
        model, start = facet_model(), 0
        for paper_id, sentences in todo.items():
            rows = vectors[start : start + len(sentences)]
            start += len(sentences)
            found[paper_id] = PaperSentences(
                tuple(sentences), tuple(model.classify(s) for s in sentences), rows
            )
            self._remember((paper_id, texts[paper_id]), found[paper_id])
        return found

    def _remember(self, key: tuple[str, str], value: PaperSentences) -> None:
        with self._lock:
            self._papers[key] = value
            while len(self._papers) > self._size:
                self._papers.popitem(last=False)
