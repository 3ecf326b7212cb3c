"""One-letter column codes a caption explains as parts of the data.

LoRA's WebNLG table (arXiv 2106.09685, Table 14) heads each metric's columns "U", "S" and "A",
its caption saying '"U" indicates unseen categories, "S" indicates seen categories, and "A"
indicates all categories in the test set'. Read as printed, "BLEU U" and "BLEU S" differ by a
letter that names no setting, and the unseen categories' BLEU stood for the dataset's. A code
the caption explains as a part of the data reads as that part's word ("unseen", "seen"; "all" is
the whole), so the columns are told apart as "Middle" and "High" beside RACE's are
(column_twins.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

#: A quoted or bare one-letter code and the caption's explanation of it: '"U" indicates unseen'.
_EXPLAINED = re.compile(
    r"(?P<before>\b\w+\s+)?(?P<open>[\"“”'‘’])?\b(?P<code>[A-Z])\b(?P<close>[\"“”'‘’])?\s*"
    r"(?P<verb>indicates|denotes|means|stands for|:)\s+(?:the\s+)?(?P<word>[A-Za-z-]+)"
)
#: What numbers a one-letter caption label: "Table A: All results", "Figure B: ...".
_NUMBERED = re.compile(r"^(?:table|figure|fig\.?|tab\.?)\s+$", re.IGNORECASE)


@lru_cache(maxsize=512)  # asked once per row and dataset of a table: one caption, many times
def part_codes(caption: str, part_word: re.Pattern[str]) -> Mapping[str, str]:
    """The one-letter codes `caption` explains by a word `part_word` matches, each to that
    word lower-cased: {"U": "unseen", "S": "seen", "A": "all"}; a code explained twice, or by
    a word naming no part of the data, is left out. A code explained by a colon alone is one
    only where quoted ('"U": unseen') or one of two or more such codes the caption lists ("U:
    unseen classes, S: seen classes"): "Table A: All results" numbers a table, and a lone "F:
    full fine-tuning" or "W: Web" is a setting of the method, or nothing."""
    found: dict[str, set[str]] = {}
    colon: dict[str, set[str]] = {}
    for match in _EXPLAINED.finditer(caption):
        if match.group("verb") != ":":
            found.setdefault(match.group("code"), set()).add(match.group("word").lower())
        elif not _NUMBERED.match(match.group("before") or ""):
            quoted = bool(match.group("open") and match.group("close"))
            into = found if quoted else colon
            into.setdefault(match.group("code"), set()).add(match.group("word").lower())
    listed = {code: words for code, words in colon.items() if _parts(words, part_word)}
    if len(listed) >= 2:
        for code, words in listed.items():
            found.setdefault(code, set()).update(words)
    return {code: next(iter(words)) for code, words in found.items() if _parts(words, part_word)}


def _parts(words: set[str], part_word: re.Pattern[str]) -> bool:
    return len(words) == 1 and bool(part_word.match(next(iter(words))))
