"""One name per concept: the canonical key, preferred label and qualifier of an entity name.

`canonical(name, type)` is what extraction labels entities with and what search can call to turn
a user's filter ("WMT14 En-De") into the graph's key:
- a dataset named with a year, a split or a language pair resolves to the dataset, the variant
  kept as a qualifier: "WMT 2014 English-German", "WMT14 En-De" and "EN-DE on WMT 2014" are all
  (dataset/wmt, "WMT", "2014 en-de");
- a name the shipped lexicon knows (a label or an alias, ingest/lexicon/*.tsv) takes that row's
  label, so "ADAM" and "Adam", "finetuning" and "Fine-Tuning" get one label across papers;
- a dataset name no lexicon row holds takes the spelling a list gives it, Papers with Code's
  first, then the datasets whose usual metric the lexicon lists ("CoPA" and "Copa" are COPA),
  so case variants of one dataset are one node with one preferred label;
- any other name keeps its spelling, lower-cased when it is only plain or Title-Case words
  ("Model Variants" -> "model variants"), so a heading's capitals do not make a second label.

The lexicon files are read as data (core imports no other package); `lpwc_iri` is the IRI
Linked Papers With Code gives a name Papers with Code knows."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from papergraph.core.model import EntityType, entity_key, fold
from papergraph.core.name_lists import (
    DATASET_TYPES,
    FAMILY,
    LEXICON,
    SHORT_NAMES_FILE,
    dataset_spellings,
    hand_labels,
    hand_row_labels,
    known_labels,
    known_rows,
    label_counted,
    language,
    lexicon_labels,
    pwc_names,
    pwc_rows,
    pwc_types,
    short_name_map,
    short_names,
    task_words,
)

__all__ = [  # what other packages import from here, core.name_lists' tables too (once here)
    "DATASET_TYPES",
    "FAMILY",
    "LEADERBOARD_SPLITS",
    "LEXICON",
    "SHORT_NAMES_FILE",
    "SPLITS",
    "Canonical",
    "canonical",
    "dataset_base",
    "listed_spelling",
    "version_fold",
    "versioned_spellings",
    "known_label",
    "known_rows",
    "known_type",
    "language",
    "lpwc_iri",
    "metric_glue",
    "pwc_names",
    "short_names",
    "split_qualifier",
    "variant_only",
]

LPWC = "https://linkedpaperswithcode.com/"
LPWC_KIND = {
    EntityType.METHOD: "method",
    EntityType.DATASET: "dataset",
    EntityType.BENCHMARK: "dataset",
    EntityType.TASK: "task",
    EntityType.METRIC: None,  # LPWC has no metric nodes, only metric names on evaluations
}
FAMILY_HEADS = (EntityType.METHOD, EntityType.DATASET, EntityType.TASK, EntityType.METRIC)
SPLITS = ("test-dev", "test-std", "minival", "test", "dev", "val", "validation", "train")
#: The splits that name a leaderboard of their own ("COCO test-dev", "SQuAD dev"); "test" and
#: "val" are what a dataset's name means, "train" no one reports on.
LEADERBOARD_SPLITS = ("test-dev", "test-std", "minival", "dev")


class Canonical(NamedTuple):
    """Identity (`key`), preferred `label`, and the variant (`qualifier`: year, pair, split)."""

    key: str
    label: str
    qualifier: str


_YEAR = re.compile(r"(?<![\w.])(?:'|’)?((?:19|20)\d\d)(?![\w.])")
_GLUED_YEAR = re.compile(r"^([A-Z]{3,})[ -]?'?(0\d|1\d|2[0-5])$")  # WMT14, WMT'16, IWSLT-15
_PAIR = re.compile(
    r"(?<![\w])([A-Za-z]{2,10})(?:\s*-\s*to\s*-\s*|\s+to\s+|\s*(?:-|–|→|->|/)\s*)([A-Za-z]{2,10})(?![\w])"
)
_SPLIT = re.compile(
    r"(?<![\w-])(" + "|".join(SPLITS) + r")(?:\s*(?:set|split))?(?![\w-])", re.IGNORECASE
)
_KIND_WORDS = re.compile(r"\s+(?:data\s?sets?|datasets?|corpus|corpora|benchmarks?|images)$", re.I)
#: Words naming the event a dataset was released for: taken off only where a list holds the
#: rest ("E2E NLG Challenge" stays, no list holding "E2E NLG").
_EVENT_WORDS = re.compile(r"\s+(?:challenge|shared task|competition)$", re.IGNORECASE)
_BRACKETS = re.compile(r"^(?P<name>.+?)\s*\((?P<inner>[^()]+)\)$")
_LOWER_TAIL = re.compile(r"^(?P<name>.*[A-Z0-9].*?)\s+(?P<word>[a-z]+)$")
#: A split glued to its year, as COCO names its splits ("val2017", "test-dev2017").
_GLUED_SPLIT = re.compile(r"(?<![\w-])(train|val|test|test-dev|minival)((?:19|20)\d\d)(?!\w)")
#: A dataset name and a suffix: one or two lower-case letters, or letters in brackets, name a
#: test set ("MNLI-m", "RACE-h", "MNLI-(m/mm)"); a digit, its label count ("FEVER-3", "-3-way").
_SUBSET = re.compile(
    r"^(?P<name>\S.*?)-(?P<subset>[a-z]{1,2}|\([a-z]{1,2}(?:/[a-z]{1,2})*\)|[2-9](?:-way)?)$"
)
#: A version after a dataset's name: "v1.1", "version 2", " 2.0" ("SQuAD v1.1" is SQuAD1.1).
_VERSION_MARK = re.compile(r"(?:(?<=[\s_-])|(?<=[A-Z\d]))(?:v|version\s*)(?=\d)", re.IGNORECASE)
_ZERO_MINOR = re.compile(r"(?<=\d)\.0(?!\d)")
_ON = re.compile(r"^(?P<variant>.+?)\s+(?:on|of|from)\s+(?:the\s+)?(?P<name>.+)$")
_TITLE_WORDS = re.compile(r"^(?:[A-Z][a-z]+|[a-z]+)(?:[\s-]+(?:[A-Z][a-z]+|[a-z]+))*$")


def canonical(name: str, entity_type: EntityType) -> Canonical:
    """The key, label and qualifier `name` has as an entity of `entity_type`."""
    name = " ".join(name.split())
    base, qualifier = split_qualifier(name) if entity_type in DATASET_TYPES else (name, "")
    if entity_type in DATASET_TYPES:
        base = dataset_base(base, entity_type)
    label = (
        _known_plural(base, entity_type)
        or _version_label(base, entity_type)
        or known_label(base, entity_type)
        or listed_spelling(base, entity_type)
        or _plain(base)
    )
    return Canonical(entity_key(entity_type, label), label, qualifier)


def dataset_base(name: str, entity_type: EntityType) -> str:
    """The dataset a name says with words around it, where a list knows that dataset and not
    the whole: "MS COCO dataset" is MS COCO, "COCO detection benchmark" COCO (a task's word
    after a name says what it was used for), "Winograd NLI (WNLI)" the name in brackets."""
    stripped = _KIND_WORDS.sub("", name) or name
    if known_label(stripped, entity_type) or not known_label(name, entity_type):
        name = stripped
    if _listed(name, strong=True):
        return name
    if _listed(event := _EVENT_WORDS.sub("", name), strong=True):
        return event
    shorter = name
    while (tail := _LOWER_TAIL.match(shorter)) and not _listed(shorter, strong=True):
        if tail.group("word") not in task_words():
            break
        shorter = tail.group("name")
    if _listed(shorter, strong=True):
        return shorter
    bracket = _BRACKETS.match(name)
    if bracket and _short_for(bracket.group("inner"), outer := bracket.group("name")):
        return outer if _listed(outer) else bracket.group("inner")
    return name


def _short_for(short: str, name: str) -> bool:
    """Whether `short` is a listed name that shortens `name`, as a name's abbreviation in
    brackets does: the lists give both one label ("Stanford Question Answering Dataset
    (SQuAD)"), or `short`'s letters come in order from `name`'s words ("Winograd NLI (WNLI)");
    "TriviaQA (Wikipedia)" names a part, not another name."""
    if not _listed(short):
        return False
    label = known_label(short, EntityType.DATASET)
    if label is not None and label == known_label(name, EntityType.DATASET):
        return True
    letters = iter(name.lower())
    return short[:1].lower() == name[:1].lower() and all(c in letters for c in short.lower())


def listed_spelling(name: str, entity_type: EntityType) -> str | None:
    """How a list spells a dataset `name` that the paper wrote in other capitals ("CoPA" ->
    "COPA"), or None: Papers with Code's names first, then the usual-metric lists' datasets.
    Plain lower-case or Title-Case phrases are left to `_plain`."""
    if entity_type not in DATASET_TYPES or _plain(name) != name:
        return None
    return versioned_spellings().get(version_fold(name)) or dataset_spellings().get(fold(name))


def _version_label(name: str, entity_type: EntityType) -> str | None:
    """The one spelling of a versioned dataset name ("SQuAD v1.1", "SQuAD 1.1" -> SQuAD1.1),
    unless a hand row lists `name` itself (the hand lexicon decides first)."""
    if entity_type not in DATASET_TYPES or not re.search(r"\d", name):
        return None
    if (EntityType.DATASET, fold(name)) in hand_labels():
        return known_labels().get((EntityType.DATASET, fold(name)))
    return versioned_spellings().get(version_fold(name))


def version_fold(name: str) -> str:
    """`name` folded with its version written one way: "SQuAD v1.1", "SQuAD 1.1" and
    "SQuAD1.1" fold alike, "VQA v2.0" as "VQAv2"; "SQuAD 2.0" stays apart."""
    return fold(_ZERO_MINOR.sub("", _VERSION_MARK.sub("", name)))


@lru_cache(maxsize=1)
def versioned_spellings() -> dict[str, str]:
    """`version_fold` of each listed dataset name that has a version -> its spelling; one
    version spelled two ways keeps the first: the lexicon rows', then Papers with Code's, then
    the usual-metric lists'."""
    labels = [label for label, kind, _ in known_rows() if kind in DATASET_TYPES]  # hand first
    listed = [label for label, kind, _ in pwc_rows() if kind in DATASET_TYPES]
    found: dict[str, str] = {}
    for label in [*labels, *listed, *dataset_spellings().values()]:
        if re.search(r"\d", label):
            found.setdefault(version_fold(label), label)
    return found


def split_qualifier(name: str) -> tuple[str, str]:
    """("WMT", "2014 en-de") from "WMT 2014 English-German"; (name, "") when nothing to split.
    A split glued to its year is both ("COCO val2017": "2017 val"); a language in brackets is a
    pair's one side ("E2E (en)": "en"); a dataset's short subset suffix is a variant
    ("MNLI-m": "m"), and so is a part in brackets ("RACE (Middle)": "middle")."""
    if (on := _ON.match(name)) and variant_only(on.group("variant")):
        name = f"{on.group('name')} {on.group('variant')}"
    name = _GLUED_SPLIT.sub(r"\1 \2", name)
    year, rest = _take_year(name)
    pair, rest = _take_pair(rest)
    if not pair:
        pair, rest = _take_language(rest)
    split, rest = _take_split(rest)
    subset, rest = _take_subset(rest)
    base = " ".join(rest.replace(" ,", ",").split()).strip(" ,;:-(")
    if not base or not (year or pair or split or subset):
        return _take_part(name)
    return base, " ".join(part for part in (year, pair, subset, split) if part)


def _take_part(name: str) -> tuple[str, str]:
    """("RACE", "middle") from "RACE (Middle)": a listed dataset and one of its parts in
    brackets; not where a list names the whole ("ARC (Challenge)") or the brackets shorten it."""
    bracket = _BRACKETS.match(name)
    if not bracket or _listed(name) or not _listed(outer := bracket.group("name"), strong=True):
        return name, ""
    inner = bracket.group("inner").strip()
    if _short_for(inner, outer) or _short_for(outer, inner):
        return name, ""
    return outer, inner.lower()


def variant_only(text: str) -> bool:
    """Whether `text` is only a year, a language pair or a split ("EN-DE" in "EN-DE on WMT")."""
    _, rest = _take_year(text)
    _, rest = _take_pair(rest)
    _, rest = _take_split(rest)
    return not rest.strip(" ,")


def _take_year(name: str) -> tuple[str, str]:
    """The year a name carries as a variant ("WMT 2014"), never one that is part of a
    dataset's own name ("PASCAL VOC 2007", "CoNLL-2003": a list's own label)."""
    match = _YEAR.search(name)
    if match and not _own_name(name[: match.end()], name[: match.start()]):
        return match.group(1), name[: match.start()] + " " + name[match.end() :]
    glued = _GLUED_YEAR.match(name.split(" ")[0]) if name else None
    if glued and not _named_so(glued.group(0)):
        rest = name.split(" ", 1)[1] if " " in name else ""
        return f"20{glued.group(2)}", f"{glued.group(1)} {rest}"
    return "", name


def _own_name(name: str, bare: str) -> bool:
    """Whether `name` is a dataset's own name with its year or version ("PASCAL VOC 2007",
    "CoNLL 2003"), not a variant of `bare`, the name without them. A hand row decides where it
    lists `name` (as its label, or an alias of another label than `bare`'s: "WMT 2014" is WMT's);
    else `name` is its own only where a list holds it and none holds `bare` ("WMT 2015", which
    Papers with Code lists, is still WMT's; "COCO val2017" is COCO's, a split)."""
    if _SPLIT.search(name):
        return False
    if (EntityType.DATASET, fold(name)) in hand_labels():
        label = known_labels().get((EntityType.DATASET, fold(name)))
        return label != known_labels().get((EntityType.DATASET, fold(bare)))
    return _listed(name) and not _listed(bare)


def _named_so(word: str) -> bool:
    """Whether a list knows `word` as a name in itself ("CIFAR-10"), not as a variant ("WMT14")."""
    label = known_labels().get((EntityType.DATASET, fold(word)))
    return fold(word) in pwc_names() or (label is not None and fold(label) == fold(word))


def _take_pair(name: str) -> tuple[str, str]:
    for match in _PAIR.finditer(name):
        source, target = language(match.group(1)), language(match.group(2))
        if source and target and source != target:
            return f"{source}-{target}", name[: match.start()] + " " + name[match.end() :]
    return "", name


def _take_language(name: str) -> tuple[str, str]:
    """("en", "E2E") from "E2E (en)": one language in brackets after a name, as multilingual
    suites print their parts ("CoNLL 2003 (English)")."""
    bracket = _BRACKETS.match(name.strip())
    if bracket and (code := language(bracket.group("inner").strip())):
        return code, bracket.group("name")
    return "", name


def _take_subset(name: str) -> tuple[str, str]:
    """("m", "MNLI") from "MNLI-m": a listed dataset's short suffix names a test set (RACE-h); a
    digit, the label count of a dataset label-counts.txt lists ("FEVER-3"), no listed name."""
    match = _SUBSET.match(name.strip())
    whole, base = (match.group(0), match.group("name")) if match else ("", "")
    digit = whole[-1:].isdigit() or whole.endswith("-way")  # "SQuAD-2" is SQuAD 2.0, no part
    label = fold(known_label(base, EntityType.DATASET) or "") if digit else ""  # "Amazon": a firm
    counted = digit and (_listed(whole) or label not in label_counted())
    if not match or _own_name(whole, base) or not _listed(base) or counted:
        return "", name
    return match.group("subset").strip("()"), base


def _listed(name: str, strong: bool = False) -> bool:
    """Whether a list knows the dataset `name`: the lexicon rows, Papers with Code, the
    usual-metric lists; `strong`, not counting the rows generated from SciREX's annotations
    (which hold phrases such as "COCO detection benchmark")."""
    folded = fold(name)
    if folded in dataset_spellings() or (EntityType.DATASET, folded) in hand_labels():
        return True
    return not strong and (EntityType.DATASET, folded) in known_labels()


def _take_split(name: str) -> tuple[str, str]:
    if (match := _SPLIT.search(name)) and name[: match.start()].strip():
        return match.group(1).lower(), name[: match.start()] + " " + name[match.end() :]
    return "", name


def _known_plural(name: str, entity_type: EntityType) -> str | None:
    """The label of the hand lexicon's name that `name` is the plural of ("GANs" -> "GAN",
    though a generated list holds "GANs" too); None when `name` is itself a hand-listed name."""
    family = FAMILY.get(entity_type, entity_type)
    if len(name) < 3 or not name.endswith("s") or name.endswith("ss"):
        return None
    if (family, fold(name)) in hand_labels() or (family, fold(name[:-1])) not in hand_labels():
        return None
    return known_label(name[:-1], entity_type)


def _plain(name: str) -> str:
    """Plain and Title-Case words lower-cased ("Fine-Tuning" -> "fine-tuning"); names kept."""
    return name.lower() if _TITLE_WORDS.match(name) and " " in name.replace("-", " ") else name


_GLUE = re.compile(
    r"^(?P<metric>[A-Za-z][A-Za-z0-9-]*?)(?P<rest>val|test|dev|bbox|box|mask|bb|mk|St|Th)$"
)


def metric_glue(name: str) -> tuple[str, str] | None:
    """(metric label, variant) of a metric name glued to a split or a variant, as tables print
    them: "APval" -> ("AP", "val"), "APbox" -> ("AP", "box"), "APmk" -> ("AP", "mk"), "PQSt" -> ("PQ",
    "St")."""
    if not (glued := _GLUE.match(name)):
        return None
    metric = glued.group("metric")
    if known_type(metric) is not EntityType.METRIC:
        return None
    label = known_label(metric, EntityType.METRIC)
    return (label, glued.group("rest")) if label else None


def known_type(name: str) -> EntityType | None:
    """The type family the lists give `name`, when one gives exactly one: the hand lexicon
    first ("EM" is the metric, though Papers with Code has a dataset EM), then the generated
    rows, then every name Papers with Code lists ("Retrieval" is a task)."""
    folded = fold(name)
    for labels in (hand_labels(), known_labels(), pwc_types()):
        kinds = {kind for kind in FAMILY_HEADS if (kind, folded) in labels}
        if kinds:
            return kinds.pop() if len(kinds) == 1 else None
    return None


def known_label(name: str, entity_type: EntityType) -> str | None:
    """The lexicon label of `name` as a name of this type family, or None."""
    family = FAMILY.get(entity_type, entity_type)
    if family is EntityType.DATASET and (full := short_name_map().get(name)):
        return full  # "QQP", a PwC task label too, as a dataset is Quora Question Pairs
    # a hand alias wins a generated label ("WiC" is Words in Context), not a version ("SQuAD2.0")
    hand = (family, fold(name)) in hand_labels()
    hand = hand and not (family is EntityType.DATASET and re.search(r"\d", name))
    if name in lexicon_labels() and (not hand or name in hand_row_labels()):
        return name  # "HumanEval+" is its own row, though it folds as "HumanEval"
    return known_labels().get((family, fold(name)))


def lpwc_iri(label: str, entity_type: EntityType) -> str | None:
    """The Linked Papers With Code IRI of a name PwC knows ("…/dataset/wmt-2014-english-german")."""
    kind = LPWC_KIND[entity_type]
    if kind is None or fold(label) not in pwc_names():
        return None
    slug = re.sub(r"[^0-9a-z]+", "-", label.lower()).strip("-")
    return f"{LPWC}{kind}/{slug}"
