"""Names in tables: which dataset a header or caption names, and which rows are the paper's own.

Datasets are the known names the paper's matcher finds, with a split printed after them kept where
it names a board of its own ("COCO test-dev", "SQuAD dev"), "open" ("SQuAD Open") and a bracketed
subset ("TQA (wiki)": bracket_subsets.py); a language pair ("EN-DE") under a caption naming WMT and
a year is that WMT test set ("WMT 2014 English-German"). A row is the paper's own when its label
names what the paper proposes (its title's name, else its proposed methods) or "ours".
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from papergraph.core.canonical import known_label
from papergraph.core.model import Entity, EntityType, Paper, Role, fold
from papergraph.ingest.extract.bracket_subsets import SPLIT, qualified
from papergraph.ingest.extract.cited import uncited
from papergraph.ingest.extract.gazetteer import generated_lexicon, lexicon_names
from papergraph.ingest.extract.introduced import introduced_names
from papergraph.ingest.extract.matcher import Match, NameMatcher
from papergraph.ingest.extract.metric_names import read_metric
from papergraph.ingest.extract.name_spellings import plural_spelt
from papergraph.ingest.extract.table_grid import FOOTNOTE_MARKS
from papergraph.ingest.extract.usual_metrics import dataset_in

LANGUAGES = {
    "en": "English",
    "de": "German",
    "fr": "French",
    "ro": "Romanian",
    "cs": "Czech",
    "ru": "Russian",
    "zh": "Chinese",
    "fi": "Finnish",
    "tr": "Turkish",
    "ja": "Japanese",
    "et": "Estonian",
    "lv": "Latvian",
    "es": "Spanish",
    "it": "Italian",
    "nl": "Dutch",
    "vi": "Vietnamese",
    "lt": "Lithuanian",
    "kk": "Kazakh",
    "gu": "Gujarati",
    "hi": "Hindi",
}
_NAMES = "|".join(
    sorted({*LANGUAGES, *(n.lower() for n in LANGUAGES.values())}, key=len, reverse=True)
)
_PAIR = re.compile(
    rf"\b(?P<src>{_NAMES})\s*(?:-|–|→|->|to|-to-|⇒)\s*(?P<tgt>{_NAMES})\b", re.IGNORECASE
)
_WMT = re.compile(r"\b(?:WMT\s*'?\s*(?P<wmt>\d{2,4})|newstest\s*(?P<news>\d{4}))", re.IGNORECASE)
_WMT_BARE = re.compile(r"\bWMT\b")
#: A size or share: "50K", "140K", "1.2M", "10%": a setting of a dataset, never its name.
SIZE = re.compile(r"^[~≈<>]?\d[\d.,]*\s*(?:[kKmMbB]|%)?$")
#: A count of billions right after a name is a model's size: "the Reddit 2.7B model" is a
#: model trained on Reddit, not the dataset (billions of tokens say so: "C4 156B tokens").
_MODEL_SIZE = re.compile(r"[\s-]*\d+(?:\.\d+)?\s*B\b(?!\s*(?:tokens|words|pairs|examples))")
#: A number printed apart from the word it ends: "Places 365".
_SPACED_NUMBER = re.compile(r"\b(?P<word>[A-Z][A-Za-z]+) (?P<number>\d{2,4})\b(?![.,]\d)")
#: What follows a dataset's full name in running text: "the MIT Places365 dataset".
_DATASET_WORD = re.compile(r"\s+(?:data ?sets?|benchmarks?|corpus|corpora)\b", re.IGNORECASE)
_QUALIFIER = re.compile(r"\([^()]+\)")  # a size or subset after the name: "QQP (140K)"
_TEST_SET = re.compile(r"\s+(?:test|testing)\s+(?:set|split|data)$", re.IGNORECASE)
_LISTED = re.compile(r"\s*(?:and|or|&|/|,)\s*(?:test|dev|val)", re.IGNORECASE)
_OURS = re.compile(
    r"\b(?:ours|our (?:methods?|models?|approach(?:es)?|systems?|results?)|proposed|this work)\b",
    re.IGNORECASE,
)
_CONTINUATION = re.compile(
    r"\s+(?!(?:Test|Dev|Val|Train|Split|Top)-)(?P<word>[A-Z][a-z]+-\d+)(?![\w.-])"
)
_VARIANT = re.compile(r"-[A-Za-z0-9]{1,3}\b(?!-)")
_VERSION = re.compile(r"(?<![\d.])v?(?P<v>\d\.\d{1,2})(?![\d.])", re.IGNORECASE)
#: A version after the name: "v1.1" anywhere, a bare "1.1" only after a name without digits and
#: before no unit ("ImageNet 1.2 M" is a size, "CIFAR-10 3.2" a value run into the header).
_VERSION_AFTER = re.compile(r"\s*(?:v|version\s*)(?P<v>\d\.\d{1,2})(?![\d.])", re.IGNORECASE)
_BARE_VERSION_AFTER = re.compile(r"\s(?P<v>[1-9]\.\d{1,2})(?![\d.]|\s*(?:[%kKMBG×x]\b|[×x]))")
_TITLE_NAME = re.compile(r"^\s*(?P<name>[A-Z][\w.+-]*(?:[ -][A-Z0-9][\w.+-]*){0,2})\s*:")
#: A coined name in a title: one word with a capital or digit inside ("PixelCNN", "ResNeXt").
_COINED = re.compile(r"\b[A-Za-z]+[a-z][A-Z0-9][\w-]*\b|\b[A-Z][a-z]+-[A-Z0-9]{2,}\w*\b")
DATASET_TYPES = (EntityType.DATASET, EntityType.BENCHMARK)
MIN_NAME = 3  # folded characters a proposed name needs to mark a row
OPENING_CHUNKS = 8  # chunks read for "we call our model X"
NOT_CALLED = re.compile(
    r"^(?:Table|Tables|Figure|Figures|Fig|Section|Sections|Sec|Appendix|Eq|Equation|Algorithm|"
    r"Chapter|Step|Part|Note|Ref)$"
)
#: "we call this model FLAN", "which we dub X", "we refer to as X", "named X", "X (ours)".
CALLED = re.compile(
    r"\b(?:[Ww]e\s+(?:call|name|dub|term|refer\s+to)(?:\s+(?:it|this|our|the|these|them|as|"
    r"[a-z-]+)){0,4}?\s+|(?:which|that)\s+we\s+(?:call|name|dub|term)\s+|dubbed\s+|coined\s+)"
    r"(?:as\s+)?(?:the\s+)?[\"“']?(?P<name>[A-Z][\w-]*[A-Z0-9][\w-]*|[A-Z][a-z][\w-]+)\b"
)
TITLE_RANK = 3  # how far down the salient methods one the title names may be
DOMINANT = 0.5  # salience of a method the paper is about (tuned on pdfgold-dev tune papers)
_NAME_SHAPED = re.compile(r"[A-Z]")
_WORD = re.compile(r"[a-z0-9]+")
#: The pieces a coined name is built of: a capital and its lower-case run, or a lone capital.
_PIECE = re.compile(r"[A-Z][a-z]+|[A-Z]|[a-z]+|\d+")  # "ResNets", not "residual learning framework"


def dataset_named(
    text: str, matcher: NameMatcher, context: str = "", last: bool = False, data: bool = True
) -> str | None:
    """The dataset `text` names (a language pair resolved under `context`), or None; with
    `last`, the last it names (a row label "ImageNet-21k CIFAR-10" is pre-trained on one,
    tested on the other); with `data`, one the usual-metric data names where the gazetteer
    knows none (ingest/extract/usual_metrics.py)."""
    if not text:
        return None
    pair = _language_pair(text, f"{text} {context}")
    if pair:
        return pair
    text = _numbers_joined(text, matcher)  # "MIT Places 365 dataset": Places365
    text = plural_spelt(text, matcher)  # "Cityscape val set": Cityscapes
    matches = _heads(matcher.find(text), text)
    for match in reversed(matches) if last else matches:
        sized = SIZE.match(text[match.start : match.end])  # "50K", a name the paper took in
        sized = sized or _MODEL_SIZE.match(text, match.end)  # "Reddit 2.7B": a model
        if (
            match.entry.type in DATASET_TYPES
            and read_metric(match.entry.label) is None
            and not sized
        ):
            split = SPLIT.match(text, match.end)
            split = None if split and _LISTED.match(text, split.end()) else split  # "Dev and Test"
            suffix = _VARIANT.match(text, match.end)  # "ARC-e", "ARC-c": a part of it
            label = _versioned(match.entry.label, text, match.start, match.end)
            label = qualified(label, text, match.end)  # "SQuAD Open", "TQA (wiki)"
            label += suffix.group() if suffix else _continued(label, text, match.end, matches)
            if split and fold(split.group("split")) not in fold(label):
                return f"{label} {split.group('split')}"
            return label
    leading = (_leading_dataset(m.entry.label, matcher) for m in matches)
    found = next(filter(None, leading), None)
    return found or (dataset_in(text, last) if data else None)


def _numbers_joined(text: str, matcher: NameMatcher) -> str:
    """The text with a number printed apart from the word it ends joined to it where only the
    joined name is a known dataset ("Places 365" is Places365); other text as it is."""

    def joined(found: re.Match[str]) -> str:
        name = f"{found.group('word')}{found.group('number')}"
        entry = matcher.lookup(name)
        known = entry is not None and entry.type in DATASET_TYPES
        return name if known and matcher.lookup(found.group()) is None else found.group()

    return _SPACED_NUMBER.sub(joined, text)


def _heads(matches: list[Match], text: str) -> list[Match]:
    """The matches, less a name printed right before another in "<name> <name> dataset": the
    last names the dataset, the first its maker or source ("MIT Places365 dataset" is
    Places365, not the dataset "MIT" the lists also hold)."""
    kept = [
        match
        for match, after in zip(matches, matches[1:], strict=False)
        if text[match.end : after.start].strip()
        or after.entry.type not in DATASET_TYPES
        or not _DATASET_WORD.match(text, after.end)
    ]
    return kept + matches[-1:]


def full_name(dataset: str) -> str:
    """The lexicon's label of a dataset printed by a short name, with the split printed after
    it ("QQP" is Quora Question Pairs, "MNLI dev" MultiNLI dev, "QQP (50K)" Quora Question
    Pairs (50K): one node whichever name the table prints), less a test set the gazetteer's name says ("CIFAR-10 test set" is CIFAR-10:
    a test set is what a dataset's name means); other names as they are."""
    dataset = _TEST_SET.sub("", dataset) or dataset
    head, _, rest = dataset.partition(" ")
    label = known_label(head, EntityType.DATASET)
    if label is None or (rest and not (SPLIT.fullmatch(f" {rest}") or _QUALIFIER.fullmatch(rest))):
        return dataset
    return f"{label} {rest}" if rest else label


def _continued(label: str, text: str, end: int, matches: list[Match]) -> str:
    """The rest of a dataset's name the gazetteer knows only the start of: a capitalised word
    numbered by a hyphen after an unnumbered name ("Oxford" in "Oxford Flowers-102" is Oxford
    Flowers-102), no metric ("Top-1"), split ("Test-1") or name of its own ("ResNet-50")."""
    more = _CONTINUATION.match(text, end)
    if more is None or re.search(r"\d", label) or read_metric(more.group("word")):
        return ""
    if any(m.start == more.start("word") for m in matches):
        return ""
    return f" {more.group('word')}"


def _versioned(label: str, text: str, start: int, end: int) -> str:
    """The label with the version the text prints in or after the name ("SQuAD v1.1", "SQuAD
    2.0": versions are leaderboards of their own), unless the label already carries it."""
    bare = None if re.search(r"\d", label) else _BARE_VERSION_AFTER.match(text, end)
    version = _VERSION.search(text[start:end]) or _VERSION_AFTER.match(text, end) or bare
    if version is None or fold(version.group("v")) in fold(label):
        return label
    return f"{label} {version.group('v')}"


def _leading_dataset(name: str, matcher: NameMatcher) -> str | None:
    """The dataset a longer name opens with ("Atari games", a task, opens with Atari)."""
    words = name.split()
    for size in range(len(words) - 1, 0, -1):
        entry = matcher.lookup(" ".join(words[:size]))
        if entry is not None and entry.type in DATASET_TYPES:
            return entry.label
    return None


def _language_pair(text: str, context: str) -> str | None:
    pair = _PAIR.search(text)
    wmt = _WMT.search(context)
    if pair is None or (wmt is None and not _WMT_BARE.search(context)):
        return None
    source, target = (_language(pair.group(g)) for g in ("src", "tgt"))
    if source is None or target is None or source == target:
        return None
    year = _year(wmt.group("wmt") or wmt.group("news")) if wmt else None
    return f"WMT {year} {source}-{target}" if year else f"WMT {source}-{target}"


def _language(name: str) -> str | None:
    lowered = name.lower()
    return LANGUAGES.get(lowered) or next(
        (full for full in LANGUAGES.values() if full.lower() == lowered), None
    )


def _year(digits: str) -> str:
    return digits if len(digits) == 4 else f"20{digits[-2:]}"


def own_row(label: str, names: list[str]) -> bool:
    """Whether a row label names the paper's own method (folded `names`) or says "ours"; a label
    citing its source ("PixelCNN [30]", "BERT (Devlin et al., 2019)") is another paper's, save
    the words before the cited name ("RepLKNet-31B UperNet [102]": cited.py)."""
    if _OURS.search(label):
        return True
    folded = fold(uncited(label))
    return any(len(name) >= MIN_NAME and name in folded for name in names)


def _initialled(name: str) -> str:
    """ "Structural-RNN" -> "S-RNN": how papers shorten a name coined as Word-ACRONYM."""
    head, _, tail = name.partition("-")
    return f"{head[0]}-{tail}" if tail and head[1:].islower() else name


def _in_title(entity: Entity, title: str) -> bool:
    """Whether the title prints one of the method's names of two words or more, or a run of two
    words or more that the name shortens ("PixelRNN": Pixel Recurrent Neural Networks)."""
    words = _WORD.findall(title.lower())
    for name in (entity.label, *entity.aliases):
        parts = _WORD.findall(name.lower())
        if len(parts) >= 2 and _contains(words, parts):
            return True
        pieces = _PIECE.findall(name)
        if len(pieces) >= 2 and _shortens(words, [p.lower() for p in pieces]):
            return True
    return False


def _contains(words: list[str], parts: list[str]) -> bool:
    return any(words[i : i + len(parts)] == parts for i in range(len(words) - len(parts) + 1))


def _shortens(words: list[str], pieces: list[str]) -> bool:
    """Each piece starts the next title word, from some word on ("F", "P", "N": Feature ...)."""
    return any(
        all(word.startswith(piece) for word, piece in zip(words[i:], pieces, strict=False))
        and len(words) - i >= len(pieces)
        for i in range(len(words))
    )


def own_names(paper: Paper, entities: Iterable[Entity]) -> list[str]:
    """The names of `_own_names`, and those the paper's opening says it calls its method ("We
    call this instruction-tuned model FLAN"), whatever type the gazetteer gives the name, or
    introduces as one ("We introduce Reptile, an algorithm ...": introduced.py)."""
    names = _own_names(paper, list(entities))
    opening = " ".join(chunk.text for chunk in paper.chunks[:OPENING_CHUNKS])
    more = dict.fromkeys([*called_names(paper), *introduced_names(opening)])
    return names + [name for name in more if name not in names]


def called_names(paper: Paper) -> list[str]:
    """Names the abstract and the first body chunks give the paper's own method."""
    opening = " ".join(chunk.text for chunk in paper.chunks[:OPENING_CHUNKS])
    found = (m.group("name") for m in CALLED.finditer(opening))
    return list(dict.fromkeys(name for name in found if not NOT_CALLED.match(name)))


def _own_names(paper: Paper, entities: Iterable[Entity]) -> list[str]:
    """What the paper calls its own method: the name its title opens with ("QANet: ...") and
    the coined names its title prints ("... with PixelCNN Decoders"), else one of its most salient
    methods the title names ("Feature Pyramid Networks for ..." is FPN; "Pixel Recurrent Neural
    Networks", PixelRNN), with the other names the paper gives those methods ("Structural-RNN"
    is also "S-RNN"); else the methods it proposes
    by a name (at most two), and the paper's dominant method (salience at least DOMINANT)."""
    methods = [e for e in entities if e.type is EntityType.METHOD]
    titled = _TITLE_NAME.match(paper.title or "")
    names = [titled.group("name")] if titled and len(fold(titled.group("name"))) >= MIN_NAME else []
    names += [word for word in _COINED.findall(paper.title or "") if word not in names]
    names += [_initialled(name) for name in names if _initialled(name) not in names]
    ranked = sorted(methods, key=lambda e: -e.salience)
    if not names:
        names = [
            n
            for e in ranked[:TITLE_RANK]
            if _NAME_SHAPED.search(e.label) and _in_title(e, paper.title or "")
            for n in (e.label, *e.aliases)
        ]
    if names:
        folded = {fold(name) for name in names}
        for entity in methods:
            if folded & {fold(n) for n in (entity.label, *entity.aliases)}:
                names += [n for n in (entity.label, *entity.aliases) if n not in names]
        return names
    dominant = [e for e in ranked[:1] if e.salience >= DOMINANT]
    proposed = [e for e in ranked if e.role is Role.PROPOSES and _NAME_SHAPED.search(e.label)]
    chosen = dominant + [e for e in proposed[:2] if e not in dominant]
    return [name for entity in chosen for name in (entity.label, *entity.aliases)]


@lru_cache(maxsize=1)
def _dataset_labels() -> tuple[str, ...]:
    return tuple(e.label.lower() for e in generated_lexicon() if e.type in DATASET_TYPES)


@lru_cache(maxsize=64)
def _naming_prefix(names: tuple[str, ...]) -> str:
    """The one of a benchmark's names that known names of its parts open with most often (the
    longest that fits each): "Atari 2600" for "Atari 2600 Gopher", "Atari 2600 Seaquest"."""
    tally: Counter[str] = Counter()
    for label in _dataset_labels():
        fits = [n for n in names if label.startswith(n.lower() + " ")]
        if fits:
            tally[max(fits, key=len)] += 1
    return max(names, key=lambda name: (tally[name], -names.index(name)))


def is_benchmark(dataset: str, matcher: NameMatcher) -> bool:
    """Whether a name is a benchmark of parts ("Atari", "BIG-bench"), here or in the shipped
    lexicons (a paper may read "Atari" as a dataset), or unknown; not a single dataset ("LM",
    read from a caption's "large LMs")."""
    entry = matcher.lookup(dataset)
    benchmarks = lexicon_names(EntityType.BENCHMARK)
    return entry is None or entry.type is EntityType.BENCHMARK or fold(dataset) in benchmarks


def part_of(dataset: str, part: str, matcher: NameMatcher) -> str:
    """The name of one part of a benchmark ("Atari" and a row "bank heist": "Atari 2600 Bank
    Heist"): the known name when the gazetteer has it, else the part after the benchmark's name
    that known part names open with most."""
    entry = matcher.lookup(dataset)
    names = (entry.label, *entry.aliases) if entry else (dataset,)
    printed = part if any(c.isupper() for c in part) else part.title()
    for name in names:
        known = matcher.lookup(f"{name} {printed}")
        if known is not None and known.type in DATASET_TYPES:
            return known.label
    return f"{_naming_prefix(tuple(names))} {printed}"


#: Footnote and emphasis symbols a table prints beside a label ("BERT*", "ResNet†", "✓"): any
#: symbol character (Unicode category S*, bar the "+" of "RPN+RCNN") or footnote punctuation.
_MARK_PUNCTUATION = frozenset(FOOTNOTE_MARKS)
#: A check or cross column read into the label ("DetectoRS ResNet-50 X"): a lone X after a name;
#: a label of 2+ such marks ("X X", "XXXX"), a row of ticks with no name ("x" stays: a header).
_CHECK = re.compile(r"(?<=\S)\s+[Xx✓✗✔✘]$")
_TICKS_ONLY = re.compile(r"^[Xx](?: ?[Xx])+$")


def without_marks(label: str) -> str:
    """The label less the footnote, emphasis and check marks a table prints beside it, and a
    trailing colon ("PixelCNN:"); "" where it is marks only ("*", "†", "X X", "XXXX")."""
    kept = " ".join("".join(c for c in label if not _is_mark(c)).split())
    return "" if _TICKS_ONLY.match(kept) else _CHECK.sub("", kept).rstrip(" :")


def ticked(label: str, label_header: str) -> str:
    """The setting a tick at the label's end says the row uses: the last of the label
    columns' headers ("Method Backbone TTA": "DetectoRS ResNet-50 X" is run with TTA), or ""."""
    words = label_header.split()
    return words[-1] if _CHECK.search(label.strip()) and len(words) >= 2 else ""


def _is_mark(char: str) -> bool:
    category = unicodedata.category(char)
    if char in _MARK_PUNCTUATION or category in ("So", "No") and not char.isdecimal():
        return True
    return category == "Sm" and char not in "+=<>-×~|/" or category == "Lm" and char > "\u1d00"
