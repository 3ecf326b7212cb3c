"""The sota-extractor task files kept with the Papers with Code taxonomy (NLP-progress, SQuAD,
EFF, ...): every task and subtask with its leaderboards, one per dataset and sub-dataset."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

TASK_FILES = "pwc-taxonomy/repositories/sota-extractor-master/data/tasks/*.json"


def task_datasets(shared: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """(task name as written, dataset) for every dataset and sub-dataset of every task and
    subtask in the task files of the shared-data folder `shared`, file by file."""
    for path in sorted(shared.glob(TASK_FILES)):
        yield from _datasets(json.loads(path.read_text("utf-8")))


def _datasets(tasks: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    for task in tasks if isinstance(tasks, list) else [tasks]:
        name, stack = str(task.get("task") or ""), list(task.get("datasets") or [])
        while stack:
            dataset = stack.pop()
            if isinstance(dataset, dict) and dataset.get("dataset"):
                yield name, dataset
                stack.extend(dataset.get("subdatasets") or [])
        yield from _datasets(task.get("subtasks") or [])
