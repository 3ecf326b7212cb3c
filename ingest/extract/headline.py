"""Headline results: what a paper's sentences state beside the rows its tables give.

A paper's abstract and body often print its headline numbers ("test error of 4.82% (according
to the ILSVRC server)") that no table of it holds, and those are the rows a leaderboard most
wants. Where the paper's tables gave own rows, a sentence's result (ingest/extract/results.py,
which already refuses a spread, a count, a setting's value or a change) is kept only where it is
a precise claim of the paper's own and adds what no table says:

- the table wins: a value any of its own rows prints is the table's, and a (dataset, metric)
  one of them covers (one name inside the other: "WMT" in "WMT 2014 English-German",
  "accuracy" in "top-1 accuracy") is the table's too, whatever the sentence's value;
- the method is the paper's own: one it proposes, one its own rows are named after (not a
  baseline their name starts with: "Transformer" of "Transformer-XL"), or the paper's own method
  where the sentence speaks for the authors before the value and names no other's result
  ("previous", "prior", "reported"); its task is the one an own row on its dataset carries;
- the measure is one the paper's own rows use ("error" of "test error" and "top-5 error"): a
  value in a measure no table of it uses is a side experiment's (a QA paper's back-translation
  model's BLEU);
- the value is bound to its metric ("28.4 BLEU", "an error of 4.82%"), not a baseline it
  starts "from", a bound ("more than 2.0"), a gain ("an improvement of 2%") nor a value on a
  subset or a setting the row would drop ("11.8% accuracy in such cases", "84.86% top-1
  accuracy on ImageNet with only 10 examples per class");
- the dataset is the one the value is on: introduced by "on", "for", "in" or "to" ("on
  ImageNet", "On the WMT 2014 English-to-French task, ..."), not a source ("retrieving from
  Wikipedia") nor training data ("with only ImageNet-1K training").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from papergraph.core.model import Chunk, Entity, EntityType, Evidence, Paper, Result, Role, fold
from papergraph.ingest.extract.claims import table_valued
from papergraph.ingest.extract.results import NUMBER, OWN_WORK, own_entity

#: Words that introduce the data a value is on, just before the dataset's name.
_ON = re.compile(r"\b(?:on|for|in|to)\s+(?:the\s+)?$", re.IGNORECASE)
#: Before a value: a baseline ("from 75.3% to ..."), a bound ("more than 2.0"), a gain.
_NOT_HEADLINE_BEFORE = re.compile(
    r"(?:\bfrom|\bthan|\bover|\bup to|\babout|\baround|\bnearly|\balmost|~|"
    r"\b(?:improvement|gain|margin|boost|increase|decrease|reduction|drop)s?\s+(?:of|by))\s*$",
    re.IGNORECASE,
)
#: After a value, before the clause ends: a subset or a condition it holds under ("with only
#: 10 examples per class", "using only public data": a setting the row would drop).
_CONDITION_AFTER = re.compile(
    r"^[^,;:()]{0,40}?\b(?:in (?:such|these|those|some) cases|subset|when|if|where|with|using)\b",
    re.IGNORECASE,
)
#: A metric's name ends this close before its value ("BLEU score of 41.8", "perplexity 18.46").
METRIC_BEFORE = 16
#: ... or starts this close after it ("28.4 BLEU", "87.8% top-1 accuracy").
METRIC_AFTER = 4
#: Another's result the authors speak of: "the previous state of the art ... which we improve".
_OTHERS = re.compile(r"\b(?:previous(?:ly)?|prior|existing|earlier|reported)\b", re.IGNORECASE)
#: A number glued to a metric's name ("top-1", "ROUGE-1", "Hits@10"), no value.
_GLUED = "-@"


def headline_results(
    paper: Paper, entities: list[Entity], stated: list[Result], tabled: list[Result]
) -> list[Result]:
    """The sentence results `stated` worth keeping beside the table results `tabled`."""
    own_rows = [r for r in tabled if table_valued(r)]
    if not own_rows:
        return []
    values = {r.value for r in own_rows}
    measures = {_measure(r.metric) for r in own_rows}
    own = _own_methods(entities, own_rows)
    fallback = own_entity(entities, EntityType.METHOD)
    chunks = {chunk.id: chunk for chunk in paper.chunks}
    kept: list[Result] = []
    for result in stated:
        if result.value in values or _covered(result, own_rows):
            continue
        if _measure(result.metric) not in measures:
            continue
        evidence = result.evidence[0]
        sentence = evidence.text
        if fold(result.method or "") not in own and not _speaks_for(sentence, result, fallback):
            continue
        spans = _mentions(entities, evidence.chunk_id, evidence.start, evidence.end)
        chunk = chunks.get(evidence.chunk_id)
        if chunk and _precise(chunk.text, evidence.start, evidence.end, result, spans):
            metric = elided_k(result.metric, sentence)
            task = _task_on(result, own_rows)
            paged = [_paged(evidence, chunk)]
            kept.append(replace(result, task=task, metric=metric, evidence=paged))
    return kept


#: A split's measure with no k ("test error") and a top-k one of the same measure before it.
_SPLIT_MEASURE = re.compile(r"^(?:test|validation|val|dev)\s+(?P<measure>error|accuracy)$", re.I)


def elided_k(metric: str | None, sentence: str) -> str | None:
    """The metric with the k its sentence said once for two values: "a top-5 validation error
    of 4.9%, and test error of 4.82%" gives the second "top-5 test error"."""
    split = _SPLIT_MEASURE.match(metric or "")
    if split is None:
        return metric
    measure = split.group("measure")
    said = re.findall(rf"\btop-?(\d+)\s+(?:\w+\s+)?{measure}\b", sentence, re.IGNORECASE)
    return f"top-{said[0]} {metric}" if len(set(said)) == 1 else metric


def _task_on(result: Result, rows: Iterable[Result]) -> str | None:
    """The task an own table row on the result's dataset carries, else the result's own."""
    dataset = fold(result.dataset or "")
    on = (r.task for r in rows if r.task and dataset and fold(r.dataset or "") == dataset)
    return next(on, result.task)


def _paged(evidence: Evidence, chunk: Chunk) -> Evidence:
    """The sentence's evidence with its page, where its chunk lies on one (its section is the
    chunk's)."""
    return replace(evidence, page=chunk.pages[0]) if len(chunk.pages) == 1 else evidence


def _speaks_for(sentence: str, result: Result, fallback: Entity | None) -> bool:
    """Whether the sentence speaks for the authors before the value, names no other's result
    (previous, prior, reported), and its method is the paper's own one (ingest/extract/results.py
    gives it where the sentence names no method before the value: `fallback`, `own_entity`'s)."""
    at = next(
        (m.start() for m in NUMBER.finditer(sentence) if float(m.group("value")) == result.value),
        0,
    )
    return (
        bool(OWN_WORK.search(sentence, 0, at))
        and not _OTHERS.search(sentence)
        and fallback is not None
        and fallback.label == result.method
    )


def _covered(result: Result, rows: Iterable[Result]) -> bool:
    """Whether an own table row is on the result's dataset and metric (one name inside the
    other's, folded)."""
    dataset, metric = fold(result.dataset or ""), fold(result.metric or "")
    return any(
        _inside(dataset, fold(r.dataset or "")) and _inside(metric, fold(r.metric or ""))
        for r in rows
    )


def _measure(metric: str | None) -> str:
    """What a metric measures, its last word: "error" of "top-5 error" and "test error"."""
    words = re.findall(r"[a-z0-9]+", (metric or "").lower())
    return words[-1] if words else ""


def _inside(one: str, other: str) -> bool:
    return bool(one and other) and (one in other or other in one)


def _own_methods(entities: list[Entity], rows: list[Result]) -> set[str]:
    """The folded labels of the methods the paper proposes or names its own table rows (a
    qualifier aside: "SciBERT (Finetune)"); not a baseline a row's name starts with
    ("Transformer" of "Transformer-XL")."""
    named = {fold(re.sub(r"\s*\([^()]*\)", "", r.method or "")) for r in rows}
    named |= {fold(r.method or "") for r in rows}
    return {
        fold(e.label)
        for e in entities
        if e.type is EntityType.METHOD and (e.role is Role.PROPOSES or fold(e.label) in named)
    }


def _mentions(
    entities: list[Entity], chunk_id: str, start: int, end: int
) -> list[tuple[int, int, Entity]]:
    return [
        (ev.start, ev.end, e)
        for e in entities
        for ev in e.evidence
        if ev.chunk_id == chunk_id and start <= ev.start and ev.end <= end
    ]


def _precise(
    text: str, start: int, end: int, result: Result, spans: list[tuple[int, int, Entity]]
) -> bool:
    """Whether some printing of the result's value in the sentence is bound to a metric, on
    the result's dataset, and neither a baseline, a bound, a gain nor a subset's."""
    metrics = [(s, e) for s, e, entity in spans if entity.type is EntityType.METRIC]
    printed = re.compile(re.escape(result.metric or ""), re.IGNORECASE)
    metrics += [(found.start(), found.end()) for found in printed.finditer(text, start, end)]
    datasets = [
        (s, e)
        for s, e, entity in spans
        if entity.type in (EntityType.DATASET, EntityType.BENCHMARK)
        and entity.label == result.dataset
        and _ON.search(text[max(start, s - 12) : s])
    ]
    return any(
        _bound(text, number, end, metrics) and any(_on(text, start, number, d) for d in datasets)
        for number in NUMBER.finditer(text, start, end)
        if float(number.group("value")) == result.value
    )


def _bound(text: str, number: re.Match[str], end: int, metrics: list[tuple[int, int]]) -> bool:
    """Whether the value printed at `number` is its metric's, and no baseline, bound, gain or
    subset's."""
    at, after = number.start(), number.end()
    if after < end and text[after] == "%":
        after += 1
    if _NOT_HEADLINE_BEFORE.search(text[max(0, at - 24) : at]):
        return False
    if _CONDITION_AFTER.search(text[after:end]):
        return False
    return any(0 <= at - e <= METRIC_BEFORE or 0 <= s - after <= METRIC_AFTER for s, e in metrics)


def _on(text: str, start: int, number: re.Match[str], dataset: tuple[int, int]) -> bool:
    """Whether the dataset named at `dataset` is the value's: named after it with no other
    value between ("28.4 BLEU on WMT"), or before it opening the sentence's values ("On WMT,
    ... 41.8"), not after another value it belongs to ("87.8% on ImageNet and 56.0% mIoU")."""
    begin, finish = dataset
    if begin >= number.end():
        return not _values(text, number.end(), begin)
    return finish <= number.start() and not _values(text, start, begin)


def _values(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The values printed between `start` and `end`, not the numbers glued to a metric's name
    ("top-1", "BLEU-4", "Hits@10")."""
    found = NUMBER.finditer(text, start, end)
    return [m for m in found if m.start() == 0 or text[m.start() - 1] not in _GLUED]
