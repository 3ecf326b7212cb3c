"""How central an entity is to a paper: frequent, spread over the text, named up front.

A score in [0, 1] from four signals, each scaled to the paper: mention count (log-scaled to the
paper's most mentioned entity), spread (distinct chunks, relative to the most spread entity),
and presence in the title and in the abstract or opening chunks.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

WEIGHTS = {"count": 0.35, "spread": 0.3, "title": 0.2, "front": 0.15}


@dataclass(frozen=True)
class Signals:
    """What salience is computed from, for one entity of one paper."""

    mentions: int
    chunks: int
    in_title: bool
    in_front: bool


def salience(signals: Signals, most_mentions: int, most_chunks: int) -> float:
    """The entity's salience, given the paper's largest mention count and chunk spread."""
    count = math.log1p(signals.mentions) / math.log1p(max(most_mentions, 1))
    spread = signals.chunks / max(most_chunks, 1)
    score = (
        WEIGHTS["count"] * count
        + WEIGHTS["spread"] * spread
        + WEIGHTS["title"] * signals.in_title
        + WEIGHTS["front"] * signals.in_front
    )
    return round(min(max(score, 0.0), 1.0), 4)
