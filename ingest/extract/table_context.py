"""What every cell of one results table shares, and a cell as the evidence of a result."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from papergraph.core.model import Evidence, Result, Table, TableCell
from papergraph.ingest.extract.coco_ap import coco_ap
from papergraph.ingest.extract.metric_names import Metric, metrics_named, read_metric
from papergraph.ingest.extract.rouge_short import rouge_trio, short_rouge
from papergraph.ingest.extract.table_grid import Grid, Number, Row, clean
from papergraph.ingest.extract.table_headers import AGGREGATE
from papergraph.ingest.extract.usual_metrics import top_k_of

_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")
_LEAD = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")
_BRACKETED = re.compile(r"\([^()]*\)")  # "(Li et al., 2016)"
_CLAUSE = re.compile(r"[;,.:](?:\s|$)")
_OTHERS = re.compile(r"\b(?:others?|rest|remaining)\b", re.IGNORECASE)
#: A sub-table's mark as a caption cites it ("(Table 1a)", "(b)") and as a header opens with it.
_SUB_CITED = re.compile(r"\((?:Table\s*\d+)?\s*(?P<mark>[a-z])\)")
_SUB_HEADER = re.compile(r"^\((?P<mark>[a-z])\)\s")
EXTRACTOR = "table"
CONFIDENCE = 0.8
#: How a row's evidence says the table printed no metric and the dataset's usual one was taken.
INFERRED = "metric inferred:"


@dataclass(frozen=True)
class TableContext:
    """What every cell of one table shares: the table, its grid and what its caption names."""

    table: Table
    grid: Grid
    caption_metric: Metric | None
    caption_dataset: str | None
    chunk_id: str
    datasets: Mapping[str, str] = field(default_factory=dict)  # name -> label, of the paper
    #: What the caption says each column is measured in ("F1 scores are reported for QQP and
    #: MRPC, ... accuracy for the other tasks"): a header's leading name -> metric; "" the rest.
    column_metrics: Mapping[str, Metric] = field(default_factory=dict)
    study: bool = False  # the caption says the table is an ablation study
    method: str = ""  # the paper's own method's name, the base of a change row naming none
    #: Whether the caption names any metric (a column without one then takes no usual metric).
    caption_names_metric: bool = False
    #: The metric each header of the table names, read once per table, not once per cell.
    header_metrics: Mapping[str, Metric | None] = field(default_factory=dict)
    #: The WMT years the paper's text names language pairs with (ingest/extract/text_test_sets.py).
    test_sets: Mapping[frozenset[str], str] = field(default_factory=dict)
    #: The paper's text, whose sentences on a dataset spell out the categories a table of it
    #: abbreviates ("Prof.": profession; ingest/extract/category_rows.py).
    text: str = ""

    def header_metric(self, header: str) -> Metric | None:
        """The metric `header` names (read once per table for the grid's headers); ROUGE's
        short forms where the headers print them together (ingest/extract/rouge_short.py)."""
        metric = (
            self.header_metrics[header] if header in self.header_metrics else read_metric(header)
        )
        return metric or (short_rouge(header) if self.rouge_short else None)

    @cached_property
    def rouge_short(self) -> bool:
        """Whether the table's headers print ROUGE short ("R1", "R2", "RL")."""
        return rouge_trio(self.header_metrics)

    @cached_property
    def metric_kinds(self) -> frozenset[str]:
        """The metrics the table's column headers name (read once per table, not per cell)."""
        return frozenset(metric.label for metric in self.header_metrics.values() if metric)

    def column_metric(self, header: str) -> Metric | None:
        """The metric the caption gives the column headed `header`, or None. An average
        column ("Avg.") is none of "the other tasks" where the caption gives the tasks metrics
        of more than one kind (accuracy for MNLI, correlation for CoLA): it averages them all."""
        lead = _LEAD.match(header) or _SUB_HEADER.match(header)
        named = self.column_metrics.get(lead.group().strip()) if lead else None
        mixed = len({metric.label for metric in self.column_metrics.values()}) > 1
        rest = None if mixed and AGGREGATE.match(header) else self.column_metrics.get("")
        return named or rest


def column_metrics(caption: str, headers: Iterable[str]) -> dict[str, Metric]:
    """Per-column metrics a caption states clause by clause: a clause naming one metric and
    some columns' leading names gives those columns that metric, and one naming one metric for
    "the other" columns gives the rest; nothing where no clause names a column."""
    leads = {lead.group() for header in headers if (lead := _LEAD.match(header))}
    excepted = _excepted(caption, leads) or _sub_tables(caption)
    if excepted:
        return excepted
    found: dict[str, Metric] = {}
    rest: Metric | None = None
    for clause in _CLAUSE.split(caption):
        named = metrics_named(clause)
        if len(named) != 1:
            continue
        found |= {word: named[0] for word in _NAME.findall(clause) if word in leads}
        rest = named[0] if _OTHERS.search(clause) else rest
    return {**found, "": rest} if found and rest else found


def _sub_tables(caption: str) -> dict[str, Metric]:
    """The metric of each sub-table a caption names one for ("Average accuracy (Table 1a) and
    ROC-AUC (Table 1b)"): each mark ("(a)", as its columns' headers open) -> the one metric the
    words since the previous mark name; nothing where fewer than two sub-tables get one."""
    found: dict[str, Metric] = {}
    start = 0
    for mark in _SUB_CITED.finditer(caption):
        named = metrics_named(caption[start : mark.start()])
        if len(named) == 1:
            found[f"({mark.group('mark')})"] = named[0]
        start = mark.end()
    return found if len(found) > 1 else {}


def label_metric(caption: str, label: str, dataset: str = "") -> Metric | None:
    """The metric a caption's clauses give the row labelled `label` (on `dataset`), or None:
    the one given its dataset's name, else its label's first word, else its label's last other
    word a clause names, outside brackets (a citation). A row's label joins its label columns,
    a block's label first ("REL ChemProt" under "macro F1 for REL ..., and micro F1 for
    ChemProt": micro F1; "Bio NER BC5CDR" under "macro F1 for NER": macro F1)."""
    words = _NAME.findall(_BRACKETED.sub(" ", label))
    named = column_metrics(caption, [*_NAME.findall(dataset)[:1], *words]) if words else {}
    order = [*_NAME.findall(dataset)[:1], *words[:1], *reversed(words[1:])]
    return next((named[word] for word in order if word in named), None) or named.get("")


#: "All values shown are for accuracy (or exact match) except DROP, MultiRC, and SQuAD v1 and
#: v2, which are F1": one metric for all, another for the names listed.
_EXCEPT = re.compile(
    r"(?P<all>[^.;]*?)\bexcept\s+(?:for\s+)?(?P<names>[^.;]+?),?\s+which\s+(?:are|is|use)\s+"
    r"(?:(?:reported|measured|given|shown)\s+(?:in|as|by)\s+)?(?P<metric>[^.;]+)",
    re.IGNORECASE,
)
_ASIDE = re.compile(r"\([^)]*\)")  # "accuracy (or exact match)": accuracy


def without_exceptions(caption: str) -> str:
    """The caption less the names it lists as exceptions to its metric ("... except DROP,
    MultiRC, and SQuAD v1 and v2, which are F1"): those are rows of the table, not its data."""
    found = _EXCEPT.search(caption)
    return caption[: found.start("names")] + caption[found.end("names") :] if found else caption


def alternative(caption: str) -> Metric | None:
    """The metric a caption offers beside the one it gives all values ("accuracy (or exact
    match) except ...": exact match), which datasets usually measured in it are; or None."""
    found = _EXCEPT.search(caption)
    aside = _ASIDE.search(found.group("all")) if found else None
    return read_metric(aside.group()) if aside else None


def _excepted(caption: str, leads: set[str]) -> dict[str, Metric]:
    """The metrics of a caption giving one metric to all values but those it lists: the listed
    columns' leads (or leads a listed name opens: "SQuAD" for "SQuADv1") -> the other metric,
    "" -> the first (for the rest); empty where the caption says no such thing."""
    found = _EXCEPT.search(caption)
    general = read_metric(_ASIDE.sub(" ", found.group("all"))) if found else None
    other = read_metric(found.group("metric")) if found else None
    if found is None or general is None or other is None:
        return {}
    names = [name for name in _NAME.findall(found.group("names")) if len(name) > 2]
    listed = {lead for lead in leads for name in names if lead.startswith(name)}
    return {**dict.fromkeys(listed, other), "": general}


def renamed_column(evidence: Evidence, header: str) -> None:
    """`evidence` of a cell (`cell_evidence`) under the column header `header` instead (changed
    in place): its text and its column header say the same."""
    old = evidence.column_header or ""
    evidence.text = evidence.text.replace(f'column "{old}"', f'column "{header}"')
    evidence.column_header = header or None


def cell_evidence(
    context: TableContext, label: str, header: str, cell: TableCell, inferred: str = ""
) -> Evidence:
    """The cell as evidence: page, table number, caption, its row and column headers; where
    the table prints no metric, `inferred` names the one taken and why."""
    table = context.table
    number = table.number or ""
    name = number if number.startswith("Figure") else f"Table {number}" if number else "A table"
    text = f'{name}, row "{label}", column "{header}": {clean(cell.text)}'
    text += f" ({inferred})" if inferred else ""
    return Evidence(
        chunk_id=context.chunk_id,
        start=0,
        end=0,
        text=text,
        extractor=EXTRACTOR,
        confidence=CONFIDENCE,
        page=table.page,
        table=table.number,
        caption=clean(table.caption) or None,
        row_header=label,
        column_header=header or None,
        cell=clean(cell.text),
    )


def cell_result(
    context: TableContext,
    row: Row,
    header: str,
    cell: TableCell,
    number: Number,
    metric: Metric,
    method: str | None,
    dataset: str,
    inferred: bool = False,
) -> Result:
    """The result the value `cell` reports for `method` on `dataset`, the cell its evidence;
    `inferred`: the table prints no metric, `metric` is the dataset's usual one. Its task is
    set by the caller, from the dataset and the paper's tasks. A general accuracy on a dataset
    scored by its top-1 is that top-1 ("Val acc." over ImageNet); COCO's mAP is its AP."""
    metric = coco_ap(top_k_of(metric, dataset), dataset, header)
    note = (
        f"{INFERRED} no header or caption names a specific one;"
        f" {metric.label} is the usual metric of {dataset}"
    )
    return Result(
        method=method,
        task=None,  # the caller's: the task the dataset is evaluated for
        dataset=dataset,
        metric=metric.label,
        value=number.value,
        evidence=[
            cell_evidence(context, row.printed or row.label, header, cell, note if inferred else "")
        ],
        higher_is_better=metric.higher_is_better,
    )
