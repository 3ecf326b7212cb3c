"""The paper's own method where it names a newer version of the one its title names.

"How Attentive are Graph Attention Networks?" names GAT in its title; the paper studies GAT
and proposes GATv2, and its tables print both, GAT as the baseline. Where a method the paper
shows (salient) is one of its own names with a version after it ("GATv2", "X++", "X-II",
"X 2"), that version is the paper's own method and the bare name the older one it improves on:
rows of GAT are not this paper's results, rows of GATv2 are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from papergraph.core.model import Entity, EntityType

_VERSION = r"(?:[- ]?v\d+(?:\.\d+)?|\+\+|[- ]II|[- ]\d)"


def newest(names: list[str], entities: Iterable[Entity]) -> list[str]:
    """`names` with each name a shown method extends by a version replaced by that version."""
    shown = [e.label for e in entities if e.type is EntityType.METHOD and e.salient]
    return list(dict.fromkeys(_version(name, shown) for name in names))


def _version(name: str, shown: list[str]) -> str:
    pattern = re.compile(rf"^{re.escape(name)}{_VERSION}$", re.IGNORECASE)
    return next((label for label in shown if pattern.match(label)), name)
