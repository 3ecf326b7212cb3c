"""The data a table's models were trained on, where the caption names it, as the rows' setting.

ConvNeXt V2's Table 15 is "ImageNet-22K intermediate fine-tuning results ...", its Table 14
"ImageNet-1K fine-tuning results ...": both give ImageNet top-1, ConvNeXt V2-B 86.8 in the first
and 84.9 in the second. Read without the caption, 86.8 stands on the ImageNet board as if the
model had seen ImageNet-1K alone. Where a caption's first sentence names a dataset the models
were trained on (`table_datasets.training_data`: "pre-trained on JFT-300M", "using IN-21K
labels") that is not the data the row's values are on, the row's method takes it as printed
("ConvNeXt V2-B (image size: 224², ImageNet-22K)"), but only where the paper gives other values
on that dataset and metric from tables whose captions name other training data or none: a
paper whose every ImageNet table is 22K pre-trained has no value to tell its rows from, and
its names stay short. A caption naming two or more training sets names alternatives its rows
tell apart, and none is taken. A method that already names the data ("RepLKNet-31B (ImageNet-22K
pretraining)", from a mark its caption explains) keeps its name. A caption naming the data as
what other models were trained on, or not ("Comparison with models pre-trained on JFT-300M",
"results without pre-training on ImageNet-22K"), names no training data of its rows, unless
a comparison's clause puts the paper's own models or the state of the art among them ("our
model and baselines pre-trained on ImageNet-22K"). Only table rows are compared: a number
quoted in the text tells no table's rows apart.
"""

from __future__ import annotations

import re
from collections import defaultdict

from papergraph.core.model import Result, fold
from papergraph.ingest.extract.matcher import Match, NameMatcher
from papergraph.ingest.extract.row_twins import with_setting
from papergraph.ingest.extract.sentences import first_sentence
from papergraph.ingest.extract.table_datasets import training_data
from papergraph.ingest.extract.table_names import DATASET_TYPES

__all__ = ["trained_apart"]

#: A caption explaining a mark or a code ("‡ indicates ImageNet-22K pretraining"): what follows
#: is the setting of the rows marked so, not of all rows (ingest/extract/row_twins.py reads it).
_EXPLAINS = re.compile(r"\b(?:indicates?|denotes?|means?|marks?|marked)\b", re.IGNORECASE)
#: Words saying a clause's training data is left out or set against: "without pre-training
#: on", "unlike those pre-trained on".
_ABSENT = re.compile(r"\bwithout\b|\bw/o\b|\bunlike\b", re.IGNORECASE)
#: Words saying a clause's training data may be other models' ("Comparison with models
#: pre-trained on JFT-300M"), unless the clause also names the paper's own models or the
#: state of the art it stands among (`_OURS`).
_OTHERS = re.compile(
    r"\bcompar\w*\s+(?:with|to|against)\b|\bthan\b|\bbaselines?\b|\bothers?\b|\bprior\b"
    r"|\bprevious\b",
    re.IGNORECASE,
)
#: The paper's own models among the clause's ("Results of our model and baselines
#: pre-trained on"), or the state of the art its table is a board of ("Comparison with
#: state-of-the-art methods pre-trained on ImageNet-22K").
_OURS = re.compile(r"\b(?:our|ours|we|state[- ]of[- ]the[- ]art|SOTA)\b", re.IGNORECASE)
#: Where a clause ends: the words before a match in its own clause say whose data it is.
_CLAUSE = re.compile(r"[,;:()]")
#: What joins the names of a list: "ImageNet, ImageNet-21k or JFT-300M".
_LISTED = re.compile(r"\s*(?:,|/|,?\s*\b(?:or|and)\b)\s*", re.IGNORECASE)


def trained_apart(results: list[Result], matcher: NameMatcher) -> list[Result]:
    """`results` with each table row whose caption names the training data (other than the
    data its values are on) qualified by it, where the paper's other table rows on that
    dataset and metric were trained on other data or on none named (changed in place;
    returned)."""
    captions: dict[str, list[Match]] = {}
    owns: dict[str, set[str]] = {}
    data = {id(result): _trained_on(result, matcher, captions, owns) for result in results}
    boards: defaultdict[tuple[str, str], set[tuple[str, ...]]] = defaultdict(set)
    for result in results:
        tabled = bool(result.evidence and result.evidence[0].table)
        if tabled and result.value is not None and result.dataset and result.metric:
            boards[(result.dataset, result.metric)].add(data[id(result)])
    for result in results:
        named = data[id(result)]
        board = boards.get((result.dataset or "", result.metric or ""), set())
        if named and len(board) > 1:
            for name in named:
                result.method = with_setting(result.method or "", name)
    return results


def _trained_on(
    result: Result,
    matcher: NameMatcher,
    captions: dict[str, list[Match]],
    owns: dict[str, set[str]],
) -> tuple[str, ...]:
    """The training data the row's caption names in its first sentence, as printed, less the
    row's own dataset (a caption's "ImageNet-1K fine-tuning" names the data it is on) and less
    data its method already names. `captions` and `owns` keep, within one call, what depends
    on the caption or the dataset alone."""
    cell = result.evidence[0] if result.evidence else None
    if cell is None or not cell.table or result.value is None or not result.dataset:
        return ()
    lead = first_sentence(cell.caption or "")
    if lead not in captions:
        captions[lead] = _caption_trained(lead, matcher)
    if result.dataset not in owns:
        found = {fold(match.entry.label) for match in matcher.find(result.dataset)}
        owns[result.dataset] = found | {fold(result.dataset)}
    own, method = owns[result.dataset], fold(result.method or "")
    return tuple(
        dict.fromkeys(
            printed
            for match in captions[lead]
            if fold(match.entry.label) not in own
            and fold(printed := lead[match.start : match.end]) not in method
            and not any(fold(name) in method for name in (match.entry.label, *match.entry.aliases))
        )
    )


def _caption_trained(lead: str, matcher: NameMatcher) -> list[Match]:
    """The training sets a caption's first sentence names for all its rows: none where it
    names several ("when pre-trained on ImageNet, ImageNet-21k or JFT-300M", ViT's Table 5:
    the alternatives its rows or columns tell apart), none explaining a mark, none its clause
    names as other models' data or as left out ("models pre-trained on JFT-300M" after
    "Comparison with", "without pre-training on ImageNet-22K")."""
    trained = [
        match
        for match in training_data(lead, matcher)
        if not _EXPLAINS.search(lead[: match.start])
        and not _others(_CLAUSE.split(lead[: match.start])[-1])
    ]
    if len({match.entry.label for match in trained}) > 1 or _listed(lead, trained, matcher):
        return []
    return trained


def _others(clause: str) -> bool:
    """Whether the words of a clause before its training data give that data to other models
    or leave it out."""
    return bool(_ABSENT.search(clause) or (_OTHERS.search(clause) and not _OURS.search(clause)))


def _listed(lead: str, trained: list[Match], matcher: NameMatcher) -> bool:
    """Whether another dataset's name follows a training set's in a list ("pre-trained on
    ImageNet, ImageNet-21k or JFT-300M"): only the first reads as trained on."""
    data = [m for m in matcher.find(lead) if m.entry.type in DATASET_TYPES]
    for match in trained:
        after = next((m for m in data if m.start >= match.end), None)
        if after is not None and _LISTED.fullmatch(lead[match.end : after.start]):
            return True
    return False
