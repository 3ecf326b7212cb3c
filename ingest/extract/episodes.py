"""Few-shot classification columns: a header of shots and ways is an episode of the caption's data.

Meta-learning papers print one column per N-way K-shot episode of one dataset ("1-shot 5-way",
"5-shot 20-way" under "Results on Omniglot"). Each column is a benchmark of its own, named as
Papers with Code names them ("Mini-Imagenet 5-way (1-shot)"): the dataset, the ways, the shots.
The header is no dataset ("1-shot" is one in data built from SciREX labels), nor a way of running
the method.
"""

from __future__ import annotations

import re

from papergraph.core.model import fold
from papergraph.ingest.extract.matcher import NameMatcher
from papergraph.ingest.extract.named_splits import split_dataset
from papergraph.ingest.extract.table_context import TableContext
from papergraph.ingest.extract.table_datasets import body_renamed, fragment_dataset
from papergraph.ingest.extract.table_grid import Row
from papergraph.ingest.extract.table_names import dataset_named

#: A header of only a number of shots and a number of ways, in either order.
_EPISODE = re.compile(
    r"^(?:(?P<shot>\d+)[- ]?shot,?\s+(?P<way>\d+)[- ]?way|(?P<way2>\d+)[- ]?way,?\s+"
    r"(?P<shot2>\d+)[- ]?shot)$",
    re.IGNORECASE,
)


def episode_dataset(header: str, caption_dataset: str | None) -> str | None:
    """The caption's dataset in the episode the header names ("1-shot 20-way" under an Omniglot
    caption: "Omniglot 20-way (1-shot)"), or None where the header names no episode or the
    caption no dataset."""
    found = _EPISODE.match(" ".join(header.split()))
    if found is None or not caption_dataset:
        return None
    ways = found.group("way") or found.group("way2")
    shots = found.group("shot") or found.group("shot2")
    return f"{caption_dataset} {ways}-way ({shots}-shot)"


def header_dataset(
    context: TableContext, row: Row, header: str, matcher: NameMatcher
) -> str | None:
    """The dataset a header spells out itself, read before any name inside it ("1-shot" is a
    dataset in SciREX-built data): an episode of the caption's dataset, or the dataset a
    "Dataset: X" fragment names (renamed for the row by a body row above it), or the caption's
    dataset on a test set of its own the header names (ingest/extract/named_splits.py)."""
    return (
        episode_dataset(header, context.caption_dataset)
        or fragment_dataset(body_renamed(context.grid, row, header), matcher)
        or _split_dataset(context, header, matcher)
    )


def _split_dataset(context: TableContext, header: str, matcher: NameMatcher) -> str | None:
    """The caption's dataset on the test set `header` names, where the header names no dataset
    the gazetteer or the paper knows ("MedQA-X", which the paper introduces, is a dataset)."""
    # the text's test sets first: most headers name none, and need no gazetteer lookup
    found = split_dataset(header, context.caption_dataset, context.text)
    if found is None or dataset_named(header, matcher) is not None:
        return None
    own = {fold(name) for name in (*context.datasets, *context.datasets.values())}
    return split_dataset(header, context.caption_dataset, context.text, own)
