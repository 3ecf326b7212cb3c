"""Leaderboards: every paper's results with a value, one board per (dataset, metric), best first.

A board's rows are (method, value, paper) with the evidence each value was read from (for a
table cell: page, table, caption, row and column headers, the cell). A result without a value is
a claim, never a row; but claims count towards `supporting_papers`, the number of papers that
report anything on a row's (method, dataset). Filters name an entity by label (folded, as entity
keys are) and are pushed into the query.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from papergraph.core.model import EntityType, entity_key
from papergraph.kg.store import KnowledgeGraph
from papergraph.kg.vocab import chunk_id_from_iri, entity_iri, paper_id_from_iri

Direction = Callable[[str], "bool | None"]  # a metric label -> higher is better, None: unknown
EVIDENCE_FIELDS = (
    "page",
    "tableNumber",
    "caption",
    "rowHeader",
    "columnHeader",
    "cell",
    "ablation",
)
#: Rows read from an ablation (a variant of the method taken apart) stay off the boards.
_NO_ABLATION = "FILTER NOT EXISTS { GRAPH ?g { ?result pg:evidence/pg:ablation ?ablated } }"

_ROWS_QUERY = """
SELECT ?paper ?result ?value ?better ?method ?dataset ?datasetLabel ?metric ?metricLabel
       ?taskLabel ?methodLabel ?chunk ?text {evidence_vars} WHERE {{
  GRAPH ?g {{
    ?paper pg:reportsResult ?result .
    ?result pg:value ?value ; pg:resultDataset ?dataset ; pg:resultMetric ?metric .
    ?dataset skos:prefLabel ?datasetLabel . ?metric skos:prefLabel ?metricLabel .
    OPTIONAL {{ ?result pg:higherIsBetter ?better }}
    OPTIONAL {{ ?result pg:resultMethod ?method . ?method skos:prefLabel ?methodLabel }}
    OPTIONAL {{ ?result pg:resultTask/skos:prefLabel ?taskLabel }}
    OPTIONAL {{ ?result pg:evidence ?ev . ?ev prov:wasDerivedFrom ?chunk ; prov:value ?text .
               {evidence_optionals} }}
  }}
  {filters}
}}
"""

_SUPPORT_QUERY = """
SELECT ?method ?dataset (COUNT(DISTINCT ?paper) AS ?papers) WHERE {
  GRAPH ?g { ?paper pg:reportsResult ?r . ?r pg:resultMethod ?method ; pg:resultDataset ?dataset }
} GROUP BY ?method ?dataset
"""


@dataclass
class Board:
    """One leaderboard: its (task, dataset, metric), the metric's direction, rows best first."""

    task: str | None
    dataset: str
    metric: str
    higher_is_better: bool
    rows: list[dict[str, Any]] = field(default_factory=list)


def leaderboards(
    graph: KnowledgeGraph,
    *,
    task: str | None = None,
    dataset: str | None = None,
    metric: str | None = None,
    direction: Direction | None = None,
    ablations: bool = False,
) -> list[Board]:
    """The boards the filters admit, largest first; `direction(metric_label)` gives a metric's
    direction where no result states one (higher is better when it says nothing); values read
    from ablations (`pg:ablation` on their evidence) only with `ablations`."""
    rows = graph.query(_rows_query(dataset, metric, ablations))
    support = _support(graph)
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        values = row.asdict()  # type: ignore[union-attr]
        grouped[(str(values["datasetLabel"]), str(values["metricLabel"]))].append(values)
    boards = [_board(key, found, support, direction) for key, found in grouped.items()]
    if task:
        boards = [b for b in boards if b.task and _fold(b.task) == _fold(task)]
    return sorted(boards, key=lambda b: (-len(b.rows), b.dataset, b.metric))


def _rows_query(dataset: str | None, metric: str | None, ablations: bool = False) -> str:
    filters = [] if ablations else [_NO_ABLATION]
    if dataset:
        keys = [entity_key(t, dataset) for t in (EntityType.DATASET, EntityType.BENCHMARK)]
        filters.append("VALUES ?dataset { " + " ".join(f"<{entity_iri(k)}>" for k in keys) + " }")
    if metric:
        filters.append(
            f"VALUES ?metric {{ <{entity_iri(entity_key(EntityType.METRIC, metric))}> }}"
        )
    return _ROWS_QUERY.format(
        evidence_vars=" ".join(f"?{name}" for name in EVIDENCE_FIELDS),
        evidence_optionals=" ".join(f"OPTIONAL {{ ?ev pg:{n} ?{n} }}" for n in EVIDENCE_FIELDS),
        filters="\n  ".join(filters),
    )


def _support(graph: KnowledgeGraph) -> dict[tuple[str, str], int]:
    """Papers reporting anything (a value or a claim) per (method IRI, dataset IRI)."""
    found = graph.query(_SUPPORT_QUERY)
    return {(str(m), str(d)): int(str(n)) for m, d, n in found}  # type: ignore[misc]


def _board(
    key: tuple[str, str],
    found: list[dict[str, Any]],
    support: dict[tuple[str, str], int],
    direction: Direction | None,
) -> Board:
    dataset, metric = key
    stated = Counter(bool(v["better"].toPython()) for v in found if v.get("better") is not None)
    if stated:
        higher = stated.most_common(1)[0][0]
    else:
        known = direction(metric) if direction else None
        higher = True if known is None else bool(known)
    tasks = Counter(str(v["taskLabel"]) for v in found if v.get("taskLabel") is not None)
    rows = _rows(found, support)
    rows.sort(key=lambda r: (-r["value"] if higher else r["value"], r["method"] or ""))
    task = tasks.most_common(1)[0][0] if tasks else None
    return Board(task=task, dataset=dataset, metric=metric, higher_is_better=higher, rows=rows)


def _rows(found: list[dict[str, Any]], support: dict[tuple[str, str], int]) -> list[dict[str, Any]]:
    """One row per result node (its first evidence), numeric values only."""
    by_result: dict[str, dict[str, Any]] = {}
    for values in found:
        try:
            value = float(str(values["value"]))
        except ValueError:
            continue
        if str(values["result"]) in by_result:
            continue
        method = values.get("method")
        by_result[str(values["result"])] = {
            "method": str(values["methodLabel"]) if values.get("methodLabel") else None,
            "value": value,
            "paper_id": paper_id_from_iri(str(values["paper"])),
            "supporting_papers": support.get((str(method), str(values["dataset"])), 1),
            "evidence": _evidence(values),
        }
    return list(by_result.values())


def _evidence(values: dict[str, Any]) -> dict[str, Any] | None:
    if values.get("chunk") is None:
        return None
    evidence: dict[str, Any] = {
        "chunk_id": chunk_id_from_iri(str(values["chunk"])),
        "text": str(values["text"]),
    }
    for name in EVIDENCE_FIELDS:
        if values.get(name) is not None:
            evidence[name] = values[name].toPython()
    return evidence


def _fold(text: str) -> str:
    return entity_key(EntityType.TASK, text)
