"""The lexicon of known names: entries read from the TSV files in `ingest/lexicon/`.

A row is `label<TAB>type<TAB>aliases[<TAB>case]`: aliases are `|`-separated; `case=exact`
makes every name of the row case-sensitive (for names that are also common words), `case=fold`
every name case-insensitive, short ones too (a rare word: "bAbI" is "BABI", "Omniglot"
"OMNIGLOT"); otherwise names of up to SHORT_NAME characters (acronyms) match as written, and so
does a name with a word in capitals that is, in lower case, one of English's commonest words
(Papers with Code's "AND Dataset", "AS Reader", "HKU-IS", "IN-1K": read case-blind, a caption's
"all tasks and datasets" named the handwriting dataset AND).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from papergraph.core.model import EntityType, fold
from papergraph.ingest.extract.errors import GazetteerUnreadable

SHORT_NAME = 5  # names this short (acronyms) match case-sensitively: "ARC" is not "arc"
#: wordfreq Zipf frequency from which a word is among English's commonest, function words and
#: the like ("and" 7.4, "in" 7.3, "is" 7.1, "as" 6.8, "all" 6.5; "big" 5.7 and "live" 5.5 are not).
FUNCTION_WORD = 6.5
_CAPITALS = re.compile(r"\b[A-Z]{2,}\b")


@dataclass(frozen=True)
class LexiconEntry:
    """One concept: its preferred label, its type and the other names it goes by."""

    label: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    exact_case: bool = False
    folded: bool = False  # every name matches in any case

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)

    def case_sensitive(self, name: str) -> bool:
        """Whether `name` must match with its exact case."""
        return not self.folded and (
            self.exact_case or len(name) <= SHORT_NAME or _capital_function_word(name)
        )


def _capital_function_word(name: str) -> bool:
    """Whether a word of `name` in capitals is one of English's commonest words in lower case."""
    return any(word_frequency(w) >= FUNCTION_WORD for w in _CAPITALS.findall(name))


@lru_cache(maxsize=8192)
def word_frequency(word: str) -> float:
    """The word's Zipf frequency in English, case-blind (wordfreq; its lists load on first use)."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word.lower(), "en"))


def parse_row(line: str) -> LexiconEntry | None:
    """The entry a TSV line holds; None for comments, blanks and the header."""
    if not line.strip() or line.startswith(("#", "label\t")):
        return None
    cols = [col.strip() for col in line.rstrip("\n").split("\t")] + ["", ""]
    label, type_name, aliases, case = cols[:4]
    names = tuple(a.strip() for a in aliases.split("|") if a.strip() and a.strip() != label)
    return LexiconEntry(label, EntityType(type_name), names, case == "exact", case == "fold")


def read_lexicon(lines: Iterable[str], source: str = "lexicon") -> list[LexiconEntry]:
    """Entries of one TSV text, in file order. Raises `GazetteerUnreadable` naming `source` and
    the line when a row's type is unknown."""
    entries = []
    for number, line in enumerate(lines, start=1):
        try:
            entry = parse_row(line)
        except ValueError as error:
            raise GazetteerUnreadable(f"{source}, line {number}: {error}") from error
        if entry is not None:
            entries.append(entry)
    return entries


def read_file(path: Path | Traversable) -> list[LexiconEntry]:
    """Entries of one TSV file (a path, or a file shipped in the package)."""
    return read_lexicon(path.read_text("utf-8").splitlines(), str(path))


def load_lexicon(paths: Iterable[Path]) -> list[LexiconEntry]:
    """Entries of the given TSV files."""
    return [entry for path in paths for entry in read_file(path)]


def read_gazetteer(folder: Path) -> tuple[LexiconEntry, ...]:
    """Entries of every `*.tsv` file in `folder` (in name order): a gazetteer given in settings.

    Raises `GazetteerUnreadable` naming the folder or the file and line when there is nothing to
    read or a row's type is unknown."""
    files = sorted(folder.glob("*.tsv")) if folder.is_dir() else []
    if not files:
        raise GazetteerUnreadable(f"{folder}: no gazetteer here (a folder of *.tsv files)")
    return tuple(entry for path in files for entry in read_file(path))


GENERATED_PREFIX = "generated-"  # files written by benchmarks/build_gazetteer.py


def _shipped(generated: bool) -> tuple[LexiconEntry, ...]:
    folder = resources.files("papergraph.ingest.lexicon")
    files = sorted(
        (
            f
            for f in folder.iterdir()
            if f.name.endswith(".tsv") and f.name.startswith(GENERATED_PREFIX) == generated
        ),
        key=lambda f: f.name,
    )
    return tuple(entry for file in files for entry in read_file(file))


@lru_cache(maxsize=1)
def hand_lexicon() -> tuple[LexiconEntry, ...]:
    """Entries of the hand-written TSV files in `ingest/lexicon/`, read once per process."""
    return _shipped(generated=False)


@lru_cache(maxsize=1)
def generated_lexicon() -> tuple[LexiconEntry, ...]:
    """Entries of the generated gazetteers (`generated-*.tsv`): PwC and SciREX names."""
    return _shipped(generated=True)


def default_lexicon() -> tuple[LexiconEntry, ...]:
    """The hand-written lexicon: what the `lexicon` extractor knows."""
    return hand_lexicon()


@lru_cache(maxsize=8)
def lexicon_names(*types: EntityType) -> frozenset[str]:
    """Every name (label or alias) the shipped lexicons, generated and hand-written, give an
    entry of one of `types`, folded: "is this name a dataset's?" in one set lookup."""
    entries = (e for e in (*generated_lexicon(), *hand_lexicon()) if e.type in types)
    return frozenset(fold(name) for entry in entries for name in entry.names)
