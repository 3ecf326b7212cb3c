"""One dataset's two test sets, printed side by side: which is which, as the caption says.

Open-domain QA papers report TriviaQA on two test sets at once. FiD's Table 1 prints two
"TriviaQA EM" columns, its caption saying "On TriviaQA, we report results on the open domain
test set (left), and on the hidden test set (right)"; RAG's Table 1 prints one "TQA" column of
cells "55.2/66.1", its caption saying "For TQA, left column uses the standard test set for
Open-Domain QA, right column uses the TQA-Wiki test set". Read without the caption, the two
values have one dataset and metric, and the first stood for both (or neither was read). A
caption sentence that names a dataset and then a set for its left and its right values says
what tells them apart: each value's dataset takes its set's name as printed, less the word
"test" ("TriviaQA (hidden)", "TriviaQA (TQA-Wiki)"), but for a set the caption calls the
standard one, which is the dataset as usually reported.
"""

from __future__ import annotations

import re

from papergraph.core.model import Result
from papergraph.ingest.extract.row_twins import says, with_setting
from papergraph.ingest.extract.table_grid import Grid

#: A caption sentence opening on the dataset it speaks of: "On TriviaQA, ...", "For TQA, ...".
_OPENING = re.compile(r"^(?:on|for|in)\s+(?P<name>[^,;]{2,40}?),\s*(?P<rest>.+)$", re.IGNORECASE)
#: A set a clause names: "the hidden test set", "the TQA-Wiki test set", "the standard test set".
_SET = re.compile(r"\bthe\s+(?P<name>(?:[\w-]+\s+){0,3}?[\w-]+)\s+(?:set|split)\b", re.IGNORECASE)
#: The side a clause puts its set on: "(left)", "left column", "right-hand values".
_SIDE = re.compile(r"\b(?P<side>left|right)(?:[\s-]hand)?\b", re.IGNORECASE)
#: Words calling a set the dataset's usual one: the dataset as reported, no qualifier.
_USUAL = {"standard", "usual", "original", "official", "regular", "the", "a"}


def caption_sides(caption: str, header: str) -> tuple[str, str] | None:
    """What the caption says the left and the right values under `header` are measured on
    (FiD: "open domain", "hidden"; RAG: "", "TQA-Wiki", "" for the usual set), where a sentence of it names a dataset the header
    prints ("On TriviaQA," over "TriviaQA EM"; "For TQA," over "TQA") and one set for each
    side; else None."""
    for sentence in re.split(r"(?<=\.)\s+", caption):
        opening = _OPENING.match(sentence.strip())
        if opening is None or not says(header, opening["name"]):
            continue
        sides: dict[str, str] = {}
        for clause in re.split(r"[,;]\s*(?:and\s+)?", opening["rest"]):
            side, named = _SIDE.search(clause), _SET.search(clause)
            if side and named:
                sides.setdefault(side["side"].lower(), _qualifier(named["name"]))
        if len(sides) == 2 and sides["left"] != sides["right"]:
            return sides["left"], sides["right"]
    return None


def on_side(dataset: str, qualifier: str) -> str:
    """The dataset qualified by the set its value is measured on ("TriviaQA (hidden)")."""
    return with_setting(dataset, qualifier) if qualifier else dataset


def _qualifier(name: str) -> str:
    """The set's name less a last "test" ("hidden test": "hidden"), which would be read as a
    split and leave "TriviaQA (hidden )" a dataset of its own; "" for the usual test set."""
    words = name.split()
    if words[-1].lower() == "test" and all(w.lower() in _USUAL for w in words[:-1]):
        return ""
    return " ".join(words[:-1] if len(words) > 1 and words[-1].lower() == "test" else words)


def by_side(result: Result, grid: Grid, col: int, caption: str) -> Result:
    """The result of one of two columns printing one header, its dataset qualified by the set
    the caption says that side reports ("TriviaQA (hidden)"; changed in place)."""
    header = grid.column_headers.get(col, "")
    twins = [other for other, printed in sorted(grid.column_headers.items()) if printed == header]
    sides = caption_sides(caption, header) if header and len(twins) == 2 else None
    if sides is not None and result.dataset:
        result.dataset = on_side(result.dataset, sides[twins.index(col)])
    return result
