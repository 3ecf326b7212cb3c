"""Results read from tables: the paper's own rows, one Result per value, with the cell as evidence.

For every value cell of a row the paper reports for itself (its label names the proposed method,
or says "ours"; else, in a table where no label does, the row whose numbers are printed bold), the
metric comes from the column header, else the group row, else the caption when it names exactly
one; the dataset likewise (a language pair under a WMT caption is that WMT test set). Where
none of them names a metric (a GLUE table: "MNLI", "QQP", "RTE" over numbers), the dataset's usual
metric is taken (ingest/extract/usual_metrics.py) and the evidence says so. A column
without a metric (parameters, FLOPs, a hyperparameter) gives nothing, and so does a cell without a
number of its own. Baseline rows are what the paper compares against, not what it reports.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from papergraph.core.model import ChunkKind, Paper, Result, Table, TableCell, fold
from papergraph.ingest.extract.answer_rows import answer_rows
from papergraph.ingest.extract.block_headers import marked
from papergraph.ingest.extract.caption_sides import by_side
from papergraph.ingest.extract.chains import with_additions
from papergraph.ingest.extract.column_twins import part_column, told_apart
from papergraph.ingest.extract.counted_columns import counted_grid
from papergraph.ingest.extract.dataset_tasks import named_in, row_task
from papergraph.ingest.extract.episodes import header_dataset
from papergraph.ingest.extract.header_blocks import NUMBERED
from papergraph.ingest.extract.matcher import NameMatcher
from papergraph.ingest.extract.measure_columns import no_usual_metric
from papergraph.ingest.extract.metric_names import (
    Metric,
    backbone_measure,
    bare_top_k,
    glued,
    impossible,
    metrics_named,
    of_kind,
    read_metric,
    refined,
    refines,
    unbroken,
)
from papergraph.ingest.extract.our_columns import our_rows
from papergraph.ingest.extract.own_versions import data_runs
from papergraph.ingest.extract.paired_values import benchmark_task, said_apart, value_parts
from papergraph.ingest.extract.row_tasks import AVERAGE, TaskedRow, settle_tasks
from papergraph.ingest.extract.run_settings import swept_runs
from papergraph.ingest.extract.section_datasets import sectioned
from papergraph.ingest.extract.sentences import first_sentence
from papergraph.ingest.extract.shared_grids import distinct_grids
from papergraph.ingest.extract.short_headers import paper_dataset
from papergraph.ingest.extract.sibling_datasets import sibling_dataset, table_dataset
from papergraph.ingest.extract.split_labels import labelled_splits
from papergraph.ingest.extract.stated_metrics import stated_over_inferred
from papergraph.ingest.extract.table_columns import column_results, own_columns
from papergraph.ingest.extract.table_context import TableContext, cell_result, column_metrics
from papergraph.ingest.extract.table_datasets import (
    benchmark_part,
    borrowed,
    caption_subset,
    column_subset,
    evaluated,
    group_dataset,
    names_setting,
    opened_name,
    sized,
    spelled_out,
)
from papergraph.ingest.extract.table_grid import (
    Grid,
    Row,
    clean,
    parse_number,
    split_values,
    strip_marks,
)
from papergraph.ingest.extract.table_headers import (
    SETTING,
    HeaderKind,
    abbreviation_in,
    header_kind,
    header_metrics,
    horizon,
)
from papergraph.ingest.extract.table_names import SPLIT, dataset_named, full_name, own_row
from papergraph.ingest.extract.table_rows import (
    caption_runs,
    method_name,
    no_results,
    setting_rows,
    stacked_additions,
    table_study,
    uncited_rows,
    variant_of_group,
)
from papergraph.ingest.extract.table_split import side_by_side
from papergraph.ingest.extract.text_test_sets import text_test_sets
from papergraph.ingest.extract.trained_data import trained_apart
from papergraph.ingest.extract.usual_metrics import for_score, plausible, usual_metric

_TEST_COLUMN = re.compile(r"\btest\b", re.IGNORECASE)


def table_results(
    paper: Paper,
    matcher: NameMatcher,
    own_names: Iterable[str],
    tasks: Sequence[str] = (),
    datasets: Mapping[str, str] | None = None,
) -> list[Result]:
    """Result rows from every table of `paper`, own rows only, each value once (a row two tables
    print, its method spelt "PaLM 540B" in one and "PaLM-540B" in the other, once); `tasks` are the
    task labels the paper names, most salient first, of which a row takes the one its dataset
    is evaluated for (ingest/extract/dataset_tasks.py); `datasets` are the dataset names the
    paper uses (name -> label), which short headers ("C10") abbreviate."""
    names = [fold(name) for name in own_names if fold(name)]
    results: list[TaskedRow] = []
    seen: set[tuple[str | None, ...]] = set()
    tables = distinct_grids([part for t in paper.tables for part in side_by_side(t)])
    text = " ".join(chunk.text for chunk in paper.chunks)  # read once, not once per table
    prose = (text, text_test_sets(text))
    built = [_context(paper, t, matcher, datasets or {}, names, prose) for t in tables]
    contexts = sectioned(borrowed(built, matcher), paper, matcher)  # the data they are on
    for table, context in zip(tables, contexts, strict=True):
        context = replace(context, method=next(iter(own_names), "")) if context else None
        if context is None:
            continue
        section = _section(paper, context.chunk_id)  # a table floats: its caption says first
        lead = first_sentence(table.caption)  # what the table is; later, its settings
        for result in _table_results(context, matcher, names):
            if names_setting(result.dataset) or impossible(result.metric, result.value):
                continue
            result.task = row_task(
                result.dataset, table.caption, tasks, matcher, lead, section, result.metric
            )
            key = (fold(result.method or ""), result.dataset, result.metric, str(result.value))
            if key not in seen:
                seen.add(key)
                named = bool(result.task) and named_in(
                    result.task or "", table.caption, lead, section
                )
                results.append(TaskedRow(result, named))
    results = stated_over_inferred(results)  # before the tasks: a dropped row casts no vote
    settle_tasks(results, matcher, tasks, text)  # one task per dataset in the paper
    rows = labelled_splits([row.result for row in results])  # "Dev set: X": before the boards
    return trained_apart(rows, matcher)  # "(ImageNet-22K)"


def _section(paper: Paper, chunk_id: str) -> str:
    """The section heading of the chunk that prints the table, or ""."""
    return next((c.section or "" for c in paper.chunks if c.id == chunk_id), "")


def _context(
    paper: Paper,
    table: Table,
    matcher: NameMatcher,
    datasets: Mapping[str, str],
    names: list[str],
    prose: tuple[str, Mapping[frozenset[str], str]],  # the text and its WMT test sets
) -> TableContext | None:
    grid = counted_grid(table)
    if grid is None or _is_figure(paper, table) or _ablation(table.caption):
        return None
    named = metrics_named(table.caption)
    return TableContext(
        table=table,
        grid=grid,
        caption_metric=named[0] if len(named) == 1 else refined(named),
        caption_dataset=dataset_named(_not_own(grid.label_header, names), matcher)
        or caption_subset(first_sentence(table.caption), matcher)  # not a later sentence's
        or sized(evaluated(_not_own(first_sentence(table.caption), names), matcher), table.caption)
        or evaluated(_not_own(table.caption, names), matcher),
        chunk_id=table.chunk_id or _caption_chunk(paper, table),
        datasets=datasets,
        column_metrics=column_metrics(table.caption, grid.column_headers.values()),
        study=table_study(table, grid),
        caption_names_metric=bool(named),
        header_metrics=header_metrics(_headers(grid), table.caption, named, grid.label_header),
        test_sets=prose[1],
        text=prose[0],
    )


def _headers(grid: Grid) -> set[str]:
    """Every header over a value column: the header rows' and those printed in the body."""
    return {*grid.column_headers.values(), *(h for row in grid.rows for h in row.headers.values())}


def _not_own(text: str, names: list[str]) -> str:
    """The text less the words naming the paper's own method (FLAN, in FLAN's captions)."""
    return " ".join(word for word in text.split() if fold(word) not in names)


def _ablation(caption: str) -> bool:
    """Whether the caption's first sentence says the table holds no results (table_rows)."""
    return no_results(first_sentence(caption))


def _is_figure(paper: Paper, table: Table) -> bool:
    """A grid the reader took from a figure (its chunk is figure text) holds no results."""
    kinds = {chunk.id: chunk.kind for chunk in paper.chunks}
    return kinds.get(table.chunk_id or "") is ChunkKind.FIGURE


def _caption_chunk(paper: Paper, table: Table) -> str:
    """The chunk printing the table's caption, else naming the table, else the first one."""
    head = clean(table.caption)[:40]
    label = re.compile(rf"\bTable\s*{re.escape(table.number or '?')}\b")
    for test in (lambda text: bool(head) and head in clean(text), label.search):
        found = next((c.id for c in paper.chunks if test(c.text)), None)
        if found:
            return found
    return paper.chunks[0].id if paper.chunks else f"{paper.id}#0"


def _table_results(context: TableContext, matcher: NameMatcher, names: list[str]) -> list[Result]:
    rows = [row for row in context.grid.rows if _own(row, names)]
    if not rows and (columns := own_columns(context, names)):
        return column_results(context, matcher, columns, names)  # before a bold row: datasets
    rows = rows or caption_runs(context) or answer_rows(context) or our_rows(context)
    bold = _bold_rows(rows or context.grid.rows)
    chosen = bold and len(rows) > 2 and not _bold_elsewhere(bold[0], context.grid)
    runs = data_runs([row.label for row in rows], names, matcher)  # "Retro C4": each
    chosen = chosen and not (swept_runs(context, rows, names) or runs)
    rows = bold if chosen else [row for row in rows if row.label in runs] or rows or bold
    rows = with_additions(rows, context.grid.rows)  # "Synthesizer / + Squared ReLU"
    rows = rows or uncited_rows(context.grid.rows) or setting_rows(context.grid)
    rows = rows or stacked_additions(context.grid.rows)  # "+ cosine", "+ mixup"
    return [
        result
        for row in rows
        for result in marked(_row_results(context, matcher, row), context, row, names)
    ]


def _own(row: Row, names: list[str]) -> bool:
    """Whether the row is the paper's: its label names the method or says "ours", its group
    row says "ours", or it is a variant ("110") of the method its group row names ("ResNet")."""
    if own_row(row.label, names) or own_row(f"{row.group} {' '.join(row.qualifiers)}", []):
        return True
    return variant_of_group(row) and own_row(row.group, names)


def _row_results(context: TableContext, matcher: NameMatcher, row: Row) -> list[Result]:
    """The row's results, one per dataset, metric and method (a joined cell's values can name
    theirs): a test-set column wins over a validation one ("Val Top-1 Acc", "Test Top-1 Acc");
    the dataset's average stands beside its parts ("XSum Avg." after a column per source model);
    columns of one rank are told apart by their headers ("Single Model EM", "Ensemble EM") or
    the first stands; a part ("Middle" after RACE's accuracy) qualifies it: column_twins.py."""
    found: dict[tuple[str | None, ...], list[Result]] = {}
    for col in sorted(row.cells):
        for result in _cell_results(context, matcher, row, col):
            found.setdefault((result.dataset, result.metric, result.method), []).append(result)
    return [
        kept
        for same in found.values()
        for kept in told_apart(same, _rank, context.grid, context.table.caption)
    ]


def _rank(result: Result) -> tuple[bool]:  # an average over parts: column_twins
    return (bool(_TEST_COLUMN.search(result.evidence[0].column_header or "")),)


def _bold_rows(rows: list[Row]) -> list[Row]:
    """The one row most of whose numbers are bold, where a table marks a single row so."""
    bold = [
        row
        for row in rows
        if (numbers := [c for c in row.cells.values() if parse_number(c.text)])
        and sum(c.bold for c in numbers) * 2 > len(numbers)
    ]
    return bold if len(bold) == 1 else []


def _bold_elsewhere(bold: Row, grid: Grid) -> bool:
    """Whether another row of the table prints a result in bold too: the bold then marks each
    column's best (GLM-Sent's ROUGE-L beside GLM-410M's ROUGE-1 and -2, a baseline's), not the
    one row the paper reports; a cost ("3.8 G" FLOPs) printed bold is no result."""
    return any(
        cell.bold and parse_number(cell.text) and not SETTING.search(row.header(grid, col))
        for row in grid.rows
        if row is not bold
        for col, cell in row.cells.items()
    )


def _cell_results(context: TableContext, matcher: NameMatcher, row: Row, col: int) -> list[Result]:
    """The cell's result, or one per value of a cell printing several under a header naming as
    many parts: metrics ("EM / F1": "76.2 / 84.6") or datasets ("MNLI-m/mm": "90.2/89.7")."""
    cell = row.cells[col]
    header = row.header(context.grid, col)
    if SETTING.search(header) and not context.header_metric(header):
        return []
    values = split_values(cell.text)
    parts = (
        value_parts(header, len(values), context.table.caption, context.grid) if values else None
    )
    if values and parts:
        metrics = [read_metric(part) for part in parts]
        if all(metrics):  # metrics of the header's dataset: "EM / F1"
            heads = [(benchmark_task(header), metric) for metric in metrics]
        else:  # the parts of a dataset, each under the column's metric: "MNLI-m/mm"
            heads = [(part, _metric(context, part, row)) for part in parts]
        found = [
            _cell_result(context, matcher, row, head, cell, value, metric)
            for value, (head, metric) in zip(values, heads, strict=True)
        ]
        return said_apart(found, parts, context.table.caption)  # "GPT-3 AUROC": GPT-3's
    metric = _metric(context, header, row)
    result = _cell_result(context, matcher, row, header, cell, cell.text, metric)
    return [by_side(result, context.grid, col, context.table.caption)] if result else []


def _metric(context: TableContext, header: str, row: Row) -> Metric | None:
    """The column's metric, the group row's, or the caption's; a caption naming one metric says
    it better than a generic header ("NLL" under "... in bits/dim"), and a bare "top-1" header
    is an error under a caption of error rates. A metric the caption names that another header
    prints is that column's ("r = 4 for BLEU" over "val loss | BLEU | NIST"), no other's."""
    top_k = bare_top_k(header, f"{row.group} {context.table.caption}")
    metric = top_k or context.header_metric(unbroken(header)) or read_metric(row.group)
    caption = context.column_metric(header) or context.caption_metric
    if metric is None:  # the caption's metric, unless a column of its own prints it ("BLEU")
        other = caption and glued(header) - {caption.label}  # "K.-EM" under "R-precision"
        printed = caption and (caption.label in context.metric_kinds or other)
        return None if printed and not part_column(header) else caption  # "High": RACE's part
    if caption and refines(caption, metric):
        return caption
    return of_kind(metric, context.metric_kinds)


def _cell_result(
    context: TableContext,
    matcher: NameMatcher,
    row: Row,
    header: str,
    cell: TableCell,
    printed: str,
    metric: Metric | None,
) -> Result | None:
    number = parse_number(printed)
    dataset = _dataset(context, matcher, header, row) if number else None
    if number is None or dataset is None:
        return None
    inferred = metric is None
    if metric is None and not no_usual_metric(context, header):  # "Avg NLG", "SARI": none
        metric = usual_metric(dataset, matcher, header)
        metric = metric if metric and plausible(metric, number.value) else None
    if metric is None or (
        backbone_measure(metric, context.metric_kinds) and dataset == context.caption_dataset
    ):  # "Top-1" beside "PixAcc | mIoU" under an ADE20K caption is the backbone's ImageNet one
        return None
    caption = metric is context.caption_metric or metric is context.column_metric(header)
    if caption and not AVERAGE.search(header):  # an average over tasks is a score
        usual = for_score(metric, full_name(dataset), number.value, matcher)
        metric, inferred = (usual, True) if usual else (metric, inferred)
    method = method_name(context, row, header)
    if not method:  # a row of tick marks only names no method ("X X X")
        return None
    dataset = full_name(dataset)
    return cell_result(context, row, header, cell, number, metric, method, dataset, inferred)


def _dataset(context: TableContext, matcher: NameMatcher, header: str, row: Row) -> str | None:
    """The dataset the header names (or abbreviates), the group row's or the caption's (with a
    split the header prints: "test-dev AP" under a COCO caption is COCO test-dev); a name-shaped
    header naming no metric is the dataset itself ("Yelp-2" in a table of error rates), one that
    names a language, a setting or the method column gives none (ingest/extract/table_headers.py)."""
    caption, headers = context.table.caption, context.grid.column_headers.values()
    named = (
        header_dataset(context, row, header, matcher)  # "Dataset: QQP", "1-shot 5-way"
        or dataset_named(header, matcher, caption, data=False)
        or abbreviation_in(header, context.datasets)
        or dataset_named(header, matcher, caption)
        or group_dataset(row.group, matcher, caption)
        or benchmark_part(header, context.caption_dataset, matcher)  # "zsRE K.-ACC": zsRE
        or sibling_dataset(context, header, matcher)  # "Jeopardy" beside "MSMARCO"
        or paper_dataset(clean(strip_marks(header)), headers, context.datasets, matcher)  # "Pets"
    )
    if named:
        named = spelled_out(named, context.datasets)  # "TQA": TriviaQA where the paper says so
        return column_subset(table_dataset(context, matcher), named, caption, matcher) or named
    average = not header or AVERAGE.search(header)  # "AVG" is no dataset's name: the caption's
    timed = horizon(header, caption) and context.header_metric(header)  # "80ms" after ...
    kind = HeaderKind.WORDS if average or timed else header_kind(header)
    kind = HeaderKind.METRIC if context.header_metrics.get(header) else kind  # "AR": recall_head
    if kind is HeaderKind.NAME:  # "AG" over columns of text classification datasets: AG News
        return opened_name(clean(strip_marks(header)), context.grid, matcher, context.datasets)
    if context.caption_dataset is None or kind not in (HeaderKind.METRIC, HeaderKind.WORDS):
        return None
    split = SPLIT.search(header)
    if split is None and NUMBERED.match(header):  # one of the columns a header row numbers
        return f"{context.caption_dataset} ({header})"  # QM9 (Predicted Property 7)
    if split is None:
        return context.caption_dataset
    return f"{SPLIT.sub('', context.caption_dataset)} {split.group('split')}"  # not "SQuAD Dev Dev"
