"""Regenerate the generated gazetteers in ingest/lexicon/ from the shared data.

    PYTHONPATH=. python benchmarks/build_gazetteer.py [--shared ../shared/data]

Two files, each `label<TAB>type<TAB>aliases<TAB>case` like the hand-written lexicon:
- generated-pwc.tsv: Papers with Code task names, the datasets and benchmarks listed per task,
  and NLP-progress datasets (pwc-taxonomy). PwC metric names are left out: measured on the
  SciREX tune split they cost more precision than they gave recall (column headers such as
  "Figure", "Overall", "Params (M)").
- generated-scirex.tsv: entity names annotated in SciREX documents of the *tune* split only
  (benchmarks/scirex.py), kept when the annotators marked the phrase in at least half of the
  tune documents whose text contains it, with one dominant type.
Names the hand-written lexicon knows are left out (hand rows win); every name keeps one owner.
- pwc-names.txt: every Papers with Code name of the first file, hand-lexicon names included (what
  core/canonical.py links to Linked Papers With Code); not a lexicon: nothing matches from it.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from wordfreq import zipf_frequency

from benchmarks.scirex import TUNE, split_of
from benchmarks.shared_data import SHARED_DATA
from papergraph.ingest.extract.gazetteer import hand_lexicon
from papergraph.ingest.extract.matcher import name_key

LEXICON = Path(__file__).resolve().parents[1] / "ingest" / "lexicon"
SCIREX_TYPE = {"Method": "Method", "Material": "Dataset", "Task": "Task", "Metric": "Metric"}
MAX_WORDS = 6
MIN_RATIO = 0.5  # annotated in at least this share of the tune docs whose text has the phrase
COMMON_ZIPF = 3.0  # a word at least this frequent in English (~1 in a million words) is common
FOLD_CHARS = 4  # shorter single words (acronyms: "MR", "SST") match only as written
#: Words that are never a name on their own, whatever an annotation or a list says.
GENERIC = frozenset(
    """model models method methods approach approaches algorithm network networks system systems
    framework baseline baselines data dataset datasets task tasks result results performance
    accuracy error score scores training test testing evaluation experiments architecture
    features feature learning n/a overall average mean total time speed memory parameters params
    the a an our this that we it our proposed new all other""".split()
)
Row = tuple[str, str]  # (name, type)


def clean(name: str) -> str:
    """A name as it will be written: single spaces, SciREX's split hyphens joined ("a - b")."""
    name = re.sub(r"\s+", " ", name).strip(" ,.;:")
    return re.sub(r"\s*-\s*", "-", name) if " - " in name else name


def plausible(name: str) -> bool:
    words = name.split()
    if not name or len(words) > MAX_WORDS or len(name) < 2 or len(name) > 60:
        return False
    if name.lower() in GENERIC or all(w.lower() in GENERIC for w in words):
        return False
    if re.fullmatch(r"[\d.,%\s-]+", name) or any(c in name for c in ",;()[]{}\"'"):
        return False
    return bool(re.search(r"[A-Za-z]{2}", name))


def specific(name: str, kind: str, lowercase_share: dict[str, float]) -> bool:
    """Whether a name is specific enough to match anywhere: no common words, no generic phrases.

    A single word is dropped when tune-split text writes it in lower case at least a fifth of
    the time ("Figure", "Number", "Body") unless it holds a digit; lower-case Method phrases
    ("attention mechanisms") are descriptions, not names, and are dropped too.
    """
    words = name.split()
    has_upper_or_digit = any(c.isupper() or c.isdigit() for c in name)
    if len(name) < 3 and kind != "Dataset":
        return False  # two-letter metric, task and method names are left to the hand lexicon
    if len(words) == 1 and not any(c.isdigit() for c in name):
        if not has_upper_or_digit:
            return False
        if lowercase_share.get(name.lower(), 0.0) >= 0.2:
            return False
    return not (kind == "Method" and not has_upper_or_digit)


def case_rule(name: str) -> str:
    """The row's `case` column. A single word that is also a common English word (wordfreq's
    Zipf frequency of its lower-case form at least COMMON_ZIPF: "Penn", "Yelp", "Adam") matches
    only as written ("exact"); a rarer single word of at least FOLD_CHARS characters matches in
    any case ("fold": "Omniglot" is "OMNIGLOT", "bAbI" "BABI"); shorter words (acronyms) and
    phrases keep the lexicon's own rules ("")."""
    if " " in name or not any(c.isupper() for c in name):
        return ""
    if zipf_frequency(name.lower(), "en") >= COMMON_ZIPF:
        return "exact"
    return "fold" if len(name) >= FOLD_CHARS else "exact"


# --------------------------------------------------------------------------- Papers with Code


def pwc_rows(root: Path) -> Iterator[Row]:
    for line in (root / "data" / "all_tasks.txt").read_text("utf-8").splitlines():
        yield line.strip().strip('"'), "Task"
    for path in sorted((root / "results").glob("*/*_tasks_detailed.csv")):
        yield from _detailed_rows(path)
    yield from _detailed_rows(root / "results" / "all_tasks_detailed.csv")
    sota = root / "repositories" / "sota-extractor-master" / "data" / "tasks"
    for name in ("nlp-progress.json", "squad.json", "snli.json", "coqa.json", "hotpotqa.json"):
        if (sota / name).exists():
            yield from _sota_rows(json.loads((sota / name).read_text("utf-8")))


def _detailed_rows(path: Path) -> Iterator[Row]:
    for row in csv.DictReader(path.open(encoding="utf-8")):
        yield row.get("Task Name", ""), "Task"
        for column in ("Common Datasets (Top 10)", "Benchmarks"):
            for name in (row.get(column) or "").split(";"):
                yield name, "Dataset"


def _sota_rows(tasks: list[dict[str, object]]) -> Iterator[Row]:
    for task in tasks:
        yield str(task.get("task", "")), "Task"
        for dataset in task.get("datasets", []) or []:  # type: ignore[union-attr]
            yield dataset["dataset"], "Dataset"
        yield from _sota_rows(task.get("subtasks", []) or [])  # type: ignore[arg-type]


def write_pwc_names(root: Path) -> None:
    """Every name Papers with Code lists, hand-lexicon names included, for core.canonical's
    Linked Papers With Code links (`pwc-names.txt`: `name<TAB>type`, sorted)."""
    rows = sorted({(clean(name), kind) for name, kind in pwc_rows(root) if plausible(clean(name))})
    header = (
        "# Generated by benchmarks/build_gazetteer.py from Papers with Code data. CC BY-SA 4.0.\n"
    )
    (LEXICON / "pwc-names.txt").write_text(header + "".join(f"{n}\t{k}\n" for n, k in rows))


# --------------------------------------------------------------------------- SciREX tune split


def scirex_rows(folder: Path, exclude: frozenset[str] = frozenset()) -> Iterator[Row]:
    """Annotated names of tune documents (but the `exclude`d doc ids), kept by how reliably
    annotators mark them."""
    annotated: dict[str, Counter[str]] = defaultdict(Counter)  # lower name -> type -> docs
    spelled: dict[str, Counter[str]] = defaultdict(Counter)
    salient: Counter[str] = Counter()  # lower name -> docs where it names a salient cluster
    docs_with_text: Counter[str] = Counter()
    for path in sorted(folder.glob("*.json")):
        if split_of(path.stem) != TUNE or path.stem in exclude:
            continue
        doc = json.loads(path.read_text("utf-8"))
        words = doc["words"]
        names: dict[str, str] = {}
        for start, end, kind in doc["ner"]:
            if end - start <= MAX_WORDS:
                name = clean(" ".join(words[start:end]))
                names.setdefault(name.lower(), kind)
                spelled[name.lower()][name] += 1
        for lower, kind in names.items():
            annotated[lower][kind] += 1
        for lower in _salient_names(doc):
            salient[lower] += 1
        grams = _ngrams([w.lower() for w in words], annotated.keys())
        for lower in grams:
            docs_with_text[lower] += 1
    for lower, kinds in annotated.items():
        kind, count = kinds.most_common(1)[0]
        if count < 0.8 * sum(kinds.values()) or count / max(docs_with_text[lower], 1) < MIN_RATIO:
            continue
        if count >= 3 and not salient[lower]:
            continue  # a concept papers mention but never report results on ("learning rate")
        if count >= 2 or (count == 1 and salient[lower] and _named(lower)):
            yield spelled[lower].most_common(1)[0][0], SCIREX_TYPE[kind]


def _salient_names(doc: dict[str, object]) -> set[str]:
    """Lower-cased mention texts of the document's salient clusters (those in its results)."""
    words: list[str] = doc["words"]  # type: ignore[assignment]
    rows: list[dict[str, str]] = doc["n_ary_relations"]  # type: ignore[assignment]
    ids = {row[k] for row in rows for k in SCIREX_TYPE}
    coref: dict[str, list[list[int]]] = doc["coref"]  # type: ignore[assignment]
    return {clean(" ".join(words[a:b])).lower() for i in ids for a, b in coref.get(i, [])}


def _named(lower: str) -> bool:
    """Single-document names are kept only when they look like names, not phrases."""
    return bool(re.search(r"\d", lower)) or len(lower.split()) <= 3


def _ngrams(words: list[str], wanted: Iterable[str]) -> set[str]:
    joined = {" ".join(words[i : i + n]) for n in range(1, MAX_WORDS + 1)
              for i in range(len(words) - n + 1)}  # fmt: skip
    wanted_set = set(wanted)
    joined = {clean(g) for g in joined}
    return joined & wanted_set


# --------------------------------------------------------------------------- writing


def lowercase_shares(folder: Path, exclude: frozenset[str] = frozenset()) -> dict[str, float]:
    """For each word of tune-split text (but the `exclude`d doc ids): the share of its
    occurrences written in lower case."""
    lower: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for path in sorted(folder.glob("*.json")):
        if split_of(path.stem) == TUNE and path.stem not in exclude:
            for word in json.loads(path.read_text("utf-8"))["words"]:
                total[word.lower()] += 1
                lower[word.lower()] += word.islower()
    return {word: lower[word] / count for word, count in total.items()}


def rows_to_tsv(
    rows: Iterable[Row],
    taken: dict[tuple[str, ...], str],
    header: str,
    lowercase_share: dict[str, float],
) -> str:
    """TSV text of the plausible rows whose name nobody owns yet; claims their names in `taken`."""
    lines = [header, "label\ttype\taliases\tcase"]
    for raw, kind in rows:
        name = clean(raw)
        if not plausible(name) or not specific(name, kind, lowercase_share):
            continue
        key = tuple(t.lower() for t in name_key(name))
        if key in taken:
            continue
        taken[key] = kind
        lines.append(f"{name}\t{kind}\t\t{case_rule(name)}")
    return "\n".join(lines) + "\n"


def hand_keys() -> dict[tuple[str, ...], str]:
    return {
        tuple(t.lower() for t in name_key(name)): entry.type.value
        for entry in hand_lexicon()
        for name in entry.names
    }


def write_gazetteers(
    shared: Path, folder: Path, exclude: frozenset[str] = frozenset()
) -> tuple[int, int]:
    """generated-scirex.tsv and generated-pwc.tsv in `folder`, SciREX names read from tune
    documents but the `exclude`d doc ids; (SciREX names, PwC names) written. With `folder` other
    than ingest/lexicon this is a gazetteer for the `gazetteer` ingest setting (the retrieval
    benchmark's leak-free store)."""
    taken = hand_keys()
    shares = lowercase_shares(shared / "scirex" / "train_docs", exclude)
    scirex = rows_to_tsv(
        scirex_rows(shared / "scirex" / "train_docs", exclude),
        taken,
        "# Generated by benchmarks/build_gazetteer.py from SciREX (tune split only). Apache-2.0.",
        shares,
    )
    pwc = rows_to_tsv(
        pwc_rows(shared / "pwc-taxonomy"),
        taken,
        "# Generated by benchmarks/build_gazetteer.py from Papers with Code data. CC BY-SA 4.0.",
        shares,
    )
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "generated-scirex.tsv").write_text(scirex, "utf-8")
    (folder / "generated-pwc.tsv").write_text(pwc, "utf-8")
    return scirex.count("\n") - 2, pwc.count("\n") - 2


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED_DATA)
    args = parser.parse_args(argv)
    write_pwc_names(args.shared / "pwc-taxonomy")
    scirex, pwc = write_gazetteers(args.shared, LEXICON)
    print(f"scirex: {scirex} names, pwc: {pwc} names")


if __name__ == "__main__":
    main()
