"""The task a paper names a dataset's rows for by printing the two together.

RAG's Table 2 prints "Jeopardy | B-1 | QB-1" beside its MS MARCO and FEVER columns under a
caption naming no task, in the section on question answering; no data knows Jeopardy, so its
rows took the section's "question answering". The paper names that task its own way, over and
over: "3.3 Jeopardy Question Generation", "Human assessments for the Jeopardy Question
Generation Task", "Jeopardy question generation". A dataset's name followed at once by one of
the paper's tasks, in one sentence and clause (never "pre-trained on ImageNet. Object detection
results"), printed so at least MIN_PRINTED times, is the paper's word for what the rows on that
dataset do, and wins over a section or a dataset's usual task; not where the paper pairs the
dataset with two tasks ("SQuAD question answering" beside "SQuAD question generation"), not
over a caption that names the row's task, and not where the row's metric measures another kind
of task (exact match scores question answering, never question generation). That last guard
holds only for a metric of a kind: accuracy or F1 may score any task, and passes every one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from papergraph.ingest.extract.dataset_tasks import (
    bare_dataset,
    generic_tasks,
    known_tasks,
    task_label,
)
from papergraph.ingest.extract.matcher import NameMatcher
from papergraph.ingest.extract.task_metrics import fitting, task_key

#: Times the paper must print a dataset and a task together before the pair names the task: once
#: may be a passing phrase ("unlike SQuAD question answering, ...").
MIN_PRINTED = 2
#: A word, or the end of a sentence or clause ("." ";" ":" "!" "?" before a space or the end):
#: the "." token a pair of words never spans.
_WORDS = re.compile(r"[a-z0-9]+|[.;:!?](?=\s|$)")


def prose_words(text: str) -> str:
    """Lower-cased words, plurals alike, space-separated and padded (" jeopardy question "), a
    sentence or clause ending as "." (" imagenet . object detection "): the form `paired_task`
    reads a paper's text in, made once per paper."""
    words = ["." if w in ".;:!?" else w for w in _WORDS.findall(text.lower())]
    kept = (w[:-1] if len(w) > 3 and w.endswith("s") and w[-2] != "s" else w for w in words)
    return f" {' '.join(kept)} "


def paired_task(
    dataset: str,
    metric: str | None,
    prose: str,
    paper_tasks: Sequence[str],
    matcher: NameMatcher,
) -> str | None:
    """The one task of the paper's (`paper_tasks`, of two words or more, none generic) that the
    paper's words (`prose_words`) print right after the dataset's name (as the row prints it,
    or less its split and qualifier), in the same sentence and clause, at least MIN_PRINTED
    times and that the row's metric may measure (a metric of no kind may measure any); else
    None."""
    names = {prose_words(n).rstrip() for n in (dataset, bare_dataset(dataset)) if n.strip()}
    names.discard("")
    forms = _candidates(tuple(paper_tasks))
    printed = Counter[str]()
    for name in names:  # each name's printings found once, the tasks after it read there
        printed |= _followers(prose, name, forms)
    paired = [task for task, form in forms if printed[form] >= MIN_PRINTED]
    if len(paired) != 1 or not fitting(Counter({paired[0]: 1}), metric):
        return None
    return task_label(paired[0], matcher)


@lru_cache(maxsize=64)
def _candidates(paper_tasks: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The paper's tasks that may pair (two words or more, known, not generic), each with its
    `prose_words` form, made once per paper."""
    keys = {task_key(t): t for t in paper_tasks if len(t.split()) > 1}
    return tuple(
        (task, prose_words(task))
        for key, task in keys.items()
        if key in known_tasks() and key not in generic_tasks()
    )


def _followers(prose: str, name: str, forms: tuple[tuple[str, str], ...]) -> Counter[str]:
    """How often each task form is printed right after `name` in `prose`: the name's printings
    are found once, and each form is read where one ends."""
    ends, at = [], prose.find(name)
    while at != -1:
        ends.append(at + len(name))
        at = prose.find(name, at + 1)
    return Counter(form for end in ends for _, form in forms if prose.startswith(form, end))
