"""A setting printed once beside each block of rows that lists the same methods again.

FLAN's Table 4 compares LaMDA-PT and FLAN prompt-tuned on 32 examples, then on the full dataset:

    Prompt tuning train. examples | BoolQ acc. | ...
    LaMDA-PT                      | 55.5 ...
                 32
    FLAN                          | 77.5 ...
    LaMDA-PT     full             | 82.8 ...
    FLAN         dataset          | 86.3 ...

The setting column is a multirow cell centred beside each block: "32" on a line of its own
between the block's two rows, "full dataset" broken over the block's two lines. Read row by row
its words were glued to the names ("FLAN dataset", a name no method has) or lost ("FLAN" for the
32-example run). Where the name column lists the same names in the same order block after block
(a cycle of two or more names, two or more blocks), a later label column under a header naming
no method whose text, in some block, stands only on a line without values (centred there, as no
per-row cell is) holds one setting per block: its lines within the block, joined, qualify every
row of the block with the header ("FLAN (Prompt tuning train. examples: full dataset)"). A
column under a header naming datasets, benchmarks, tasks or languages ("Dataset"), or whose
block texts are known datasets ("CIFAR-10"), says what each block is run on, not how: no setting.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from papergraph.core.canonical import known_type
from papergraph.core.model import EntityType

#: The header of a column naming what a block is run on, not a setting ("Dataset", "Task").
_RUN_ON = re.compile(r"\b(?:datasets?|benchmarks?|tasks?|languages?)\b", re.IGNORECASE)


def cycle_length(names: list[str]) -> int:
    """The number of names in a block where `names` repeats one block two times or more
    ("LaMDA-PT", "FLAN", "LaMDA-PT", "FLAN": 2), the names in a block all different; else 0."""
    for size in range(2, len(names) // 2 + 1):
        block = names[:size]
        if len(names) % size or len(set(block)) < size or not all(block):
            continue
        if all(name == block[i % size] for i, name in enumerate(names)):
            return size
    return 0


def cycled_settings(
    text: Callable[[int, int], str],
    headers: dict[int, str],
    rows: list[int],
    name_col: int,
) -> dict[int, dict[int, str]]:
    """Column -> (row -> its block's setting, "header: joined lines") for the label columns
    (the columns of `headers`, column -> header text, after `name_col`) that print one setting
    per block of a cycle of names; `text(row, col)` a cell's text, `rows` the body rows with
    values, in order."""
    size = cycle_length([text(r, name_col) for r in rows])
    if not size:
        return {}
    blocks = [rows[i : i + size] for i in range(0, len(rows), size)]
    found: dict[int, dict[int, str]] = {}
    for col, header in headers.items():
        lines = [_lines(text, block, col) for block in blocks]
        texts = [" ".join(line for _, line in block_lines) for block_lines in lines]
        centred = any(
            block_lines and all(row not in rows for row, _ in block_lines) for block_lines in lines
        )
        run_on = _RUN_ON.search(header) or any(known_type(t) is EntityType.DATASET for t in texts)
        if header and centred and all(texts) and len(set(texts)) == len(texts) and not run_on:
            found[col] = {
                row: f"{header}: {text}"
                for block, text in zip(blocks, texts, strict=True)
                for row in block
            }
    return found


def _lines(text: Callable[[int, int], str], block: list[int], col: int) -> list[tuple[int, str]]:
    """The texts of the column on the lines from the block's first row to its last, in order."""
    return [(r, line) for r in range(block[0], block[-1] + 1) if (line := text(r, col))]
