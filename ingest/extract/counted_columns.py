"""Columns whose trailing number is a count, not part of a name: "Cifar5" beside "Cifar10".

A few-shot table prints one column per dataset and number of examples per class, the count
glued to a short name: "INet5 INet10 Cifar5 Cifar10 Pets5 Pets10 Birds5 Birds10" (Scaling ViT's
Table 4: ImageNet, CIFAR-100, Pets and Birds, each 5- and 10-shot). Read alone, "Cifar10" is
the dataset CIFAR-10; beside "INet5", "INet10" and "Cifar5" the 10 is a count of examples, and
the short name ("Cifar") says no one dataset. Such columns give no result: where the caption
speaks of shots and two or more names each print the same numbers (two or more), none of them
a metric ("B-1", "R-1" are BLEU-1 and ROUGE-1) and most of them no known name (WMT14, WMT16
beside IWSLT14, IWSLT16 are test sets), the numbers are counts. One name printed with several
numbers (CIFAR-10 beside CIFAR-100, Set5 beside Set14) is a family of datasets.
"""

from __future__ import annotations

import re
from collections import defaultdict

from papergraph.core.canonical import known_type
from papergraph.core.model import Table
from papergraph.ingest.extract.metric_names import read_metric
from papergraph.ingest.extract.scale_codes import scaled_grid
from papergraph.ingest.extract.table_grid import Grid, clean, strip_marks

#: A caption saying the table counts examples: "few-shot results", "10-shot", "per class".
_SHOTS = re.compile(r"\bshots?\b|-shot\b|\bper class\b", re.IGNORECASE)
#: A short name and a number glued or hyphened to it: "Cifar10", "INet-5", "Pets 10".
_COUNTED = re.compile(r"^(?P<name>[A-Za-z][A-Za-z.]*?)[ -]?(?P<count>\d+)$")


def counted_grid(table: Table) -> Grid | None:
    """The table's grid (scale_codes.scaled_grid) without its counted columns, where the
    caption says the table counts shots (XLNet's "Yelp-2", "Yelp-5", "Amazon-2", "Amazon-5",
    under a caption of error rates, are datasets of 2 and 5 classes)."""
    grid = scaled_grid(table)
    if grid is None or not _SHOTS.search(table.caption):
        return grid
    counted = counted_columns(grid.column_headers)
    if not counted:
        return grid
    grid.column_headers = {c: h for c, h in grid.column_headers.items() if c not in counted}
    for row in grid.rows:
        row.cells = {c: cell for c, cell in row.cells.items() if c not in counted}
        row.headers = {c: h for c, h in row.headers.items() if c not in counted}
    return grid


def counted_columns(headers: dict[int, str]) -> set[int]:
    """The columns whose headers print a short name and a count: names that share one set of
    two or more numbers, two names or more, none a metric, most no known name."""
    columns: dict[str, dict[str, int]] = defaultdict(dict)  # name -> count -> column
    for col, header in headers.items():
        text = clean(strip_marks(header))
        found = _COUNTED.match(text)
        if found and read_metric(text) is None:
            columns[found.group("name").lower()][found.group("count")] = col
    by_counts: dict[frozenset[str], list[str]] = defaultdict(list)
    for name, counts in columns.items():
        if len(counts) > 1:
            by_counts[frozenset(counts)].append(name)
    counted: set[int] = set()
    for names in by_counts.values():
        family = [(col, headers[col]) for name in names for col in columns[name].values()]
        unknown = [h for _, h in family if known_type(clean(h)) is None]
        if len(names) > 1 and 2 * len(unknown) > len(family):
            counted |= {col for col, _ in family}
    return counted
