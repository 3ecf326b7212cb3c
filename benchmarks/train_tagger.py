"""Train the mention tagger (ingest/extract/tagger.py) on SciREX tune-split documents.

    PYTHONPATH=. python benchmarks/train_tagger.py [--scirex ../shared/data/scirex/train_docs]

Every mention annotation (`ner`) of the tune split's documents becomes BIO labels over SciREX's
own tokens; sentences without a mention are kept one in SENTENCE_STRIDE so the model also learns
what is not a name, at a fraction of the cost. Test-split documents are never read. A CRF with L1
regularisation (few non-zero weights keep the file small) is written to ingest/extract/model/.
Deterministic: same data, same model.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.scirex import TUNE, Document, read_documents
from benchmarks.shared_data import SCIREX_DOCS
from papergraph.ingest.extract.tagger import LABEL_TYPES, sentence_features

DEFAULT_OUT = (
    Path(__file__).resolve().parents[1] / "ingest" / "extract" / "model" / "tagger.crfsuite.gz"
)
SENTENCE_STRIDE = 4
PARAMS = {"c1": 0.3, "c2": 0.01, "max_iterations": 80, "feature.minfreq": 2}

Sequence = tuple[list[str], list[str]]


def labelled_sentences(document: Document) -> Iterator[Sequence]:
    """(words, BIO labels) per sentence of one document; most mention-free sentences skipped."""
    words = document.raw["words"]
    labels = ["O"] * len(words)
    for start, end, kind in document.raw["ner"]:
        if kind in LABEL_TYPES:
            labels[start] = f"B-{kind}"
            for i in range(start + 1, end):
                labels[i] = f"I-{kind}"
    for index, (start, end) in enumerate(document.raw["sentences"]):
        sentence = labels[start:end]
        if any(label != "O" for label in sentence) or index % SENTENCE_STRIDE == 0:
            yield words[start:end], sentence


def train(folder: Path, out: Path, limit: int | None = None) -> int:
    """Train on the tune split of `folder`, write the model to `out`; the number of sentences."""
    return train_on(read_documents(folder, TUNE, limit), out, str(folder))


def train_on(documents: Iterable[Document], out: Path, source: str = "") -> int:
    """Train on `documents`, write the model to `out`; the number of sentences."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    count = 0
    for document in documents:
        for words, labels in labelled_sentences(document):
            trainer.append(sentence_features(words), labels)
            count += 1
    if not count:
        raise SystemExit(f"no SciREX tune-split documents in {source}")
    trainer.set_params(PARAMS)
    out.parent.mkdir(parents=True, exist_ok=True)
    raw = out.with_suffix("") if out.suffix == ".gz" else out
    trainer.train(str(raw))
    if raw != out:  # shipped gzipped: half the size in the repository
        out.write_bytes(gzip.compress(raw.read_bytes(), compresslevel=9, mtime=0))
        raw.unlink()
    return count


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scirex", type=Path, default=SCIREX_DOCS, help="SciREX train_docs")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--docs", type=int, default=None, help="at most N tune documents")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    count = train(args.scirex, args.out, args.docs)
    size = args.out.stat().st_size / 1e6
    print(f"{count} sentences, {time.perf_counter() - started:.0f} s, {args.out} ({size:.1f} MB)")


if __name__ == "__main__":
    main()
