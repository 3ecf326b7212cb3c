"""The paper's own method where it names a newer version of the one its title names.

"How Attentive are Graph Attention Networks?" names GAT in its title; the paper studies GAT
and proposes GATv2, and its tables print both, GAT as the baseline. Where a method the paper
shows (salient) is one of its own names with a version after it ("GATv2", "X++", "X-II";
the newest where it shows several), that version is the paper's own method and the bare name the older one it improves on:
rows of GAT are not this paper's results, rows of GATv2 are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from papergraph.core.model import Entity, EntityType

#: A version after a name: "v2", "V3", "++", "-II"; never version 1 (the older one, "ConvNeXt
#: V1"), and never a bare number ("RWKV-4", "GCN-2" name a size or a depth, not a version).
_VERSION = r"(?:[- ]?v(?P<number>[2-9]|\d{2,})(?:\.\d+)?|\+\+|[- ]II)"


def newest(names: list[str], entities: Iterable[Entity]) -> list[str]:
    """`names` with each name a shown method extends by a version replaced by that version."""
    shown = [e.label for e in entities if e.type is EntityType.METHOD and e.salient]
    return list(dict.fromkeys(_version(name, shown) for name in names))


def _version(name: str, shown: list[str]) -> str:
    """The newest version of `name` among the shown labels, else `name`."""
    pattern = re.compile(rf"^{re.escape(name)}{_VERSION}$", re.IGNORECASE)
    found = [(match, label) for label in shown if (match := pattern.match(label))]
    newest = max(found, key=lambda pair: int(pair[0].group("number") or 0), default=None)
    return newest[1] if newest else name
