"""Test-scale codes in a table's headers: "mIoU (ss)" beside "mIoU (ms)".

Segmentation and detection tables report a model tested on the image as it is and on several
rescaled (and flipped) copies, in two columns headed by codes: "(ss)" and "(ms)" (RepLKNet's
Cityscapes and ADE20K tables, under a header line "mIoU" a PDF reader may lose). Read alone,
"ms" is milliseconds, a cost column; printed beside "ss" it is the multi-scale test. Spelled
out, the two columns are the metric's values under two settings.
"""

from __future__ import annotations

import re

from papergraph.core.model import Table
from papergraph.ingest.extract.table_grid import Grid, read_grid

_SCALES = {"ss": "single-scale", "ms": "multi-scale"}
#: A code in brackets, or the whole header: "(ss)", "mIoU(ms)", "ms".
_CODE = re.compile(r"\(\s*(ss|ms)\s*\)|^\s*(ss|ms)\s*$", re.IGNORECASE)


def scaled_grid(table: Table) -> Grid | None:
    """The table's grid (table_grid.read_grid), its headers' "ss" and "ms" codes spelled out
    where its headers print both; a grid printing only one of them as it is."""
    grid = read_grid(table)
    if grid is None:
        return None
    codes = {
        _code(found) for header in grid.column_headers.values() for found in _CODE.finditer(header)
    }
    if codes != set(_SCALES):
        return grid
    grid.column_headers = {col: _spelled(header) for col, header in grid.column_headers.items()}
    return grid


def _spelled(header: str) -> str:
    """ "mIoU (ms)" as "multi-scale mIoU": the setting first, so the two headers differ in their
    first word alone, as column_twins tells two runs of one metric apart."""
    found = _CODE.search(header)
    if found is None:
        return header
    rest = " ".join(_CODE.sub(" ", header).split())
    return f"{_SCALES[_code(found)]} {rest}".strip()


def _code(found: re.Match[str]) -> str:
    return (found.group(1) or found.group(2)).lower()
