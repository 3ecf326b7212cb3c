"""Fit the learned salience model (ingest/extract/ranker.py) on SciREX tune-split documents.

    PYTHONPATH=. python benchmarks/train_salience.py [--scirex ../shared/data/scirex/train_docs]

The hybrid extractor, with its hand-weighted salience, reads every tune document; each entity it
finds is a training example. Its SciREX gazetteer is built from the tune split, so it knows every
tune document's salient names; to learn from candidates as they look on unseen papers, each
document is read with a gazetteer rebuilt without its fold (FOLDS folds). An example is positive
when one of its names is a name of a gold salient cluster of its type (benchmarks/scirex.py).
One L2-regularised logistic regression per type; its weights, and the tune-split document
frequency of entities found in at least MIN_DF_DOCS documents, go to
ingest/extract/model/salience.json. Test-split documents are never read. Deterministic.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.build_gazetteer import (
    LEXICON,
    hand_keys,
    lowercase_shares,
    pwc_rows,
    rows_to_tsv,
    scirex_rows,
)
from benchmarks.scirex import TUNE, Document, normalise, read_documents
from benchmarks.shared_data import SCIREX_DOCS
from benchmarks.train_tagger import train_on
from papergraph.core.model import Entity, Extraction
from papergraph.ingest.extract.gazetteer import LexiconEntry, load_lexicon, read_lexicon
from papergraph.ingest.extract.hybrid import HybridExtractor
from papergraph.ingest.extract.ranker import (
    PaperView,
    SalienceModel,
    features,
    ranked_peers,
    scirex_type,
)
from papergraph.ingest.extract.tagged import TaggedExtractor
from papergraph.ingest.extract.tagger import Tagger

MODEL_DIR = Path(__file__).resolve().parents[1] / "ingest" / "extract" / "model"
GOLD_TYPE = {"Method": "Method", "Dataset": "Material", "Task": "Task", "Metric": "Metric"}
MIN_DF_DOCS = 5
FOLDS = 3
C = 1.0  # inverse regularisation strength

Example = tuple[dict[str, float], int]


def document_frequencies(extractions: list[Extraction]) -> dict[str, float]:
    """Share of documents naming each entity key, for keys named in at least MIN_DF_DOCS."""
    counts = Counter(key for x in extractions for key in {e.key for e in x.entities})
    total = max(len(extractions), 1)
    return {key: round(n / total, 4) for key, n in sorted(counts.items()) if n >= MIN_DF_DOCS}


def is_gold(entity: Entity, document: Document) -> int:
    names = {
        normalise(n) for n in [entity.label, *entity.aliases, *(e.text for e in entity.evidence)]
    }
    names.discard("")
    gold = document.gold(GOLD_TYPE[scirex_type(entity.type)])
    return int(any(names & cluster.names for cluster in gold))


def examples(
    documents: list[Document], extractions: list[Extraction], df: dict[str, float]
) -> dict[str, list[Example]]:
    """Feature dicts and gold labels per model type."""
    out: dict[str, list[Example]] = defaultdict(list)
    for document, extraction in zip(documents, extractions, strict=True):
        view = PaperView.of(document.paper)
        by_type: dict[str, list[Entity]] = defaultdict(list)
        for entity in extraction.entities:
            by_type[scirex_type(entity.type)].append(entity)
        for kind, peers in by_type.items():
            for rank, entity, total in ranked_peers(peers):
                values = features(entity, view, rank, total, df)
                out[kind].append((values, is_gold(entity, document)))
    return out


def fit(rows: list[Example]) -> dict[str, float]:
    """Logistic regression weights by feature name (the bias is the `bias` feature's weight)."""
    from sklearn.linear_model import LogisticRegression

    names = sorted(rows[0][0])
    x = [[values[n] for n in names] for values, _ in rows]
    y = [label for _, label in rows]
    model = LogisticRegression(C=C, fit_intercept=False, max_iter=2000).fit(x, y)
    return {name: round(float(w), 5) for name, w in zip(names, model.coef_[0], strict=True)}


@lru_cache(maxsize=2)
def _shares(folder: Path) -> dict[str, float]:
    return lowercase_shares(folder)


def fold_gazetteer(folder: Path, held_out: list[Document]) -> list[LexiconEntry]:
    """The generated names as shipped, but SciREX names learned without the `held_out` docs."""
    return list(_fold_gazetteer(folder, frozenset(d.doc_id for d in held_out)))


@lru_cache(maxsize=8)
def _fold_gazetteer(folder: Path, exclude: frozenset[str]) -> tuple[LexiconEntry, ...]:
    """Built as benchmarks/build_gazetteer.py builds the shipped files, SciREX names first: a
    Papers with Code name that the full tune split's SciREX names took ("face verification")
    is missing from the shipped PwC file, and must come back where the fold lacks it."""
    header = "# fold gazetteer"
    taken = hand_keys()
    scirex = rows_to_tsv(scirex_rows(folder, exclude), taken, header, _shares(folder))
    pwc_root = folder.parents[1] / "pwc-taxonomy"
    if pwc_root.is_dir():
        tsv = rows_to_tsv(pwc_rows(pwc_root), taken, header, _shares(folder))
        pwc = read_lexicon(tsv.splitlines())
    else:  # SciREX documents outside the shared data: the shipped PwC names
        pwc = load_lexicon([LEXICON / "generated-pwc.tsv"])
    return tuple(pwc + read_lexicon(scirex.splitlines()))


def held_out_extractions(
    folder: Path,
    documents: list[Document],
    extractor_name: str = "hybrid",
    learned: bool = False,
    fold_taggers: bool = True,
) -> list[Extraction]:
    """Each document read by the extractor (hand-weighted salience unless `learned`) with a
    gazetteer, and for "tagged" a tagger (unless not `fold_taggers`), built without its fold."""
    extractions: dict[str, Extraction] = {}
    for fold in range(FOLDS):
        held_out = documents[fold::FOLDS]
        gazetteer = fold_gazetteer(folder, held_out)
        extractor: HybridExtractor
        if extractor_name == "tagged":
            tagger = fold_tagger(documents, held_out) if fold_taggers else None
            extractor = TaggedExtractor(learned, gazetteer, tagger)
        else:
            extractor = HybridExtractor(learned, gazetteer)
        extractions.update({d.doc_id: extractor.extract(d.paper) for d in held_out})
    return [extractions[d.doc_id] for d in documents]


def fold_tagger(documents: list[Document], held_out: list[Document]) -> Tagger:
    """A tagger trained on `documents` but the `held_out` ones."""
    skip = {d.doc_id for d in held_out}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fold.crfsuite"
        train_on((d for d in documents if d.doc_id not in skip), path)
        return Tagger(path)


def train(
    folder: Path, limit: int | None = None, extractor_name: str = "hybrid"
) -> tuple[SalienceModel, dict[str, int]]:
    documents = list(read_documents(folder, TUNE, limit))
    if not documents:
        raise SystemExit(f"no SciREX tune-split documents in {folder}")
    extractions = held_out_extractions(folder, documents, extractor_name)
    df = document_frequencies(extractions)
    data = examples(documents, extractions, df)
    weights = {
        kind: fit(rows) for kind, rows in sorted(data.items()) if len({y for _, y in rows}) > 1
    }
    return SalienceModel(weights, df), {kind: len(rows) for kind, rows in data.items()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scirex", type=Path, default=SCIREX_DOCS, help="SciREX train_docs")
    parser.add_argument("--extractor", choices=("hybrid", "tagged"), default="hybrid")
    parser.add_argument("--out", type=Path, default=None, help="default: the extractor's model")
    parser.add_argument("--docs", type=int, default=None, help="at most N tune documents")
    args = parser.parse_args(argv)
    model, sizes = train(args.scirex, args.docs, args.extractor)
    extractor = TaggedExtractor if args.extractor == "tagged" else HybridExtractor
    args.out = args.out or MODEL_DIR / extractor.salience_model
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(model.to_json() + "\n", "utf-8")
    print(f"examples per type: {sizes}; {len(model.df)} document frequencies; wrote {args.out}")


if __name__ == "__main__":
    main()
