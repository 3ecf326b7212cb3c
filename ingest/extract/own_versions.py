"""The paper's own method where its title's name is not it: a newer version, or a description.

"How Attentive are Graph Attention Networks?" names GAT in its title; the paper studies GAT
and proposes GATv2, and its tables print both, GAT as the baseline. Where a method the paper
shows (salient) is one of its own names with a version after it ("GATv2", "X++", "X-II";
the newest where it shows several), that version is the paper's own method and the bare name the older one it improves on:
rows of GAT are not this paper's results, rows of GATv2 are.

"Autoregressive Search Engines: Generating Substrings as Document Identifiers" opens with a
description of what the paper builds, in capitalised plain words, not a name: its tables print
the method it introduces ("Search Engines with Autoregressive LMs (SEAL)"), the method the
paper is about (`described`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from papergraph.core.model import Entity, EntityType, fold
from papergraph.ingest.extract.matcher import NameMatcher
from papergraph.ingest.extract.table_names import DATASET_TYPES, DOMINANT, own_row

#: A version after a name: "v2", "V3", "++", "-II"; never version 1 (the older one, "ConvNeXt
#: V1"), and never a bare number ("RWKV-4", "GCN-2" name a size or a depth, not a version).
_VERSION = r"(?:[- ]?v(?P<number>[2-9]|\d{2,})(?:\.\d+)?|\+\+|[- ]II)"
#: Capitalised plain words, as a title describes what a paper builds: "Autoregressive Search
#: Engines"; a coined name has a capital or a digit inside a word ("PixelCNN", "Multi-LexSum").
_PHRASE = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+)+$")
#: A size printed right after a name: "ResNet-50", "PaLM 540B", "GPT-3 1.3B"; or a size code
#: after a hyphen or a space, capitals and a number of blocks ("PoolFormer-S12", "-M48",
#: "MicroNet-M0", "Swin-T", "T5-XL"), as vision papers name their model family's sizes.
_SIZED = re.compile(
    r"^(?P<name>.+?)[- ]?(?P<size>(?<=[- ])[A-Z]{1,2}\d*|\d+(?:\.\d+)?[BMK]?)(?![\w.])"
)
#: How many sizes of the method make a table one of its sizes, not a few variants of one.
SIZES = 3
#: A version at the end of a folded name ("convnextv2"): the name without it is the older one.
_BRACKETS = re.compile(r"\([^()]*\)")  # "(10%)" after a retrieval set's name
_FOLDED_VERSION = re.compile(r"(?<=[a-z])v(?:[2-9]|\d{2,})$")


def newest(names: list[str], entities: Iterable[Entity]) -> list[str]:
    """`names` with each name a shown method extends by a version replaced by that version;
    the other names of the older method ("graph attention networks", "GATs" beside GAT) go
    with it: they name the baseline, not the version."""
    methods = [e for e in entities if e.type is EntityType.METHOD]
    shown = [e.label for e in methods if e.salient]
    versions = {name: _version(name, shown) for name in names}
    older = {
        n.lower() for e in methods if versions.get(e.label, e.label) != e.label for n in e.aliases
    }
    kept = [versions[name] for name in names if name.lower() not in older]
    return list(dict.fromkeys(kept))


def _version(name: str, shown: list[str]) -> str:
    """The newest version of `name` among the shown labels, else `name`."""
    pattern = re.compile(rf"^{re.escape(name)}{_VERSION}$", re.IGNORECASE)
    found = [(match, label) for label in shown if (match := pattern.match(label))]
    newest = max(found, key=lambda pair: int(pair[0].group("number") or 0), default=None)
    return newest[1] if newest else name


def described(names: list[str], entities: Iterable[Entity]) -> list[str]:
    """`names`, and where each is only a description in capitalised plain words (a title's
    "Autoregressive Search Engines: ..."), the names of the method the paper is about: the most
    salient, at least DOMINANT, and name-shaped ("SEAL")."""
    if not names or not all(_PHRASE.match(name) for name in names):
        return names
    methods = [e for e in entities if e.type is EntityType.METHOD and e.salience >= DOMINANT]
    top = max(methods, key=lambda e: e.salience, default=None)
    if top is None or not any(char.isupper() for char in top.label):
        return names
    return list(dict.fromkeys([*names, top.label, *top.aliases]))


def versions_beside(labels: Iterable[str], names: list[str]) -> bool:
    """Whether a table prints the paper's version of its method beside the older one, row by
    row ("ConvNeXt V1-A", "ConvNeXt V2-A", ...; `names` folded, the newest version's): every
    row names one of the two, so the paper's rows are all those of its version, each size a
    result of its own, and bold marks the best of them, not the one row the paper reports."""
    older = [_FOLDED_VERSION.sub("", name) for name in names]
    own = [own_row(label, names) for label in labels]
    named = all(own_row(label, [*names, *older]) for label in labels)
    return older != names and any(own) and not all(own) and named


def every_size(labels: Iterable[str], own: Iterable[str], names: list[str]) -> bool:
    """Whether the rows (`labels`, the paper's `own` among them) are the paper's method at its
    sizes: its version beside the older one (`versions_beside`) or its own rows at SIZES sizes
    or more ("ResNet-34", "ResNet-50", "ResNet-101", "ResNet-152"); each size is a model with
    results of its own, and bold marks the best of them, not the one row the paper reports."""
    sizes = {found.group("size") for label in own if (found := _size(label, names))}
    return len(sizes) >= SIZES or versions_beside(labels, names)


def data_runs(own: Iterable[str], names: list[str], matcher: NameMatcher) -> set[str]:
    """The paper's own rows (`own` labels) that name a dataset right after the method's name,
    as the only other words but brackets, where SIZES or more do ("Retro Wikipedia", "Retro C4",
    "Retro MassiveText (10%)": RETRO's Table 4, one row per retrieval database); else none.
    They are the method run on other data, each a result of its own, and bold marks the best of
    them, not the one row the paper reports (an ablation's rows name a change: "w/o retrieval");
    a row that is the paper's by "ours" alone ("NN-LM (ours)") is a baseline it ran."""
    found = {label for label in own if _data_after(label, names, matcher)}
    return found if len(found) >= SIZES else set()


def _data_after(label: str, names: list[str], matcher: NameMatcher) -> bool:
    """Whether the label is one of `names` (folded) and then only a dataset's name."""
    words = _BRACKETS.sub(" ", label).split()
    for end in range(1, len(words)):
        if fold(" ".join(words[:end])) in names:
            entry = matcher.lookup(" ".join(words[end:]))
            return entry is not None and entry.type in DATASET_TYPES
    return False


def _size(label: str, names: list[str]) -> re.Match[str] | None:
    """The size printed right after one of `names` (folded) at the label's start."""
    found = _SIZED.match(label)
    return found if found and fold(found.group("name")) in names else None


def family(label: str) -> str | None:
    """The folded name before a size the label prints ("PoolFormer-S12": "poolformer"), or
    None: rows of one family at different sizes are one model's sizes."""
    found = _SIZED.match(label.strip())
    return fold(found.group("name")) or None if found else None
