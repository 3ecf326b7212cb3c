"""The language of a multilingual dataset's rows, kept as the dataset's variant.

A table of a multilingual suite prints one row per language or language pair ("MLSum (de)",
"MLSum (es)", "WikiLingua (es → en)", "WikiLingua (tr → en)" in PaLM's GEM tables). The
gazetteer knows the dataset's name alone, so each row reads as the bare dataset and the later
languages' values fold into the first row's. Where rows of one table read as one dataset in two
languages or more, each keeps its language in brackets ("MLSum (de)" is MLSUM (de)), which
`core.canonical` keeps as the dataset's qualifier ("de"), as it keeps WMT's "2014 en-de". A
dataset printed in one language only ("XSum (en)") stays the dataset: nothing to tell apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from papergraph.core.canonical import language
from papergraph.core.model import fold

#: A bracketed language or pair of languages closing a row label: "(de)", "(es → en)".
_BRACKETED = re.compile(r"\((?P<inner>[^()]+)\)\s*$")
_PAIR = re.compile(r"^(?P<source>[A-Za-z]{2,10})\s*(?:→|->|-|/|to)\s*(?P<target>[A-Za-z]{2,10})$")


def languages_kept(labels: Sequence[str], datasets: Sequence[str | None]) -> list[str | None]:
    """Each row's dataset (`datasets`, read from `labels`), with the language its label
    brackets where another row reads as the same dataset in another language."""
    spoken = [_language(label) for label in labels]
    languages: dict[str, set[str]] = {}
    for dataset, said in zip(datasets, spoken, strict=True):
        if dataset and said:
            languages.setdefault(fold(dataset), set()).add(fold(said))
    return [
        _with_language(dataset, said)
        if dataset and len(languages.get(fold(dataset), ())) > 1
        else dataset
        for dataset, said in zip(datasets, spoken, strict=True)
    ]


def _with_language(dataset: str, said: str | None) -> str:
    """`dataset` with the language in brackets, unless it prints one already."""
    if not said or _language(dataset):
        return dataset
    return f"{dataset} ({said})"


def _language(label: str) -> str | None:
    """The language or language pair a label brackets at its end, as printed, or None; a
    pair of one language twice is that language (WikiLingua's "en → en" and "en" are one)."""
    bracket = _BRACKETED.search(label)
    if not bracket:
        return None
    inner = " ".join(bracket.group("inner").split())
    pair = _PAIR.match(inner)
    if pair and language(pair.group("source")) and language(pair.group("target")):
        same = language(pair.group("source")) == language(pair.group("target"))
        return pair.group("source") if same else inner  # "en → en" is English alone
    return inner if language(inner) else None
