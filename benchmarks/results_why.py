"""Why a gold result row was missed: is its value in a grid the reader gives, in the text the
reader keeps, in the PDF's raw text at all, or nowhere?

    PYTHONPATH=. python benchmarks/results_pdf.py --split tune --why

For each gold row (`in_pdf`) that no predicted row matches, one line: where the value was found
(`grid` with the table, row and column header texts; `text` when only the reader's chunks print
it; `raw` when only PDFium's raw page text does, so the reader dropped it; `nowhere`), then the
gold row. A tally by place closes the paper list. Read it on **tune** only.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from papergraph.core.model import Paper, Result, Table, TableCell
from papergraph.ingest.extract.table_grid import read_grid

_NUMBER = re.compile(r"(\d+(?:\.\d+)?|\.\d+)")


def value_forms(gold: str) -> list[str]:
    """The spellings a table may print a gold value in: itself, and its fraction/percentage."""
    match = _NUMBER.search(gold.replace(",", ""))
    if match is None:
        return []
    number = match.group(1)
    decimals = len(number.split(".")[1]) if "." in number else 0
    value = float(number)
    forms = {number, f"{value:.{decimals}f}"}
    if value < 1 and decimals >= 2:
        forms.add(f"{value * 100:.{decimals - 2}f}")
    if value > 1 and decimals <= 2:
        forms.add(f"{value / 100:.{decimals + 2}f}".lstrip("0"))
        forms.add(f"{value / 100:.{decimals + 2}f}")
    return sorted(forms)


def _pattern(forms: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(form) for form in forms)
    return re.compile(rf"(?<![\d.])(?:{alternatives})(?![\d]|\.\d)")


def in_grid(table: Table, pattern: re.Pattern[str]) -> str | None:
    """Where the value sits in the table: its row and column header texts as the grid reader
    reads them (`table_grid.read_grid`: not a column's top cells, which hold body rows when the
    header is one line), or the cell's row and top cells where the reader finds no grid."""
    for cell in table.cells:
        if pattern.search(cell.text):
            row, column = _grid_headers(table, cell) or _top_cells(table, cell)
            return (
                f"table {table.number} p{table.page}: row {row!r}, "
                f"column {column!r}, cell {cell.text!r}"
            )
    return None


def _grid_headers(table: Table, cell: TableCell) -> tuple[str, str] | None:
    """The row label and column header the grid reader gives the cell, or None."""
    grid = read_grid(table)
    body = next((r for r in grid.rows if r.index == cell.row), None) if grid else None
    if grid is None or body is None:
        return None
    return body.label, f"{body.header(grid, cell.col)} (as read)"


def _top_cells(table: Table, cell: TableCell) -> tuple[str, str]:
    row = sorted((c for c in table.cells if c.row == cell.row), key=lambda c: c.col)
    header = [c.text for c in table.cells if c.row < 3 and c.col <= cell.col < c.col + c.col_span]
    return row[0].text, f"{' / '.join(header)} (top cells)"


def raw_text(pdf: Path) -> str:
    """Every character PDFium reads on every page, rotated ones too."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def where(row: dict[str, Any], paper: Paper, raw: str) -> tuple[str, str]:
    """The place a gold row's value is printed, most structured first, and how it reads."""
    forms = value_forms(str(row["value"]))
    if not forms:
        return "nowhere", "value is not a number"
    pattern = _pattern(forms)
    for table in paper.tables:
        found = in_grid(table, pattern)
        if found:
            return "grid", found
    for chunk in paper.chunks:
        match = pattern.search(chunk.text)
        if match:
            start = max(0, match.start() - 60)
            context = chunk.text[start : match.end() + 40].replace("\n", " ")
            return "text", f"{chunk.kind.value} chunk: ...{context}..."
    match = pattern.search(raw)
    if match:
        context = raw[max(0, match.start() - 60) : match.end() + 40].replace("\n", " ")
        return "raw", f"...{context}..."
    return "nowhere", ""


def explain_misses(
    name: str,
    paper: Paper,
    found: list[Result],
    gold: list[dict[str, Any]],
    matches: Callable[[Result, dict[str, Any]], bool],
    tally: Counter[str],
) -> None:
    """Print each missed gold row of one paper with where its value is, and count the places."""
    missed = [row for row in gold if row.get("in_pdf") and not any(matches(r, row) for r in found)]
    raw = raw_text(Path(paper.source)) if missed else ""
    for row in missed:
        place, detail = where(row, paper, raw)
        tally[place] += 1
        print(
            f"  [why:{place:<7}] {name} | {row['dataset']} | {row['metric']} | {row['value']}"
            f" | {detail[:160]}"
        )
