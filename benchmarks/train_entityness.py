"""Train the "is this phrase a name?" judge (ingest/extract/entityness.py) on CPU, in seconds.

    PYTHONPATH=. python benchmarks/train_entityness.py [--out ingest/extract/model/entityness.json.gz]

Names (label 1): SciERC Method/Task/Metric/Material spans, TDMSci TASK/DATASET/METRIC spans, the
Papers with Code names of the generated gazetteer and the hand lexicon's names. Not names (0):
SciERC Generic and OtherScientificTerm spans. A phrase in both sets keeps its majority label;
every phrase is lower-cased, so capitals alone do not make a name. SciERC's dev file is held out: the script prints the judge's
accuracy and the share of held-out generic phrases it stops, and the threshold is the one that
keeps 95 % of the held-out names.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np

from benchmarks.shared_data import SHARED_DATA
from papergraph.ingest.extract.entityness import BUCKETS, EntitynessModel, buckets, model_path
from papergraph.ingest.extract.gazetteer import generated_lexicon, hand_lexicon

SCIERC_NAMES = {"Method", "Task", "Metric", "Material"}
SCIERC_NOT = {"Generic", "OtherScientificTerm"}
KEEP_NAMES = 0.95  # the threshold keeps this share of held-out names


def scierc(split: str) -> Iterator[tuple[str, int]]:
    path = SHARED_DATA / "scierc" / "raw_json" / f"{split}.json"
    for line in path.read_text("utf-8").splitlines():
        doc = json.loads(line)
        words = [w for sentence in doc["sentences"] for w in sentence]
        for sentence in doc["ner"]:
            for start, end, kind in sentence:
                phrase = " ".join(words[start : end + 1])
                if kind in SCIERC_NAMES or kind in SCIERC_NOT:
                    yield phrase, int(kind in SCIERC_NAMES)


def tdmsci() -> Iterator[tuple[str, int]]:
    words: list[str] = []
    for line in (SHARED_DATA / "tdmsci" / "train_1500_v2.conll").read_text("utf-8").splitlines():
        cols = line.split("\t")
        tag = cols[-1] if len(cols) >= 3 else "O"
        if words and not tag.startswith("I-"):
            yield " ".join(words), 1
            words = []
        if tag.startswith("B-"):
            words = [cols[0]]
        elif tag.startswith("I-") and words:
            words.append(cols[0])


def training_phrases() -> dict[str, int]:
    votes: dict[str, Counter[int]] = {}
    sources = [
        scierc("train"),
        tdmsci(),
        ((n, 1) for e in (*generated_lexicon(), *hand_lexicon()) for n in e.names),
    ]
    for source in sources:
        for phrase, label in source:
            votes.setdefault(phrase.lower(), Counter())[label] += 1
    return {phrase: counts.most_common(1)[0][0] for phrase, counts in votes.items()}


def matrix(phrases: list[str]) -> np.ndarray:
    from scipy.sparse import csr_matrix

    rows, cols = [], []
    for i, phrase in enumerate(phrases):
        for bucket in set(buckets(phrase)):
            rows.append(i)
            cols.append(bucket)
    return csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(phrases), BUCKETS))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=model_path())
    args = parser.parse_args()
    from sklearn.linear_model import LogisticRegression

    data = training_phrases()
    phrases = sorted(data)
    labels = np.array([data[p] for p in phrases])
    fit = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced")
    fit.fit(matrix(phrases), labels)
    held = sorted({(p.lower(), y) for p, y in scierc("dev")} - set(data.items()))
    held_p = fit.predict_proba(matrix([p for p, _ in held]))[:, 1]
    held_y = np.array([y for _, y in held])
    threshold = float(np.quantile(held_p[held_y == 1], 1 - KEEP_NAMES))
    stopped = float(np.mean(held_p[held_y == 0] < threshold))
    accuracy = float(np.mean((held_p >= threshold) == (held_y == 1)))
    print(
        f"trained on {len(phrases)} phrases ({labels.sum()} names); SciERC dev held out: "
        f"{len(held)} phrases, accuracy {accuracy:.3f}, threshold {threshold:.3f} keeps "
        f"{KEEP_NAMES:.0%} of names and stops {stopped:.1%} of generic/other terms"
    )
    model = EntitynessModel([float(w) for w in fit.coef_[0]], float(fit.intercept_[0]), threshold)
    args.out.write_bytes(model.to_bytes())
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} kB)")


if __name__ == "__main__":
    main()
