"""Train the sentence facet classifier (background / method / result) and measure it.

Labels come from SciREX section headings, no hand-labelling: a body sentence under
"Introduction", "Related work", "Background" is background; under "Method", "Model", "Proposed
...", "Approach", "Architecture" is method; under "Experiments", "Results", "Evaluation",
"Ablation", "Analysis", "Discussion" is result; other sections are left out. A logistic
regression over tf-idf unigrams and bigrams (scikit-learn) is trained on the tune documents'
sentences and measured on the test documents' (the fixed split of `benchmarks.scirex`). Its
weights are written as a TSV (`api/related/facet_model.tsv`), which `papergraph.api.related.facets` scores
with plain Python: scikit-learn is needed only here.

    python -m benchmarks.train_facets            # train, print test accuracy, write the model
    python -m benchmarks.train_facets --check    # measure only, write nothing
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator, Sequence
from pathlib import Path

from benchmarks.scirex import split_of
from benchmarks.shared_data import SCIREX_DOCS
from papergraph.api.related.facets import FACETS, MODEL_PATH, FacetModel, tokens

HEADINGS = {
    "background": ("introduction", "related", "background", "preliminaries", "motivation"),
    "method": (
        "method",
        "methods",
        "methodology",
        "model",
        "proposed",
        "approach",
        "our",
        "architecture",
        "algorithm",
        "network",
        "framework",
    ),
    "result": (
        "experiments",
        "experimental",
        "experiment",
        "results",
        "evaluation",
        "ablation",
        "comparison",
        "empirical",
        "analysis",
        "qualitative",
        "discussion",
        "datasets",
    ),
}
_FACET_OF_HEADING = {word: facet for facet, words in HEADINGS.items() for word in words}


def labelled_sentences(folder: Path, split: str) -> Iterator[tuple[str, str]]:
    """(sentence, facet) of every body sentence under a recognised heading, one split."""
    for path in sorted(folder.glob("*.json")):
        if split_of(path.stem) != split:
            continue
        doc = json.loads(path.read_text("utf-8"))
        words = doc["words"]
        for start, end in doc["sections"]:
            head = words[start : start + 4]
            if head[:2] != ["section", ":"] or len(head) < 3:
                continue
            facet = _FACET_OF_HEADING.get(head[2].lower())
            if facet is None:
                continue
            for s_start, s_end in doc["sentences"]:
                if start < s_start < end and s_end - s_start >= 6:
                    yield " ".join(words[s_start:s_end]), facet


def main(argv: Sequence[str] | None = None) -> int:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import classification_report

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scirex", type=Path, default=SCIREX_DOCS)
    parser.add_argument("--check", action="store_true", help="measure only")
    args = parser.parse_args(argv)
    train = list(labelled_sentences(args.scirex, "tune"))
    test = list(labelled_sentences(args.scirex, "test"))
    vectorizer = TfidfVectorizer(
        tokenizer=tokens,
        lowercase=False,
        ngram_range=(1, 2),
        min_df=3,
        max_features=12000,
        sublinear_tf=True,
        token_pattern=None,
    )
    features = vectorizer.fit_transform([text for text, _ in train])
    model = LogisticRegression(max_iter=2000, C=2.0, class_weight="balanced")
    model.fit(features, [facet for _, facet in train])
    predicted = model.predict(vectorizer.transform([text for text, _ in test]))
    print(f"trained on {len(train)} tune sentences, measured on {len(test)} test sentences")
    print(classification_report([facet for _, facet in test], predicted, digits=3))
    model_here = FacetModel(
        {t: float(vectorizer.idf_[c]) for t, c in vectorizer.vocabulary_.items()},
        {t: tuple(float(v) for v in model.coef_[:, c]) for t, c in vectorizer.vocabulary_.items()},
        tuple(float(v) for v in model.intercept_),
    )
    with_cues = [model_here.classify(text) for text, _ in test]
    print("with the cue phrases first (as api.related.facets classifies):")
    print(classification_report([facet for _, facet in test], with_cues, digits=3))
    if not args.check:
        assert tuple(model.classes_) == FACETS
        rows = ["__intercept__\t0\t" + "\t".join(f"{v:.5f}" for v in model.intercept_)]
        for term, column in sorted(vectorizer.vocabulary_.items()):
            weights = "\t".join(f"{v:.5f}" for v in model.coef_[:, column])
            rows.append(f"{term}\t{vectorizer.idf_[column]:.5f}\t{weights}")
        MODEL_PATH.write_text("\n".join(rows) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH} ({len(rows) - 1} terms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
