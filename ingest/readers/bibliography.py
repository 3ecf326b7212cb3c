"""One bibliography entry read into its fields: authors, title, year, venue, arXiv id, DOI.

No offline library fits: GROBID, CERMINE and AnyStyle need a JVM, a server or Ruby, and
refextract (PyPI) finds identifiers and journal names but not article titles. The entries
Papergraph meets follow a few styles, and one reading covers them:

    A. Vaswani, N. Shazeer, and I. Polosukhin. Attention is all you need. In NIPS, 2017.
    Ilias Chalkidis and Ion Androutsopoulos. 2019. Neural legal judgment ... In Proc. of ACL.
    Kingma, D. P. and Ba, J. Adam: A method for stochastic optimization. arXiv:1412.6980 (2014).
    A. Vaswani et al., "Attention is all you need," in NIPS, 2017.

The entry is cut into sentences (never after an initial); the first is the authors (or, in
"Surname, I." lists, the longest run of such names), a sentence that is only a year is skipped,
the next one that is not a venue, a URL or a publisher is the title, and what follows it the
venue. The `benchmarks/references.py` figures say how often that is right.
"""

from __future__ import annotations

import re

from papergraph.core.model import Reference
from papergraph.ingest.readers.references import find_arxiv_id, find_doi

_MARKER = re.compile(r"^\s*(?:\[\s*[\w+.-]{1,12}\s*\]|\(\d{1,3}\)|\d{1,3}\.(?=\s))\s*")
_YEAR = re.compile(r"(?<![\d./:-])((?:19[5-9]|20[0-4])\d)[a-z]?(?![\d]|\.\d)")
_QUOTED = re.compile(r"[\"“”]\s*(.{8,}?)[,.]?\s*[\"“”]")
_UPPER = r"[^\W\d_a-z]"  # a capital, accented ones included ("Šilhavý")
_NAME = rf"{_UPPER}[\w'’\-]+"
# "F. Arute, K. Arya, and J. M. Martinis, Quantum supremacy ..., Nature 574, 505 (2019)."
_INITIALS_FIRST = re.compile(
    rf"^(?:[A-Z]\.\s?(?:-?[A-Z]\.\s?)*{_NAME}(?:\s+et\s+al\.)?(?:,\s*and\s+|,\s*|\s+and\s+)(?=[A-Z]\.))*"
    rf"[A-Z]\.\s?(?:-?[A-Z]\.\s?)*{_NAME}(?:\s+et\s+al\.)?(?=,\s(?!and\s|&|[A-Z]\.))"
)
_COMMA_TITLE = re.compile(r",\s*(.{8,}?)(?:,\s|\s\((?:19|20)\d\d\)|\.\s|\.?$)")
# A sentence ends at . ? ! followed by space, unless the word before is an initial or a
# common abbreviation; "et al." always ends the authors.
_NO_BREAK = {
    "vs",
    "eds",
    "ed",
    "proc",
    "conf",
    "int",
    "vol",
    "pp",
    "no",
    "jr",
    "dr",
    "st",
    "univ",
    "dept",
}
_SPLIT = re.compile(r"(?<=\.)\s+|(?<=[?!])\s+(?=[A-Z\d\"“(])")
_SURNAME_INITIALS = re.compile(
    r"(?:[^\W\d_a-z][\w'’\-]+(?:\s+(?:van|von|de|der|da|del|di|la|le|[A-Z][\w'’\-]+))*,\s*"
    r"(?:[A-Z]\.\s?(?:-?[A-Z]\.\s?)*)"
    r"(?:\s*,\s*(?:and\s+|&\s*)?|\s*(?:and|&)\s+)?)+"
    r"(?:et\s+al\.)?"
)
_JUNK_TITLE = re.compile(
    r"^(?:url\b|https?:|www\.|doi\b|arxiv\b|in\s|in:|proceedings\b|proc\.|advances in\b|"
    r"association for\b|journal\b|transactions\b|pages?\b|pp\.|vol\.|volume\b|springer\b|"
    r"ieee\b|acm\b|curran\b|mit press\b|openreview\b|corr\b|technical report\b|ph\.?d\b|"
    r"available\b|retrieved\b|accessed\b|preprint\b|(?:19|20)\d\d\b)",
    re.IGNORECASE,
)
_VENUE_START = re.compile(r"^(?:in:?\s+|to appear in\s+)", re.IGNORECASE)
_VENUE_END = re.compile(
    r",?\s*(?:pages?\b|pp\.|vol\.|volume\b|arXiv:|URL\b|doi\b)|,\s*\(?\d|\s\d+\s*[(:,]"
    r"|\s\(?(?:19|20)\d\d[a-z]?\)?\.?$",
    re.IGNORECASE,
)
_NAME_SPLIT = re.compile(r"\s*(?:,\s*and\s+|,\s*&\s*|\s+and\s+|\s*&\s*|;\s*|,\s*)")


def parse_entry(raw: str) -> Reference:
    """A reference with every field the entry's text shows; missing fields stay empty."""
    entry = _MARKER.sub("", _untex(raw)).strip()
    title, authors_part, rest = _parts(entry)
    return Reference(
        raw=raw.strip(),
        arxiv_id=_valid_arxiv(find_arxiv_id(entry) or _abs_id(entry)),
        doi=find_doi(entry),
        title=title,
        authors=split_authors(authors_part),
        year=_year(entry),
        venue=_venue(rest),
    )


def is_junk_title(title: str) -> bool:
    """A URL, a venue, a publisher or a year read as a title."""
    words = re.findall(r"[A-Za-z]{2,}", title)
    return len(words) < 2 or bool(_JUNK_TITLE.match(title.strip())) or "http" in title.lower()


def split_authors(part: str) -> list[str]:
    """Personal names of an author list ('A. B. Smith, C. Doe and E. Roe', 'Smith, A. and Doe, C.')."""
    part = re.sub(r",?\s*et\s+al\.?", "", part).strip().rstrip(".")
    if not part or len(part) > 600:
        return []
    pieces = [p.strip() for p in _NAME_SPLIT.split(part) if p and p.strip()]
    if (
        pieces
        and len(pieces) % 2 == 0
        and (
            all(_is_initials(p) for p in pieces[1::2])  # "Smith, A. B."
            or all(len(p.split()) == 1 for p in pieces[::2])  # "Smith, Alan, Doe, Jane B."
            and all(len(p.split()) <= 2 for p in pieces[1::2])
        )
    ):
        pieces = [f"{pieces[i + 1]} {pieces[i]}" for i in range(0, len(pieces), 2)]
    return [p for p in pieces if _is_name(p)]


def _parts(entry: str) -> tuple[str | None, str, str]:
    """(title, the author text, what follows the title)."""
    quoted = _QUOTED.search(entry)
    if quoted and len(quoted.group(1).split()) >= 2:
        return quoted.group(1).strip().rstrip(","), entry[: quoted.start()], entry[quoted.end() :]
    initials_first = _INITIALS_FIRST.match(entry)
    if initials_first:
        title = _COMMA_TITLE.match(entry, initials_first.end())
        if title and not is_junk_title(title.group(1)):
            return title.group(1).strip(), initials_first.group(), entry[title.end() :]
    surnames = _SURNAME_INITIALS.match(entry)
    if surnames and surnames.end() > 5 and "," in surnames.group():
        authors, sentences = surnames.group(), _sentences(entry[surnames.end() :])
    else:
        sentences = _sentences(entry)
        authors, sentences = (sentences[0], sentences[1:]) if sentences else ("", [])
    if not any(_title_like(sentence) for sentence in sentences):
        authors, sentences = _title_after_initial(authors, sentences)
    for index, sentence in enumerate(sentences):
        text = sentence.strip().rstrip(".").strip()
        if _YEAR_ONLY.match(text):
            continue
        if is_junk_title(text):
            return None, authors, " ".join(sentences[index:])
        text = re.sub(r",\s*\(?(?:19|20)\d\d[a-z]?\)?$", "", text)
        return text, authors, " ".join(sentences[index + 1 :])
    return None, authors, ""


_YEAR_ONLY = re.compile(r"^\(?(?:19|20)\d\d[a-z]?\)?$")
# "..., and Hinton, Geoffrey E. Imagenet classification with ...": an initial, then a capital
# word followed by a lower-case one, is where the authors end and the title starts.
_INITIAL_THEN_TITLE = re.compile(
    r"\b[A-Z]\.\s+(?=[A-Z][a-z]+\s+(?!and\b|et\b|van\b|von\b|de\b)[a-z]{2,})"
)


def _title_like(sentence: str) -> bool:
    return not _YEAR_ONLY.match(sentence.strip().rstrip(".")) and not is_junk_title(sentence)


def _title_after_initial(authors: str, sentences: list[str]) -> tuple[str, list[str]]:
    """Authors that swallowed the title after a final initial, cut there; else unchanged."""
    cuts = list(_INITIAL_THEN_TITLE.finditer(authors))
    if not cuts:
        return authors, sentences
    cut = cuts[-1].end()
    return authors[:cut].strip(), [authors[cut:].strip(), *sentences]


def _sentences(text: str) -> list[str]:
    """Sentences of an entry; never cut after an initial, an abbreviation, or inside brackets."""
    sentences: list[str] = []
    current = ""
    for piece in _SPLIT.split(text):
        current = f"{current} {piece}" if current else piece
        last = re.sub(r"[.?!]$", "", current.rsplit(None, 1)[-1]) if current.split() else ""
        if _continues(current, last):
            continue
        sentences.append(current.strip())
        current = ""
    if current.strip():
        sentences.append(current.strip())
    return sentences


def _continues(current: str, last_word: str) -> bool:
    if last_word.lower() == "al" and current.lower().endswith("et al."):
        return False
    if re.fullmatch(r"[A-Za-z]|[A-Z]\.-?[A-Z]|[A-Z]-[A-Z]", last_word):
        return True  # an initial ("Ł. Kaiser" can come out as "L. u. Kaiser")
    if last_word.lower() in _NO_BREAK:
        return True
    return current.count("(") > current.count(")")


def _untex(text: str) -> str:
    """LaTeX left in an entry: ~ spaces, ``quotes'', {braces}."""
    text = text.replace("~", " ").replace("``", "“").replace("''", "”")
    return re.sub(r"[{}]", "", text)


def _year(entry: str) -> int | None:
    """The year in parentheses if any ('(2017)'), else the last plausible one."""
    bracketed = re.search(r"\(((?:19[5-9]|20[0-4])\d)[a-z]?\)", entry)
    if bracketed:
        return int(bracketed.group(1))
    years = [int(m.group(1)) for m in _YEAR.finditer(re.sub(r"\b\d{4}\.\d{4,5}\b", "", entry))]
    return years[-1] if years else None


def _venue(rest: str) -> str | None:
    text = _VENUE_START.sub("", rest.strip())
    end = _VENUE_END.search(text)
    venue = (text[: end.start()] if end else text).strip(" .,;")
    if venue.lower().startswith("arxiv preprint"):
        return "arXiv preprint"
    return venue if 3 <= len(venue) <= 200 and re.search(r"[A-Za-z]{2}", venue) else None


def _valid_arxiv(arxiv_id: str | None) -> str | None:
    """New-style ids are YYMM.NNNNN from 0704 on; '2022.99999' (a placeholder) is none."""
    if arxiv_id is None:
        return None
    year, month = int(arxiv_id[:2]), int(arxiv_id[2:4])
    return arxiv_id if 1 <= month <= 12 and (year, month) >= (7, 4) else None


def _abs_id(entry: str) -> str | None:
    """'CoRR, abs/1706.03762' names the arXiv id too."""
    match = re.search(r"abs/(\d{4}\.\d{4,5})", entry)
    return match.group(1) if match else None


def _is_initials(text: str) -> bool:
    return bool(re.fullmatch(r"(?:[A-Z]\.?\s?-?)+", text.strip()))


def _is_name(text: str) -> bool:
    words = text.split()
    return (
        1 <= len(words) <= 6 and bool(re.search(r"[A-Za-z]", text)) and not re.search(r"\d", text)
    )
