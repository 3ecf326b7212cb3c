"""The tasks of a benchmark suite, printed as a table's columns under a caption naming the suite.

Long Range Arena's tables print "ListOps | Text | Retrieval | Image | Pathfinder | Avg": the
suite's tasks, each under a plain word that names no dataset outside the suite. Under a caption
(or header) naming the suite, such a column is the suite's task, "LRA (Text)", scored by the
metric the suite scores it by (ingest/lexicon/suite-tasks.txt, with sources). Outside such a
table the words stay words: "Image" over a column of another table is no dataset.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from papergraph.core.model import fold
from papergraph.ingest.extract.metric_names import Metric, canonical

FILE = "suite-tasks.txt"
#: A suite's task as this module names it: "LRA (Text)".
_PART = re.compile(r"^(?P<suite>.+?) \((?P<task>[^()]+)\)$")


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


def suite_metric(dataset: str) -> Metric | None:
    """The metric the suite scores its task `dataset` by ("LRA (Text)": accuracy), or None."""
    match = _PART.match(dataset)
    hit = _tasks().get((fold(match["suite"]), fold(match["task"]))) if match else None
    return hit[1] if hit else None
