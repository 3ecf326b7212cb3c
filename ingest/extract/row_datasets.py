"""Datasets of rows labelled by datasets (tables printed the other way round: ingest/extract/
table_columns.py): a stray row named as most rows are ("frostbite" among "Atari 2600 <game>"
rows), a dataset printed once over the rows of its metrics, a name printed before its metric.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from papergraph.core.canonical import known_label, known_type
from papergraph.core.model import EntityType, fold
from papergraph.ingest.extract.dataset_tasks import dataset_tasks
from papergraph.ingest.extract.matcher import NameMatcher
from papergraph.ingest.extract.metric_names import read_metric
from papergraph.ingest.extract.table_headers import AGGREGATE, HeaderKind, header_kind
from papergraph.ingest.extract.table_names import DATASET_TYPES

#: Rows of one family a table needs before a stray row takes the family ("Atari 2600 Alien",
#: "Atari 2600 Amidar", "Atari 2600 Assault": "frostbite" is Atari 2600 Frostbite).
MIN_FAMILY = 3


def family_datasets(
    labelled: Sequence[tuple[str, str | None]], matcher: NameMatcher
) -> list[str | None]:
    """The datasets of rows labelled by datasets (`labelled`: each row's label and the dataset
    read from it alone), a stray row named as most rows are: where most rows' datasets are
    "<family> <label>" of one family ("Atari 2600 Alien" for "alien"), a row read as its bare
    label ("frostbite": the dataset "Frostbite") or as none ("gopher", a method too) is that
    family's part where the lists know "<family> <label>", and a bare label the lists know as no
    dataset of its own takes the family too. Other rows stay: a dataset of its own ("MMLU"
    among BIG-bench tasks), a label naming no part ("# best")."""
    datasets = [dataset for _, dataset in labelled]
    family = _family(labelled)
    if family is None:
        return datasets
    return [
        _in_family(family, label, dataset, matcher) if _stray(label, dataset) else dataset
        for label, dataset in labelled
    ]


def _family(labelled: Sequence[tuple[str, str | None]]) -> str | None:
    """The family most rows' datasets name before their label ("Atari 2600"), or None."""
    named = [(label, dataset) for label, dataset in labelled if dataset]
    families = Counter(filter(None, (_family_of(label, d) for label, d in named if d)))
    if not families:
        return None
    family, count = families.most_common(1)[0]
    return family if count >= MIN_FAMILY and 2 * count > len(named) else None


def _family_of(label: str, dataset: str) -> str | None:
    """What `dataset` prints before the row's label ("Atari 2600" for "Atari 2600 Bank Heist"
    read from "bank heist"), or None where it does not end with the label."""
    words, printed = dataset.split(), label.split()
    if not printed or len(words) <= len(printed):
        return None
    tail = words[-len(printed) :]
    same = [fold(a) for a in tail] == [fold(b) for b in printed]
    return " ".join(words[: -len(printed)]) if same else None


def _stray(label: str, dataset: str | None) -> bool:
    """Whether a row names no dataset but its bare label, or none at all, and prints a name
    (not "# best", "Mean")."""
    if not label or AGGREGATE.match(label):
        return False
    return dataset is None or fold(dataset) == fold(label)


def _in_family(family: str, label: str, dataset: str | None, matcher: NameMatcher) -> str | None:
    """The family's part the label names where the lists know it ("Atari 2600 Frostbite"),
    else a bare label no list knows as a dataset in the family; else the row's dataset."""
    printed = dataset or (label if any(c.isupper() for c in label) else label.title())
    name = f"{family} {printed}"
    entry = matcher.lookup(name)
    if entry is not None and entry.type in DATASET_TYPES:
        return entry.label
    if known_type(name) is EntityType.DATASET or dataset_tasks(name, matcher):
        return name
    if dataset is not None and not _known_dataset(dataset, matcher):
        return name
    return dataset


def _known_dataset(name: str, matcher: NameMatcher) -> bool:
    entry = matcher.lookup(name)
    known = entry is not None and entry.type in DATASET_TYPES
    return known or known_type(name) is EntityType.DATASET


#: A bracketed count of one or two digits after a row's name: how many shots or runs.
_COUNT = re.compile(r"\s*\(\d{1,2}\)$")


def named_before_metric(label: str, caption: str = "") -> str | None:
    """The name a row label prints before its metric, where no list knows it ("CommonGen
    Rouge-1" in FLAN's Table 1: CommonGen, measured in ROUGE-1), if it is name-shaped or a
    capitalised name the caption prints ("Sarcasm F1 Macro" under a caption comparing models
    "in ... Sarcasm (Siddiqui, 2019)"), by the lists' spelling where they know it in another
    case ("Drop (F1)": DROP, "Web Questions (EM)": WebQuestions); else None ("Trivia QA 0-shot" prints no metric, "Mean
    acc" no name)."""
    words = label.split()
    for cut in range(1, len(words)):
        name, rest = " ".join(words[:cut]), " ".join(words[cut:])
        name = _COUNT.sub("", name)  # "TransCoder (3) pass@25": the (3) is its shots
        if read_metric(words[cut]) and read_metric(rest) and read_metric(name) is None:
            known = known_label(name, EntityType.DATASET)  # "Drop (F1)": DROP
            return known or (name if _named_so(name, caption) else None)
    return None


def _named_so(name: str, caption: str) -> bool:
    if header_kind(name) is HeaderKind.NAME:
        return True
    return name[:1].isupper() and bool(re.search(rf"\b{re.escape(name)}\b", caption))


def block_datasets(
    labels: Sequence[str],
    datasets: Sequence[str | None],
    blocks: Sequence[tuple[str, ...]] = (),
) -> list[str | None]:
    """Each row's dataset, a row labelled by a metric alone ("Rouge-2", "Rouge-L" under "DART
    Rouge-1") taking the dataset of the row above that printed one with its metric: a dataset
    printed once over the rows of its metrics; not across a new block label (the first of
    `blocks`, each row's: "TLDR" | "ROUGE-L" under "CNN/DM" | "ROUGE-L" is another dataset's
    row), whatever columns printed for each row ("Prompt": "basic", "fancy") say."""
    found = list(datasets)
    for i in range(1, len(found)):
        metric_only = known_type(labels[i]) is EntityType.METRIC
        same_block = not blocks or blocks[i][:1] == blocks[i - 1][:1]
        if found[i] is None and metric_only and same_block and read_metric(labels[i - 1]):
            found[i] = found[i - 1]
    return found
