"""Own rows printing one label more than once: runs of the method, or one row chosen by bold.

A table may print the paper's method on several rows of one label, each under a setting its
other columns print ("GPT-2 small - FlashAttention" at context lengths 1k, 2k and 4k:
FlashAttention's Table 4): each row is then a result of its own, and bold marks the best of
them, not the one row the paper reports. Rows of one label that print nothing to tell them
apart ("NewNet" 77.0, 78.8, **79.0** with no setting column), or only ticks under switches
("Aug ✓", "Pretrain ✓": an ablation's rows, the full model bold), are no such runs: bold
still picks the one row the paper reports.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from papergraph.core.model import fold
from papergraph.ingest.extract.own_versions import every_size
from papergraph.ingest.extract.table_context import TableContext
from papergraph.ingest.extract.table_grid import Row
from papergraph.ingest.extract.table_rows import printed_settings

#: A tick or cross a row prints under a switch's header: an ablation's switch, not a setting.
_TICK = re.compile(r"[✓✗✔✘×√]")


def run_setting(context: TableContext, row: Row) -> tuple[str, ...]:
    """What the row prints besides its label to tell it from a row of the same label: the
    values of its setting columns ("Context length" 1k) and the qualifiers its label columns
    give it ("Closed Book"); () where it prints ticks (switches of an ablation) or nothing."""
    if _TICK.search(row.printed):
        return ()
    return (*(value for _, value in printed_settings(context, row)), *row.qualifiers)


def repeated_runs(context: TableContext, own: Iterable[Row]) -> bool:
    """Whether the paper's own rows print one label more than once, under settings that differ
    (FlashAttention's three context lengths): each such row is a run of its own."""
    settings: defaultdict[str, set[tuple[str, ...]]] = defaultdict(set)
    for row in own:
        settings[fold(row.label)].add(run_setting(context, row))
    return any(len(found) > 1 for found in settings.values())


def swept_runs(context: TableContext, own: list[Row], names: list[str]) -> bool:
    """Whether the paper's own rows are its method's runs, each a result and bold only the best:
    every size of it (`every_size`), or one label under settings that differ."""
    labels = [row.label for row in context.grid.rows]
    return every_size(labels, [row.label for row in own], names) or repeated_runs(context, own)
