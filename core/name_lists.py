"""The shipped name lists, read once as tables: the lexicon rows (hand-made and generated),
Papers with Code's names, the usual-metric lists' datasets and the short dataset names.

`core.canonical` decides with them; they are data (ingest/lexicon/), and core imports no other
package, so they are read here as plain files.
"""

from __future__ import annotations

from collections import Counter
from functools import cache, lru_cache
from pathlib import Path

import pycountry

from papergraph.core.model import EntityType, fold

LEXICON = Path(__file__).resolve().parents[1] / "ingest" / "lexicon"
PWC_FILE = "pwc-names.txt"  # every PwC name (benchmarks/build_gazetteer.py)
#: Short dataset names PwC lists as tasks, with the dataset each shortens ("QQP"; written by
#: benchmarks/build_short_names.py): aliases of that dataset where no lexicon row says otherwise.
SHORT_NAMES_FILE = "dataset-short-names.txt"
#: Datasets a digit after whose name is their label count ("FEVER-3"), with sources.
LABEL_COUNT_FILE = "label-counts.txt"
#: Dataset and Benchmark are one family: a name's label is looked up in both.
FAMILY = {EntityType.BENCHMARK: EntityType.DATASET}
DATASET_TYPES = (EntityType.DATASET, EntityType.BENCHMARK)
#: Lists of dataset names, beside PWC_FILE, read for their spelling: the first column.
SPELLING_FILES = ("usual-metrics.txt", "generated-usual-metrics.txt")
#: How many Papers with Code tasks must end in a word for it to name a kind of task.
TASK_WORD_TASKS = 5


def pwc_rows() -> tuple[tuple[str, EntityType, tuple[str, ...]], ...]:
    """PWC_FILE's (label, type, aliases) rows; none where the file is missing."""
    path = LEXICON / PWC_FILE
    return lexicon_rows(path) if path.is_file() else ()


@lru_cache(maxsize=1)
def task_words() -> frozenset[str]:
    """Words that end at least TASK_WORD_TASKS of Papers with Code's task names ("detection",
    "classification", "answering"): after a dataset's name they say what it was used for."""
    ends = Counter(
        label.split()[-1].lower() for label, kind, _ in pwc_rows() if kind is EntityType.TASK
    )
    return frozenset(word for word, tasks in ends.items() if tasks >= TASK_WORD_TASKS)


@lru_cache(maxsize=1)
def dataset_spellings() -> dict[str, str]:
    """Folded dataset name -> its spelling in the lists (PWC_FILE wins)."""
    spellings: dict[str, str] = {}
    for file in SPELLING_FILES:
        names = (line.split("\t")[0] for line in data_lines(LEXICON / file))
        spellings.update({fold(name): name for name in names if name != "dataset"})
    spellings.update({fold(label): label for label, kind, _ in pwc_rows() if kind in DATASET_TYPES})
    return spellings


@lru_cache(maxsize=1)
def hand_labels() -> frozenset[tuple[EntityType, str]]:
    """(type family, folded name) of every name the hand-made lexicon rows hold."""
    return frozenset(
        (FAMILY.get(kind, kind), fold(name))
        for label, kind, names in _hand_rows()
        for name in (label, *names)
    )


@lru_cache(maxsize=1)
def pwc_types() -> frozenset[tuple[EntityType, str]]:
    """(type family, folded name) of every name Papers with Code lists."""
    return frozenset((FAMILY.get(kind, kind), fold(label)) for label, kind, _ in pwc_rows())


@lru_cache(maxsize=1)
def known_labels() -> dict[tuple[EntityType, str], str]:
    """(type family, folded name) -> label, from the lexicon rows; hand rows win, and within
    each, a row's own label wins its folded form over another row's alias."""
    labels: dict[tuple[EntityType, str], str] = {}
    for generated in (True, False):
        files = [
            p for p in sorted(LEXICON.glob("*.tsv")) if p.name.startswith("generated") == generated
        ]
        rows = [row for path in files for row in lexicon_rows(path)]
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
    rows = (line.split("\t") for line in data_lines(LEXICON / SHORT_NAMES_FILE))
    return tuple((row[0], row[1]) for row in rows if len(row) == 2)


@lru_cache(maxsize=1)
def label_counted() -> frozenset[str]:
    """Folded names of the datasets whose versions differ by their label count (FEVER-3 and
    FEVER-2, Yelp-2 and Yelp-5): LABEL_COUNT_FILE's first column."""
    return frozenset(fold(line.split("\t")[0]) for line in data_lines(LEXICON / LABEL_COUNT_FILE))


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
    return frozenset(label for label, _, _ in _hand_rows())


@lru_cache(maxsize=1)
def known_rows() -> tuple[tuple[str, EntityType, tuple[str, ...]], ...]:
    return tuple(row for path in sorted(LEXICON.glob("*.tsv")) for row in lexicon_rows(path))


@lru_cache(maxsize=1)
def pwc_names() -> frozenset[str]:
    """Folded names Papers with Code lists (tasks, datasets, benchmarks)."""
    return frozenset(fold(label) for label, _, _ in pwc_rows())


def _hand_rows() -> tuple[tuple[str, EntityType, tuple[str, ...]], ...]:
    """The hand-made lexicon rows: every *.tsv file but the generated ones."""
    paths = [p for p in sorted(LEXICON.glob("*.tsv")) if not p.name.startswith("generated")]
    return tuple(row for path in paths for row in lexicon_rows(path))


def data_lines(path: Path) -> list[str]:
    """A lexicon text file's lines less blank ones and # comments; none where it is missing."""
    lines = path.read_text("utf-8").splitlines() if path.is_file() else []
    return [line for line in lines if line.strip() and not line.startswith("#")]


@cache
def lexicon_rows(path: Path) -> tuple[tuple[str, EntityType, tuple[str, ...]], ...]:
    """A lexicon file's (label, type, aliases) rows, read once: several tables are built from
    each file (pwc-names.txt alone feeds four)."""
    rows = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith(("#", "label\t")):
            continue
        cols = line.split("\t") + ["", ""]
        rows.append((cols[0], EntityType(cols[1]), tuple(a for a in cols[2].split("|") if a)))
    return tuple(rows)


@lru_cache(maxsize=4096)
def language(word: str) -> str | None:
    """The ISO 639-1 code of a language name or code ("German", "De", "deu" -> "de")."""
    if len(word) == 2:
        found = pycountry.languages.get(alpha_2=word.lower())
    else:
        found = pycountry.languages.get(name=word.title())
    return getattr(found, "alpha_2", None) if found else None
