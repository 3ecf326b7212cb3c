"""Cells printing two values under a header naming one task: the benchmark's own order.

GLUE and SuperGLUE report some tasks by two figures, which papers print in one cell
("90.2/89.7" under "MNLI", "94.9/96.4" under "CB"). Which figure is which is not the paper's
to say but the benchmark's, stated by its paper and leaderboard (ingest/lexicon/paired-values.txt,
with sources): MNLI matched then mismatched accuracy, CB F1 then accuracy. A cell so printed is
read in that order only in a table whose caption or headers name the benchmark; elsewhere a
header joining the parts ("MNLI-m/mm", "EM / F1") is needed (table_grid.header_parts), or a
caption saying which value comes first ("The GPT-3 AUROC appears first in each column, the
Jurassic-2 AUROC appears second"): then what each part names beside its metric qualifies the
method (DetectGPT run on GPT-3's texts: "DetectGPT (GPT-3)"); or a caption saying which test
set of the header's dataset each side reports ("For TQA, left column uses the standard test set
..., right column uses the TQA-Wiki test set": caption_sides.py).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from papergraph.core.model import Result, fold
from papergraph.ingest.extract.caption_sides import caption_sides, on_side
from papergraph.ingest.extract.metric_names import read_metric
from papergraph.ingest.extract.row_twins import with_setting
from papergraph.ingest.extract.table_grid import Grid, header_parts, name_text, strip_marks

FILE = "paired-values.txt"
_PLACED = r"\s+(?:appears?|is|are)\s+(?:(?:shown|given|listed|reported|printed)\s+)?"
#: A caption saying which value of a cell comes first: "The GPT-3 AUROC appears first in each
#: column, the Jurassic-2 AUROC appears second (i.e., after the slash)".
_ORDER = re.compile(
    rf"(?:^|[.;:]\s+)(?:the\s+)?(?P<first>[^.;:,]{{2,40}}?){_PLACED}first\b[^.;]*?[,;]\s*"
    rf"(?:and\s+)?(?:the\s+)?(?P<second>[^.;:,]{{2,40}}?){_PLACED}second\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _rows() -> tuple[list[str], ...]:
    text = resources.files("papergraph.ingest.lexicon").joinpath(FILE).read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return tuple(rows[1:])


@lru_cache(maxsize=1)
def conventions() -> dict[str, tuple[str, str]]:
    """Folded task name -> (benchmark, its parts as a header joining them: "MNLI-m/mm")."""
    return {
        fold(name): (benchmark, parts)
        for benchmark, names, parts, _source in _rows()
        for name in names.split("|")
    }


def said_apart(found: list[Result | None], parts: list[str], caption: str) -> list[Result]:
    """The results of a joined cell's values; where the caption says which value is which
    ("The GPT-3 AUROC appears first ..."), each method qualified by what its part says beside
    the metric (the detector run on GPT-3's texts: "DetectGPT (GPT-3)")."""
    kept = [result for result in found if result is not None]
    sides = caption_sides(caption, parts[0]) if parts == parts[:1] * 2 else None
    for result, side in zip(found, sides, strict=True) if sides else ():  # "TQA-Wiki test"
        if result is not None and result.dataset:
            result.dataset = on_side(result.dataset, side)
    if parts != _stated(caption):
        return kept
    for result, part in zip(found, parts, strict=True):
        said = " ".join(w for w in part.split() if read_metric(w) is None)
        if result is not None and said and result.method:
            result.method = with_setting(result.method, said)
    return kept


#: A slash set with spaces around it ("EM / F1"), read as one word.
_SPACED_SLASH = re.compile(r"\s*/\s*")


def _caption_metrics(caption: str, count: int) -> list[str] | None:
    """The metrics, in order, of the caption's one word joining `count` different ones by "/",
    each read with the word after it ("Results on SQuAD (EM/F1)": EM, F1; "top-1/top-5 error
    rates": top-1 error, top-5 error); None where it names them for some columns only ("F1/
    accuracy for MRPC"), or where the caption joins other names so ("Pearson/Spearman")."""
    words = [w.strip("()[],.;:") for w in _SPACED_SLASH.sub("/", name_text(caption)).split()]
    found, joined = [], 0
    for index, word in enumerate(words):
        after = words[index + 1] if index + 1 < len(words) else ""
        parts = word.split("/")
        if len(parts) < 2 or min(map(len, parts)) < 2 or not all(p[:1].isalpha() for p in parts):
            continue  # "w/o", "2007/2012"
        joined += 1
        metrics = [read_metric(f"{part} {after}") or read_metric(part) for part in parts]
        labels = [metric.label for metric in metrics if metric is not None]
        if len(parts) == count and len(set(labels)) == count and after.lower() != "for":
            found.append(labels)
    return found[0] if len(found) == 1 and joined == 1 else None


def _stated(caption: str) -> list[str] | None:
    """The two values' names in the order the caption says they are printed, or None."""
    stated = _ORDER.search(name_text(caption))
    return [stated.group("first"), stated.group("second")] if stated else None


@lru_cache(maxsize=1)
def _spellings() -> dict[str, str]:
    """Folded task name -> the benchmark's spelling of it ("record": ReCoRD)."""
    return {
        fold(name): names.split("|")[0] for _, names, _, _ in _rows() for name in names.split("|")
    }


def benchmark_task(header: str) -> str:
    """The task a header names as its benchmark spells it ("Record": ReCoRD), else the header."""
    return _spellings().get(fold(strip_marks(header)), header)


def value_parts(header: str, count: int, caption: str, grid: Grid) -> list[str] | None:
    """One header per value of a cell printing `count` values: the parts the header joins
    ("P/R/F1"); else the two the caption says come first and second ("The GPT-3 AUROC appears
    first in each column, the Jurassic-2 AUROC appears second"); else, under a task's name
    alone in a table whose caption or headers name its benchmark, the parts in the benchmark's
    order ("MNLI": MNLI-m, MNLI-mm; "CB": CB F1, CB Accuracy); None where none says which
    value is which."""
    joined = header_parts(header, count)
    if count == 2 and joined is None and caption_sides(caption, header):
        return [header, header]  # two test sets of the header's dataset: said_apart
    stated = _stated(caption) if count == 2 else None
    stated = stated or _caption_metrics(caption, count)
    if joined is not None or stated is not None:
        return joined or stated
    known = conventions().get(fold(strip_marks(header)))
    named = " ".join([caption, grid.label_header, *grid.column_headers.values()])
    if known is None or not re.search(rf"\b{known[0]}\b", named):
        return None
    return header_parts(known[1], count)
