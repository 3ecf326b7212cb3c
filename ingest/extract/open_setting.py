"""The open-domain setting of a question answering dataset, printed after its name.

FiD's Table 1 prints "SQuAD Open" over its EM and F1 columns: SQuAD read open-domain, the
question alone against all of Wikipedia, not the reading comprehension of one given paragraph
SQuAD's own leaderboard ranks (FiD's 56.7 EM stood on SQuAD's board beside readers' 80s). Open
QA papers name the setting so ("SQuAD-open", "NaturalQuestions-Open", "TriviaQA open",
"SQuAD open-domain", after DrQA's "SQuAD (open)" and Lee et al. 2019's "NQ-open"); the word
"open" right after a dataset's name is kept as its qualifier: "SQuAD (open)", a board of its
own. A name the gazetteer knows with "open" in it ("OpenBookQA") is matched whole before this.
"""

from __future__ import annotations

import re

#: "open" (or "open-domain") right after a name, by a space or a hyphen, ending a word.
_OPEN = re.compile(r"[\s-]+open(?:[\s-]domain)?\b(?![-/])", re.IGNORECASE)


def opened(label: str, text: str, end: int) -> str:
    """The dataset's label with "(open)" where `text` prints "open" right after the name that
    ends at `end` ("SQuAD Open EM": "SQuAD (open)"), else the label."""
    if "(open)" in label or _OPEN.match(text, end) is None:
        return label
    return f"{label} (open)"
