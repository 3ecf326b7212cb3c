"""A paper's front matter from page 1's laid-out lines: title, authors, affiliations, emails,
venue and year.

The title is the largest type near the top (a line no larger than the body text is no title, so
a one-page table excerpt gets none); a smaller line straight under it, larger than the body, is
its subtitle. Authors are the lines under the title set like the first line of names (bold names
above regular affiliations, as most templates have it); superscript marks are dropped by their
size, and a line is cut into names at separators and at the wide gaps between author blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from papergraph.ingest.readers.pdf_layout import Line, Word, join_words
from papergraph.ingest.repair import repair_text

_BOILERPLATE = re.compile(
    r"^(proceedings|published|provided proper|content from|journal|preprint|under review|"
    r"workshop|arxiv|doi|copyright|licen[cs]e|technical report|\d+(st|nd|rd|th)\b)|@|©|c©|"
    r"\bpages?\s+\d",
    re.IGNORECASE,
)
AFFILIATION = re.compile(
    r"universit|institut|research|\binc\b|\blab|google|facebook|microsoft|openai|deepmind|"
    r"depart|school|college|\bai\b|\busa\b|\bu\.s\.a|\buk\b|corporation|company|centre|center|"
    r"academy|faculty|laborator|polytechn|\bmeta\b|nvidia|amazon|\bibm\b|team|foundation|"
    r"technolog|equal contribution|correspond|\bcity\b|\bview\b|\bstreet\b|\bchina\b|\bcanada\b|"
    r"\bgermany\b|\bfrance\b|\bjapan\b|\bisrael\b|\bswitzerland\b|\bkorea\b|\bindia\b",
    re.IGNORECASE,
)
_VENUE = re.compile(
    r"(published as .{0,60}?(?:at|in) .+|proceedings of .+|\d+(?:st|nd|rd|th) (?:annual )?"
    r"(?:conference|international conference|workshop) on .+|(?:advances in neural information"
    r" processing systems|under review as .+).*|\b(?:NeurIPS|NIPS|ICML|ICLR|ACL|EMNLP|NAACL|CVPR"
    r"|ICCV|ECCV|AAAI|IJCAI|KDD|SIGIR|COLING|EACL|TACL|JMLR|TMLR|CHI|UIST)\b[^.]{0,40}?"
    r"\b(?:19|20)\d{2}\b.*)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(19[89]\d|20[0-4]\d)\b")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_BRACED_EMAIL = re.compile(r"\{([^{}]{2,300})\}\s*@\s*([\w-]+(?:\.[\w-]+)+)")
_SEPARATORS = re.compile(r"\s*(?:,|;|&|\band\b|\s·\s)\s*")
_MARKS = "*∗†‡§¶⋆♠♣♦♥♢♡□⋄#○●◦•'’`^1234567890"
_PARTICLES = frozenset(
    [
        "van",
        "von",
        "de",
        "der",
        "den",
        "da",
        "di",
        "du",
        "le",
        "la",
        "del",
        "dos",
        "bin",
        "al",
        "ter",
        "ten",
        "zu",
        "y",
    ]
)
_ACCENTS = re.compile("[\u00b4`\u00a8\u02c6\u02dc\u00b8\u02c7\u02da\u02d8\u02d9]")
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "for",
        "at",
        "in",
        "on",
        "to",
        "and",
        "or",
        "with",
        "by",
        "via",
        "from",
        "as",
        "vs",
        "is",
    ]
)


@dataclass
class FrontMatter:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    venue: str | None = None
    year: int | None = None


def read_front(front: list[Line], page_one: list[Line], body: float) -> FrontMatter:
    """Front matter from the lines before the abstract (`front`) and all of page 1."""
    title_lines = _title_lines(front, body)
    after = front[front.index(title_lines[-1]) + 1 :] if title_lines else []
    venue = _venue(page_one)
    return FrontMatter(
        title=_title(title_lines) or None,
        authors=_authors(after),
        affiliations=_affiliations(after),
        emails=_emails(page_one),
        venue=venue,
        year=int(found.group(1)) if venue and (found := _YEAR.search(venue)) else None,
    )


def _title_lines(front: list[Line], body: float) -> list[Line]:
    """The topmost large line (bold, or well above the body size) and the lines that carry it
    on: more of the title in its size, or a subtitle under it in a size between."""
    candidates = [line for line in front if _is_candidate(line) and line.size >= body + 1.4]
    start = next((c for c in candidates if c.bold or c.size >= body + 3), None)
    if start is None:
        return []
    chosen = [start]
    for line in front[front.index(start) + 1 :]:
        close = line.top - chosen[-1].bottom < 1.2 * start.size and line.page == start.page
        if not close or len(chosen) == 5 or not _is_candidate(line):
            break
        if abs(line.size - start.size) <= 0.6 or line.size >= max(body + 2.5, 0.75 * start.size):
            chosen.append(line)
        else:
            break
    return chosen


def _is_candidate(line: Line) -> bool:
    text = line.main_text.strip()
    letters = sum(char.isalpha() for char in text)
    return letters >= 3 and not _BOILERPLATE.search(text)


def _title(lines: list[Line]) -> str:
    text = " ".join(line.text for line in lines).strip()
    text = re.sub(r"(?<=\w)[*∗†‡§¶⋆]+(?=\s|$)", "", text)  # footnote marks on the title
    capitals = not any(char.islower() for char in text)
    return title_case(repair_text(text.lower() if capitals else text), capitals)


def title_case(title: str, capitals: bool | None = None) -> str:
    """A title as printed, unless it is all capitals: then in title case."""
    letters = [char for char in title if char.isalpha()]
    if capitals is None:
        capitals = bool(letters) and not any(char.islower() for char in letters)
    if not capitals:
        return title
    words = title.lower().split()
    return " ".join(_capitalise(word, index == 0) for index, word in enumerate(words))


def _capitalise(word: str, first: bool) -> str:
    if not first and word in _SMALL_WORDS:
        return word
    if any(char.isdigit() for char in word):
        return word
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


def _authors(lines: list[Line]) -> list[str]:
    """Names in the lines after the title, set in the style of the first line of names."""
    names: list[str] = []
    style: tuple[float, bool] | None = None
    for line in lines:
        text = line.main_text
        if _EMAIL.search(text) or "@" in text or _BOILERPLATE.search(text.strip()):
            continue
        found = [] if AFFILIATION.search(text) else _names_in(line)
        if style is not None and (round(line.size), line.bold) != style:
            lettered = sum(char.isalpha() for char in text) >= 3
            if not found and not AFFILIATION.search(text) and lettered:
                break  # past the author block: a link, a figure, a teaser line
            continue
        if found and style is None:
            style = (round(line.size), line.bold)
        names.extend(found)
    return _unique(names)[:60]


def _names_in(line: Line) -> list[str]:
    names: list[str] = []
    for fragment in _fragments(line):
        for part in _SEPARATORS.split(fragment):
            tokens = [_ACCENTS.sub("", token) for token in part.split()]
            for run in _mark_runs(tokens):  # "Eric Mitchell 1 Yoonho Lee 1": marks part names
                names.extend(_split_names(run))
    return names


def _mark_runs(tokens: list[str]) -> list[list[str]]:
    runs: list[list[str]] = [[]]
    for token in tokens:
        core = token.strip(_MARKS)
        if core and core not in ("and", "&"):
            runs[-1].append(core)
        if not core or core != token.rstrip(_MARKS + ","):
            runs.append([])  # a bare mark, or a mark glued after the name, ends a name
    return [run for run in runs if run]


def _fragments(line: Line) -> list[str]:
    """The line cut at wide gaps (author blocks side by side) and at raised marks (a name's
    affiliation number or symbol), the marks left out."""
    groups: list[list[Word]] = [[]]
    size = line.size
    for index, word in enumerate(line.words):
        if word.size < 0.8 * size:
            groups.append([])  # a superscript mark ends the name before it
            continue
        if index and groups[-1] and word.x0 - groups[-1][-1].x1 > 1.2 * size:
            groups.append([])
        groups[-1].append(word)
    return [join_words(group) for group in groups if group]


def _split_names(tokens: list[str]) -> list[str]:
    if not 2 <= len(tokens) or not all(_is_name_token(token) for token in tokens):
        return []
    plain = not any(t.lower() in _PARTICLES or t.endswith(".") for t in tokens)
    if len(tokens) > 4 and len(tokens) % 2 == 0 and plain:
        pairs = [tokens[i : i + 2] for i in range(0, len(tokens), 2)]
        return [_name(pair) for pair in pairs]
    return [_name(tokens)] if len(tokens) <= 5 else []


def _is_name_token(token: str) -> bool:
    if token.lower() in _PARTICLES:
        return True
    core = token.replace(".", "").replace("-", "").replace("'", "").replace("’", "")
    return bool(core) and core.isalpha() and token[0].isupper()


def _name(tokens: list[str]) -> str:
    name = _ACCENTS.sub("", " ".join(tokens))
    if name.isupper() and len(name) > 4:
        name = " ".join(_capitalise(token.lower(), True) for token in tokens)
    return repair_text(name)


def _affiliations(lines: list[Line]) -> list[str]:
    found: list[str] = []
    for line in lines:
        for fragment in _fragments(line):
            text = fragment.strip(" ,;" + _MARKS)
            if AFFILIATION.search(text) and "@" not in text and len(text) < 150:
                found.extend(_split_repeats(text))
    return _unique(found)[:40]


def _split_repeats(text: str) -> list[str]:
    """'Google Brain Google Brain Google Research' (side-by-side blocks) read as its parts."""
    for name in ("Google Brain", "Google Research", "Google Inc.", "Microsoft Research"):
        if text.count(name) > 1 or (name in text and text.replace(name, "").strip()):
            parts = [name] + [p.strip() for p in text.split(name) if p.strip()]
            return [part for part in parts if AFFILIATION.search(part)]
    return [text]


def _emails(lines: list[Line]) -> list[str]:
    text = " ".join(line.text for line in lines)
    found: list[str] = []
    for match in _BRACED_EMAIL.finditer(text):
        users = [user.strip() for user in re.split(r"[,|;\s]+", match.group(1)) if user.strip()]
        found.extend(f"{user}@{match.group(2)}" for user in users)
    text = _BRACED_EMAIL.sub(" ", text)
    found.extend(match.group().rstrip(".") for match in _EMAIL.finditer(text))
    return _unique(found)


def _venue(lines: list[Line]) -> str | None:
    for line in lines:
        match = _VENUE.search(line.text)
        if match and len(match.group(1)) > 6:
            return repair_text(match.group(1)).rstrip(" .,")[:200]
    return None


def _unique(items: list[str]) -> list[str]:
    """The items in order, each once (case aside)."""
    first: dict[str, str] = {}
    for item in items:
        first.setdefault(item.lower(), item)
    return list(first.values())
