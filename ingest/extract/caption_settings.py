"""Rows that two tables of one paper give alike but for their value, told apart by their captions.

MuZero's Tables S1 and S2 both give "MuZero" on each Atari game in Score, S1 "with 30 random
no-op starts", S2 "from human start positions"; RAPT's Tables 4 and 5 give RAPT on each dataset
"to adapt GPT2 Medium" and "to adapt GPT2 Large"; PaLM's Tables 6 and 8 its SuperGLUE results on
the "dev set" and the "test set". On a leaderboard such rows would stand side by side with
nothing to tell them apart. Where exactly two tables give one method, dataset and metric one
value each, and the values differ, the words in which the first sentences of the two captions
differ name the setting: a split ("dev", "test") qualifies the dataset ("BoolQ dev"), other
words the method ("MuZero (human start positions)"). Captions that differ in more than a few
words (or in more than two places) name no one setting, and their rows stay as they are, unless
a caption puts its setting beside the unit of its values: ResNet's Table 3 gives "Error rates (%,
10-crop testing)", its Table 4 "Error rates (%) of single-model results ...", so Table 3's rows are
"ResNet-50 (10-crop testing)" and Table 4's stay "ResNet-50". A table whose caption names one
of the settings the paper prints after the method's name elsewhere takes it too: DetectGPT's
Table 3 has columns "top-p" and "top-k" ("DetectGPT (top-p)"), so its appendix Table 4,
"Nucleus (top-p) sampling evaluation ...", gives "DetectGPT (top-p)", not a second "DetectGPT"
on SQuAD beside Table 1's. Rows one table gives twice stay (a table's own columns tell those
apart, or nothing read does).

A caption whose first sentence says its values are a development set's puts its rows on that
split (`on_dev`: "Results on the SuperGLUE dev set." gives "RTE dev"), and so does a column
header ("CQA Dev Set Accuracy (%)").
"""

from __future__ import annotations

import re
from collections import defaultdict

from papergraph.core.canonical import SPLITS
from papergraph.core.model import Result
from papergraph.ingest.extract.row_twins import differing, says, with_setting, words
from papergraph.ingest.extract.sentences import first_sentence
from papergraph.ingest.extract.split_labels import splits

__all__ = ["beside_unit", "differing", "has_split", "named_settings", "on_dev", "told_apart"]

#: A setting in brackets at the end of a method's name: "XLNet (ensembles, test)".
_BRACKETED = re.compile(r"\s*\(([^()]*)\)$")
#: A caption's first sentence saying its values are a development set's, and one naming a test set;
#: a standard deviation ("std dev") is none, nor what was chosen on one ("best dev template").
_DEV = re.compile(
    r"(?<!std )(?<!std\. )(?<!standard )(?<!best )(?<!best-)\bdev(?:elopment)?\b", re.IGNORECASE
)
_TEST = re.compile(r"\btest", re.IGNORECASE)
#: A setting printed as a quantity's name and its number: "PT epoch: 800".
_NAMED_NUMBER = re.compile(r"(?P<name>[A-Za-z][\w. -]*?)\s*:\s*(?P<value>\d[\d.,]*[KkMB]?)")
#: A setting after the unit in a caption's brackets: "Error rates (%, 10-crop testing)".
_BESIDE_UNIT = re.compile(r"\((?:in\s+)?%\s*,\s*([^()]+?)\s*\)")


def told_apart(results: list[Result]) -> list[Result]:
    """`results` with the rows of each pair of tables that give one method, dataset and metric
    different values qualified by the words their captions differ in; every row of such a table
    that names one of those methods takes its table's setting, so a game only one table prints
    is named as its table's others are (changed in place; returned for chaining). A split one
    table's rows name as the method's setting ("XLNet (dev)", where its group row says so:
    ingest/extract/row_twins.py) is the dataset's ("SQuAD1.1 dev"), and of rows one table still
    gives alike but for their value, nothing read telling them apart, the first is kept."""
    for result in results:
        split_to_dataset(result)
    settings: dict[tuple[str, str], list[str] | None] = {}
    named = named_settings(results)
    for rows in _pairs(results):
        leads = [first_sentence(row.evidence[0].caption or "") for row in rows]
        found = differing(words(leads[0]), words(leads[1])) or beside_unit(leads[0], leads[1])
        for row, setting in zip(rows, found, strict=True):
            key = (_table(row), row.method or "")
            settings[key] = setting if settings.get(key, setting) == setting else None
    for key, setting in named.items():
        settings[key] = settings.get(key) or setting
    for result in results:
        told = settings.get((_table(result), result.method or "")) if result.evidence else None
        if told:
            _qualify(result, told)
    return first_of_twins(results)


def named_settings(results: list[Result]) -> dict[tuple[str, str], list[str]]:
    """(table, method) -> the one setting, of those the paper prints in brackets after the
    method's name ("DetectGPT (top-p)"), that the table's caption names in its first sentence,
    for each table whose row gives the method, dataset and metric another value than another
    table's does (a method qualified already, "DetectGPT (GPT-2)", by those printed after its
    base name). A caption naming two ("both top-k and top-p sampling") names none. A setting
    printed as a name and its number ("PT epoch: 800") counts as named where any sentence of
    the caption prints the number before the name's last word ("from 800 epoch ... models")."""
    printed: defaultdict[str, set[str]] = defaultdict(set)
    for result in results:
        found = _BRACKETED.search(result.method or "")
        if found:
            base = (result.method or "")[: found.start()]
            printed[base].update(part.strip() for part in found.group(1).split(",") if part.strip())
    told: dict[tuple[str, str], list[str]] = {}
    for rows in _clashes(results):
        for row in rows:
            lead = first_sentence(row.evidence[0].caption or "")
            base = _BRACKETED.sub("", row.method or "")  # "DetectGPT (GPT-2)": DetectGPT's
            known = sorted(printed.get(base, ()))
            said = [s for s in known if says(lead, s)] or [
                s for s in known if _says_quantity(row.evidence[0].caption or "", s)
            ]
            if len(said) == 1:
                told[(_table(row), row.method or "")] = said[0].split()
    return told


def _says_quantity(caption: str, setting: str) -> bool:
    """Whether a caption prints a "name: number" setting as the number before the name's last
    word, in any sentence: ConvNeXt V2's Table 4 prints "PT epoch | 800" for some rows, and its
    Table 3's caption says "We report the fine-tuning performance from 800 epoch FCMAE
    pre-trained models" of the same models, which Table 14 gives trained 1600 epochs."""
    found = _NAMED_NUMBER.fullmatch(setting.strip())
    if found is None:
        return False
    value, last = re.escape(found.group("value")), re.escape(found.group("name").split()[-1])
    return bool(re.search(rf"(?<![\w.]){value}[\s-]+{last}s?\b", caption, re.IGNORECASE))


def beside_unit(first: str, second: str) -> tuple[list[str], list[str]]:
    """The settings two captions print after the unit of their values, each where the other
    prints none or another: "Error rates (%, 10-crop testing)" against "Error rates (%) of
    single-model results" gives (["10-crop", "testing"], []). A caption's other words are no
    setting: told apart that way, captions that differ in much say too much to name one."""
    found = [_BESIDE_UNIT.search(lead) for lead in (first, second)]
    said = [match.group(1).split() if match else [] for match in found]
    if said[0] == said[1]:
        return [], []
    return said[0], said[1]


def split_to_dataset(result: Result) -> None:
    """A split among the settings in brackets after the method's name qualifies the dataset:
    "XLNet (ensembles, test)" on QNLI is XLNet (ensembles) on "QNLI test" (changed in place); a
    dataset already naming a split keeps its own."""
    found = _BRACKETED.search(result.method or "")
    if found is None or result.dataset is None:
        return
    parts = [part.strip() for part in found.group(1).split(",")]
    printed = [part for part in parts if part.lower() in SPLITS]
    if len(printed) != 1 or has_split(result.dataset):
        return
    kept = ", ".join(part for part in parts if part not in printed)
    base = (result.method or "")[: found.start()]
    result.method = f"{base} ({kept})" if kept else base
    result.dataset = f"{result.dataset} {printed[0].lower()}"


def first_of_twins(results: list[Result]) -> list[Result]:
    """`results` less the later rows of one table giving a method, dataset and metric a value
    the first already gave it: nothing read tells them apart, so the first, printed above and
    labelled as the table names it, stands for them. An ablation's row (kept off leaderboards)
    is no twin of a result row, nor is a row scored for another task (SciBERT's "NER SciERC"
    and "REL SciERC": two leaderboards)."""
    seen: set[tuple[object, ...]] = set()
    kept: list[Result] = []
    for result in results:
        table = _table(result) if result.evidence and result.value is not None else ""
        ablation = bool(result.evidence and result.evidence[0].ablation)
        key = (table, result.method, result.task, result.dataset, result.metric, ablation)
        if table and key in seen:
            continue
        seen.add(key)
        kept.append(result)
    return kept


def _pairs(results: list[Result]) -> list[list[Result]]:
    """The pairs of rows two tables give alike but for their value."""
    return [rows for rows in _clashes(results) if len(rows) == 2]


def _clashes(results: list[Result]) -> list[list[Result]]:
    """The groups of rows two or more tables give alike but for their values."""
    groups: dict[tuple[str | None, ...], list[Result]] = defaultdict(list)
    for result in results:
        if result.value is not None and result.evidence and result.evidence[0].table:
            groups[(result.method, result.dataset, result.metric)].append(result)
    return [
        rows
        for rows in groups.values()
        if len({_table(row) for row in rows}) > 1 and len({row.value for row in rows}) > 1
    ]


def _table(result: Result) -> str:
    return result.evidence[0].table or ""


def _qualify(row: Result, setting: list[str]) -> None:
    split = next((word for word in setting if word.lower() in SPLITS), None)
    if split is not None:
        row.dataset = row.dataset if has_split(row.dataset) else f"{row.dataset} {split.lower()}"
    else:
        row.method = with_setting(row.method or "", " ".join(setting))


def on_dev(results: list[Result]) -> list[Result]:
    """`results` with each table row whose caption's first sentence says its values are the
    development set's ("Results on the SuperGLUE dev set.", "The development set performances
    of ...") on that split: "RTE dev", as a dev board is not the test one. A caption that names
    a test set too ("SWAG Dev and Test accuracies") says no one split, and "validation" is
    left out: for most vision data it is the set results are reported on (changed in place).
    A column header saying so does too: STaR's "CQA Dev Set Accuracy (%)" is CommonsenseQA's
    dev set, whose test answers are not public."""
    for result in results:
        cell = result.evidence[0] if result.evidence else None
        if cell is None or not cell.table or result.value is None or not result.dataset:
            continue
        if has_split(result.dataset):
            continue
        lead = first_sentence(cell.caption or "")
        if any(_dev_only(said) for said in (lead, cell.column_header or "")):
            result.dataset = f"{result.dataset} dev"
    return results


def _dev_only(text: str) -> bool:
    """Whether `text` names a development set and no test set."""
    return bool(_DEV.search(text)) and not _TEST.search(text)


def has_split(dataset: str | None) -> bool:
    """Whether the dataset's name already says its split ("COCO test-dev", "SQuAD1.1 Dev")."""
    return bool(splits(dataset))
