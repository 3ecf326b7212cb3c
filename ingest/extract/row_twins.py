"""Rows of one table that print one method's name twice: what the table prints to tell them apart.

XLNet's GLUE table gives "XLNet" under "Single-task single models on dev" and "XLNet∗" under
"Multi-task ensembles on test", its caption saying "∗ indicates using ensembles"; its SQuAD
table gives "XLNet" under "Dev set results ..." and again under "Test set results ...";
RepLKNet's tables give "RepLKNet-31B" and "RepLKNet-31B ‡", "‡ indicates ImageNet-22K
pretraining"; Gated PixelCNN's ImageNet table repeats its header row over a second block, "32x32"
and "64x64" leading each. Read as one name, such rows are two values for one method, dataset and
metric. What tells them apart: a mark the caption explains (beside the label, or on a line of
marks only right above it), which names its setting on every row printing it; the split the
rows' group rows name ("dev", "test": a qualifier of the dataset, moved there by
caption_settings), else the few words their group rows (a block's repeated header less the
header's own words) differ in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from papergraph.core.canonical import SPLITS
from papergraph.ingest.extract.cited import uncite

#: The most words two group rows may differ by, on either side, and still name one setting.
MAX_WORDS = 5
#: A word pair this alike is one word spelled twice ("approachs"/"approaches"), no setting.
SPELLING = 0.8
#: Words that lead a setting and are no part of it ("with 30 random no-op starts").
_LEADS = frozenset("with from on in for using by at under of".split())
#: Footnote marks, each spelling of one mark as one ("*" and "∗" are the asterisk).
_MARK_SPELLINGS = {"*": "*", "∗": "*", "⋆": "*", "⁎": "*", "†": "†", "‡": "‡", "§": "§", "¶": "¶"}
#: A caption explaining a mark: "∗ indicates using ensembles", "‡ means ImageNet-22K pretraining".
_EXPLAINED = re.compile(
    r"(?P<mark>[*∗⋆⁎†‡§¶])\s*(?:indicates|denotes|means|marks|stands for|:)\s+"
    r"(?:using\s+|the\s+|that\s+)?(?P<what>(?:\bet al\.|\((?:19|20)\d\d[a-z]?\)|[^.;,()])+)"
)
#: Why the paper ran a setting, no part of it: "... similar to Houlsby et al. (2019) for a fair
#: comparison".
_PURPOSE = re.compile(r"\s+for (?:a |an |the )?(?:\w+ )?comparisons?\s*$", re.IGNORECASE)
_CUT = re.compile(r"(?<=[A-Za-z])- (?=\d)")  # "ImageNet- 22K": a hyphen the line broke
#: A meaning that runs a setting like a cited work's: "runs configured in a setup similar to
#: Houlsby et al. (2019)", "following Smith and Lee (2020)": the cited work tells it apart (a
#: bare "[12]" names no work a reader knows, so such a meaning stays as printed). Models "like"
#: a work, results "after" or "according to" one say something else: no setup of the work.
_LIKE_CITED = re.compile(
    r"\b(?:similar to|same as|as in|following)\s+(?:that of\s+|those of\s+)?"
    r"(?P<cited>[A-Z][\w-]*(?:\s+(?:and|&)\s+[A-Z][\w-]*)?\s+(?:et al\.?,?\s*)?"
    r"\((?:19|20)\d\d[a-z]?\))$"
)
MAX_MEANING_WORDS = 8
_PARTS = re.compile(r"[-/_]")  # the parts of a coined word: "top-p", "GPT-J"
MAX_CODE = 3  # the longest part of a word that is a code, not a spelling ("p", "50", "XL")


def marks(text: str) -> frozenset[str]:
    """The footnote marks `text` prints, each spelling of one mark as one."""
    return frozenset(_MARK_SPELLINGS[c] for c in text if c in _MARK_SPELLINGS)


def meanings(caption: str) -> dict[str, str]:
    """What the caption says each mark means: {"*": "ensembles", "‡": "ImageNet-22K
    pretraining", "†": "setup of Houlsby et al. (2019)"}, less why ("for a fair comparison");
    a setting run like a cited work's is named by that work ("runs configured in a setup
    similar to Houlsby et al. (2019)": no footnote sentence in a method's name); a meaning of
    more than a few words as printed, a citation aside, explains no setting, whatever work it
    cites."""
    found: dict[str, str] = {}
    for match in _EXPLAINED.finditer(_CUT.sub("-", caption)):
        what = _PURPOSE.sub("", " ".join(match.group("what").split()))
        named = [word for word in uncite(what).split() if any(c.isalnum() for c in word)]
        if not what or len(named) > MAX_MEANING_WORDS:  # a citation: its author alone
            continue
        like = _LIKE_CITED.search(what)
        what = f"setup of {like.group('cited')}" if like else what
        found.setdefault(_MARK_SPELLINGS[match.group("mark")], what)
    return found


def marked_settings(printed: frozenset[str], caption: str) -> list[str]:
    """The meanings the caption gives the marks a row prints ("∗": ensembles)."""
    explained = meanings(caption)
    return [explained[mark] for mark in sorted(printed) if mark in explained]


def group_setting(mine: str, theirs: str, headers: Sequence[str]) -> list[str]:
    """What the group row over one twin names that the other's does not: the split where
    they name different ones ("dev" under "Single-task single models on dev" against "...
    on test"), else the words they differ in ("32x32" against "64x64"), the words of the
    table's headers a block repeats left out; [] where they differ in more than a few words."""
    header_words = {word for header in headers for word in words(header)}
    one, other = ([w for w in words(text) if w not in header_words] for text in (mine, theirs))
    split, their_split = _split(one), _split(other)
    if split and their_split and split != their_split:
        return [split]
    found = differing(one, other)
    return found[0] if found else []


def _split(words: list[str]) -> str:
    return next((word.lower() for word in words if word.lower() in SPLITS), "")


def words(text: str) -> list[str]:
    """The words of `text`, less the punctuation that ends a clause around them."""
    return [word.strip(".,;:") for word in text.split() if word.strip(".,;:")]


def says(text: str, name: str) -> bool:
    """Whether `text` prints `name` as a whole word, any case ("On TriviaQA" says "triviaqa")."""
    return bool(re.search(rf"(?<![\w-]){re.escape(name.strip())}(?![\w-])", text, re.IGNORECASE))


def differing(first: Sequence[str], second: Sequence[str]) -> tuple[list[str], list[str]] | None:
    """The words each of two word sequences has where the other differs (spelling variants of
    one word aside), or None where they differ in more than two places or by more than
    MAX_WORDS words; a single differing word keeps the name-like word before it ("GPT2
    Medium")."""
    spans = [
        (i1, i2, j1, j2)
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, first, second).get_opcodes()
        if tag != "equal" and not _spelled_alike(first[i1:i2], second[j1:j2])
    ]
    sides = (
        [w for i1, i2, _, _ in spans for w in first[i1:i2]],
        [w for _, _, j1, j2 in spans for w in second[j1:j2]],
    )
    if not spans or len(spans) > 2 or max(len(s) for s in sides) > MAX_WORDS:
        return None
    if len(spans) == 1 and len(sides[0]) == len(sides[1]) == 1 and spans[0][0] > 0:
        before = first[spans[0][0] - 1]
        if any(c.isdigit() or c.isupper() for c in before):
            return [before, *sides[0]], [before, *sides[1]]
    return _setting(sides[0]), _setting(sides[1])


def _spelled_alike(one: Sequence[str], other: Sequence[str]) -> bool:
    """One word spelt two ways ("approachs", "approaches"); words differing in a short code
    after a hyphen ("top-p", "top-k"; "GPT-2", "GPT-J") are two."""
    if len(one) != 1 or len(other) != 1 or _coded_apart(one[0], other[0]):
        return False
    return SequenceMatcher(None, one[0].lower(), other[0].lower()).ratio() >= SPELLING


def _coded_apart(one: str, other: str) -> bool:
    parts = [_PARTS.split(word.lower()) for word in (one, other)]
    pairs = list(zip(*parts, strict=False))
    return len(parts[0]) == len(parts[1]) > 1 and any(
        a != b and max(len(a), len(b)) <= MAX_CODE for a, b in pairs
    )


def _setting(words: list[str]) -> list[str]:
    """`words` without the linking words that lead them and the punctuation around them."""
    while words and words[0].lower() in _LEADS:
        words = words[1:]
    return [word.strip("()") for word in words if word.strip("()")]


def with_setting(method: str, setting: str) -> str:
    """ "MuZero" + "human start positions" -> "MuZero (human start positions)"; a method that
    already prints its setting in brackets gets this one beside it ("NC-RAPT (High, GPT2
    Medium)"); one its name already prints stays as it is ("Inception-V3 + mixup" under an
    "Inception-V3" column)."""
    if re.search(rf"(?<!\w){re.escape(setting)}(?!\w)", method, re.IGNORECASE):
        return method
    return bracketed(method, [setting])


def bracketed(name: str, settings: Sequence[str]) -> str:
    """The name with the settings in brackets after it, inside its own brackets if it ends with
    some ("NC-RAPT (High)" + "GPT2 Medium": "NC-RAPT (High, GPT2 Medium)")."""
    if name.endswith(")"):
        return f"{name[:-1]}, {', '.join(settings)})"
    return f"{name} ({', '.join(settings)})"
