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

The lexicon files are read as data (core imports no other package); the Linked Papers With Code
IRI of a name Papers with Code knows is `lpwc_iri`.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

import pycountry

from papergraph.core.model import EntityType, entity_key, fold

LEXICON = Path(__file__).resolve().parents[1] / "ingest" / "lexicon"
PWC_FILE = "pwc-names.txt"  # every PwC name (benchmarks/build_gazetteer.py)
#: Short dataset names PwC lists as tasks, with the dataset each shortens ("QQP"; written by
#: benchmarks/build_short_names.py): aliases of that dataset where no lexicon row says otherwise.
SHORT_NAMES_FILE = "dataset-short-names.txt"
LPWC = "https://linkedpaperswithcode.com/"
LPWC_KIND = {
    EntityType.METHOD: "method",
    EntityType.DATASET: "dataset",
    EntityType.BENCHMARK: "dataset",
    EntityType.TASK: "task",
    EntityType.METRIC: None,  # LPWC has no metric nodes, only metric names on evaluations
}
#: Dataset and Benchmark are one family: a name's label is looked up in both.
FAMILY = {EntityType.BENCHMARK: EntityType.DATASET}
DATASET_TYPES = (EntityType.DATASET, EntityType.BENCHMARK)
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
_KIND_WORDS = re.compile(
    r"\s+(?:data\s?sets?|datasets?|corpus|corpora|benchmarks?|images)$", re.IGNORECASE
)
_ON = re.compile(r"^(?P<variant>.+?)\s+(?:on|of|from)\s+(?:the\s+)?(?P<name>.+)$")
_TITLE_WORDS = re.compile(r"^(?:[A-Z][a-z]+|[a-z]+)(?:[\s-]+(?:[A-Z][a-z]+|[a-z]+))*$")


def canonical(name: str, entity_type: EntityType) -> Canonical:
    """The key, label and qualifier `name` has as an entity of `entity_type`."""
    name = " ".join(name.split())
    base, qualifier = split_qualifier(name) if entity_type in DATASET_TYPES else (name, "")
    if entity_type in DATASET_TYPES:  # "MS COCO dataset" is MS COCO
        stripped = _KIND_WORDS.sub("", base) or base
        if known_label(stripped, entity_type) or not known_label(base, entity_type):
            base = stripped
    label = (
        _known_plural(base, entity_type)
        or known_label(base, entity_type)
        or listed_spelling(base, entity_type)
        or _plain(base)
    )
    return Canonical(entity_key(entity_type, label), label, qualifier)


def listed_spelling(name: str, entity_type: EntityType) -> str | None:
    """How a list spells a dataset `name` that the paper wrote in other capitals ("CoPA" ->
    "COPA"), or None: Papers with Code's names first, then the usual-metric lists' datasets.
    Plain lower-case or Title-Case phrases are left to `_plain`."""
    if entity_type not in DATASET_TYPES or _plain(name) != name:
        return None
    return dataset_spellings().get(fold(name))


#: Lists of dataset names, beside PWC_FILE, read for their spelling: the first column.
SPELLING_FILES = ("usual-metrics.txt", "generated-usual-metrics.txt")


@lru_cache(maxsize=1)
def dataset_spellings() -> dict[str, str]:
    """Folded dataset name -> its spelling in the lists (PWC_FILE wins)."""
    spellings: dict[str, str] = {}
    for file in SPELLING_FILES:
        names = (line.split("\t")[0] for line in _data_lines(LEXICON / file))
        spellings.update({fold(name): name for name in names if name != "dataset"})
    path = LEXICON / PWC_FILE
    rows = _rows(path) if path.is_file() else ()
    spellings.update({fold(label): label for label, kind, _ in rows if kind in DATASET_TYPES})
    return spellings


def split_qualifier(name: str) -> tuple[str, str]:
    """("WMT", "2014 en-de") from "WMT 2014 English-German"; (name, "") when nothing to split."""
    if (on := _ON.match(name)) and variant_only(on.group("variant")):
        name = f"{on.group('name')} {on.group('variant')}"
    year, rest = _take_year(name)
    pair, rest = _take_pair(rest)
    split, rest = _take_split(rest)
    base = " ".join(rest.replace(" ,", ",").split()).strip(" ,;:-(")
    if not base or (not year and not pair and not split):
        return name, ""
    return base, " ".join(part for part in (year, pair, split) if part)


def variant_only(text: str) -> bool:
    """Whether `text` is only a year, a language pair or a split ("EN-DE" in "EN-DE on WMT")."""
    _, rest = _take_year(text)
    _, rest = _take_pair(rest)
    _, rest = _take_split(rest)
    return not rest.strip(" ,")


def _take_year(name: str) -> tuple[str, str]:
    if match := _YEAR.search(name):
        return match.group(1), name[: match.start()] + " " + name[match.end() :]
    glued = _GLUED_YEAR.match(name.split(" ")[0]) if name else None
    if glued and not _named_so(glued.group(0)):
        rest = name.split(" ", 1)[1] if " " in name else ""
        return f"20{glued.group(2)}", f"{glued.group(1)} {rest}"
    return "", name


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


def _take_split(name: str) -> tuple[str, str]:
    if (match := _SPLIT.search(name)) and name[: match.start()].strip():
        return match.group(1).lower(), name[: match.start()] + " " + name[match.end() :]
    return "", name


@lru_cache(maxsize=4096)
def language(word: str) -> str | None:
    """The ISO 639-1 code of a language name or code ("German", "De", "deu" -> "de")."""
    if len(word) == 2:
        found = pycountry.languages.get(alpha_2=word.lower())
    else:
        found = pycountry.languages.get(name=word.title())
    return getattr(found, "alpha_2", None) if found else None


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


@lru_cache(maxsize=1)
def hand_labels() -> frozenset[tuple[EntityType, str]]:
    """(type family, folded name) of every name the hand-made lexicon rows hold."""
    rows = [
        row
        for path in sorted(LEXICON.glob("*.tsv"))
        if not path.name.startswith("generated")
        for row in _rows(path)
    ]
    return frozenset(
        (FAMILY.get(kind, kind), fold(name))
        for label, kind, names in rows
        for name in (label, *names)
    )


@lru_cache(maxsize=1)
def pwc_types() -> frozenset[tuple[EntityType, str]]:
    """(type family, folded name) of every name Papers with Code lists."""
    path = LEXICON / PWC_FILE
    rows = _rows(path) if path.is_file() else ()
    return frozenset((FAMILY.get(kind, kind), fold(label)) for label, kind, _ in rows)


def known_label(name: str, entity_type: EntityType) -> str | None:
    """The lexicon label of `name` as a name of this type family, or None."""
    family = FAMILY.get(entity_type, entity_type)
    if family is EntityType.DATASET and (full := short_name_map().get(name)):
        return full  # "QQP", a PwC task label too, as a dataset is Quora Question Pairs
    # a hand row's alias wins a generated metric, method or task label ("top-5 error rate" is
    # top-5 error); a generated dataset label stays a version of its own ("SQuAD2.0")
    hand = family is not EntityType.DATASET and (family, fold(name)) in hand_labels()
    if name in lexicon_labels() and (not hand or name in hand_row_labels()):
        return name  # "HumanEval+" is its own row, though it folds as "HumanEval"
    return known_labels().get((family, fold(name)))


@lru_cache(maxsize=1)
def known_labels() -> dict[tuple[EntityType, str], str]:
    """(type family, folded name) -> label, from the lexicon rows; hand rows win, and within
    each, a row's own label wins its folded form over another row's alias."""
    labels: dict[tuple[EntityType, str], str] = {}
    for generated in (True, False):
        files = [
            p for p in sorted(LEXICON.glob("*.tsv")) if p.name.startswith("generated") == generated
        ]
        rows = [row for path in files for row in _rows(path)]
        for label, kind, names in rows:
            labels.update({(FAMILY.get(kind, kind), fold(name)): label for name in names})
        for label, kind, _ in rows:
            labels[(FAMILY.get(kind, kind), fold(label))] = label
    for short, dataset in short_names():
        labels.setdefault((EntityType.DATASET, fold(short)), dataset)
    return labels


@lru_cache(maxsize=1)
def short_names() -> tuple[tuple[str, str], ...]:
    """(short name, dataset) rows of SHORT_NAMES_FILE: "QQP" is Quora Question Pairs."""
    rows = (line.split("\t") for line in _data_lines(LEXICON / SHORT_NAMES_FILE))
    return tuple((row[0], row[1]) for row in rows if len(row) == 2)


@lru_cache(maxsize=1)
def short_name_map() -> dict[str, str]:
    """SHORT_NAMES_FILE as short name -> dataset, built once (`known_label` is on every
    canonicalisation's path)."""
    return dict(short_names())


@lru_cache(maxsize=1)
def lexicon_labels() -> frozenset[str]:
    """The labels of every lexicon row, as written."""
    return frozenset(label for label, _, _ in known_rows())


@lru_cache(maxsize=1)
def hand_row_labels() -> frozenset[str]:
    """The labels of the hand-made lexicon rows, as written."""
    paths = [p for p in sorted(LEXICON.glob("*.tsv")) if not p.name.startswith("generated")]
    return frozenset(label for path in paths for label, _, _ in _rows(path))


@lru_cache(maxsize=1)
def known_rows() -> tuple[tuple[str, EntityType, tuple[str, ...]], ...]:
    return tuple(row for path in sorted(LEXICON.glob("*.tsv")) for row in _rows(path))


@lru_cache(maxsize=1)
def pwc_names() -> frozenset[str]:
    """Folded names Papers with Code lists (tasks, datasets, benchmarks)."""
    path = LEXICON / PWC_FILE
    return frozenset(fold(label) for label, _, _ in _rows(path)) if path.is_file() else frozenset()


def lpwc_iri(label: str, entity_type: EntityType) -> str | None:
    """The Linked Papers With Code IRI of a name PwC knows ("…/dataset/wmt-2014-english-german")."""
    kind = LPWC_KIND[entity_type]
    if kind is None or fold(label) not in pwc_names():
        return None
    slug = re.sub(r"[^0-9a-z]+", "-", label.lower()).strip("-")
    return f"{LPWC}{kind}/{slug}"


def _data_lines(path: Path) -> list[str]:
    """A lexicon text file's lines less blank ones and # comments; none where it is missing."""
    lines = path.read_text("utf-8").splitlines() if path.is_file() else []
    return [line for line in lines if line.strip() and not line.startswith("#")]


@cache
def _rows(path: Path) -> tuple[tuple[str, EntityType, tuple[str, ...]], ...]:
    """A lexicon file's (label, type, aliases) rows, read once: several tables are built from
    each file (pwc-names.txt alone feeds four)."""
    rows = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith(("#", "label\t")):
            continue
        cols = line.split("\t") + ["", ""]
        rows.append((cols[0], EntityType(cols[1]), tuple(a for a in cols[2].split("|") if a)))
    return tuple(rows)
