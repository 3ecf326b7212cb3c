"""A paper's result rows settled to one task per dataset, and a table's task for its rows that no
data knows.

`row_task` (ingest/extract/dataset_tasks.py) reads one row at a time, so a paper's rows on one
dataset could land on different leaderboards: ViT's "Oxford Flowers-102" under image
classification in the table whose caption says so and under none in the next; a game no data
lists ("Frostbite") had no task beside the Atari games of its own table that had. Passes over
the rows of one paper's tables:
- a row in a metric that scores one task only takes it, as if its caption named it: SciBERT's
  GENIA LAS and UAS are dependency parsing, not GENIA's event extraction
  (ingest/extract/task_metrics.py, ONE_TASK); a row whose task is a kind of it ("unsupervised
  dependency parsing") keeps its own, and no short form its label prints overrides it later;
- a table where one task holds three quarters of the datasets with a task (two or more) gives
  it to its rows on datasets no data knows, and to rows whose task the data evaluates mostly on
  that task's datasets ("Simple Video Games" among Atari games); rows the caption names keep
  theirs;
- a row still without a task, on a dataset no data knows, scored by a metric of writing or
  likelihood takes the paper's one task such a metric evaluates (ingest/extract/task_metrics.py);
- a row still without a task, scored by a metric of likelihood, takes the one task the paper's
  other rows in that metric carry: PixelRNN's bits/dim on ImageNet, whose data names no
  generation task, is image generation as its bits/dim on CIFAR-10 is (a metric of writing
  is not so firm: GLM's BLEU on Yahoo infilling is no question generation, its BLEU on SQuAD's);
- a row still without a task takes the one task of the paper's its caption names, where no list
  knows that name as a dataset's: GLM's "BLEU scores on Yahoo text infilling" is text
  infilling, which the data evaluates on one dataset, too few for `row_task` to trust;
- rows on one dataset (its split and qualifier aside) in metrics of one kind take one task: the
  one their captions name, else the one most of them carry. A row whose caption names its own
  task keeps it (the paper's tables say otherwise there);
- a caption task whose short form the caption spells out ("dependency parsing (DEP)") is no task
  of a row that prints another table's worth of short forms and not its own: S2ORC's Table 5
  lists each row's task ("NER", "PICO", "DEP (LAS)", "CLS"), and its "ACL-ARC ... CLS" row is
  citation-intent classification, not the parsing the caption names beside it; such a row
  takes the task its caption spells for the short form it prints ("text (CLS) classification":
  ingest/extract/short_form_tasks.py);
- a tie there goes to the tied task most of the paper's rows carry (Reptile's mini-ImageNet
  1-shot "few-shot learning" and 5-shot "Few-Shot Image Classification" rows);
- a row still without a task that prints the initials of one of its dataset's tasks takes it
  (S2ORC's "EBM-NLP ... PICO": Participant Intervention Comparison Outcome Extraction, a task
  of one dataset; ingest/extract/initialed_tasks.py);
- a row whose AP scores boxes, masks, keypoints or panoptic segments (its name or its caption
  says which) takes the task of that kind its caption names, else the dataset's data lists
  (ingest/extract/ap_kinds.py): one task per dataset had filed COCO's box AP beside mask AP
  under instance segmentation;
- a generic one-word task ("Retrieval") takes the paper's one row task of that kind
  ("information retrieval"; ingest/extract/one_task_label.py);
- a row still without a task takes the one task the table's rows on other datasets carry that
  print a short form its label prints ("REL ChemProt" as "CS REL SciERC";
  ingest/extract/short_form_column.py);
- an average column over parts of several tasks takes none of them (SEAL's "AVG" over KILT's
  fact verification, slot filling, QA and dialogue columns was "Open-Domain Dialog", the one
  board the data files KILT under; BERT's GLUE "Average" natural language inference).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass

from papergraph.core.model import Result, fold
from papergraph.ingest.extract.ap_kinds import ap_kind, kind_tasks
from papergraph.ingest.extract.dataset_tasks import (
    bare_dataset,
    dataset_names,
    dataset_tasks,
    generic_tasks,
    known_tasks,
    mostly_within,
    named_in,
    task_label,
)
from papergraph.ingest.extract.initialed_tasks import initialed_tasks
from papergraph.ingest.extract.listed_tasks import listed_task, listed_tasks
from papergraph.ingest.extract.matcher import NameMatcher
from papergraph.ingest.extract.metric_names import measure_of
from papergraph.ingest.extract.one_task_label import one_label_per_kind
from papergraph.ingest.extract.paired_tasks import paired_task, prose_words
from papergraph.ingest.extract.short_form_column import column_tasks
from papergraph.ingest.extract.short_form_tasks import (
    printed_short_form,
    short_form_metrics,
    short_form_tasks,
)
from papergraph.ingest.extract.task_metrics import (
    fitting,
    measured_by,
    metric_kind,
    metric_task,
    task_key,
)

MIN_AGREEING = 2  # datasets of a table that must share its task
SHARE = 0.75  # of a table's datasets with a task, those that must share one
#: An average column's header ("AVG", "Avg.", "Average"), not "mean": "Mean IoU" is a metric.
AVERAGE = re.compile(r"\b(?:avg|average)\b", re.IGNORECASE)


@dataclass
class TaskedRow:
    """A result row and whether its table's caption (or its section, with the caption's word for
    it) names its task."""

    result: Result
    named: bool


def settle_tasks(
    rows: list[TaskedRow], matcher: NameMatcher, paper_tasks: Sequence[str], text: str = ""
) -> None:
    """Fill and settle the rows' tasks in place (see the module's docstring); `paper_tasks`: the
    task labels the paper names; `text` the paper's, which may pair a dataset with its task."""
    for row in rows:  # a metric of one task only ("LAS") names it, as a caption would
        if (task := metric_task(row.result.metric)) is not None:
            kept = row.result.task and task_key(task) in task_key(row.result.task)
            row.result.task = row.result.task if kept else task_label(task, matcher)
            row.named = True  # a kind of it ("unsupervised dependency parsing") stays
    spanning = _spanning_averages(rows)
    for row in spanning:
        row.result.task = None
    _paired(rows, text, paper_tasks, matcher)
    _listed(rows, text, matcher)
    tables = list(_groups(rows, _table_of).values())
    for table in tables:
        _table_task(table, matcher)
    known = [task for task in paper_tasks if task_key(task) in known_tasks()]
    for row in rows:
        dataset, metric = row.result.dataset, row.result.metric
        unknown = bool(dataset) and not dataset_tasks(dataset or "", matcher)
        if row.result.task is None and (unknown or metric_kind(metric) == "ranking"):
            row.result.task = measured_by(metric, known, _caption(row))
    _likelihood_siblings(rows)
    _caption_named(rows, paper_tasks, matcher)
    carried = Counter(row.result.task for row in rows if row.result.task is not None)
    for same in _groups(rows, _dataset_of).values():
        _one_task(same, carried)
    kind_tasks(((row.result, _caption(row)) for row in rows), paper_tasks, matcher)
    _unmarked(rows)
    free = [row.result for row in rows if metric_task(row.result.metric) is None]
    short_form_tasks(free, matcher)  # none overrides the task a metric scores ("UD" LAS)
    initialed_tasks(free, matcher)  # "PICO": its dataset's task
    column_tasks(
        [[r.result for r in t] for t in tables], matcher
    )  # "REL ChemProt" as "CS REL SciERC"
    short_form_metrics(row.result for row in rows)  # and the average the caption gives it
    one_label_per_kind(row.result for row in rows)
    for row in spanning:  # no pass above gives it one of its parts' tasks back
        row.result.task = None


def _paired(
    rows: list[TaskedRow], text: str, paper_tasks: Sequence[str], matcher: NameMatcher
) -> None:
    """Rows whose caption names no task take the one the paper prints after their dataset's
    name ("Jeopardy Question Generation": ingest/extract/paired_tasks.py), as if named."""
    prose = prose_words(text) if text else ""
    found: dict[tuple[str, str | None], str | None] = {}  # one search per dataset and metric
    for row in rows:
        dataset, metric = row.result.dataset, row.result.metric
        if not prose or not dataset or row.named:
            continue
        if (dataset, metric) not in found:
            found[dataset, metric] = paired_task(dataset, metric, prose, paper_tasks, matcher)
        task = found[dataset, metric]
        if task is not None:
            row.result.task, row.named = task, True


def _listed(rows: list[TaskedRow], text: str, matcher: NameMatcher) -> None:
    """Rows whose caption names no task take the one the paper files their dataset under in a
    grouped list ("Common Sense Reasoning: PIQA, ARC, OpenBookQA": ingest/extract/
    listed_tasks.py), as if named, where the row's metric may measure it."""
    listed = listed_tasks(text, matcher) if text else {}
    if not listed:
        return
    for row in rows:
        dataset, metric = row.result.dataset, row.result.metric
        if not dataset or row.named:
            continue
        task = listed_task(dataset, listed, matcher)
        if task is not None and fitting(Counter({task: 1}), metric):
            row.result.task, row.named = task, True


def _likelihood_siblings(rows: list[TaskedRow]) -> None:
    """Rows without a task in a metric of likelihood take the one task the paper's rows in that
    metric (folded, so "Bits per dim" is not "NLL") carry, if they carry one."""
    carried: defaultdict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row.result.task and metric_kind(row.result.metric) == "likelihood":
            carried[fold(row.result.metric or "")].add(row.result.task)
    for row in rows:
        tasks = carried.get(fold(row.result.metric or ""), set())
        if row.result.task is None and len(tasks) == 1:
            row.result.task = next(iter(tasks))


def _caption_named(rows: list[TaskedRow], paper_tasks: Sequence[str], matcher: NameMatcher) -> None:
    """Rows without a task take the one task of the paper's their caption names, no dataset's
    name nor a generic word ("Classification")."""
    tasks = [t for t in paper_tasks if fold(t) not in dataset_names()]
    tasks = [t for t in tasks if task_key(t) not in generic_tasks()]
    for row in rows:
        evidence = row.result.evidence[0] if row.result.evidence else None
        caption = evidence.caption if evidence else None
        named = [t for t in tasks if caption and named_in(t, caption, "", "")]
        if row.result.task is None and len(named) == 1:
            row.result.task, row.named = task_label(named[0], matcher), True


def _unmarked(rows: list[TaskedRow]) -> None:
    """Rows of a table that prints each row's task by the short form its caption spells out
    ("dependency parsing (DEP)"), where the row's label lacks that short form, lose the task: the
    caption names it for the rows that print it, not for all."""
    for table in _groups(rows, _table_of).values():
        labels = [_row_label(row) for row in table]
        for row in table:
            caption = (row.result.evidence[0].caption or "") if row.result.evidence else ""
            short = _short_form(row.result.task or "", caption)
            marked = short and any(short in label for label in labels)
            if marked and short not in _row_label(row):
                row.result.task = None


def _short_form(task: str, caption: str) -> str | None:
    """The short form the caption gives `task` in brackets after it ("... parsing (DEP)")."""
    found = re.search(rf"\b{re.escape(task)}\s*\(([A-Z]{{2,6}})\)", caption, re.IGNORECASE)
    return found.group(1) if found and task else None


def _caption(row: TaskedRow) -> str:
    """The caption of the table the row was read from, or ""."""
    return (row.result.evidence[0].caption or "") if row.result.evidence else ""


def _row_label(row: TaskedRow) -> set[str]:
    """The words of the row's label ("ACL-ARC Jurgens et al. (2018) CLS")."""
    evidence = row.result.evidence[0] if row.result.evidence else None
    return set(re.findall(r"[A-Za-z]+", evidence.row_header or "")) if evidence else set()


def _spanning_averages(rows: list[TaskedRow]) -> list[TaskedRow]:
    """The rows of average columns whose table row holds parts of two tasks or more; a row whose
    caption names its task keeps it."""
    found: list[TaskedRow] = []
    for same in _groups(rows, _table_row_of).values():
        parts = {fold(r.result.task) for r in same if r.result.task and not _average(r)}
        if len(parts) > 1:
            found += [row for row in same if _average(row) and not row.named]
    return found


def _average(row: TaskedRow) -> bool:
    evidence = row.result.evidence[0] if row.result.evidence else None
    return bool(evidence and AVERAGE.search(evidence.column_header or ""))


def _table_row_of(row: TaskedRow) -> Hashable:
    """The table and row a result's cell stands in, and its method (a row may hold several)."""
    evidence = row.result.evidence[0] if row.result.evidence else None
    if evidence is None or evidence.row_header is None:
        return None
    return evidence.table, evidence.caption, evidence.row_header, row.result.method


def _table_task(table: list[TaskedRow], matcher: NameMatcher) -> None:
    """The task most of the table's datasets share, for its unknown and kindred rows."""
    tasked = {(r.result.dataset, r.result.task) for r in table if r.result.task}
    shares = Counter(task for _, task in tasked)
    if not shares:
        return
    task, count = shares.most_common(1)[0]
    if count < MIN_AGREEING or count < SHARE * len(tasked):
        return
    for row in table:
        own, dataset = row.result.task, row.result.dataset
        unknown = own is None and bool(dataset) and not dataset_tasks(dataset or "", matcher)
        if unknown or (own and not row.named and own != task and mostly_within(own, task)):
            row.result.task = task


def _one_task(same: list[TaskedRow], paper: Counter[str]) -> None:
    """One task for rows on one dataset in one kind of metric, rows their caption names keep
    theirs: the named task most rows carry, else the one most rows carry; a tie goes to the
    tied task most of the paper's rows carry (`paper`), else none. Reptile's mini-ImageNet
    1-shot rows carried "few-shot learning" and its 5-shot rows "Few-Shot Image
    Classification", two and two, as the data files the two boards; its Omniglot rows too are
    few-shot image classification."""
    named = Counter(r.result.task for r in same if r.named and r.result.task is not None)
    carried = Counter(r.result.task for r in same if r.result.task is not None)
    chosen = _leader(named) or (None if named else _leader(carried) or _tie(carried, paper))
    if chosen is None:
        return
    for row in same:
        if not row.named:
            row.result.task = chosen


def _leader(votes: Counter[str]) -> str | None:
    """The task with the most votes, if it has more than any other."""
    top = votes.most_common(2)
    return top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None


def _tie(votes: Counter[str], paper: Counter[str]) -> str | None:
    """Of the tasks tied at the top of `votes`, the one with more of the paper's rows."""
    top = max(votes.values(), default=0)
    return _leader(Counter({task: paper[task] for task, n in votes.items() if n == top}))


def _table_of(row: TaskedRow) -> Hashable:
    evidence = row.result.evidence[0] if row.result.evidence else None
    return (evidence.table, evidence.caption) if evidence else None


def _dataset_of(row: TaskedRow) -> Hashable:
    """The dataset less its split and qualifier, the kind of its metric (or the metric), and
    the task short form the row prints that its caption spells ("SciERC ... REL" beside
    "SciERC ... NER": one dataset scored for two tasks)."""
    dataset, metric = row.result.dataset, row.result.metric
    if not dataset:
        return None
    evidence = row.result.evidence[0] if row.result.evidence else None
    short = evidence and printed_short_form(evidence.row_header or "", evidence.caption or "")
    kind = metric_kind(metric) or ap_kind(metric, _caption(row)) or fold(measure_of(metric) or "")
    return fold(bare_dataset(dataset)), kind, short


def _groups(
    rows: Iterable[TaskedRow], key: Callable[[TaskedRow], Hashable]
) -> dict[Hashable, list[TaskedRow]]:
    grouped: dict[Hashable, list[TaskedRow]] = defaultdict(list)
    for row in rows:
        if (found := key(row)) is not None:
            grouped[found].append(row)
    return grouped
