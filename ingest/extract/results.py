"""Reported results read from sentences: "X achieves 85.3 F1 on SQuAD" -> one Result row.

Works on the entities already extracted: within one sentence, a number next to a metric mention
makes a result; the dataset is the dataset or benchmark named in that sentence, the method the
method named before the number (else the paper's own method when the sentence speaks for the
authors), the task the task named in the sentence (else the paper's most salient task). Only
where that is precise: a value needs a method; a whole number without a percent sign is a count
or a setting, never a value; nor is a spread, a change or a setting's value; a "sentence" with
more than MAX_NUMBERS numbers is table text run together (tables are read as tables,
ingest/extract/table_results.py); figure text and figure captions (a plot's caption describes
what its curves show, not values the paper reports), references and footnotes are never read.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from papergraph.core.model import (
    Chunk,
    ChunkKind,
    Entity,
    EntityType,
    Evidence,
    Paper,
    Result,
    Role,
)
from papergraph.ingest.extract.metric_names import higher_is_better, read_metric
from papergraph.ingest.extract.value_metrics import printed_metric

EXTRACTOR = "result-pattern"
CONFIDENCE = 0.5
_SENTENCE = re.compile(r"(?:[^.!?]|[.!?](?=\d))+(?:[.!?]|$)")
NUMBER = re.compile(
    r"(?<![\w.])(?P<value>\d{1,3}(?:\.\d+)?|0?\.\d+)\s?(?P<pct>%|percent)?(?![\w.]|\.\d)"
)
_NOT_VALUE_BEFORE = re.compile(
    r"(?:table|fig\.?|figure|section|sec\.?|eq\.?|equation|top|layer|layers|step|epoch|epochs|"
    r"\[|\(|k\s?=|n\s?=|batch|size)\s*$",
    re.IGNORECASE,
)
#: Before a number: a spread ("± 2"), a change ("by 2.0", "+1.2") or a setting ("rate of 0.1").
_NOT_RESULT_BEFORE = re.compile(
    r"(?:±|\+/-|\+|=|≈|\[|,|\bby|\bof up to|\b(?:rate|dropout|dimension|heads|warmup|margin|"
    r"temperature|weight decay|momentum|threshold|coefficient|[λαβγετ])\s*(?:of|is|to|=)?)\s*$",
    re.IGNORECASE,
)
#: After a number: a change ("28 % relative improvement", "2.0 points"), a multiple, or a
#: share of something ("using only 7% of the training steps").
_NOT_RESULT_AFTER = re.compile(
    r"^\s*%?\s*(?:relative|absolute|improvement|gain|points?|pp\b|reduction|increase|decrease|"
    r"drop|better|worse|higher|lower|more|less|fewer|times|x\b|×|faster|slower"
    r"|of\s+(?:the|all|its|our|their|each)\b)",
    re.IGNORECASE,
)
#: Chunks whose numbers are never results: figure text (axis ticks), references, footnotes.
NO_RESULT_KINDS = frozenset(
    {
        ChunkKind.FIGURE,
        ChunkKind.REFERENCES,
        ChunkKind.FOOTNOTE,
        ChunkKind.ACKNOWLEDGMENTS,
        ChunkKind.FRONT,
    }
)
_FIGURE_CAPTION = re.compile(r"^\s*(?:Figure|Fig\.?)\s*(?:\d|[A-Z]\d|[IVX]+\b)", re.IGNORECASE)
OWN_WORK = re.compile(r"\b(?:our|we|ours|proposed)\b", re.IGNORECASE)
METRIC_REACH = 60  # characters between a value and its metric
MAX_NUMBERS = 4  # a "sentence" with more numbers is table text the PDF reader ran together


@dataclass(frozen=True)
class Span:
    """One entity mention inside a chunk."""

    start: int
    end: int
    entity: Entity


def find_results(paper: Paper, entities: list[Entity]) -> list[Result]:
    """Result rows the paper's sentences state, one per (value, metric) pair."""
    spans = _spans_by_chunk(entities)
    own = own_entity(entities, EntityType.METHOD)
    task = own_entity(entities, EntityType.TASK)
    results: list[Result] = []
    seen: set[tuple[str | None, ...]] = set()
    for chunk in paper.chunks:
        if chunk.kind in NO_RESULT_KINDS or _figure_caption(chunk):
            continue
        for start, end in _sentences(chunk.text):
            inside = [s for s in spans.get(chunk.id, []) if start <= s.start and s.end <= end]
            for result in _sentence_results(chunk.text, chunk.id, start, end, inside, own, task):
                key = (result.method, result.task, result.dataset, result.metric, str(result.value))
                if key not in seen:
                    seen.add(key)
                    results.append(result)
    return results


def _figure_caption(chunk: Chunk) -> bool:
    return chunk.kind is ChunkKind.CAPTION and bool(_FIGURE_CAPTION.match(chunk.text))


def _spans_by_chunk(entities: list[Entity]) -> dict[str, list[Span]]:
    spans: dict[str, list[Span]] = defaultdict(list)
    for entity in entities:
        for evidence in entity.evidence:
            spans[evidence.chunk_id].append(Span(evidence.start, evidence.end, entity))
    return spans


def own_entity(entities: list[Entity], kind: EntityType) -> Entity | None:
    """The paper's own entity of a type: the most salient it proposes, else the most salient."""
    typed = [e for e in entities if e.type is kind]
    proposed = [e for e in typed if e.role is Role.PROPOSES]
    return max(proposed or typed, key=lambda e: e.salience, default=None)


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.end() > m.start()]


def _sentence_results(
    text: str,
    chunk_id: str,
    start: int,
    end: int,
    spans: list[Span],
    own: Entity | None,
    task: Entity | None,
) -> list[Result]:
    metrics = [s for s in spans if s.entity.type is EntityType.METRIC]
    datasets = [s for s in spans if s.entity.type in (EntityType.DATASET, EntityType.BENCHMARK)]
    if not metrics or not datasets:
        return []
    sentence = text[start:end]
    numbers = list(NUMBER.finditer(sentence))
    if len(numbers) > MAX_NUMBERS:  # a table's text run together, not a sentence
        return []
    results = []
    for number in numbers:
        at = start + number.start()
        if not _stated_value(text, start, at, start + number.end(), number):
            continue
        if any(0 <= at - d.end <= 1 for d in datasets):  # a version: "SQuAD 2.0"
            continue
        metric = _nearest(metrics, at, METRIC_REACH)
        method = _method_before(spans, at) or (own if OWN_WORK.search(sentence) else None)
        if metric is None or method is None:  # a value of nobody's is no leaderboard row
            continue
        tasks = [s.entity for s in spans if s.entity.type is EntityType.TASK]
        named_task = tasks[0] if tasks else task
        label = _metric_label(metric.entity.label, text[metric.start : metric.end + 8])
        mentions = [(s.start - start, s.end - start) for s in metrics]
        label = printed_metric(sentence, number.start(), number.end(), mentions) or label
        evidence = Evidence(chunk_id, start, end, sentence, EXTRACTOR, CONFIDENCE)
        results.append(
            Result(
                method=method.label,
                task=named_task.label if named_task else None,
                dataset=min(datasets, key=lambda s: abs(s.start - at)).entity.label,
                metric=label,
                value=float(number.group("value")),
                evidence=[evidence],
                higher_is_better=higher_is_better(label),
            )
        )
    return results


def _metric_label(label: str, printed: str) -> str:
    """The entity's label, unless the words as printed point the other way: the lexicon folds
    "top-5 error" into "top-5 accuracy", but an error is not an accuracy."""
    named = read_metric(printed)
    direction = higher_is_better(label)
    if named is None or direction is None or named.higher_is_better == direction:
        return label
    return named.label


def _stated_value(text: str, start: int, at: int, after: int, number: re.Match[str]) -> bool:
    """False for a number that is a reference, a spread, a change, a setting or a count."""
    before = text[max(start, at - 24) : at]
    following = text[after : after + 30]
    if _NOT_VALUE_BEFORE.search(before[-12:]) or _NOT_RESULT_BEFORE.search(before):
        return False
    if _NOT_RESULT_AFTER.search(following):
        return False
    return "." in number.group("value") or bool(number.group("pct"))  # a whole number: a count


def _nearest(spans: list[Span], at: int, reach: int) -> Span | None:
    distance = {id(s): min(abs(s.start - at), abs(s.end - at)) for s in spans}
    best = min(spans, key=lambda s: distance[id(s)], default=None)
    return best if best is not None and distance[id(best)] <= reach else None


def _method_before(spans: list[Span], at: int) -> Entity | None:
    before = [s for s in spans if s.entity.type is EntityType.METHOD and s.end <= at]
    return max(before, key=lambda s: s.end).entity if before else None
