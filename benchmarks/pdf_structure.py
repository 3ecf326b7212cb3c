"""How well the PDF reader reads front matter, and how fast: `python -m benchmarks.pdf_structure`.

Over pdfgold-dev (gold titles and authors; tune and test splits reported apart) and the 39 PDFs
of the shared data: title exact match (case and spaces normalised), author precision, recall
and F1 by family name, references parsed per paper, the share of abstracts that end where the
printed one ends (the 39, against endings checked by hand), and pages/s with 2 workers.
"""

from __future__ import annotations

import argparse
import os
import time
import unicodedata
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from benchmarks.pdfgold import PDFGOLD, gold_papers
from benchmarks.shared_data import SHARED_DATA

# Abstract endings checked by hand on the 39 (file name -> the printed abstract's last words).
# Papers without an abstract (a one-page table excerpt, an editorial) are left out.
ABSTRACT_ENDINGS = {
    "2203.00130v1.pdf": "give readers more confidence to approach these papers.",
    "2304.02623v1.pdf": "and discuss considerations for future research.",
    "2020.acl-main.447.pdf": "tools and tasks for text mining over academic text.",
    "2023.eacl-main.121.pdf": "and our software for future research.",
    "2206.10883v3.pdf": "applications to assist in the CRLC's mission.",
    "2302.07302v1.pdf": "via inline citation when conducting real-world literature reviews.",
    "index-list-out-of-range-7f4e18385a30ccb00dc637d5123f894f1f862964.pdf": "methods.",
    "key-error-585bcfc650f744efa7942900b742c1b64863350e.pdf": "between 20 and 150 µW.",
    "papermage.pdf": "production system for processing millions of PDFs.",
    "value-error-box-diff-page-3574574f60182fc886aa13ad9d9dd3efc4d0a081.pdf": "while inducing lexical novelty in the generation.",
    "1706.03762.pdf": "with large and limited training data.",
    "1803.02999.pdf": "aimed at understanding why these algorithms work.",
    "1910.02054.pdf": "(17B parameters) with record breaking accuracy.",
    "2109.08668.pdf": "comparisons in T5 to help with reproducibility.",
    "2112.04426.pdf": "through explicit memory at unprecedented scale.",
    "2203.14465.pdf": "learning from its own generated reasoning.",
    "2204.02311.pdf": "and discuss potential mitigation strategies.",
    "2204.10628.pdf": "https://github.com/ facebookresearch/SEAL.",
    "2205.01068.pdf": "for experimenting with all of the released models.",
    "2205.14135.pdf": "(seq. length 64K, 63.1% accuracy).",
    "RWKV.pdf": "model performance in sequence processing tasks.",
    "distillation.pdf": "can be trained rapidly and in parallel.",
    "muzero.pdf": "algorithm that was supplied with the game rules.",
    "ponder_net.pdf": "test the reasoning capabilities of neural networks.",
    "resnet.pdf": "ImageNet localization, COCO detection, and COCO segmentation.",
    "vit.pdf": "fewer computational resources to train.",
    "1502.03167.pdf": "exceeding the accuracy of human raters.",
    "1512.03385.pdf": "ImageNet localization, COCO detection, and COCO segmentation.",
    "2002.08909.pdf": "such as interpretability and modularity.",
    "2005.11401.pdf": "than a state-of-the-art parametric-only seq2seq baseline.",
    "2007.01282.pdf": "aggregate and combine evidence from multiple passages.",
    "2010.11929.pdf": "fewer computational resources to train.",
    "2203.02155.pdf": "for aligning language models with human intent.",
    "2301.11305.pdf": "for code, data, and other project information.",
    "Adam_ A Method for Stochastic Optimization.pdf": "a variant of Adam based on the infinity norm.",
}


@dataclass
class Read:
    """What the reader made of one PDF (what the figures need)."""

    file: str
    pages: int
    title: str
    authors: list[str]
    abstract: str
    references: int
    cpu_s: float = 0.0  # CPU seconds the reading took in its worker


def read_one(path: Path) -> Read:
    from papergraph.core.model import Paper
    from papergraph.ingest.readers import read_path
    from papergraph.ingest.settings import IngestSettings

    start = time.process_time()
    papers = [item for item in read_path(path, IngestSettings()) if isinstance(item, Paper)]
    cpu = time.process_time() - start
    pages = max((page for p in papers for c in p.chunks for page in c.pages), default=0)
    if not papers:
        return Read(path.name, pages, "", [], "", 0)
    paper = papers[0]
    return Read(
        path.name,
        pages,
        paper.title,
        paper.authors,
        paper.abstract or "",
        len(paper.references),
        cpu,
    )


def read_all(paths: list[Path], workers: int) -> tuple[list[Read], float]:
    """Every PDF read by `workers` processes; the wall-clock seconds it took."""
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        reads = list(pool.map(read_one, paths, chunksize=1))
    return reads, time.perf_counter() - start


def normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


def family(name: str) -> str:
    """The last word of a name, case and accents aside ("Dollár" and "Dollar" agree)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    words = [w for w in normal(plain).replace(".", " ").split() if w]
    return words[-1] if words else ""


def author_counts(found: list[str], gold: list[str]) -> tuple[int, int, int]:
    """True positives, found and gold counts, by family name (each gold name matched once)."""
    remaining = [family(name) for name in gold]
    hits = 0
    for name in found:
        if family(name) in remaining:
            remaining.remove(family(name))
            hits += 1
    return hits, len(found), len(gold)


def prf(counts: Iterable[tuple[int, int, int]]) -> tuple[float, float, float]:
    hits, found, gold = (sum(values) for values in zip(*counts, strict=True))
    precision = hits / found if found else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def gold_figures(reads: dict[str, Read], root: Path, split: str) -> dict[str, float]:
    golds = [g for g in gold_papers(split, root) if g.pdf.name in reads]  # type: ignore[arg-type]
    titles = [normal(reads[g.pdf.name].title) == normal(g.title) for g in golds]
    counts = [author_counts(reads[g.pdf.name].authors, g.authors) for g in golds if g.authors]
    precision, recall, f1 = prf(counts) if counts else (0.0, 0.0, 0.0)
    return {
        "papers": len(golds),
        "title": sum(titles) / max(1, len(titles)),
        "author_p": precision,
        "author_r": recall,
        "author_f1": f1,
    }


def abstract_misses(reads: list[Read]) -> tuple[list[str], int]:
    """The hand-checked papers whose abstract does not end where the printed one does."""
    checked = [r for r in reads if r.file in ABSTRACT_ENDINGS]
    misses = [
        r.file for r in checked if not normal(r.abstract).endswith(normal(ABSTRACT_ENDINGS[r.file]))
    ]
    return misses, len(checked)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0, help="read only this many PDFs of each set")
    args = parser.parse_args(argv)
    gold_pdfs = sorted((PDFGOLD / "pdfs").glob("*.pdf"))
    loose = sorted((SHARED_DATA / "pdfs").rglob("*.pdf"))
    if args.limit:
        gold_pdfs, loose = gold_pdfs[: args.limit], loose[: args.limit]
    reads, seconds = read_all(gold_pdfs + loose, args.workers)
    print(report(reads, seconds, len(gold_pdfs), args.workers))


def report(reads: list[Read], seconds: float, n_gold: int, workers: int) -> str:
    by_name = {r.file: r for r in reads[:n_gold]}
    lines = ["split  papers  title  author P  author R  author F1"]
    for split in ("tune", "test"):
        f = gold_figures(by_name, PDFGOLD, split)
        lines.append(
            f"{split:5}  {f['papers']:6.0f}  {f['title']:.3f}  {f['author_p']:.3f}"
            f"     {f['author_r']:.3f}     {f['author_f1']:.3f}"
        )
    misses, checked = abstract_misses(reads[n_gold:])
    pages = sum(r.pages for r in reads)
    references = sum(r.references for r in reads) / max(1, len(reads))
    lines.append(
        f"abstracts ending right (hand-checked, the 39): {checked - len(misses)}/{checked}"
        + (f" (not: {', '.join(misses)})" if misses else "")
    )
    lines.append(f"references parsed per paper: {references:.1f}")
    cpu = sum(r.cpu_s for r in reads)
    load = os.getloadavg()[0]
    lines.append(
        f"pages/s with {workers} workers: {pages / seconds:.1f} wall ({pages} pages, "
        f"{seconds:.1f} s, load average {load:.1f} on {os.cpu_count()} CPUs)"
    )
    lines.append(
        f"pages per CPU-second: {pages / cpu:.1f}, so {workers} idle cores read "
        f"~{workers * pages / cpu:.0f} pages/s"
    )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
