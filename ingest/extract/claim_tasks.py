"""The task a value-less claim on a dataset is filed under, where the data is firm about it.

A claim pairs the paper's most salient task with each of its top datasets (claims.py), so a
paper most about one task files its other datasets under it: the distillation paper's MNIST
and JFT under speech recognition. Where the data says what a dataset evaluates, firmly, the
claim takes that task instead: the task its own paper states (ingest/lexicon/dataset-tasks.txt:
JFT-300M), or one the generated data gives it on at least FIRM boards (MNIST: image
classification) that the paper's task does not rival (MINORITY, as for table rows). A few
scattered votes are no such word (PubMed: two node-classification boards beside two
summarization ones; BioASQ: one "zero-shot text search"): there the paper's task stays.
"""

from __future__ import annotations

from papergraph.ingest.extract.dataset_tasks import (
    MINORITY,
    bare_dataset,
    dataset_tasks,
    row_task,
    stated_task,
    support,
)
from papergraph.ingest.extract.matcher import NameMatcher

#: Boards the data evaluates a dataset for a task on before a claim trusts that task over the
#: paper's: MNIST has six image-classification boards; PubMed's two node-classification ones
#: and WikiText-103's two "Word Level Models" are not enough.
FIRM = 5


def claim_task(dataset: str, paper_task: str, matcher: NameMatcher) -> str | None:
    """The task a claim on `dataset` takes instead of `paper_task`, or None to keep it."""
    own = row_task(dataset, "", [], matcher)
    if own is None:
        return None
    candidates = dataset_tasks(dataset, matcher)
    backing = support(own, candidates)
    firm = stated_task(bare_dataset(dataset)) is not None or backing >= FIRM
    return own if firm and support(paper_task, candidates) * MINORITY < backing else None
