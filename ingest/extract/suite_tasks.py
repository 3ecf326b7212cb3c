"""The tasks of a benchmark suite, printed as a table's columns under a caption naming the suite.

Long Range Arena's tables print "ListOps | Text | Retrieval | Image | Pathfinder | Avg": the
suite's tasks, each under a plain word that names no dataset outside the suite. Under a caption
(or header) naming the suite, such a column is the suite's task, "LRA (Text)", scored by the
metric the suite scores it by (ingest/lexicon/suite-tasks.txt, with sources). Outside such a
table the words stay words: "Image" over a column of another table is no dataset. The "Avg"
beside the tasks is the suite's own score, its tasks' mean in the metric they share (LRA:
accuracy, as Papers with Code files LRA's "Avg"); an average beside anything else is none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from papergraph.core.model import fold
from papergraph.ingest.extract.metric_names import Metric, canonical

FILE = "suite-tasks.txt"
#: A suite's task as this module names it: "LRA (Text)".
_PART = re.compile(r"^(?P<suite>.+?) \((?P<task>[^()]+)\)$")
#: A column averaging the others: "Avg", "Avg.", "Average", "Mean".
_AVERAGE = re.compile(r"^\s*(?:avg\.?|average|mean)\s*$", re.IGNORECASE)
MIN_TASKS = 2  # the suite's task columns beside an average before it is the suite's score


@lru_cache(maxsize=1)
def _tasks() -> dict[tuple[str, str], tuple[str, Metric | None]]:
    """(folded suite, folded task name or other spelling) -> (the task's name, its metric)."""
    text = resources.files("papergraph.ingest.lexicon").joinpath(FILE).read_text("utf-8")
    found: dict[tuple[str, str], tuple[str, Metric | None]] = {}
    for line in text.splitlines():
        cols = line.split("\t")
        if line.startswith(("#", "suite\t")) or len(cols) < 3:
            continue
        suite, task, metric = cols[:3]
        spellings = cols[3].split("|") if len(cols) > 3 and cols[3] else []
        for name in (task, *spellings):
            found[(fold(suite), fold(name))] = (task, canonical(metric))
    return found


def suite_task(header: str, suite: str) -> str | None:
    """The suite's task a column header names ("Text" under an LRA caption: "LRA (Text)"), or
    None where the header names none of the suite's tasks."""
    hit = _tasks().get((fold(suite), fold(header)))
    return f"{suite} ({hit[0]})" if hit else None


def suite_metric(dataset: str, header: str = "") -> Metric | None:
    """The metric the suite scores its task `dataset` by ("LRA (Text)": accuracy), or under an
    average `header` the metric all the tasks of the suite `dataset` share; else None."""
    match = _PART.match(dataset)
    if match is None:
        shared = {m for (suite, _), (_, m) in _tasks().items() if suite == fold(dataset)}
        return shared.pop() if _AVERAGE.match(header) and len(shared) == 1 else None
    hit = _tasks().get((fold(match["suite"]), fold(match["task"])))
    return hit[1] if hit else None


def suite_average(header: str, suite: str | None, headers: Iterable[str]) -> bool:
    """Whether `header` is an average column ("Avg") beside at least MIN_TASKS columns naming
    tasks of the `suite` the table is on: the suite's own score, not an average of anything."""
    if suite is None or not _AVERAGE.match(header):
        return False
    return sum(1 for other in headers if suite_task(other, suite)) >= MIN_TASKS
