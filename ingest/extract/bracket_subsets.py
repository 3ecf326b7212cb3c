"""A subset or split printed in brackets right after a dataset's name in a table label.

FLAN's Table 2 prints two TriviaQA rows, "TQA (wiki)" and "TQA (tfds-dev)": the Wikipedia
subset of the dev set (to compare with GPT-3) and the full TFDS dev set, two numbers that
must not fall onto one board. Papers print a part of a dataset so: "X (wiki)", "X (web)",
"X (test-std)", "Y (filtered)"; the bracketed words are kept as the dataset's qualifier,
"TQA (wiki)", as "open" is ("SQuAD (open)": open_setting.py). A bracket says other things
too, and those are never a part of the data: a citation ("[12]", "(Lee et al., 2019)"), a
metric ("(F1)", "(EM)"), a size or share ("(50K)", "(10%)"), a count of shots ("(5-shot)"),
another name of the same dataset ("Natural Questions (NQ)", an acronym), the paper's own
("(ours)") or a language ("XSum (en)": row_languages.py keeps one where languages differ).
Those leave the label as it is.
"""

from __future__ import annotations

import re

from papergraph.core.canonical import LEADERBOARD_SPLITS, language
from papergraph.ingest.extract.metric_names import read_metric
from papergraph.ingest.extract.open_setting import opened

#: A split naming a board of its own (core.canonical.LEADERBOARD_SPLITS): "COCO test-dev"; also
#: table_names' (which imports this module).
SPLIT = re.compile(rf"\s*\b(?P<split>{'|'.join(LEADERBOARD_SPLITS)})\b", re.IGNORECASE)

#: A bracket right after the name: "(wiki)", at most three words of letters, digits, hyphens.
_BRACKET = re.compile(r"\s*\((?P<part>[A-Za-z][\w-]*(?: [\w-]+){0,2})\)")
#: A year or a number with a unit: a citation or a size, never a subset's name.
_NUMBERED = re.compile(r"\b(?:19|20)\d\d\b|^\d|\d\s*[kKmMbB%]?$")
#: Words that say how a value was read, not which data: a citation's "et al", a setting, an
#: average, the paper's own ("val" is no board of its own, as a bare "X val" is none).
_NOT_DATA = re.compile(
    r"\b(?:et|al|ours|our|avg|average|mean|median|std|shots?|[\w-]*-shot|zero|few|acc|"
    r"score|scores|val|value|values|results?|ppl|error|err)\b",
    re.IGNORECASE,
)
#: An acronym: another name of the dataset ("(NQ)"), or a metric ("(EM)").
_ACRONYM = re.compile(r"^[A-Z0-9-]+$")


def subset(text: str, end: int) -> str | None:
    """The subset or split `text` prints in brackets right after a name ending at `end`
    ("TQA (wiki)": "wiki"), or None where there is none or the bracket says something else
    (a citation, metric, size, setting or another name)."""
    found = _BRACKET.match(text, end)
    if found is None:
        return None
    part = found.group("part")
    if _ACRONYM.match(part) or _NUMBERED.search(part) or _standalone(part):
        return None
    if language(part):  # "XSum (en)": row_languages.py keeps a language where languages differ
        return None
    if read_metric(part) is not None:
        return None
    return part


def _standalone(part: str) -> bool:
    """Whether the bracket's words say how a value was read rather than which data: a whole
    word such as "avg" or "5-shot" (a hyphenated split, "test-std", is one word of its own)."""
    return any(_NOT_DATA.fullmatch(word) for word in part.split())


def with_subset(label: str, text: str, end: int) -> str:
    """The dataset's label with the bracketed subset printed after its name ("TQA (wiki)"),
    else the label as it is."""
    part = subset(text, end)
    if part is None or part.lower() in label.lower():
        return label
    if SPLIT.fullmatch(f" {part}"):  # "COCO (test-dev)" is COCO test-dev, as printed bare
        return f"{label} {part}"
    return f"{label} ({part})"


def qualified(label: str, text: str, end: int) -> str:
    """The dataset's label with the setting or subset `text` prints right after the name that
    ends at `end`: "open" ("SQuAD (open)") or a bracketed part ("TQA (wiki)")."""
    return with_subset(opened(label, text, end), text, end)
