"""A column header that prints a word of a dataset's name the paper spells out in full.

Transfer tables print a row per model and a column per downstream dataset, and shorten the
long names to a word of them: ViT's Table 6 heads "ImageNet | CIFAR-10 | Pets | Flowers" where
its text names "Oxford-IIIT Pets" and "Oxford Flowers-102". No list knows the bare word as a
dataset, so the column gave no row. The paper's own names settle it: the header is the one
dataset the paper names (`TableContext.datasets`, each name it is written as -> its label) with
the header's words among its name's words, and only where another column of the table names a
dataset the lists know, so a column per class ("car", "person"), per setting or per model is
never read as a dataset.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from papergraph.core.canonical import SPLITS
from papergraph.core.model import fold
from papergraph.core.name_lists import language
from papergraph.ingest.extract.matcher import NameMatcher
from papergraph.ingest.extract.table_headers import AGGREGATE, HeaderKind, header_kind
from papergraph.ingest.extract.table_names import dataset_named

#: A short header that may be a word of a longer name: capitalised words of letters ("Pets",
#: "Flowers", "Stanford Cars"); one to three words.
_WORDS = re.compile(r"^[A-Z][A-Za-z]{2,}(?: [A-Z][A-Za-z]{2,}){0,2}$")
#: The words of a name: "Oxford-IIIT Pets" -> oxford, iiit, pets.
_WORD = re.compile(r"[^\W_]+")
#: Words that head columns of any kind, never a word shortening one dataset's name: the
#: LibriSpeech subsets, words for data or a kind of it, and for who or what is scored.
_GENERIC = frozenset(
    "clean other noisy dataset datasets data set sets corpus corpora benchmark benchmarks "
    "human humans questions question tasks task samples images videos text language languages "
    "split subset average overall all total small base large tiny medium huge easy hard "
    "full".split()
)


def paper_dataset(
    header: str, headers: Iterable[str], datasets: Mapping[str, str], matcher: NameMatcher
) -> str | None:
    """The one dataset of the paper's `datasets` whose name holds the header's words (in
    order, as whole words, with more words besides), where another of the table's `headers`
    names a known dataset; else None."""
    text = header.strip()
    if not _WORDS.match(text) or AGGREGATE.match(text):
        return None
    if header_kind(text) not in (HeaderKind.NAME, HeaderKind.WORDS):
        return None  # a metric, setting, language or method heads no dataset
    found = _found(text, datasets)
    if found is None:
        return None
    siblings = [h.strip() for h in headers if h and h.strip() != text]
    if any(_found(sibling, datasets) == found for sibling in siblings):
        return None  # two headers, one name: neither is that dataset alone
    return found if any(dataset_named(h, matcher) for h in siblings) else None


def _found(header: str, datasets: Mapping[str, str]) -> str | None:
    """The one label of `datasets` whose name holds the words of `header`, where none of
    them is a generic, split or language word; else None."""
    words = _WORD.findall(header)
    if not _WORDS.match(header) or any(_generic(word) for word in words):
        return None
    found = {label for name, label in datasets.items() if _holds(name, header)}
    return found.pop() if len(found) == 1 else None


def _generic(word: str) -> bool:
    """Whether a header's word heads columns of any kind: a split, a language, a generic word."""
    folded = fold(word)
    return folded in _GENERIC or folded in SPLITS or language(word) is not None


def _holds(name: str, header: str) -> bool:
    """Whether the words of `header` run, in order, among the words of `name`, which has more."""
    words = [fold(w) for w in _WORD.findall(name)]
    wanted = [fold(w) for w in _WORD.findall(header)]
    if len(words) <= len(wanted):
        return False
    return any(words[i : i + len(wanted)] == wanted for i in range(len(words) - len(wanted) + 1))
