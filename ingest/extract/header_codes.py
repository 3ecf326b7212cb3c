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

#: A quoted or bare one-letter code and the caption's explanation of it: '"U" indicates unseen'.
_EXPLAINED = re.compile(
    r"[\"“”'‘’]?\b(?P<code>[A-Z])\b[\"“”'‘’]?\s*(?:indicates|denotes|means|stands for|:)\s+"
    r"(?:the\s+)?(?P<word>[A-Za-z-]+)"
)


def part_codes(caption: str, part_word: re.Pattern[str]) -> dict[str, str]:
    """The one-letter codes `caption` explains by a word `part_word` matches, each to that
    word lower-cased: {"U": "unseen", "S": "seen", "A": "all"}; a code explained twice, or by
    a word naming no part of the data, is left out."""
    found: dict[str, set[str]] = {}
    for match in _EXPLAINED.finditer(caption):
        found.setdefault(match.group("code"), set()).add(match.group("word").lower())
    return {
        code: next(iter(words))
        for code, words in found.items()
        if len(words) == 1 and part_word.match(next(iter(words)))
    }
