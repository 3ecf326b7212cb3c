"""Learned salience: a logistic model per entity type over how a paper uses each entity.

The hand-weighted score of ingest/extract/salience.py ranks by frequency; which entities a paper
is *about* also shows in where they are named (title, abstract, experiments), how (a name with
capitals or digits, or a lower-case description; how many of its words the title uses), what
the paper does with them (proposes, evaluates on), how they were found (lexicon, definition,
name pattern) and how common they are across papers (a method every paper mentions is rarely the
one a paper is about). `benchmarks/train_salience.py` fits the weights on SciREX tune-split
documents and writes them, with the document frequencies of common entities, to
`ingest/extract/model/salience.json` (a few kB). Without that file entities keep their
hand-weighted salience.
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from papergraph.core.model import Entity, EntityType, Paper, Role

log = logging.getLogger(__name__)

MODEL_NAME = "salience.json"
#: Share of the hand-weighted score kept in the final salience: the model is fit to SciREX's
#: empirical papers; the hand score keeps a survey's much-discussed concepts up (SciREX tune
#: cross-validation: 0.3 costs under 0.01 F1 per type against the model alone).
HAND_WEIGHT = 0.3
ORIGINS = ("lexicon", "gazetteer", "pattern", "name", "tagger")
ROLES = tuple(Role)
_EXPERIMENT = re.compile(r"\b(?:experiment|evaluation|result|benchmark|dataset)", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_TITLE_WORD = re.compile(r"[a-z0-9]+")
_SENTENCE = re.compile(r"(?:[^.!?]|[.!?](?=\d))+[.!?]?")
_NUMBER = re.compile(r"\b\d{1,3}\.\d+\b|\b\d{1,3}(?:\.\d+)?\s?%")


@dataclass(frozen=True)
class PaperView:
    """What the features need to know about a paper: chunk order, title and section kinds."""

    seq: dict[str, int]  # chunk id -> position
    chunks: int
    title: str
    experimental: frozenset[str]  # chunk ids whose opening words speak of experiments/results
    numeric: dict[str, list[tuple[int, int]]]  # chunk id -> spans of sentences with a number

    @classmethod
    def of(cls, paper: Paper) -> PaperView:
        experimental = frozenset(c.id for c in paper.chunks if _EXPERIMENT.search(c.text[:120]))
        return cls(
            {c.id: c.seq for c in paper.chunks},
            max(len(paper.chunks), 1),
            paper.title.lower(),
            experimental,
            {c.id: _numeric_sentences(c.text) for c in paper.chunks},
        )


def _numeric_sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if _NUMBER.search(m.group())]


def _in_numeric(view: PaperView, chunk_id: str, start: int) -> bool:
    return any(a <= start < b for a, b in view.numeric.get(chunk_id, ()))


def features(
    entity: Entity, view: PaperView, rank: int, total: int, df: dict[str, float]
) -> dict[str, float]:
    """The feature values of one entity, `rank` its place by mention count among the paper's
    entities of its type, `total` their mention count."""
    chunk_ids = {e.chunk_id for e in entity.evidence}
    positions = sorted(view.seq.get(c, 0) for c in chunk_ids) or [0]
    total = max(total, 1)
    names = {entity.label.lower(), *(a.lower() for a in entity.aliases)}
    origins = Counter(e.extractor for e in entity.evidence)
    label = entity.label
    values = {
        "bias": 1.0,
        "log_mentions": math.log1p(len(entity.evidence)),
        "log_chunks": math.log1p(len(chunk_ids)),
        "share": len(entity.evidence) / total,
        "inv_rank": 1.0 / (1 + rank),
        "first": positions[0] / view.chunks,
        "front": float(positions[0] < 3),
        "title": float(any(n and n in view.title for n in names)),
        "experimental": len(chunk_ids & view.experimental) / max(len(chunk_ids), 1),
        "salience": entity.salience,
        "acronym": float(label.isupper() and len(label) <= 8),
        "digit": float(bool(_DIGIT.search(label))),
        "words": min(len(label.split()), 5) / 5,
        "df": df.get(entity.key, 0.0),
        "first_chunk": float(positions[0] == 0),
        "lower_only": float(not any(c.isupper() or c.isdigit() for c in label)),
        "title_words": _title_share(label, view.title),
        "numeric": sum(_in_numeric(view, e.chunk_id, e.start) for e in entity.evidence)
        / max(len(entity.evidence), 1),
        "log_numeric": math.log1p(
            sum(_in_numeric(view, e.chunk_id, e.start) for e in entity.evidence)
        ),
    }
    for origin in ORIGINS:
        values[f"origin_{origin}"] = origins[origin] / max(len(entity.evidence), 1)
    for role in ROLES:
        values[f"role_{role.value}"] = float(entity.role is role)
    return values


def _title_share(label: str, title: str) -> float:
    """Share of the label's words that the (lower-case) title uses: a task named in the title
    ("... for Image Super-Resolution") is what the paper is about, even worded differently."""
    words = set(_TITLE_WORD.findall(label.lower()))
    return len(words & set(_TITLE_WORD.findall(title))) / len(words) if words else 0.0


def ranked_peers(peers: list[Entity]) -> list[tuple[int, Entity, int]]:
    """(rank by mention count, entity, the type's total mentions) for one type's entities."""
    total = sum(len(p.evidence) for p in peers)
    order = sorted(peers, key=lambda p: -len(p.evidence))
    return [(rank, entity, total) for rank, entity in enumerate(order)]


def scirex_type(kind: EntityType) -> str:
    """The model a type is scored by: datasets and benchmarks share one."""
    return "Dataset" if kind in (EntityType.DATASET, EntityType.BENCHMARK) else kind.value


@dataclass(frozen=True)
class SalienceModel:
    """Weights per model type and feature, and document frequencies of common entity keys."""

    weights: dict[str, dict[str, float]]
    df: dict[str, float]

    def rescore(self, paper: Paper, entities: list[Entity]) -> list[Entity]:
        """`entities` with their salience blended with the model's probability, most salient
        first."""
        view = PaperView.of(paper)
        by_type: dict[str, list[Entity]] = {}
        for entity in entities:
            by_type.setdefault(scirex_type(entity.type), []).append(entity)
        scores = {}
        for kind, peers in by_type.items():
            weights = self.weights.get(kind)
            for rank, entity, total in ranked_peers(peers):
                if weights is None:
                    scores[id(entity)] = entity.salience
                    continue
                values = features(entity, view, rank, total, self.df)
                z = sum(weights.get(name, 0.0) * value for name, value in values.items())
                scores[id(entity)] = 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
        for entity in entities:
            blended = HAND_WEIGHT * entity.salience + (1 - HAND_WEIGHT) * scores[id(entity)]
            entity.salience = round(blended, 4)
        return sorted(entities, key=lambda e: (-e.salience, e.label.lower()))

    def to_json(self) -> str:
        return json.dumps({"weights": self.weights, "df": self.df}, indent=0, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> SalienceModel:
        data = json.loads(text)
        return cls(data["weights"], data["df"])


def model_path(name: str = MODEL_NAME) -> Path:
    return Path(str(resources.files("papergraph.ingest.extract") / "model" / name))


@lru_cache(maxsize=4)
def load_salience_model(name: str = MODEL_NAME) -> SalienceModel | None:
    """A shipped salience model, or None (logged once) when it has not been trained."""
    path = model_path(name)
    if not path.is_file():
        log.warning(
            "no salience model at %s; run `python benchmarks/train_salience.py` "
            "(entities keep their hand-weighted salience)",
            path,
        )
        return None
    return SalienceModel.from_json(path.read_text("utf-8"))
