"""Leaderboards: every paper's results with a value, one board per (dataset, metric), best first.

A board's rows are (method, value, paper) with the evidence each value was read from (for a
table cell: page, table, caption, row and column headers, the cell). A result without a value is
a claim, never a row; but claims count towards `supporting_papers`, the number of papers that
report anything on a row's (method, dataset). A board is one dataset node *and* one variant
(`pg:qualifier` on the result: WMT's "2014 en-de" and "2014 en-fr" are two boards) and one metric
node, whatever label each paper's graph gives it ("Accuracy" in one, "accuracy" in another: one
metric, one board, so a method's numbers from two papers meet). Filters name
an entity by label (a dataset by its canonical name, `core.canonical`; others folded, as entity
keys are) and are pushed into the query.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from papergraph.core.canonical import Canonical, canonical
from papergraph.core.model import EntityType, entity_key, fold
from papergraph.kg.board_groups import by_task, fold_top_one, same_measure_names, variant_names
from papergraph.kg.board_scale import on_one_scale
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
       ?taskLabel ?methodLabel ?qualifier ?datasetName ?chunk ?text {evidence_vars} WHERE {{
  GRAPH ?g {{
    ?paper pg:reportsResult ?result .
    ?result pg:value ?value ; pg:resultDataset ?dataset ; pg:resultMetric ?metric .
    ?dataset skos:prefLabel ?datasetLabel . ?metric skos:prefLabel ?metricLabel .
    OPTIONAL {{ ?result pg:higherIsBetter ?better }}
    OPTIONAL {{ ?result pg:qualifier ?qualifier }}
    OPTIONAL {{ ?result pg:datasetName ?datasetName }}
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

_VARIANTS_QUERY = """
SELECT DISTINCT ?dataset ?qualifier WHERE {{
  VALUES ?dataset {{ {nodes} }}
  GRAPH ?g {{ ?r pg:resultDataset ?dataset ; pg:qualifier ?qualifier }}
}}
"""


@dataclass
class Board:
    """One leaderboard: its (task, dataset, metric), the metric's direction, rows best first.
    `dataset` is the name its papers print most (a variant's own: "WMT 2014 English-German"),
    `qualifier` the variant of the dataset's node ("2014 en-de" of WMT)."""

    task: str | None
    dataset: str
    metric: str
    higher_is_better: bool
    rows: list[dict[str, Any]] = field(default_factory=list)
    qualifier: str = ""


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
    asked = canonical(dataset, EntityType.DATASET) if dataset else None
    rows = graph.query(_rows_query(asked, dataset, metric, ablations))
    support = _support(graph)
    measures: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:  # one measure's names ("Top-1 Accuracy", "accuracy") meet: `board_groups`
        values = row.asdict()  # type: ignore[union-attr]
        variant = str(values.get("qualifier") or "")
        metric = entity_key(EntityType.METRIC, str(values["metricLabel"]))
        measures[(str(values["dataset"]), variant, metric)].append(values)
    measures = fold_top_one(measures)
    labels = {str(v["dataset"]): str(v["datasetLabel"]) for f in measures.values() for v in f}
    fetched = {key[:2] for key in measures}
    initialled = {node for node, variant in fetched if len(variant) == 1 and variant.isalpha()}
    spelled = variant_names(fetched | _all_variants(graph, initialled), labels)
    merged: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for (node, variant, measure), found in measures.items():
        merged[(node, spelled[(node, variant)], measure)].extend(found)
    grouped: dict[tuple[str, str, str, str], list[dict[str, Any]]] = {
        (*key, task): found
        for key, all_rows in merged.items()
        for task, found in by_task(all_rows).items()
    }
    if asked and asked.qualifier:  # "WMT 2014 English-German": that variant's boards only
        grouped = {k: rows for k, rows in grouped.items() if _variant_of(k, rows, asked, dataset)}
    boards = [_board(key, found, support, direction) for key, found in grouped.items()]
    if task:
        boards = [b for b in boards if b.task and _fold(b.task) == _fold(task)]
    return sorted(boards, key=lambda b: (-len(b.rows), b.dataset, b.metric))


def _variant_of(
    key: tuple[str, ...], found: list[dict[str, Any]], asked: Canonical, name: str | None
) -> bool:
    """Whether a board's (dataset node, variant, metric) is the variant a filter asked for:
    its qualifier, or the name its papers print, or a node matched by the name as given."""
    node, variant = key[:2]
    canonical_nodes = {
        str(entity_iri(entity_key(kind, asked.label)))
        for kind in (EntityType.DATASET, EntityType.BENCHMARK)
    }
    printed = {fold(str(v["datasetName"])) for v in found if v.get("datasetName") is not None}
    return variant == asked.qualifier or node not in canonical_nodes or fold(name or "") in printed


def _rows_query(
    asked: Canonical | None, dataset: str | None, metric: str | None, ablations: bool = False
) -> str:
    """The rows query; a dataset filter names the dataset's node by its canonical label, or
    the name printed with the result (folded: "wmt 2014 english german"), or, for graphs
    written before results were canonicalised, the node of the name as given."""
    filters = [] if ablations else [_NO_ABLATION]
    if asked and dataset:
        keys = {
            entity_key(kind, name)
            for kind in (EntityType.DATASET, EntityType.BENCHMARK)
            for name in (asked.label, dataset)
        }
        iris = ", ".join(f"<{entity_iri(k)}>" for k in sorted(keys))
        printed = f'LCASE(REPLACE(STR(?datasetName), "[^0-9A-Za-z]", "")) = "{fold(dataset)}"'
        filters.append(f"FILTER (?dataset IN ({iris}) || {printed})")
    if metric:
        keys = {entity_key(EntityType.METRIC, name) for name in same_measure_names(metric)}
        iris = " ".join(f"<{entity_iri(key)}>" for key in sorted(keys))
        filters.append(f"VALUES ?metric {{ {iris} }}")
    return _ROWS_QUERY.format(
        evidence_vars=" ".join(f"?{name}" for name in EVIDENCE_FIELDS),
        evidence_optionals=" ".join(f"OPTIONAL {{ ?ev pg:{n} ?{n} }}" for n in EVIDENCE_FIELDS),
        filters="\n  ".join(filters),
    )


def _all_variants(graph: KnowledgeGraph, nodes: set[str]) -> set[tuple[str, str]]:
    """Every (dataset node, variant) the graph's results name for `nodes`, whatever a query's
    filters: only the nodes with a one-letter variant need them (`variant_names`), so most
    requests ask nothing more."""
    if not nodes:
        return set()
    found = graph.query(_VARIANTS_QUERY.format(nodes=" ".join(f"<{n}>" for n in sorted(nodes))))
    return {(str(node), str(variant)) for node, variant in found}  # type: ignore[misc]


def _support(graph: KnowledgeGraph) -> dict[tuple[str, str], int]:
    """Papers reporting anything (a value or a claim) per (method IRI, dataset IRI)."""
    found = graph.query(_SUPPORT_QUERY)
    return {(str(m), str(d)): int(str(n)) for m, d, n in found}  # type: ignore[misc]


def _board(
    key: tuple[str, str, str, str],
    found: list[dict[str, Any]],
    support: dict[tuple[str, str], int],
    direction: Direction | None,
) -> Board:
    qualifier = key[1]
    dataset = _shown_name(found, qualifier)
    metric = _most_printed(str(v["metricLabel"]) for v in found)
    stated = Counter(bool(v["better"].toPython()) for v in found if v.get("better") is not None)
    if stated:
        higher = stated.most_common(1)[0][0]
    else:
        known = direction(metric) if direction else None
        higher = True if known is None else bool(known)
    tasks = Counter(str(v["taskLabel"]) for v in found if v.get("taskLabel") is not None)
    rows = on_one_scale(_rows(found, support), metric)
    rows.sort(key=lambda r: (-r["value"] if higher else r["value"], r["method"] or ""))
    task = min(tasks, key=lambda t: (-tasks[t], t)) if tasks else None  # a tie: stable
    return Board(task, dataset, metric, higher, rows, qualifier)


def _shown_name(found: list[dict[str, Any]], qualifier: str) -> str:
    """The name the board's papers print most for its dataset, the fuller on a tie; the label with the
    variant where none is stored (graphs written before `pg:datasetName`)."""
    printed = Counter(str(v["datasetName"]) for v in found if v.get("datasetName") is not None)
    if printed:  # ties: the fuller name ("WMT 2014 English-German" over "WMT14 En-De")
        return max(printed.items(), key=lambda item: (item[1], len(item[0]), item[0]))[0]
    return " ".join(part for part in (str(found[0]["datasetLabel"]), qualifier) if part)


def _most_printed(labels: Iterable[str]) -> str:
    """The label most rows give a board's metric node (one paper's graph may spell it "Accuracy",
    another "accuracy"), the first in sort order on a tie, so a board's label is stable."""
    counts = Counter(labels)
    return min(counts, key=lambda label: (-counts[label], label))


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
