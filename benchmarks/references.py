"""References: how many are parsed per paper, how well, and how many resolve to the right paper.

    PYTHONPATH=. .venv/bin/python benchmarks/references.py [--split tune|test] [--show N]

Reads the 39 PDFs and pdfgold-dev with the PDF reader (no encoding, no graph), and the
unarXive sample's bibliography entries, which carry gold arXiv ids. Then:

- parsing: references per PDF, the share with a title / authors / year / venue, titles that are
  junk (a URL, a venue, a publisher), and on unarXive the arXiv ids read against the gold ids;
- resolution: every parsed reference is resolved (`papergraph.ingest.citations.CitationResolver`, the code
  ingest runs) against a chunk store holding the titles of every paper known here (the PDFs,
  pdfgold's gold titles, unarXive's papers, ai-arxiv2's). A title match whose reference names
  an arXiv id (printed, or unarXive's gold id) is checked against it: that gives the precision
  of title matching at each threshold; `--show` prints matches to read by hand;
- links among the PDFs: the citations resolved between the PDFs themselves, and the references
  whose title is close to another PDF's title (ratio >= 75) but did not resolve, to check by hand.

Splits: a PDF's is pdfgold's rule (first hex digit of its sha256 < 8: tune); an unarXive
paper's is the same rule on the sha256 of its id. Tune the threshold on tune, report test.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import statistics
from collections.abc import Iterator
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from benchmarks.pdfgold import gold_papers
from benchmarks.shared_data import SHARED_DATA
from papergraph.core.model import Paper, Reference, title_key
from papergraph.index.store import ChunkStore
from papergraph.ingest.citations import CitationResolver
from papergraph.ingest.citing import attach_contexts
from papergraph.ingest.readers.bibliography import is_junk_title, parse_entry
from papergraph.ingest.readers.pdf import PdfReader
from papergraph.ingest.settings import IngestSettings

THRESHOLDS = (80.0, 85.0, 88.0, 90.0, 93.0, 95.0, 98.0, 100.0)
NEAR = 75.0  # unresolved references this close to a PDF's title are printed to check by hand


@dataclass
class Source:
    """A paper whose references are read: id, arXiv id, title, split, references."""

    id: str
    arxiv_id: str | None
    title: str
    split: str
    references: list[Reference] = field(default_factory=list)
    kind: str = "pdf"
    gold_arxiv: list[str | None] = field(default_factory=list)  # unArXive's, per reference


def _split_of(digest: str) -> str:
    return "tune" if digest[:1] in set("01234567") else "test"


def pdf_sources() -> Iterator[Source]:
    """The 39 PDFs and pdfgold-dev, read by today's PDF reader."""
    index = SHARED_DATA / "pdfs" / "INDEX.tsv"
    rows = list(csv.DictReader(index.open(encoding="utf-8"), delimiter="\t"))
    files = [(SHARED_DATA / "pdfs" / row["file"], row["sha256"], None) for row in rows]
    files += [(g.pdf, g.sha256, g) for g in gold_papers()]
    settings = IngestSettings()
    for path, sha, gold in files:
        paper = next(iter(PdfReader().read(path, settings)), None)
        if not isinstance(paper, Paper):
            continue
        attach_contexts(paper)
        if gold is not None:  # pdfgold's id and title, not the reader's guesses
            paper_id, arxiv_id, title = gold.arxiv_id or paper.id, gold.arxiv_id, gold.title
        else:
            paper_id, arxiv_id, title = paper.id, paper.arxiv_id, paper.title
        yield Source(paper_id, arxiv_id, title, _split_of(sha), paper.references)


def unarxive_sources() -> Iterator[Source]:
    """unArXive's papers with their bibliography entries parsed; gold arXiv ids kept aside."""
    folder = SHARED_DATA / "unarxive-sample" / "unarXive_data_sample"
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            paper_id = row["paper_id"]
            source = Source(
                paper_id,
                paper_id,
                " ".join(row["metadata"]["title"].split()),
                _split_of(hashlib.sha256(paper_id.encode()).hexdigest()),
                kind="unarxive",
            )
            for entry in row["bib_entries"].values():
                source.references.append(parse_entry(entry["bib_entry_raw"]))
                source.gold_arxiv.append(entry.get("ids", {}).get("arxiv_id") or None)
            yield source


def catalogue(sources: list[Source]) -> list[Paper]:
    """Every paper known here, as a store holds it: id, title, arXiv id."""
    papers = {s.id: Paper(id=s.id, title=s.title, arxiv_id=s.arxiv_id) for s in sources}
    for line in (SHARED_DATA / "ai-arxiv2-sample.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        arxiv = row.get("arxiv_id") or row["id"].split("#")[0]
        papers.setdefault(arxiv, Paper(id=arxiv, title=row["title"], arxiv_id=arxiv))
    return list(papers.values())


def parsing_report(sources: list[Source], show: int = 0) -> None:
    pdfs = [s for s in sources if s.kind == "pdf"]
    counts = [len(s.references) for s in pdfs]
    refs = [r for s in pdfs for r in s.references]
    print(
        f"PDFs: {len(pdfs)}, references {len(refs)}, per paper mean {statistics.mean(counts):.1f}"
        f" median {statistics.median(counts):.0f}, papers with none {counts.count(0)}"
    )
    _shares("PDF references", refs)
    cited = [r for r in refs if r.context]
    print(f"PDF references with a citing sentence found: {len(cited) / max(len(refs), 1):.2f}")
    for ref in cited[:: max(len(cited) // max(show, 1), 1)][:show]:
        print(f"   CONTEXT {(ref.title or ref.raw)[:60]!r}\n      <- {ref.context[:200]!r}")
    unarxive = [s for s in sources if s.kind == "unarxive"]
    _shares("unArXive entries", [r for s in unarxive for r in s.references])
    pairs = [(r, g) for s in unarxive for r, g in zip(s.references, s.gold_arxiv, strict=True)]
    gold = [(r, g) for r, g in pairs if g]
    read = [(r, g) for r, g in pairs if r.arxiv_id]
    right = sum(1 for r, g in gold if r.arxiv_id == g)
    wrong = sum(1 for r, g in read if g and r.arxiv_id != g)
    print(
        f"unArXive arXiv ids: gold {len(gold)}, read {len(read)}, right {right} "
        f"(recall {right / max(len(gold), 1):.2f}), contradicting gold {wrong}"
    )


def _shares(name: str, refs: list[Reference]) -> None:
    n = max(len(refs), 1)
    junk = sum(1 for r in refs if r.title and is_junk_title(r.title))
    print(
        f"{name}: {len(refs)}; title {sum(bool(r.title) for r in refs) / n:.2f}, authors "
        f"{sum(bool(r.authors) for r in refs) / n:.2f}, year {sum(r.year is not None for r in refs) / n:.2f}, "
        f"venue {sum(bool(r.venue) for r in refs) / n:.2f}; junk titles {junk}"
    )


def resolution_report(sources: list[Source], split: str, show: int) -> None:
    store = ChunkStore(":memory:")
    for paper in catalogue(sources):
        store.upsert_paper(paper)
    known = store.all_papers_minimal()
    key_of = {p["id"]: title_key(p["title"]) for p in known}
    ids_of_key: dict[str, set[str]] = {}
    for p in known:  # one work may be stored twice (resnet.pdf and 1512.03385.pdf)
        ids_of_key.setdefault(key_of[p["id"]], set()).add(p["arxiv_id"] or p["id"])
    print(f"\nTitle matching on {split} (catalogue of {store.count_papers()} papers):")
    print("threshold  matched  checkable  right  precision")
    for threshold in THRESHOLDS:
        pairs = list(_title_matches(store, sources, split, threshold))
        checkable = [(r, gold, pid) for r, gold, pid in pairs if gold]
        right = sum(1 for _, gold, pid in checkable if gold in ids_of_key[key_of[pid]])
        print(
            f"{threshold:9.0f}  {len(pairs):7d}  {len(checkable):9d}  {right:5d}  "
            f"{right / max(len(checkable), 1):9.3f}"
        )
        if threshold == IngestSettings().citation_title_match:
            for reference, gold, pid in checkable:
                if gold not in ids_of_key[key_of[pid]]:
                    print(f"   WRONG? {reference.title!r} (names {gold}) -> {pid}")
        if threshold == IngestSettings().citation_title_match and show:
            for reference, _, pid in pairs[:show]:
                stored = store.get_paper(pid) or {}
                print(f"   {reference.title!r}\n     -> {pid}: {stored.get('title')!r}")


def _title_matches(
    store: ChunkStore, sources: list[Source], split: str, threshold: float
) -> Iterator[tuple[Reference, str | None, str]]:
    """(reference, the arXiv id it names if known, the paper its title alone resolves to)."""
    resolver = CitationResolver(store, threshold)
    for source in sources:
        if source.split != split:
            continue
        golds = source.gold_arxiv or [None] * len(source.references)
        for reference, gold in zip(source.references, golds, strict=True):
            probe = Reference(raw=reference.raw, title=reference.title, year=reference.year)
            paper = Paper(id=source.id, title=source.title, references=[probe])
            resolver.resolve(paper)
            if probe.paper_id:
                yield reference, reference.arxiv_id or gold, probe.paper_id


def links_report(sources: list[Source], split: str) -> None:
    pdfs = [s for s in sources if s.kind == "pdf" and s.split == split]
    store = ChunkStore(":memory:")
    for source in pdfs:
        store.upsert_paper(Paper(id=source.id, title=source.title, arxiv_id=source.arxiv_id))
    resolver = CitationResolver(store, IngestSettings().citation_title_match)
    keys = {s.id: title_key(s.title) for s in pdfs}
    arxiv = {s.id: s.arxiv_id for s in pdfs}
    found, missed, expected = [], [], set()
    for source in pdfs:
        paper = Paper(
            id=source.id,
            title=source.title,
            references=[
                Reference(raw=r.raw, arxiv_id=r.arxiv_id, doi=r.doi, title=r.title, year=r.year)
                for r in source.references
            ],
        )
        resolver.resolve(paper)
        for ref in paper.references:
            raw_key = title_key(ref.raw)
            expected |= {
                (source.id, pid)
                for pid, key in keys.items()
                if pid != source.id
                and (
                    (key and key in raw_key)
                    or (ref.arxiv_id is not None and arxiv[pid] == ref.arxiv_id)
                )
            }
            if ref.paper_id:
                found.append((source.id, ref.paper_id, ref.title))
                continue
            near = [(fuzz.ratio(title_key(ref.title or ""), k), pid) for pid, k in keys.items()]
            score, pid = max(near) if near else (0.0, "")
            if score >= NEAR and pid != source.id:
                missed.append((source.id, pid, ref.title, score))
    pairs = {(citing, cited) for citing, cited, _ in found}
    print(
        f"\nLinks among the {len(pdfs)} {split} PDFs: {len(pairs)} pairs resolved; "
        f"{len(expected)} pairs whose entry holds the cited title or arXiv id, "
        f"{len(expected & pairs)} of them resolved"
    )
    for citing, cited in sorted(expected - pairs):
        print(f"   MISSED {citing} -> {cited}")
    for citing, cited in sorted(pairs - expected):
        print(f"   NOT IN RAW {citing} -> {cited}")
    for citing, cited, title in found:
        print(f"   {citing} -> {cited}  ({title})")
    print(f"Near misses (title ratio >= {NEAR:g}, unresolved): {len(missed)}")
    for citing, cited, title, score in missed:
        print(f"   {citing} -/-> {cited} ({score:.0f}): {title!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--split",
        choices=["tune", "test"],
        action="append",
        help="report this split (repeatable; default: tune, then test)",
    )
    parser.add_argument("--show", type=int, default=0, help="matches to print for reading")
    args = parser.parse_args()
    sources = list(pdf_sources()) + list(unarxive_sources())
    for split in args.split or ["tune", "test"]:
        print(f"\n==================== {split}")
        parsing_report([s for s in sources if s.split == split], args.show)
        resolution_report(sources, split, args.show)
        links_report(sources, split)


if __name__ == "__main__":
    main()
