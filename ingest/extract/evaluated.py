"""What a paper's own result tables say it is about: the datasets it evaluates on, the metrics it
reports.

The table reader (ingest/extract/table_results.py) resolves each value of the paper's own rows to
a dataset and a metric from the table's headers and caption. A dataset found there is one the
paper evaluates on (role evaluates-on) and is shown, however many others the paper names: XLNet
and ALBERT report on eight GLUE tasks, SQuAD and RACE beside them. A metric the paper names while
its tables report others is one it names in passing ("accuracy" in a detection paper that
reports AP), and is not shown. Both read only rows with a value from a table (sentence results
and claims say less). Measured on pdfgold-dev by benchmarks/entities_pdf.py.
"""

from __future__ import annotations

import re

from papergraph.core.canonical import DATASET_TYPES, canonical
from papergraph.core.model import Entity, EntityType, Result, Role, fold

#: Words of a metric's name that do not say what it measures ("top-5 error rate" is an error).
_QUALIFYING = frozenset({"top", "rate", "rates", "score", "mean", "average", "test", "val"})
_WORD = re.compile(r"[a-z]+")


def from_tables(entities: list[Entity], results: list[Result]) -> None:
    """Mark datasets the paper's table rows evaluate on as evaluates-on and shown; hide metrics
    its table rows never report, when they report some."""
    rows = [r for r in results if r.value is not None and any(e.table for e in r.evidence)]
    datasets = {_dataset_key(r.dataset) for r in rows if r.dataset}
    metrics = [r.metric for r in rows if r.metric]
    for entity in entities:
        if entity.type in DATASET_TYPES and datasets & _dataset_keys(entity):
            entity.role = Role.EVALUATES_ON
            entity.salient = True
        if entity.type is EntityType.METRIC and metrics and not reported(entity, metrics):
            entity.salient = False


def reported(entity: Entity, metrics: list[str]) -> bool:
    """Whether a table reports the metric: one of its names shares what it measures with one
    of `metrics` ("accuracy" with "Top-1 Accuracy", "top-5 error" with "error rate")."""
    names = (entity.label, *entity.aliases)
    measured = {w for name in names for w in _measures(name)}
    keys = {fold(name) for name in names}
    return any(fold(m) in keys or measured & _measures(m) for m in metrics)


def _measures(name: str) -> set[str]:
    return {w for w in _WORD.findall(name.lower()) if w not in _QUALIFYING}


def _dataset_key(name: str) -> str:
    return canonical(name, EntityType.DATASET).key


def _dataset_keys(entity: Entity) -> set[str]:
    return {_dataset_key(name) for name in (entity.label, *entity.aliases)}
