"""Tasks a table's rows print as short forms that its caption spells out.

S2ORC's Table 5 prints each row's task as a short form after its dataset ("SciERC ... NER",
"GENIA ... DEP (LAS)", "ACL-ARC ... CLS") and its caption spells them out: "... dependency
parsing (DEP), and macro-F1 for relation (REL) and text (CLS) classification". The rows whose
short form the data knows (NER) had a task, the "CLS" rows none. A row still without a task whose
label prints such a short form takes the task the caption spells: the words before the brackets
("dependency parsing (DEP)"), or those words and the head noun a list of them shares ("relation
(REL) and text (CLS) classification": relation classification, text classification), where the
data knows that task and it is not a generic word ("classification").

The same caption gives those rows their measure: "macro-F1 for relation (REL) and text (CLS)
classification", "micro-F1 for ChemProt". The table's metric is the F1 all of them average
(`metric_names.refined`); a row printing a short form, or on a dataset, that one clause of the
caption gives an averaged F1 takes that average: macro-F1 and micro-F1 rank other leaderboards.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from papergraph.core.model import Result, fold
from papergraph.ingest.extract.dataset_tasks import generic_tasks, known_tasks, task_label
from papergraph.ingest.extract.matcher import NameMatcher
from papergraph.ingest.extract.metric_names import AVERAGED, read_metric
from papergraph.ingest.extract.task_metrics import task_key

_SPELLED = re.compile(r"(?P<words>(?:[A-Za-z-]+\s+){0,2}[A-Za-z-]+)\s*\((?P<short>[A-Z]{2,6})\)")
#: The rest of a list sharing one head noun, then the head: "... and text (CLS) classification".
_HEAD = re.compile(r"(?:\s*(?:,|and|or)\s+[A-Za-z-]+\s*\([A-Z]{2,6}\))*\s+(?P<head>[A-Za-z-]+)")
#: A clause giving a measure to what follows it: "macro-F1 for relation (REL) and ...".
_FOR = re.compile(r"(?P<metric>[A-Za-z][\w-]*)\s+for\s+")
_SHORT = re.compile(r"\(([A-Z]{2,6})\)")
_FUNCTION_WORD = re.compile(r"^(?:for|and|or|of|on|in|the|a|an|with|by|to)$", re.IGNORECASE)


def spelled_tasks(caption: str) -> dict[str, str]:
    """{short form: the known task the caption spells it as} ("CLS": "text classification")."""
    found: dict[str, str] = {}
    for match in _SPELLED.finditer(caption):
        words = match.group("words").split()
        while words and any(_FUNCTION_WORD.match(word) for word in words):
            words = words[1:]  # "for relation" -> "relation"
        head = _HEAD.match(caption, match.end())
        task = _known(_candidates(words, head.group("head") if head else None))
        if task and match.group("short") not in found:
            found[match.group("short")] = task
    return found


def printed_short_form(label: str, caption: str) -> str | None:
    """The one short form of a task the caption spells out that the row's label prints ("REL"
    in "CS SciERC Luan et al. (2018) REL"), or None: the task the row's values are for, which
    tells them from another row's on the same dataset ("SciERC ... NER")."""
    return _printed(label, spelled_tasks(caption))


def label_short_forms(label: str, dataset: str) -> str:
    """The short forms (two to six capitals) a row's label prints outside brackets, other than
    its dataset's words, in order ("CS NER SciERC": "CS NER"): what tells two rows on one
    dataset apart where the caption spells none of them ("CS REL SciERC": "CS REL")."""
    own = set(re.findall(r"[A-Za-z]+", dataset))
    words = re.findall(r"\b[A-Z]{2,6}\b", re.sub(r"\([^()]*\)", " ", label))
    return " ".join(word for word in words if word not in own)


def _printed(label: str, spelled: dict[str, str]) -> str | None:
    """The one short form of `spelled` that the label prints, or None."""
    words = set(re.findall(r"[A-Za-z]+", label))
    shorts = [short for short in spelled if short in words]
    return shorts[0] if len(shorts) == 1 else None


def _candidates(words: list[str], head: str | None) -> list[str]:
    """The words before the brackets, longest first, then each with the list's head noun."""
    tails = [" ".join(words[i:]) for i in range(len(words))]
    return tails + ([f"{tail} {head}" for tail in tails] if head else [])


def _known(candidates: Iterable[str]) -> str | None:
    known, generic = known_tasks(), generic_tasks()
    return next(
        (c for c in candidates if task_key(c) in known and task_key(c) not in generic), None
    )


def short_form_tasks(results: Iterable[Result], matcher: NameMatcher) -> None:
    """Give each result the task its caption spells for a short form its row's label prints,
    in place: the row says which of the dataset's tasks it is scored for ("SciERC ... REL" is
    relation classification, though its dataset's other row, "SciERC ... NER", is not)."""
    for result in results:
        evidence = result.evidence[0] if result.evidence else None
        if evidence is None or not evidence.caption:
            continue
        spelled = spelled_tasks(evidence.caption)
        short = _printed(evidence.row_header or "", spelled)
        if short is not None:
            result.task = task_label(spelled[short], matcher)


def averaged_clauses(caption: str) -> list[tuple[str, str]]:
    """(averaged F1's label, the text it is given for) of each "<metric> for ..." clause of the
    caption naming one: [("Macro-F1", "relation (REL) and text (CLS) classification")]."""
    matches = list(_FOR.finditer(caption))
    found: list[tuple[str, str]] = []
    ends = [m.start() for m in matches[1:]] + [len(caption)] if matches else []
    for match, end in zip(matches, ends, strict=True):
        metric = read_metric(match.group("metric"))
        if metric is None or metric.label not in AVERAGED:
            continue
        scope = caption[match.end() : end]
        found.append((metric.label, scope.split(".")[0]))
    return found


def short_form_metrics(results: Iterable[Result]) -> None:
    """Give each result in the F1 an averaged F1 refines the average its caption gives the
    short form its row prints, or its dataset, in place."""
    for result in results:
        evidence = result.evidence[0] if result.evidence else None
        if evidence is None or not evidence.caption or result.metric is None:
            continue
        label = set(re.findall(r"[A-Za-z]+", evidence.row_header or ""))
        given = {
            average
            for average, scope in averaged_clauses(evidence.caption)
            if AVERAGED[average] == result.metric
            and (label & set(_SHORT.findall(scope)) or _names(scope, result.dataset))
        }
        if len(given) == 1:
            result.metric = given.pop()


def _names(scope: str, dataset: str | None) -> bool:
    """Whether the clause prints the dataset's name (as one to three words)."""
    words = scope.split()
    spans = {fold(" ".join(words[i : i + n])) for n in (1, 2, 3) for i in range(len(words))}
    return bool(dataset) and fold(dataset or "") in spans
